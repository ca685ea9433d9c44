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
 * says so (the widget shows it as a notice), as long as another search was answered. Any other
 * failure fails the widget at once, as before; every search unsupported fails it with the first
 * search's error.
 */
export async function settleSearches(
  searches: ReadonlyArray<{ resourceType: string; run: Promise<SearchResult> }>,
): Promise<SearchResult[]> {
  const unsupported: HieError[] = [];
  const results = await Promise.all(
    searches.map(async ({ resourceType, run }, i) => {
      try {
        return await run;
      } catch (error) {
        if (!isUnsupportedSearch(error)) throw error;
        unsupported[i] = error;
        return unsupportedResult(resourceType, error);
      }
    }),
  );
  if (results.length > 0 && unsupported.filter(Boolean).length === results.length) throw unsupported[0];
  return results;
}
