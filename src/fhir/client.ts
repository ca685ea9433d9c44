import type { Identifier, Patient, Resource } from '@medplum/fhirtypes';
import { defaultSleep, throwIfAborted } from './abort.js';
import { HieError } from './errors.js';
import { NHS_NUMBER_SYSTEM } from './hie-contract.js';
import {
  hasTruncatedIncludeNotice,
  MAX_INCLUDE_PAGES,
  type MoreIncludes,
  unreadIncludesOutcome,
  withoutTruncatedIncludeNotices,
} from './more-includes.js';
import { isValidNhsNumber, normaliseNhsNumber } from './nhs-number.js';
import { outcomeText } from './outcome.js';
import { LATER_PAGE_SIZE, resizedNextPage } from './page-size.js';
import { patientReferencesOf } from './patient-guard.js';
import { emptySearchResult } from './search-result.js';
import { readSearchsetPage } from './searchset.js';
import { NewestFirstCheck } from './sort-order.js';
import { HieTransport } from './transport.js';
import type { HieClientOptions, SearchOptions, SearchResult } from './types.js';
import { normaliseBaseUrl, resolveOnBase } from './url.js';

const DEFAULTS = {
  timeoutMs: 15_000,
  maxEntries: 1000,
  maxRetries: 3,
  maxRetryAfterMs: 10_000,
  backoffMs: 300,
};

/** Read-only client for one HIE's FHIR R4 API. Sends GETs only, and the token to the base origin only. */
export class HieClient {
  /** Normalised: absolute, no trailing slash. */
  readonly baseUrl: string;
  private readonly origin: string;
  private readonly maxEntries: number;
  private readonly transport: HieTransport;

  constructor(opts: HieClientOptions) {
    this.baseUrl = normaliseBaseUrl(opts.baseUrl);
    this.origin = new URL(this.baseUrl).origin;
    this.maxEntries = numberOption(opts.maxEntries, DEFAULTS.maxEntries, 1, 'maxEntries');
    this.transport = new HieTransport({
      origin: this.origin,
      tokenProvider: opts.tokenProvider,
      fetchFn: () => opts.fetch ?? globalThis.fetch,
      timeoutMs: numberOption(opts.timeoutMs, DEFAULTS.timeoutMs, 1, 'timeoutMs'),
      maxRetries: numberOption(opts.maxRetries, DEFAULTS.maxRetries, 0, 'maxRetries'),
      maxRetryAfterMs: numberOption(opts.maxRetryAfterMs, DEFAULTS.maxRetryAfterMs, 0, 'maxRetryAfterMs'),
      backoffMs: numberOption(opts.backoffMs, DEFAULTS.backoffMs, 0, 'backoffMs'),
      sleep: opts.sleep ?? defaultSleep,
    });
  }

  /**
   * GET [base]/[resourceType]?params, following Bundle.link next up to maxEntries. With `onPage`,
   * what has arrived so far is handed over after each page that has another after it (the next
   * page is already requested), so a widget can show it while the rest loads. With a `_sort` of
   * ours, `sorted` says whether the pages really came newest first.
   */
  async search<T extends Resource = Resource>(
    resourceType: string,
    params: Record<string, string | string[]> | URLSearchParams,
    opts: SearchOptions = {},
  ): Promise<SearchResult<T>> {
    if (!/^[A-Z][A-Za-z]{1,63}$/.test(resourceType)) {
      throw new HieError('invalid-input', 'The resource type to search for is not a FHIR resource type name.');
    }
    const { signal } = opts;
    const matchTypes = opts.matchTypes ?? [resourceType];
    const result = emptySearchResult<T>();
    const query = toSearchParams(params).toString();
    let url = query === '' ? `${this.baseUrl}/${resourceType}` : `${this.baseUrl}/${resourceType}?${query}`;
    const fetched = new Set<string>();
    // Servers can repeat an item on a later page (offset paging, unstable sort): it is one item.
    const matchAt = new Map<string, number>();
    const includeBudget = { pages: MAX_INCLUDE_PAGES };
    const sort = toSearchParams(params).get('_sort') ?? undefined;
    const order = new NewestFirstCheck(sort);
    let pending = this.transport.getJson(url, signal);
    for (;;) {
      fetched.add(url);
      const page = readSearchsetPage(await pending, matchTypes);
      order.see(page.matches);
      // HAPI leaves `total` out of a first page it answers before counting, and sends it on later ones.
      if (result.total === undefined && page.total !== undefined) result.total = page.total;
      addMatches(result.matches as Resource[], page.matches, matchAt);
      // concat, not push(...): a page with very many entries would overflow the argument stack.
      result.included = result.included.concat(page.included);
      let outcomes = page.outcomes;
      if (page.moreIncludes !== undefined) {
        const more = await this.readMoreIncludes(page.moreIncludes, fetched, includeBudget, signal);
        result.included = result.included.concat(more.included);
        result.skipped = result.skipped.concat(more.skipped);
        outcomes = outcomes.concat(more.outcomes);
        if (more.complete) outcomes = withoutTruncatedIncludeNotices(outcomes);
        else if (!hasTruncatedIncludeNotice(outcomes)) outcomes = outcomes.concat(unreadIncludesOutcome());
      }
      result.outcomes = result.outcomes.concat(outcomes);
      result.skipped = result.skipped.concat(page.skipped);
      result.bundleSecurity = mergeSecurity(result.bundleSecurity, page.security);
      if (result.matches.length >= this.maxEntries) {
        result.truncated = result.matches.length > this.maxEntries || page.next !== undefined;
        result.matches = result.matches.slice(0, this.maxEntries);
        break;
      }
      if (sort !== undefined) result.sorted = { by: sort, ordered: order.ordered, oldest: order.oldest };
      if (page.next === undefined) break;
      url = this.nextPageUrl(page.next, fetched);
      fetched.add(url); // as sent, so a repeated link is still seen as a loop once resized
      url = resizedNextPage(url, Math.max(1, Math.min(LATER_PAGE_SIZE, this.maxEntries - result.matches.length)));
      pending = this.transport.getJson(url, signal);
      // The next page is on its way while the caller shows this one.
      if (opts.onPage) opts.onPage(snapshot(result));
    }
    throwIfAborted(signal);
    result.fetchedAt = new Date();
    return result;
  }

  /** Finds the one patient with this NHS number and returns `Patient/<id>`. */
  async findPatientByNhsNumber(nhsNumber: string, opts: { signal?: AbortSignal } = {}): Promise<string> {
    const nhs = typeof nhsNumber === 'string' ? normaliseNhsNumber(nhsNumber) : '';
    if (!isValidNhsNumber(nhs)) {
      throw new HieError('invalid-input', 'The NHS number is not valid: it must be 10 digits with a correct check digit.');
    }
    const query = { identifier: `${NHS_NUMBER_SYSTEM}|${nhs}` };
    const found = await this.search<Patient>('Patient', query, { ...opts, matchTypes: ['Patient'] });
    const patients = found.matches;
    if (patients.length === 0) {
      const said = found.outcomes.map(outcomeText).filter(Boolean).join('; ');
      const outcome = found.outcomes[0];
      const message = `The HIE found no patient with this NHS number.${said ? ` The HIE said: ${said}` : ''}`;
      throw new HieError('invalid-response', message, outcome === undefined ? {} : { outcome });
    }
    if (patients.length > 1 || found.truncated) {
      throw new HieError(
        'invalid-response',
        `The HIE found ${found.total ?? patients.length} patients with one NHS number, so none was chosen.`,
      );
    }
    const patient = patients[0]!;
    if (!hasNhsNumber(patient.identifier, nhs)) {
      throw new HieError('invalid-response', 'The patient the HIE returned does not carry the NHS number searched for.');
    }
    if (typeof patient.id !== 'string' || !/^[A-Za-z0-9\-.]{1,64}$/.test(patient.id)) {
      throw new HieError('invalid-response', 'The patient the HIE returned has no usable id.');
    }
    return `Patient/${patient.id}`;
  }

  /** GETs an attachment on the HIE origin (with the token). Other origins are refused. */
  async fetchAttachment(url: string, opts: { signal?: AbortSignal } = {}): Promise<Blob> {
    const target = typeof url === 'string' ? resolveOnBase(url, this.baseUrl) : undefined;
    if (target === undefined || target.origin !== this.origin) {
      throw new HieError(
        'invalid-input',
        'The attachment is not on the HIE server, so it will not be fetched with the HIE access token.',
      );
    }
    return this.transport.getBlob(target.href, opts.signal);
  }

  /**
   * Follows a page's `related` link to `[base]/<Type>/$includes` and its `next` links: the included
   * resources the Microsoft FHIR server (Azure Health Data Services) left out of a search page. Only
   * includes are taken from these pages (an entry marked as a match is skipped), on the base origin
   * only, within `budget` pages. A page that cannot be read ends the reading: the items already
   * found are kept and `complete` stays false, so the widget still says details may be missing.
   */
  private async readMoreIncludes(
    link: string,
    fetched: Set<string>,
    budget: { pages: number },
    signal: AbortSignal | undefined,
  ): Promise<MoreIncludes> {
    const more: MoreIncludes = { included: [], outcomes: [], skipped: [], complete: false };
    let next: string | undefined = link;
    while (next !== undefined) {
      if (budget.pages <= 0) return more;
      budget.pages -= 1;
      try {
        const url = this.nextPageUrl(next, fetched);
        fetched.add(url);
        const page = readSearchsetPage(await this.transport.getJson(url, signal), []);
        more.included = more.included.concat(page.included);
        more.outcomes = more.outcomes.concat(page.outcomes);
        more.skipped = more.skipped.concat(page.skipped);
        next = page.next;
      } catch (error) {
        // Cancellation, a failing token provider and a refused token end the whole search, as on any other page.
        if (!(error instanceof HieError) || error.kind === 'aborted' || error.kind === 'token-provider' || error.isUnauthorized) throw error;
        return more;
      }
    }
    more.complete = true;
    return more;
  }

  private nextPageUrl(next: string, fetched: Set<string>): string {
    const target = resolveOnBase(next, this.baseUrl);
    if (target === undefined) throw new HieError('invalid-response', 'The HIE sent a next-page link that is not a URL.');
    if (target.origin !== this.origin) {
      throw new HieError(
        'invalid-response',
        `The HIE's next-page link points to another server (${safeOrigin(target)}); paging stopped so the access token is not sent there.`,
      );
    }
    if (fetched.has(target.href)) {
      throw new HieError('invalid-response', 'The HIE sent a paging loop: a next-page link repeats a page already fetched.');
    }
    return target.href;
  }
}

/** A copy of what has arrived so far, so the caller's view does not change as later pages land. */
function snapshot<T extends Resource>(result: SearchResult<T>): SearchResult<T> {
  return { ...result, matches: result.matches.slice(), fetchedAt: new Date() };
}

function toSearchParams(params: Record<string, string | string[]> | URLSearchParams): URLSearchParams {
  if (params instanceof URLSearchParams) return new URLSearchParams(params);
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, item);
  }
  return search;
}

/**
 * Appends `more` to `kept`, keeping one copy of each `Type/id` (at its first place). Of two copies
 * the newer by `meta.lastUpdated` (else numeric `meta.versionId`) is kept, so a stale version is not
 * shown as current; an identical copy is dropped. Both are kept when they differ and neither is
 * known to be newer (the clinician sees both rather than one picked blindly), or when they name
 * different patients (the patient guard must see both). Resources without an id are all kept.
 */
function addMatches(kept: Resource[], more: Resource[], where: Map<string, number>): void {
  for (const resource of more) {
    const key = typeof resource.id === 'string' ? `${resource.resourceType}/${resource.id}` : undefined;
    const at = key === undefined ? undefined : where.get(key);
    if (at === undefined) {
      if (key !== undefined) where.set(key, kept.length);
      kept.push(resource);
      continue;
    }
    const current = kept[at]!;
    if (!samePatientReferences(resource, current)) kept.push(resource);
    else if (compareVersions(resource, current) > 0) kept[at] = resource;
    else if (compareVersions(resource, current) === 0 && JSON.stringify(resource) !== JSON.stringify(current)) {
      kept.push(resource);
    }
  }
}

function samePatientReferences(a: Resource, b: Resource): boolean {
  return JSON.stringify(patientReferencesOf(a)) === JSON.stringify(patientReferencesOf(b));
}

/** > 0 when `a` is a newer version than `b`, < 0 when older, 0 when not known to differ. */
function compareVersions(a: Resource, b: Resource): number {
  const updated = (r: Resource) => Date.parse(typeof r.meta?.lastUpdated === 'string' ? r.meta.lastUpdated : '');
  const [ua, ub] = [updated(a), updated(b)];
  if (!Number.isNaN(ua) && !Number.isNaN(ub) && ua !== ub) return ua - ub;
  const version = (r: Resource) => {
    const v = r.meta?.versionId;
    return typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : NaN;
  };
  const [va, vb] = [version(a), version(b)];
  return !Number.isNaN(va) && !Number.isNaN(vb) ? va - vb : 0;
}

function mergeSecurity(
  known: SearchResult['bundleSecurity'],
  more: NonNullable<SearchResult['bundleSecurity']>,
): SearchResult['bundleSecurity'] {
  const merged = [...(known ?? [])];
  for (const label of more) {
    if (!merged.some((seen) => seen.system === label.system && seen.code === label.code)) merged.push(label);
  }
  return merged;
}

function hasNhsNumber(identifiers: Identifier[] | undefined, nhs: string): boolean {
  return (
    Array.isArray(identifiers) &&
    identifiers.some(
      (id) => id?.system === NHS_NUMBER_SYSTEM && typeof id.value === 'string' && normaliseNhsNumber(id.value) === nhs,
    )
  );
}

function numberOption(value: number | undefined, fallback: number, min: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < min) {
    throw new HieError('invalid-input', `The HIE client option ${name} must be a number of at least ${min}.`);
  }
  return Math.floor(value);
}

function safeOrigin(url: URL): string {
  return url.origin === 'null' ? `a ${url.protocol} address` : url.origin;
}
