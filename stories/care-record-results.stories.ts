import type { Meta } from '@storybook/web-components-vite';
import '../src/care-record-results.js';
import { widgetMeta, widgetStories } from './support/widget-stories.js';

const meta = {
  title: 'Elements/Results',
  component: 'care-record-results',
  ...widgetMeta('care-record-results'),
} satisfies Meta;
export default meta;

const s = widgetStories({
  tag: 'care-record-results',
  noun: 'results',
  // Results from several sources meet in a report's members (collapsed by default) and in trends;
  // add `sameItem` with a marker the widget shows on first render, and export the story, when there is one.
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
