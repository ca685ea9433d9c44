import { expect } from '@open-wc/testing';
import { compareIsoDesc } from '../../src/model/format.js';
import { newestFirst } from '../../src/model/row-order.js';

interface Row {
  key: string;
  date: string | undefined;
  name: string;
}

const byName = (row: Row) => row.name;

/** The order newestFirst promises, written as a plain comparator. */
function reference(a: Row, b: Row): number {
  const an = a.name.toLowerCase();
  const bn = b.name.toLowerCase();
  return compareIsoDesc(a.date, b.date) || (an < bn ? -1 : an > bn ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

describe('newestFirst', () => {
  it('puts the newest first, the more precise first on a tie, and missing or invalid dates last', () => {
    const rows: Row[] = [
      { key: 'a', date: undefined, name: 'A' },
      { key: 'b', date: '2024', name: 'B' },
      { key: 'c', date: '2024-01-01', name: 'C' },
      { key: 'd', date: '2025-06-01T10:00:00Z', name: 'D' },
      { key: 'e', date: 'not a date', name: 'E' },
      { key: 'f', date: '2025-06-01T09:00:00Z', name: 'F' },
    ];
    expect(newestFirst(rows, byName).map((r) => r.key)).to.deep.equal(['d', 'f', 'c', 'b', 'a', 'e']);
  });

  it('breaks ties by name ignoring case, then by key, and leaves its input alone', () => {
    const rows: Row[] = [
      { key: 'k2', date: '2025-01-01', name: 'beta' },
      { key: 'k1', date: '2025-01-01', name: 'Beta' },
      { key: 'k3', date: '2025-01-01', name: 'Alpha' },
    ];
    const before = rows.map((r) => r.key);
    expect(newestFirst(rows, byName).map((r) => r.key)).to.deep.equal(['k3', 'k1', 'k2']);
    expect(rows.map((r) => r.key)).to.deep.equal(before);
  });

  it('gives the same order as the plain comparator over many mixed rows', () => {
    const dates = [undefined, '', '2023', '2023-05', '2023-05-01', '2023-05-01T00:00:00Z', '2023-05-01T01:00:00+01:00', '2026-11-27T10:15:00Z', '2023-02-30', 'x'];
    const names = ['aspirin', 'Aspirin', 'ASPIRIN', 'Zopiclone', 'bisoprolol', ''];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const rows: Row[] = Array.from({ length: 400 }, (_, i) => ({
      key: `Row/${next(1000)}-${i}`,
      date: dates[next(dates.length)],
      name: names[next(names.length)] as string,
    }));
    const expected = [...rows].sort(reference).map((r) => r.key);
    expect(newestFirst(rows, byName).map((r) => r.key)).to.deep.equal(expected);
  });
});
