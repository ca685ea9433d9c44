import type { Bundle, BundleEntry, OperationOutcome } from '@medplum/fhirtypes';

/**
 * How the Microsoft FHIR server (Azure Health Data Services) answers when a search page's
 * `_include`/`_revinclude` results pass its limit: the page keeps the first ones, says "Include
 * result was truncated" (warning, `incomplete`) and links `related` to `[base]/<Type>/$includes`,
 * whose pages hold the rest (includes only) with `next` links. Scenario `capped-includes`.
 */
export const INCLUDES_PER_PAGE = 4;
const CONTINUATION = 'includesCt';

function truncatedOutcome(): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'warning', code: 'incomplete', diagnostics: 'Include result was truncated' }],
  };
}

const truncatedEntry = (): BundleEntry => ({ resource: truncatedOutcome(), search: { mode: 'outcome' } });

function includesUrl(requestUrl: URL, base: string, resourceType: string, offset: number): string {
  const url = new URL(`${base}/${resourceType}/$includes`);
  for (const [name, value] of requestUrl.searchParams) if (name !== CONTINUATION) url.searchParams.append(name, value);
  url.searchParams.set(CONTINUATION, String(offset));
  return url.href;
}

/** A searchset page with at most INCLUDES_PER_PAGE includes and a `related` link to the rest. */
export function capIncludes(bundle: Bundle, requestUrl: URL, base: string, resourceType: string): Bundle {
  const entries = bundle.entry ?? [];
  const includes = entries.filter((e) => e.search?.mode === 'include');
  if (includes.length <= INCLUDES_PER_PAGE) return bundle;
  const kept = new Set(includes.slice(0, INCLUDES_PER_PAGE));
  return {
    ...bundle,
    link: [
      ...(bundle.link ?? []),
      { relation: 'related', url: includesUrl(requestUrl, base, resourceType, INCLUDES_PER_PAGE) },
    ],
    entry: [...entries.filter((e) => e.search?.mode !== 'include' || kept.has(e)), truncatedEntry()],
  };
}

/** One `$includes` page: the includes of the search page the URL names, from `includesCt` on. */
export function includesPage(bundle: Bundle, requestUrl: URL, base: string, resourceType: string): Bundle {
  const offset = Math.max(0, Number.parseInt(requestUrl.searchParams.get(CONTINUATION) ?? '0', 10) || 0);
  const includes = (bundle.entry ?? []).filter((e) => e.search?.mode === 'include');
  const page = includes.slice(offset, offset + INCLUDES_PER_PAGE);
  const more = offset + INCLUDES_PER_PAGE < includes.length;
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(bundle.meta ? { meta: bundle.meta } : {}),
    link: [
      { relation: 'self', url: requestUrl.href },
      ...(more ? [{ relation: 'next', url: includesUrl(requestUrl, base, resourceType, offset + INCLUDES_PER_PAGE) }] : []),
    ],
    entry: [...page, ...(more ? [truncatedEntry()] : [])],
  };
}
