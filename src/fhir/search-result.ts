import type { Resource } from '@medplum/fhirtypes';
import type { SearchResult } from './types.js';

/** A search result with nothing in it yet, received now. */
export function emptySearchResult<T extends Resource = Resource>(): SearchResult<T> {
  return { matches: [], included: [], outcomes: [], bundleSecurity: [], truncated: false, skipped: [], fetchedAt: new Date() };
}
