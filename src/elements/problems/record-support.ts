import type { CodeableConcept, Resource } from '@medplum/fhirtypes';
import { conceptText } from '../../core/coding.js';
import type { ModelInput, RecordRow } from '../../core/record-types.js';
import { resolveSource, UNKNOWN_SOURCE } from '../../core/source.js';
import { asArray, asRecord, asRecords, asString } from '../../core/safe.js';

/**
 * Readers shared by the problems and allergies models. They would sit well in src/core; they are
 * here until they are needed by more widgets.
 */

export function concept(value: unknown): string | undefined {
  return conceptText(asRecord(value) as CodeableConcept | undefined);
}

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
  return { code, text: concept(value) };
}

export function notesOf(value: unknown): string[] {
  return asRecords(value).flatMap((note) => asString(note['text']) ?? []);
}

export function safeSource(resource: Resource, input: ModelInput): ReturnType<typeof resolveSource> {
  try {
    return resolveSource(resource, input.index);
  } catch {
    // A resolver supplied by the host may throw; the row still shows, with its source unknown.
    return { source: { ...UNKNOWN_SOURCE }, organization: undefined };
  }
}

export function rowKey(resourceType: string, id: string | undefined, position: number): string {
  return id ? `${resourceType}/${id}` : `${resourceType}/#${position}`;
}

/** Maps every match; the same id twice (e.g. repeated across pages) still gives unique row keys. */
export function mapMatches<Row extends RecordRow>(
  input: ModelInput,
  mapOne: (resource: Record<string, unknown>, position: number) => Row | undefined,
): Row[] {
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  asArray(input.matches).forEach((match, position) => {
    const resource = asRecord(match);
    const row = resource ? mapOne(resource, position) : undefined;
    if (!row) return;
    const times = seen.get(row.key) ?? 0;
    seen.set(row.key, times + 1);
    rows.push(times === 0 ? row : { ...row, key: `${row.key}~${times + 1}` });
  });
  return rows;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Groups the same thing across sources: its SNOMED CT/dm+d code, else its name; unnamed never group. */
export function conceptKeyOf(code: string | undefined, name: string, unnamed: string, key: string): string {
  return code ?? (name === unnamed ? `row:${key}` : `name:${name.toLowerCase()}`);
}
