import type { Meta } from '@storybook/web-components-vite';
import '../src/care-record-immunisations.js';
import { widgetMeta, widgetStories } from './support/widget-stories.js';

const meta = {
  title: 'Elements/Immunisations',
  component: 'care-record-immunisations',
  ...widgetMeta('care-record-immunisations'),
} satisfies Meta;
export default meta;

const s = widgetStories({
  tag: 'care-record-immunisations',
  noun: 'immunisation records',
  // The same vaccine from the GP and the pharmacy are two records, each with its own source (no merge marker).
  sameItem: false,
});

export const Ready = s.Ready;
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
