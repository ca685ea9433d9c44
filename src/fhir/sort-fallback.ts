import { HieError } from './errors.js';
import { outcomeText } from './outcome.js';
import type { SearchParams } from './include-fallback.js';
import type { SearchResult } from './types.js';

function refusesSort(error: unknown, sort: string): error is HieError {
  if (!(error instanceof HieError) || error.kind !== 'http') return false;
  const status = error.status ?? 0;
  // 401/403 are about the user and 404/405 about the search itself, never about the sort.
  if (status < 400 || status > 499 || [401, 403, 404, 405].includes(status)) return false;
  const said = `${outcomeText(error.outcome) ?? ''}\n${error.message}`;
  return said.includes('_sort') || said.includes(sort.replace(/^-/, ''));
}

/**
 * Wraps `search` so that when the HIE refuses the `_sort` (a 4xx whose OperationOutcome names it:
 * not every server sorts by every date parameter) the search is asked again without it, and the
 * result says so in `refusedSort`: its items are in the server's own order. The refusal is
 * remembered, so later calls (an include fallback's retries) do not ask again.
 */
export function withSortFallback<T extends SearchResult>(
  search: (params: SearchParams) => Promise<T>,
): (params: SearchParams) => Promise<T> {
  let refused: string | undefined;
  return async (params) => {
    const sort = params['_sort'];
    if (typeof sort !== 'string') return search(params);
    const unsorted: SearchParams = { ...params };
    delete unsorted['_sort'];
    if (refused === undefined) {
      try {
        return await search(params);
      } catch (error) {
        if (!refusesSort(error, sort)) throw error;
        refused = sort;
      }
    }
    return { ...(await search(unsorted)), refusedSort: refused };
  };
}
