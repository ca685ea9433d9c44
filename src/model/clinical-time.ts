import { formatExact } from './format.js';
import { validDate } from './datatypes.js';
import { asNumber, asRecord, asString, type JsonRecord, lookupTable } from './json-guards.js';

/**
 * When a condition or allergy started or ended, as FHIR allows it to be sent (`onset[x]`,
 * `abatement[x]`): a date (possibly partial), a period, or words (an age, an age range, free text).
 * A date that cannot be read is kept as words quoting what was sent, so nothing recorded looks unrecorded.
 */
export type ClinicalTime =
  | { kind: 'date'; date: string }
  | { kind: 'period'; start: string | undefined; end: string | undefined }
  | { kind: 'words'; text: string };

const AGE_UNITS: Record<string, [string, string]> = lookupTable({
  a: ['year', 'years'],
  mo: ['month', 'months'],
  wk: ['week', 'weeks'],
  d: ['day', 'days'],
  h: ['hour', 'hours'],
  min: ['minute', 'minutes'],
});

function ageWords(age: unknown): string | undefined {
  const record = asRecord(age);
  const value = asNumber(record?.['value']);
  if (value === undefined) return undefined;
  const ucum = AGE_UNITS[asString(record?.['code']) ?? ''];
  const unit = ucum ? ucum[value === 1 ? 0 : 1] : asString(record?.['unit']);
  return unit ? `${value} ${unit}` : String(value);
}

function rangeWords(range: unknown): string | undefined {
  const record = asRecord(range);
  const low = ageWords(record?.['low']);
  const high = ageWords(record?.['high']);
  if (low && high) return `Age ${low} to ${high}`;
  if (low) return `Age ${low} or over`;
  if (high) return `Age under ${high}`;
  return undefined;
}

function unreadable(value: unknown): ClinicalTime | undefined {
  if (value === undefined || value === null) return undefined;
  const sent = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  return { kind: 'words', text: sent === undefined ? 'Unknown date (unreadable value sent)' : formatExact(sent) };
}

/** `onset[x]` or `abatement[x]` of a Condition or AllergyIntolerance; undefined when none was sent. */
export function clinicalTime(resource: JsonRecord, prefix: 'onset' | 'abatement'): ClinicalTime | undefined {
  const field = (suffix: string): unknown => resource[`${prefix}${suffix}`];
  const dateTime = field('DateTime');
  if (dateTime !== undefined && dateTime !== null) {
    const date = validDate(dateTime);
    return date ? { kind: 'date', date } : unreadable(dateTime);
  }
  const period = asRecord(field('Period'));
  if (period) {
    const start = validDate(period['start']);
    const end = validDate(period['end']);
    if (start || end) return { kind: 'period', start, end };
  }
  const age = ageWords(field('Age'));
  if (age) return { kind: 'words', text: `Age ${age}` };
  const range = rangeWords(field('Range'));
  if (range) return { kind: 'words', text: range };
  const text = asString(field('String'));
  if (text) return { kind: 'words', text };
  // STU3 sent `abatementBoolean`; `true` says it ended without saying when.
  if (field('Boolean') === true) return { kind: 'words', text: 'Date not recorded' };
  return undefined;
}

/** The date a clinical time sorts and filters by, when it has one. */
export function clinicalTimeDate(time: ClinicalTime | undefined): string | undefined {
  if (!time) return undefined;
  if (time.kind === 'date') return time.date;
  if (time.kind === 'period') return time.start ?? time.end;
  return undefined;
}
