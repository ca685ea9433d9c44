import type { RecordRow } from './record-types.js';

/**
 * For each row, the other sources on screen that record the same thing (same concept key), so a
 * clinician sees that e.g. the GP and the hospital both list it.
 */
export function otherSourcesByRow<Row extends RecordRow & { conceptKey: string }>(rows: readonly Row[]): Map<string, string[]> {
  const byConcept = new Map<string, Row[]>();
  for (const row of rows) byConcept.set(row.conceptKey, [...(byConcept.get(row.conceptKey) ?? []), row]);
  const result = new Map<string, string[]>();
  for (const row of rows) {
    const others = (byConcept.get(row.conceptKey) ?? [])
      .filter((r) => r.source.key !== row.source.key)
      .map((r) => r.source.name ?? 'a source not recorded');
    result.set(row.key, [...new Set(others)]);
  }
  return result;
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
