import { parseFhirDate, PRECISION_RANK } from './format.js';

interface OrderKey<T> {
  item: T;
  /** NaN when the date is missing or invalid. */
  time: number;
  rank: number;
  name: string;
  key: string;
}

function compareOrderKeys<T>(a: OrderKey<T>, b: OrderKey<T>): number {
  const aDated = !Number.isNaN(a.time);
  const bDated = !Number.isNaN(b.time);
  if (aDated !== bDated) return aDated ? -1 : 1;
  if (aDated && a.time !== b.time) return b.time - a.time < 0 ? -1 : 1;
  if (aDated && a.rank !== b.rank) return b.rank - a.rank;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * A copy of `rows` newest first (the order of `compareIsoDesc`: partial dates by their first day,
 * the more precise first on a tie, missing dates last), then by name ignoring case, then by key, so
 * the order never depends on arrival order. Each row's date is parsed and its name lowercased once,
 * not once per comparison: sorting 10,000 rows compares about 130,000 pairs.
 */
export function newestFirst<T extends { date: string | undefined; key: string }>(
  rows: readonly T[],
  nameOf: (row: T) => string,
): T[] {
  const keyed: OrderKey<T>[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] as T;
    const parsed = parseFhirDate(row.date);
    keyed[i] = {
      item: row,
      time: parsed ? parsed.date.getTime() : NaN,
      rank: parsed ? PRECISION_RANK[parsed.precision] : 0,
      name: nameOf(row).toLowerCase(),
      key: row.key,
    };
  }
  keyed.sort(compareOrderKeys);
  return keyed.map((k) => k.item);
}
