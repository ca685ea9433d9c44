import type { Resource } from '@medplum/fhirtypes';
import type { ModelInput, RecordRow } from './record-types.js';
import { resolveFreshness } from './freshness.js';
import { securityLabels } from './security-labels.js';
import { resolveSource, UNKNOWN_SOURCE } from './source.js';
import { asArray, asRecord, asRecords, asString, lookup, type JsonRecord } from './json-guards.js';

/** A status code in words, and whether rows with it belong to the default (current) view. */
export interface StatusWords {
  label: string;
  current: boolean;
  /** Shown, but marked for attention (e.g. a draft plan or a suspended team). */
  attention: boolean;
}

export interface RowStatus {
  status: string;
  statusLabel: string;
  current: boolean;
  attention: boolean;
}

/** Missing or unrecognised statuses stay in the default view: hiding them could hide something live. */
export function statusOf(raw: unknown, known: Record<string, StatusWords>): RowStatus {
  const status = asString(raw);
  if (status === undefined) {
    return { status: 'unknown', statusLabel: 'Status not recorded', current: true, attention: true };
  }
  const words = lookup(known, status);
  return words
    ? { status, statusLabel: words.label, current: words.current, attention: words.attention }
    : { status, statusLabel: `Status: ${status}`, current: true, attention: true };
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

/** The fields every row has: key, status, source, freshness and security labels. */
export function baseRow(
  resource: JsonRecord,
  resourceType: string,
  position: number,
  input: ModelInput,
  status: RowStatus,
  date: string | undefined,
): RecordRow & RowStatus {
  const fhirResource = resource as unknown as Resource;
  const { source, organization } = safeSource(fhirResource, input);
  const id = asString(resource['id']);
  return {
    key: rowKey(resourceType, id, position),
    resourceType,
    id,
    ...status,
    date,
    source,
    freshness: resolveFreshness(fhirResource, organization, input.now),
    securityLabels: securityLabels(fhirResource),
  };
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

/** Maps every match that is a record, with unique row keys; `mapOne` returns undefined to leave one out. */
export function mapMatches<Row extends { key: string }>(
  input: ModelInput,
  mapOne: (resource: JsonRecord, position: number) => Row | undefined,
): Row[] {
  const rows: Row[] = [];
  asArray(input.matches).forEach((match, position) => {
    const resource = asRecord(match);
    const row = resource ? mapOne(resource, position) : undefined;
    if (row) rows.push(row);
  });
  return uniqueKeys(rows);
}

/** As mapMatches, for matches of one type only; entered-in-error ones are dropped. */
export function mapMatchesOfType<Row extends RecordRow>(
  input: ModelInput,
  resourceType: string,
  mapOne: (resource: JsonRecord, position: number) => Row | undefined,
): Row[] {
  return mapMatches(input, (resource, position) =>
    resource['resourceType'] !== resourceType || resource['status'] === 'entered-in-error'
      ? undefined
      : mapOne(resource, position),
  );
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Groups the same thing across sources: its SNOMED CT/dm+d code, else its name; unnamed never group. */
export function conceptKeyOf(code: string | undefined, name: string, unnamed: string, key: string): string {
  return code ?? (name === unnamed ? `row:${key}` : `name:${name.toLowerCase()}`);
}

export function notesOf(value: unknown): string[] {
  return asRecords(value).flatMap((note) => asString(note['text']) ?? []);
}
