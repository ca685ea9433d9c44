import type { Meta } from '@storybook/web-components-vite';
import '../src/care-record-problems.js';
import { widgetMeta, widgetStories } from './support/widget-stories.js';

const meta = {
  title: 'Elements/Problems',
  component: 'care-record-problems',
  ...widgetMeta('care-record-problems'),
} satisfies Meta;
export default meta;

const s = widgetStories({
  tag: 'care-record-problems',
  noun: 'problems',
  sameItem: {
    selector: '.also',
    description:
      'The same problem (same SNOMED CT concept) recorded by more than one source: each record says "Also recorded by" the others.',
  },
});

export const Ready = s.Ready;
export const DensityCompact = s.DensityCompact;
export const DensityComfortable = s.DensityComfortable;
export const SameItemFromSeveralSources = s.SameItemFromSeveralSources;
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
