import type { Meta } from '@storybook/web-components-vite';
import '../src/care-record-sources.js';
import { widgetMeta, widgetStories } from './support/widget-stories.js';

const meta = {
  title: 'Elements/Sources',
  component: 'care-record-sources',
  ...widgetMeta('care-record-sources'),
} satisfies Meta;
export default meta;

const s = widgetStories({
  tag: 'care-record-sources',
  noun: 'sources',
  // Each item is a source, so "the same item from several sources" does not apply.
  sameItem: false,
});

export const Ready = s.Ready;
export const DensityCompact = s.DensityCompact;
export const DensityComfortable = s.DensityComfortable;
export const StaleBatchFeed = s.StaleBatchFeed;
export const WithheldAtSource = s.WithheldAtSource;
export const SourceUnavailable = s.SourceUnavailable;
export const StrictServerRefusesIncludes = s.StrictServerRefusesIncludes;
export const FiltersHideItems = s.FiltersHideItems;
export const TruncatedAtPagingCap = s.TruncatedAtPagingCap;
export const LargeList = s.LargeList;
export const Loading = s.Loading;
export const Empty = s.Empty;
export const ErrorUnreadableResponse = s.ErrorUnreadableResponse;
export const ErrorMalformedJson = s.ErrorMalformedJson;
export const ErrorHttp500 = s.ErrorHttp500;
export const ErrorNetwork = s.ErrorNetwork;
export const ErrorTimeout = s.ErrorTimeout;
export const ErrorInvalidNhsNumber = s.ErrorInvalidNhsNumber;
export const Forbidden = s.Forbidden;
export const Unauthorized = s.Unauthorized;
export const NotConfigured = s.NotConfigured;
