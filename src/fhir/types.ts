import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';

/**
 * Supplies the bearer token for each request. After a 401 the client calls it once more with
 * `forceRefresh: true` and retries the request once.
 */
export type TokenProvider = (opts: { forceRefresh: boolean }) => string | Promise<string>;

/** Why a request failed, as reported in `care-record-error`'s detail. */
export type HieErrorKind =
  | 'network'
  | 'timeout'
  | 'http'
  | 'invalid-response'
  | 'invalid-input'
  /** The host's `tokenProvider` threw or rejected; no request was sent. */
  | 'token-provider'
  | 'aborted';

export interface HieClientOptions {
  /** FHIR base URL, e.g. `https://hie.example/fhir`. The bearer token goes to this origin only. */
  baseUrl: string;
  tokenProvider?: TokenProvider | undefined;
  /** Defaults to the global `fetch`; injectable for tests. */
  fetch?: typeof fetch;
  /** Per request, including each page. Default 15 000 ms. */
  timeoutMs?: number;
  /** Most match entries collected across pages of one search. Default 1 000. */
  maxEntries?: number;
  /** Retries after 429/503/network errors. Default 3. */
  maxRetries?: number;
  /** Longest wait honoured from a `Retry-After` header. Default 10 000 ms. */
  maxRetryAfterMs?: number;
  /** First back-off delay for network errors, doubled on each retry. Default 300 ms. */
  backoffMs?: number;
  /** Waits `ms` or rejects when `signal` aborts; injectable so tests need not sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A searchset entry that was not kept, and why (never dropped silently). */
export interface SkippedEntry {
  reason: 'unexpected-type' | 'no-resource' | 'other-patient' | 'invalid';
  resourceType?: string;
  id?: string;
}

/** Everything one search brought back, across all pages. */
export interface SearchResult<T extends Resource = Resource> {
  /** `search.mode = match` (or unmarked) entries of the requested type(s). */
  matches: T[];
  /** `search.mode = include` entries (e.g. Medication, Organization, Provenance). */
  included: Resource[];
  /** OperationOutcomes from `search.mode = outcome` entries: withheld items, source outages. */
  outcomes: OperationOutcome[];
  /** `meta.security` labels on the searchset Bundle itself (e.g. REDACTED). */
  bundleSecurity: NonNullable<Bundle['meta']>['security'];
  /** `Bundle.total` of the first page, when the server sent one. */
  total?: number;
  /** True when the entry cap stopped paging before the last page. */
  truncated: boolean;
  skipped: SkippedEntry[];
  /** When the last page was received. */
  fetchedAt: Date;
  /** `_include`/`_revinclude` values the HIE refused (400), left out of the search that was answered. */
  refusedIncludes?: string[];
  /**
   * With a `_sort` of ours (see sort-order.ts): whether every page so far came newest first, and
   * the oldest sorted instant received (ms), below which later pages will add.
   */
  sorted?: { by: string; ordered: boolean; oldest: number };
  /** The `_sort` the HIE refused (4xx naming it): the items came in the server's own order. */
  refusedSort?: string;
  /** Set when the server does not offer this search at all (404/405/501): the result is empty. */
  unsupported?: { resourceType: string; reason: string };
}

export interface SearchOptions {
  signal?: AbortSignal;
  /** Resource types accepted as matches; defaults to the searched type. */
  matchTypes?: string[];
  /** Called with what has arrived so far after each page that has more after it. */
  onPage?: (soFar: SearchResult) => void;
}
