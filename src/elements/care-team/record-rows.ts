import type { Reference, Resource } from '@medplum/fhirtypes';
import type { ModelInput, RecordRow } from '../../core/record-types.js';
import { parseFhirDate } from '../../core/format.js';
import { resolveFreshness } from '../../core/freshness.js';
import { securityLabels } from '../../core/security.js';
import { resolveSource, UNKNOWN_SOURCE } from '../../core/source.js';
import { asArray, asRecord, asString, type JsonRecord } from '../../core/safe.js';

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

/** `table[key]` for the table's own keys only, so codes like "constructor" are not found on the prototype. */
export function lookup<T>(table: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
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

export function validDate(value: unknown): string | undefined {
  const text = asString(value);
  return parseFhirDate(text) ? text : undefined;
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

/** Resolves a reference, treating a resolver that throws (one a host supplied) as "not found". */
export function safeResolve(input: ModelInput, ref: unknown, from: unknown): Resource | undefined {
  const reference = asRecord(ref);
  if (!reference) return undefined;
  try {
    const found = input.index.resolve<Resource>(reference as Reference, asRecord(from) as Resource | undefined);
    return asRecord(found) ? found : undefined;
  } catch {
    return undefined;
  }
}

function safeSource(resource: Resource, input: ModelInput): ReturnType<typeof resolveSource> {
  try {
    return resolveSource(resource, input.index);
  } catch {
    return { source: { ...UNKNOWN_SOURCE }, organization: undefined };
  }
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
    key: id ? `${resourceType}/${id}` : `${resourceType}/#${position}`,
    resourceType,
    id,
    ...status,
    date,
    source,
    freshness: resolveFreshness(fhirResource, organization, input.now),
    securityLabels: securityLabels(fhirResource),
  };
}

/** Maps every match of one type; a repeated id (e.g. across pages) still gets a unique row key. */
export function mapMatches<Row extends RecordRow>(
  input: ModelInput,
  resourceType: string,
  mapOne: (resource: JsonRecord, position: number) => Row | undefined,
): Row[] {
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  asArray(input.matches).forEach((match, position) => {
    const resource = asRecord(match);
    if (!resource || resource['resourceType'] !== resourceType) return;
    if (resource['status'] === 'entered-in-error') return;
    const row = mapOne(resource, position);
    if (!row) return;
    const times = seen.get(row.key) ?? 0;
    seen.set(row.key, times + 1);
    rows.push(times === 0 ? row : { ...row, key: `${row.key}~${times + 1}` });
  });
  return rows;
}
