import type { Coding, OperationOutcome } from '@medplum/fhirtypes';
import { ODS_ORG_CODE_SYSTEM, OUTCOME_CODES, OUTCOME_CODE_SYSTEM, SDHR_WITHHELD } from '../fhir/hie-contract.js';
import { isTruncatedIncludesIssue } from '../fhir/index.js';
import type { NoticeKind, RecordNotice } from './record-types.js';
import { asArray, asRecord, asRecords, asString, pick, type JsonRecord } from './json-guards.js';

export interface SearchNoticeInput {
  outcomes: OperationOutcome[];
  bundleSecurity?: Coding[] | undefined;
  truncated: boolean;
  total?: number | undefined;
  /** Items shown after the patient check. */
  shown: number;
  skipped: { reason: string }[];
  /** Related-resource requests the HIE refused, so the search was answered without them. */
  refusedIncludes?: string[] | undefined;
  /** Matches the HIE sent (before the patient check), to compare with its `total`. */
  received?: number | undefined;
  /** The search the HIE does not offer at all, and what it said. */
  unsupported?: { resourceType: string; reason: string } | undefined;
}

export const DEFAULT_MESSAGES = {
  objected:
    'No access to this record: the HIE refused the request (for example, the patient has objected to sharing, or your role does not allow it). No items can be shown.',
  withheld: 'Some items were withheld at source and are not shown.',
  redacted: 'Some items were withheld because of confidentiality restrictions and are not shown.',
  roleRestricted: 'Some items are not available to your role.',
  sourceUnavailable: 'A source did not respond; its items may be missing.',
  detailsTruncated:
    'The HIE sent only part of the related details (sources, medicines, linked results). All items found are shown, but some sources may show as not recorded.',
} as const;

const REDACTED = 'REDACTED';
const OBSERVATION_VALUE = 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue';
const [SDHR_SYSTEM, SDHR_CODE] = SDHR_WITHHELD.split('#') as [string, string];

/** Most serious first, so the list reads from "you see nothing" down to "for information". */
const KIND_ORDER: NoticeKind[] = [
  'objected',
  'other-patient-dropped',
  'withheld',
  'role-restricted',
  'source-unavailable',
  'search-unsupported',
  'truncated',
  'skipped',
  'details-missing',
  'information',
];

function hasCoding(issue: JsonRecord, system: string, code: string): boolean {
  return asRecords(pick(issue, 'details', 'coding')).some(
    (coding) => asString(coding['system']) === system && asString(coding['code']) === code,
  );
}

function classify(issue: JsonRecord): NoticeKind {
  const code = asString(issue['code']);
  // "Include result was truncated" is `incomplete` too, but no source is missing: only related details.
  if (isTruncatedIncludesIssue(issue)) return 'details-missing';
  if (
    hasCoding(issue, OUTCOME_CODE_SYSTEM, OUTCOME_CODES.withheld) ||
    hasCoding(issue, SDHR_SYSTEM, SDHR_CODE) ||
    code === 'suppressed'
  ) {
    return 'withheld';
  }
  if (
    hasCoding(issue, OUTCOME_CODE_SYSTEM, OUTCOME_CODES.sourceUnavailable) ||
    code === 'transient' ||
    code === 'timeout' ||
    code === 'incomplete'
  ) {
    return 'source-unavailable';
  }
  if (hasCoding(issue, OUTCOME_CODE_SYSTEM, OUTCOME_CODES.roleRestricted) || code === 'forbidden' || code === 'security') {
    return 'role-restricted';
  }
  return 'information';
}

function issueText(issue: JsonRecord): string | undefined {
  return asString(pick(issue, 'details', 'text')) ?? asString(issue['diagnostics']);
}

/**
 * The organisation an outcome is about: an ODS-coded `details.coding` (its display, else code) or a
 * contained Organization's name. Undefined when the outcome names none.
 */
function issueSource(issue: JsonRecord, outcome: JsonRecord): { name?: string; code?: string } {
  const ods = asRecords(pick(issue, 'details', 'coding')).find(
    (coding) => asString(coding['system']) === ODS_ORG_CODE_SYSTEM,
  );
  if (ods) {
    const code = asString(ods['code']);
    const name = asString(ods['display']) ?? code;
    return { ...(name ? { name } : {}), ...(code ? { code } : {}) };
  }
  const organization = asRecords(outcome['contained']).find((r) => asString(r['resourceType']) === 'Organization');
  const name = asString(organization?.['name']);
  const code = asRecords(organization?.['identifier'])
    .filter((i) => asString(i['system']) === ODS_ORG_CODE_SYSTEM)
    .map((i) => asString(i['value']))
    .find((v) => v !== undefined);
  return { ...(name ? { name } : {}), ...(code ? { code } : {}) };
}

function fallbackMessage(kind: NoticeKind, issue: JsonRecord, source: string | undefined): string {
  switch (kind) {
    case 'withheld':
      return DEFAULT_MESSAGES.withheld;
    case 'role-restricted':
      return DEFAULT_MESSAGES.roleRestricted;
    case 'source-unavailable':
      return source ? `${source} did not respond; its items may be missing.` : DEFAULT_MESSAGES.sourceUnavailable;
    default: {
      const display = asRecords(pick(issue, 'details', 'coding'))
        .map((coding) => asString(coding['display']))
        .find((text) => text !== undefined);
      return display ?? `The HIE sent a notice (${asString(issue['code']) ?? 'no code'}) without an explanation.`;
    }
  }
}

/**
 * The number of items an outcome's text says were withheld ("2 items were withheld…"). FHIR has no
 * field for it; only a count at the very start of the text is read, anything else gives undefined.
 */
function statedCount(text: string | undefined): number | undefined {
  const m = text === undefined ? null : /^(\d{1,6}) (?:items?|records?|entries|entry|resources?)\b/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

function outcomeNotices(record: JsonRecord): RecordNotice[] {
  const issues = asRecords(record['issue']);
  return issues.map((issue) => {
    const kind = classify(issue);
    const { name: source, code: sourceCode } = issueSource(issue, record);
    const text = issueText(issue);
    const notice: RecordNotice = {
      kind,
      message: kind === 'details-missing' ? DEFAULT_MESSAGES.detailsTruncated : (text ?? fallbackMessage(kind, issue, source)),
      source,
      ...(sourceCode ? { sourceCode } : {}),
    };
    const count = kind === 'withheld' ? statedCount(text) : undefined;
    return count === undefined ? notice : { ...notice, count };
  });
}

function isRedacted(coding: unknown): boolean {
  const record = asRecord(coding);
  const system = asString(record?.['system']);
  return asString(record?.['code']) === REDACTED && (system === undefined || system === OBSERVATION_VALUE);
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

function truncatedNotice(shown: number, total: number | undefined): RecordNotice {
  const message =
    total !== undefined && total > shown
      ? `Showing the first ${count(shown)} of ${count(total)} items; the rest were not loaded.`
      : `Showing the first ${count(shown)} of more than ${count(shown)} items; the rest were not loaded.`;
  return { kind: 'truncated', message, count: shown };
}

function skippedNotices(skipped: { reason: string }[]): RecordNotice[] {
  const otherPatient = skipped.filter((entry) => asRecord(entry)?.['reason'] === 'other-patient').length;
  const unreadable = skipped.length - otherPatient;
  const notices: RecordNotice[] = [];
  if (otherPatient > 0) {
    notices.push({
      kind: 'other-patient-dropped',
      count: otherPatient,
      message: `${otherPatient} ${otherPatient === 1 ? 'entry was' : 'entries were'} not shown because ${otherPatient === 1 ? 'it belongs' : 'they belong'} to a different patient.`,
    });
  }
  if (unreadable > 0) {
    notices.push({
      kind: 'skipped',
      count: unreadable,
      message: `${unreadable} ${unreadable === 1 ? 'entry' : 'entries'} could not be shown because the HIE sent ${unreadable === 1 ? 'it' : 'them'} in an unexpected form.`,
    });
  }
  return notices;
}

function dedupe(notices: RecordNotice[]): RecordNotice[] {
  const seen = new Set<string>();
  return notices.filter((notice) => {
    const key = `${notice.kind}\u0000${notice.message}\u0000${notice.source ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every reason a search's items may be incomplete, each in its own words, most serious first. */
export function noticesFromSearch(r: SearchNoticeInput): RecordNotice[] {
  const input = asRecord(r) ?? {};
  const notices: RecordNotice[] = [];
  for (const outcome of asRecords(input['outcomes'])) notices.push(...outcomeNotices(outcome));
  // A REDACTED label only repeats what a withheld outcome already says in the HIE's own words.
  const saidWithheld = notices.some((n) => n.kind === 'withheld');
  if (!saidWithheld && asRecords(input['bundleSecurity']).some(isRedacted)) {
    notices.push({ kind: 'withheld', message: DEFAULT_MESSAGES.redacted });
  }
  if (input['truncated'] === true) {
    const shown = typeof input['shown'] === 'number' ? input['shown'] : 0;
    const total = typeof input['total'] === 'number' ? input['total'] : undefined;
    notices.push(truncatedNotice(shown, total));
  }
  notices.push(...skippedNotices(asRecords(input['skipped']) as unknown as { reason: string }[]));
  const unsent = input['truncated'] === true ? undefined : unsentNotice(input, notices);
  if (unsent) notices.push(unsent);
  const unsupported = asRecord(input['unsupported']);
  if (unsupported) notices.push(unsupportedNotice(asString(unsupported['resourceType']), asString(unsupported['reason'])));
  const refused = asArray(input['refusedIncludes']).filter((v): v is string => typeof v === 'string');
  if (refused.length > 0) notices.push(detailsMissingNotice(refused));
  return dedupe(notices).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/**
 * A searchset whose `total` is more than it sent, with no page left to read: the rest were filtered
 * out on the way (HAPI's consent rules, for one, drop items but keep the count). Items the HIE said it
 * withheld, and entries already reported as skipped, are not counted twice.
 */
function unsentNotice(input: JsonRecord, said: RecordNotice[]): RecordNotice | undefined {
  const total = input['total'];
  const received = input['received'];
  if (typeof total !== 'number' || typeof received !== 'number') return undefined;
  const accounted = said.reduce((sum, n) => sum + (['withheld', 'skipped', 'other-patient-dropped'].includes(n.kind) ? (n.count ?? 0) : 0), 0);
  const missing = total - received - accounted;
  if (missing <= 0) return undefined;
  return {
    kind: 'skipped',
    count: missing,
    message: `The HIE said it found ${count(total)} items but sent ${count(received)}; ${count(missing)} ${missing === 1 ? 'is' : 'are'} not shown.`,
  };
}

/** Server messages can run long (HAPI lists every type it knows): the start is what explains. */
const MAX_REASON_CHARS = 120;

function shortened(text: string): string {
  if (text.length <= MAX_REASON_CHARS) return text;
  const cut = text.slice(0, MAX_REASON_CHARS);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 60 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:-]+$/, '')}…`;
}

function unsupportedNotice(resourceType: string | undefined, rawReason: string | undefined): RecordNotice {
  const what = resourceType ?? 'some';
  const reason = rawReason === undefined ? undefined : shortened(rawReason);
  return {
    kind: 'search-unsupported',
    message: `The HIE does not offer a search for ${what} records${reason ? ` (it said: ${reason})` : ''}; any such records it holds are not shown.`,
  };
}

function detailsMissingNotice(refused: string[]): RecordNotice {
  return {
    kind: 'details-missing',
    message: `The HIE did not accept the request for some related details (${refused.join(', ')}). All items found are shown, but some sources, medicines or linked results may be shown as not recorded.`,
  };
}

/** The notice for a 403: the HIE's own words when it sent an OperationOutcome with text. */
export function objectionNotice(outcomeText?: string | undefined): RecordNotice {
  const text = asString(outcomeText);
  return { kind: 'objected', message: text ? `No access to this record: ${text}` : DEFAULT_MESSAGES.objected };
}
