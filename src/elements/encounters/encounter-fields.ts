import type { Reference, Resource } from '@medplum/fhirtypes';
import type { ModelInput, ReferenceResolver } from '../../core/record-types.js';
import { conceptText } from '../../core/coding.js';
import { parseFhirDate, type ParsedFhirDate } from '../../core/format.js';
import { resolveSource, UNKNOWN_SOURCE } from '../../core/source.js';
import { asRecord, asRecords, asString, type JsonRecord } from '../../core/safe.js';

/**
 * Readers shared by the encounters and appointments models (appointments show planned Encounters
 * too). All of them tolerate any JSON: they return undefined rather than throw.
 */

export function validDate(value: unknown): string | undefined {
  const text = asString(value);
  return parseFhirDate(text) ? text : undefined;
}

/** A resolver supplied by the host may throw; a reference it cannot follow is simply unresolved. */
export function safeResolve(index: ReferenceResolver, ref: unknown, from: unknown): JsonRecord | undefined {
  try {
    return asRecord(index.resolve<Resource>(asRecord(ref) as Reference | undefined, from as Resource));
  } catch {
    return undefined;
  }
}

export function safeSource(resource: Resource, input: ModelInput): ReturnType<typeof resolveSource> {
  try {
    return resolveSource(resource, input.index);
  } catch {
    return { source: { ...UNKNOWN_SOURCE }, organization: undefined };
  }
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

/** The type a reference points at: the resolved resource, `reference.type`, or the literal `Type/id`. */
export function referencedType(ref: JsonRecord, resolved: JsonRecord | undefined): string | undefined {
  const fromResolved = asString(resolved?.['resourceType']);
  if (fromResolved) return fromResolved;
  const declared = asString(ref['type']);
  if (declared) return declared;
  const literal = asString(ref['reference']);
  return literal ? /(?:^|\/)([A-Z][A-Za-z]+)\/[^/]+$/.exec(literal)?.[1] : undefined;
}

/** What a clinician calls a referenced thing: its resolved name, else the reference's display. */
export function referenceName(ref: JsonRecord, resolved: JsonRecord | undefined): string | undefined {
  return asString(resolved?.['name']) ?? asString(ref['display']);
}

/** Names of an Encounter's locations in the order sent (transfers read A → B). */
export function encounterLocations(encounter: JsonRecord, index: ReferenceResolver): string[] {
  const names: string[] = [];
  for (const entry of asRecords(encounter['location'])) {
    const ref = asRecord(entry['location']);
    if (!ref) continue;
    const name = referenceName(ref, safeResolve(index, ref, encounter));
    if (name && names[names.length - 1] !== name) names.push(name);
  }
  return names;
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

/**
 * Rows for one search can hold the same id twice (e.g. repeated across pages); keys must stay
 * unique, so later copies get a suffix.
 */
export function uniqueKeys<Row extends { key: string }>(rows: Row[]): Row[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const times = seen.get(row.key) ?? 0;
    seen.set(row.key, times + 1);
    return times === 0 ? row : { ...row, key: `${row.key}~${times + 1}` };
  });
}

/**
 * For rows that describe the same event (same `sameKey`) from different sources: the names of the
 * other sources, so each report can say "also reported by …" instead of looking like two events.
 */
export function otherReporters<Row extends { key: string; source: { key: string; name: string | undefined } }>(
  rows: Row[],
  sameKey: (row: Row) => string | undefined,
): Map<string, string[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = sameKey(row);
    if (!key) continue;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const result = new Map<string, string[]>();
  for (const group of groups.values()) {
    for (const row of group) {
      const others = group
        .filter((other) => other.source.key !== row.source.key)
        .map((other) => other.source.name ?? 'a source that is not recorded');
      if (others.length > 0) result.set(row.key, [...new Set(others)]);
    }
  }
  return result;
}
