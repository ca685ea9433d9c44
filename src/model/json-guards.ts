/**
 * Defensive readers for HIE data. Types from @medplum/fhirtypes describe valid FHIR, but an HIE can
 * send a string where an array belongs, numbers for strings or null; mapping must never throw.
 */

export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

/** A lone value where an array was expected is treated as a one-item array. */
export function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** The records of an array-valued field, skipping items that are not objects. */
export function asRecords(value: unknown): JsonRecord[] {
  // A plain loop: this runs for nearly every field of every item, and flatMap allocates per item.
  const records: JsonRecord[] = [];
  for (const item of asArray(value)) {
    const record = asRecord(item);
    if (record) records.push(record);
  }
  return records;
}

/** A non-blank trimmed string, else undefined. Numbers are not accepted as text. */
export function asString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Reads `obj.a.b.c` without throwing on missing or wrongly typed steps. */
export function pick(value: unknown, ...path: string[]): unknown {
  let current: unknown = value;
  for (const step of path) {
    const record = asRecord(current);
    if (!record) return undefined;
    current = record[step];
  }
  return current;
}

/**
 * A code → value table with no prototype, so that codes sent by an HIE such as `constructor` or
 * `__proto__` find nothing instead of Object's own properties.
 */
export function lookupTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** `table[key]` for the table's own keys only, so codes like "constructor" are not found on the prototype. */
export function lookup<T>(table: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
