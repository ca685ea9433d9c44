import { conceptTextOf } from './datatypes.js';
import { asRecord, asRecords, asString, type JsonRecord } from './json-guards.js';

/**
 * Clinical and verification status as Condition and AllergyIntolerance both carry them: each with its
 * own code system and words, read the same way.
 */
export interface StatusVocabulary {
  clinicalSystem: string;
  verificationSystem: string;
  clinical: Record<string, { label: string; current: boolean }>;
  verification: Record<string, { label: string; uncertain: boolean }>;
}

const NOT_SHOWN = new Set(['refuted', 'entered-in-error']);

/**
 * The code of a status CodeableConcept (`clinicalStatus`, `verificationStatus`): the coding in
 * `system` first, then any coding; a bare string (as older feeds send) is read as the code.
 * `text` is the concept's words, for a status sent without a code.
 */
export function statusCode(value: unknown, system: string): { code: string | undefined; text: string | undefined } {
  const bare = asString(value);
  if (bare) return { code: bare, text: undefined };
  const codings = asRecords(asRecord(value)?.['coding']);
  const preferred = codings.find((c) => asString(c['system']) === system && asString(c['code']));
  const code = asString((preferred ?? codings.find((c) => asString(c['code'])))?.['code']);
  return { code, text: conceptTextOf(value) };
}

/** A missing or unrecognised clinical status stays in the default view: hiding it could hide a live item. */
export function clinicalOf(
  value: unknown,
  words: StatusVocabulary,
): { status: string; statusLabel: string; current: boolean } {
  const { code, text } = statusCode(value, words.clinicalSystem);
  if (code === undefined) {
    return { status: 'unknown', statusLabel: text ? `Clinical status: ${text}` : 'Clinical status not recorded', current: true };
  }
  const known = words.clinical[code];
  return known
    ? { status: code, statusLabel: known.label, current: known.current }
    : { status: code, statusLabel: `Clinical status: ${code}`, current: true };
}

export function verificationOf(
  value: unknown,
  words: StatusVocabulary,
): { verification: string | undefined; verificationLabel: string | undefined; uncertain: boolean } {
  const { code, text } = statusCode(value, words.verificationSystem);
  if (code === undefined) {
    return text
      ? { verification: undefined, verificationLabel: `Verification: ${text}`, uncertain: true }
      : { verification: undefined, verificationLabel: undefined, uncertain: false };
  }
  const known = words.verification[code];
  return known
    ? { verification: code, verificationLabel: known.label, uncertain: known.uncertain }
    : { verification: code, verificationLabel: `Verification: ${code}`, uncertain: true };
}

/** Refuted and entered-in-error items are never shown. */
export function isNotShown(resource: JsonRecord, words: StatusVocabulary): boolean {
  const verification = statusCode(resource['verificationStatus'], words.verificationSystem).code;
  const clinical = statusCode(resource['clinicalStatus'], words.clinicalSystem).code;
  return NOT_SHOWN.has(verification ?? '') || clinical === 'entered-in-error';
}
