import { HieError } from './errors.js';
import { outcomeText } from './outcome.js';
import type { SearchResult } from './types.js';

export type SearchParams = Record<string, string | string[]>;

/** Parameters that only bring related resources along: the items a search finds do not depend on them. */
const INCLUDE_KEYS = ['_include', '_include:iterate', '_revinclude', '_revinclude:iterate'] as const;

function includeValues(params: SearchParams): string[] {
  return INCLUDE_KEYS.flatMap((key) => [params[key] ?? []].flat());
}

function withoutIncludes(params: SearchParams, refused: readonly string[]): SearchParams {
  const kept: SearchParams = { ...params };
  for (const key of INCLUDE_KEYS) {
    const values = [params[key] ?? []].flat().filter((value) => !refused.includes(value));
    if (values.length > 0) kept[key] = values;
    else delete kept[key];
  }
  return kept;
}

function isBadRequest(error: unknown): error is HieError {
  return error instanceof HieError && error.kind === 'http' && error.status === 400;
}

/**
 * Runs `search`, and when the server answers 400 Bad Request to a search that asks for related
 * resources, asks again without the ones it refused: those its OperationOutcome names (HAPI, for
 * one, says `Invalid _include parameter value: "CarePlan:author"`), else all of them. Servers
 * support different `_include`s (R4 defines no CarePlan `author` parameter, for example), and a
 * refused include must not cost the clinician the items themselves. What was left out is returned
 * in `refusedIncludes`, so the widget can say that sources or linked items may be missing. Any
 * other error, or a 400 once nothing is left to leave out, is thrown as it came.
 */
export async function searchWithIncludeFallback<T extends SearchResult>(
  search: (params: SearchParams) => Promise<T>,
  params: SearchParams,
): Promise<T> {
  let current = params;
  const refused: string[] = [];
  for (;;) {
    try {
      const result = await search(current);
      return refused.length > 0 ? { ...result, refusedIncludes: refused } : result;
    } catch (error) {
      const asked = includeValues(current);
      if (!isBadRequest(error) || asked.length === 0) throw error;
      const said = `${outcomeText(error.outcome) ?? ''}\n${error.message}`;
      const named = asked.filter((value) => said.includes(value));
      const dropping = named.length > 0 ? named : asked;
      refused.push(...dropping.filter((value) => !refused.includes(value)));
      current = withoutIncludes(current, dropping);
    }
  }
}
