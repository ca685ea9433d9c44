import { emptySearchResult, HieError } from '../fhir/index.js';
import type { SearchResult } from '../fhir/types.js';

/**
 * How a server says it has no such search: 404 for a resource type it does not know (HAPI:
 * "Unknown resource type"), 405 or 501. Some servers offer no MedicationStatement or Composition,
 * for one; that must not cost the widget the items its other searches found.
 */
function isUnsupportedSearch(error: unknown): error is HieError {
  return error instanceof HieError && error.kind === 'http' && [404, 405, 501].includes(error.status ?? 0);
}

function unsupportedResult(resourceType: string, error: HieError): SearchResult {
  return { ...emptySearchResult(), unsupported: { resourceType, reason: error.message } };
}

/**
 * A widget's searches, in order. A search the server does not offer becomes an empty result that
 * says so (the widget shows it as a notice), as long as another search was answered; any other
 * failure, or every search unsupported, fails the widget as before, with the first such error.
 */
export async function settleSearches(
  searches: ReadonlyArray<{ resourceType: string; run: Promise<SearchResult> }>,
): Promise<SearchResult[]> {
  const settled = await Promise.allSettled(searches.map((s) => s.run));
  const failed = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  const fatal = failed.find((reason) => !isUnsupportedSearch(reason));
  if (fatal !== undefined) throw fatal;
  if (failed.length === settled.length && failed.length > 0) throw failed[0];
  return settled.map((s, i) =>
    s.status === 'fulfilled' ? s.value : unsupportedResult(searches[i]!.resourceType, s.reason as HieError),
  );
}
