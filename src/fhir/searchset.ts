import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { HieError } from './errors.js';
import { isRecord } from './json.js';
import { isOperationOutcome, outcomeText } from './outcome.js';
import type { SkippedEntry } from './types.js';

type SecurityLabels = NonNullable<NonNullable<Bundle['meta']>['security']>;

/** One searchset page sorted into its parts. */
export interface SearchsetPage {
  matches: Resource[];
  included: Resource[];
  outcomes: OperationOutcome[];
  skipped: SkippedEntry[];
  security: SecurityLabels;
  total: number | undefined;
  /** The `next` link exactly as sent (may be relative). */
  next: string | undefined;
  /**
   * A `related` link to the rest of this page's included resources (`[base]/<Type>/$includes?…`),
   * as the Microsoft FHIR server (Azure Health Data Services) sends when a page's `_include`s and
   * `_revinclude`s pass its limit. Exactly as sent.
   */
  moreIncludes: string | undefined;
}

/**
 * Checks that `body` is a searchset Bundle and sorts its entries. Entries that cannot be used are
 * listed in `skipped`, never dropped; a body that could hide data (no Bundle, unreadable entry or
 * link lists) is an 'invalid-response' error.
 */
export function readSearchsetPage(body: unknown, matchTypes: readonly string[]): SearchsetPage {
  const bundle = checkSearchset(body);
  const page: SearchsetPage = {
    matches: [],
    included: [],
    outcomes: [],
    skipped: [],
    security: securityLabels(bundle['meta']),
    total: countOrUndefined(bundle['total']),
    next: nextLink(bundle['link']),
    moreIncludes: moreIncludesLink(bundle['link']),
  };
  for (const entry of listOrFail(bundle['entry'], 'entries')) sortEntry(entry, matchTypes, page);
  return page;
}

function checkSearchset(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) throw invalid('The HIE sent JSON that is not a FHIR resource.');
  if (isOperationOutcome(body)) {
    const said = outcomeText(body);
    const message = `The HIE sent an OperationOutcome instead of search results${said ? `: ${said}` : '.'}`;
    throw new HieError('invalid-response', message, { outcome: body });
  }
  if (body['resourceType'] !== 'Bundle') {
    throw invalid(`The HIE sent ${describeType(body['resourceType'])} instead of a searchset Bundle.`);
  }
  if (body['type'] !== 'searchset') {
    throw invalid(`The HIE sent a Bundle of type ${describeValue(body['type'])} instead of search results (searchset).`);
  }
  return body;
}

function sortEntry(entry: unknown, matchTypes: readonly string[], page: SearchsetPage): void {
  if (!isRecord(entry)) {
    page.skipped.push({ reason: 'invalid' });
    return;
  }
  const resource = entry['resource'];
  if (!isRecord(resource)) {
    page.skipped.push({ reason: 'no-resource' });
    return;
  }
  const { resourceType, id } = resource;
  if (typeof resourceType !== 'string') {
    page.skipped.push(typeof id === 'string' ? { reason: 'invalid', id } : { reason: 'invalid' });
    return;
  }
  const mode = isRecord(entry['search']) ? entry['search']['mode'] : undefined;
  if (mode === 'outcome' || resourceType === 'OperationOutcome') {
    if (isOperationOutcome(resource)) page.outcomes.push(resource);
    else page.skipped.push(unexpectedEntry(resourceType, id));
  } else if (mode === 'include') {
    page.included.push(resource as unknown as Resource);
  } else if (matchTypes.includes(resourceType)) {
    page.matches.push(resource as unknown as Resource);
  } else if (mode === undefined) {
    // search.mode is optional in R4 and some servers leave it out: an entry of a type that was not
    // searched for is there for an _include (its organisation, medicine, …). It is only ever used
    // through a reference, and a clinical one must still name this patient.
    page.included.push(resource as unknown as Resource);
  } else {
    page.skipped.push(unexpectedEntry(resourceType, id));
  }
}

function unexpectedEntry(resourceType: string, id: unknown): SkippedEntry {
  return typeof id === 'string' ? { reason: 'unexpected-type', resourceType, id } : { reason: 'unexpected-type', resourceType };
}

function nextLink(links: unknown): string | undefined {
  const next = listOrFail(links, 'links').find((link) => isRecord(link) && link['relation'] === 'next');
  if (next === undefined) return undefined;
  const url = (next as Record<string, unknown>)['url'];
  if (typeof url !== 'string' || url.trim() === '') throw invalid('The HIE sent a next-page link without a URL.');
  return url.trim();
}

/** Microsoft's route for the included resources a search page left out. */
const INCLUDES_OPERATION = /\/\$includes$/;

function moreIncludesLink(links: unknown): string | undefined {
  for (const link of listOrFail(links, 'links')) {
    if (!isRecord(link) || link['relation'] !== 'related') continue;
    const url = link['url'];
    if (typeof url !== 'string' || url.trim() === '') continue;
    let path: string;
    try {
      path = new URL(url.trim(), 'https://base.invalid/').pathname;
    } catch {
      continue;
    }
    // Only the $includes operation: another `related` link is about something else.
    if (INCLUDES_OPERATION.test(path)) return url.trim();
  }
  return undefined;
}

function securityLabels(meta: unknown): SecurityLabels {
  if (!isRecord(meta) || !Array.isArray(meta['security'])) return [];
  return meta['security'].filter(isRecord) as SecurityLabels;
}

function countOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function listOrFail(value: unknown, what: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(`The HIE sent a searchset whose ${what} are not a list.`);
  return value;
}

function describeType(value: unknown): string {
  return typeof value === 'string' && /^[A-Za-z]{1,64}$/.test(value) ? `a ${value}` : 'something that is not a Bundle';
}

function describeValue(value: unknown): string {
  return typeof value === 'string' && /^[a-z-]{1,32}$/.test(value) ? `"${value}"` : '(missing or unreadable)';
}

function invalid(message: string): HieError {
  return new HieError('invalid-response', message);
}
