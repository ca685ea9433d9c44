import type { Bundle, BundleEntry, BundleLink, OperationOutcome, Provenance, Resource } from '@medplum/fhirtypes';
import { includePath, provenanceTargets, referenceKey, referencesAlong } from './references.js';

export const DEFAULT_PAGE_SIZE = 50;
/** As large as many FHIR servers allow (HAPI's default maximum is 1,000 as configured by HIEs). */
export const MAX_PAGE_SIZE = 1000;

export const REDACTED_SECURITY = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  code: 'REDACTED',
  display: 'redacted',
};

export interface SearchsetInput {
  requestUrl: URL;
  /** FHIR base the request was made on, e.g. `https://hie.example/fhir`; used for fullUrl and links. */
  base: string;
  matches: Resource[];
  /** Returned on the first page only. */
  outcomes: OperationOutcome[];
  redacted: boolean;
  lookup: (key: string) => Resource | undefined;
  provenances: Provenance[];
  now: Date;
  /** `Organization/<id>` of the source a `meta.source` URI names, when the HIE knows it. */
  orgKeyForMetaSource?: (uri: string | undefined) => string | undefined;
}

function listParam(url: URL, name: string): string[] {
  return url.searchParams.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

export function pageSize(url: URL): number {
  const raw = url.searchParams.get('_count');
  const parsed = raw === null ? NaN : Number.parseInt(raw, 10);
  if (!Number.isFinite(parsed) || parsed < 0) return DEFAULT_PAGE_SIZE;
  return Math.min(parsed, MAX_PAGE_SIZE);
}

/** Where the page starts: `_offset` (what the mock's next links carry, so clients may change `_count`), else `_page`. */
function pageStart(url: URL, count: number): number {
  const offset = Number.parseInt(url.searchParams.get('_offset') ?? '', 10);
  if (Number.isFinite(offset) && offset >= 0) return offset;
  const parsed = Number.parseInt(url.searchParams.get('_page') ?? '1', 10);
  return (Number.isFinite(parsed) && parsed >= 1 ? parsed - 1 : 0) * count;
}

function keyOf(resource: Resource): string {
  return `${resource.resourceType}/${resource.id}`;
}

/**
 * `_include`d resources for one page. Beyond plain FHIR, an included PractitionerRole brings its
 * Organization and a `_revinclude`d Provenance its agents' Organizations (as `:iterate` would), so
 * every source a page names can be shown by name.
 */
function includedFor(page: Resource[], url: URL, input: SearchsetInput): Resource[] {
  const includes = listParam(url, '_include');
  const iterates = listParam(url, '_include:iterate');
  const revIncludes = listParam(url, '_revinclude');
  const pageKeys = new Set(page.map(keyOf));
  const included = new Map<string, Resource>();
  const queue: Resource[] = [];
  const add = (key: string | undefined) => {
    if (!key || included.has(key) || pageKeys.has(key)) return;
    const resource = input.lookup(key);
    if (!resource) return;
    included.set(key, resource);
    queue.push(resource);
    if (resource.resourceType === 'PractitionerRole') add(referenceKey(resource.organization?.reference));
  };
  const follow = (resource: Resource, list: string[]) => {
    for (const include of list) {
      const path = includePath(include, resource.resourceType);
      if (path) for (const ref of referencesAlong(resource, path)) add(referenceKey(ref.reference));
    }
  };
  for (const match of page) follow(match, [...includes, ...iterates]);
  // The HIE contract: an item that names its source only by `meta.source` comes with the
  // Organization whose source-system identifier is that URI.
  for (const match of page) add(input.orgKeyForMetaSource?.(match.meta?.source));
  if (revIncludes.includes('Provenance:target')) {
    for (const provenance of input.provenances) {
      if (!provenanceTargets(provenance).some((k) => pageKeys.has(k))) continue;
      included.set(keyOf(provenance), provenance);
      queue.push(provenance);
      for (const agent of provenance.agent ?? []) {
        add(referenceKey(agent.who?.reference));
        add(referenceKey(agent.onBehalfOf?.reference));
      }
    }
  }
  // `_include:iterate` also applies to what was included, until nothing new arrives.
  while (queue.length > 0) follow(queue.shift()!, iterates);
  return [...included.values()];
}

/** A FHIR searchset page: matches, includes, outcomes (page 1), `total` and `self`/`next` links. */
export function buildSearchset(input: SearchsetInput): Bundle {
  const url = input.requestUrl;
  const count = pageSize(url);
  const start = pageStart(url, count);
  const first = start === 0;
  const pageMatches = input.matches.slice(start, start + count);
  const entry: BundleEntry[] = [
    ...pageMatches.map((resource) => ({
      fullUrl: `${input.base}/${keyOf(resource)}`,
      resource,
      search: { mode: 'match' as const },
    })),
    ...includedFor(pageMatches, url, input).map((resource) => ({
      fullUrl: `${input.base}/${keyOf(resource)}`,
      resource,
      search: { mode: 'include' as const },
    })),
    ...(first ? input.outcomes : []).map((resource) => ({ resource, search: { mode: 'outcome' as const } })),
  ];
  const link: BundleLink[] = [{ relation: 'self', url: url.href }];
  if (count > 0 && start + count < input.matches.length) {
    const next = new URL(url.href);
    next.searchParams.delete('_page');
    next.searchParams.set('_offset', String(start + count));
    next.searchParams.set('_count', String(count));
    link.push({ relation: 'next', url: next.href });
  }
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    meta: {
      lastUpdated: input.now.toISOString(),
      ...(input.redacted ? { security: [REDACTED_SECURITY] } : {}),
    },
    total: input.matches.length,
    link,
    entry,
  };
}
