import type { RecordRow } from '../../core/record-types.js';

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
