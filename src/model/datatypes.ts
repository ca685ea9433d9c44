import type { CodeableConcept } from '@medplum/fhirtypes';
import { conceptText } from './coding.js';
import { parseFhirDate, type ParsedFhirDate } from './format.js';
import { asRecord, asRecords, asString, type JsonRecord } from './json-guards.js';

/**
 * Readers of FHIR fields that every widget model needs. Like safe.ts, they tolerate any JSON: an
 * unreadable value reads as not sent rather than throwing.
 */

/** A date or dateTime as sent, when it can be read. */
export function validDate(value: unknown): string | undefined {
  const text = asString(value);
  return parseFhirDate(text) ? text : undefined;
}

/** Words for one CodeableConcept, whatever was sent in its place. */
export function conceptTextOf(value: unknown): string | undefined {
  return conceptText(asRecord(value) as CodeableConcept | undefined);
}

/** Words for the first CodeableConcept of a field that may be one concept or a list of them. */
export function firstConceptText(value: unknown): string | undefined {
  for (const concept of asRecords(value)) {
    const text = conceptText(concept);
    if (text) return text;
  }
  return undefined;
}

/** Every concept of a list in words, de-duplicated, e.g. several reason codes. */
export function conceptTexts(value: unknown): string[] {
  const texts: string[] = [];
  for (const concept of asRecords(value)) {
    const text = conceptText(concept);
    if (text && !texts.includes(text)) texts.push(text);
  }
  return texts;
}

/**
 * The type a reference points at: the resolved resource's when it was found, else the reference's
 * `type`, else the literal `Type/id`.
 */
export function referencedType(ref: JsonRecord, resolved?: JsonRecord): string | undefined {
  const fromResolved = asString(resolved?.['resourceType']);
  if (fromResolved) return fromResolved;
  const declared = asString(ref['type']);
  if (declared) return declared;
  const literal = asString(ref['reference']);
  return literal ? /(?:^|\/)([A-Z][A-Za-z]+)\/[^/]+$/.exec(literal)?.[1] : undefined;
}

/** The instant a partial or date-only value ends (its last millisecond), for "has it passed?". */
export function latestInstant(parsed: ParsedFhirDate): number {
  const start = parsed.date;
  switch (parsed.precision) {
    case 'time':
      return start.getTime();
    case 'day':
      return start.getTime() + 86_400_000 - 1;
    case 'month': {
      const next = new Date(start);
      next.setUTCMonth(next.getUTCMonth() + 1);
      return next.getTime() - 1;
    }
    default: {
      const next = new Date(start);
      next.setUTCFullYear(next.getUTCFullYear() + 1);
      return next.getTime() - 1;
    }
  }
}

/** True once the whole of `iso` is over: a date-only end date lasts until the end of that day (UTC). */
export function isPast(iso: string | undefined, now: Date): boolean {
  const parsed = parseFhirDate(iso);
  if (!parsed) return false;
  const last = new Date(parsed.date.getTime());
  if (parsed.precision === 'year') last.setUTCFullYear(last.getUTCFullYear() + 1);
  else if (parsed.precision === 'month') last.setUTCMonth(last.getUTCMonth() + 1);
  else if (parsed.precision === 'day') last.setUTCDate(last.getUTCDate() + 1);
  return last.getTime() <= now.getTime();
}
