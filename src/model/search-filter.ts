import type { RecordRow } from './record-types.js';

/**
 * Find in record: the search box keeps the rows whose words contain every word typed, case- and
 * accent-insensitive. A row's words are all its text and numbers (name, dose, value, unit, source…),
 * read generically so each widget's own fields are searched without a list per widget.
 */

/** Fields that are keys or machine identifiers: matching them would surprise ("act" finding every row). */
const NOT_SEARCHED = new Set(['key', 'id', 'resourceType', 'status', 'via', 'feed', 'codeKey', 'medicineKey', 'seriesKey']);
const MAX_DEPTH = 4;

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function collect(value: unknown, depth: number, into: string[]): void {
  if (typeof value === 'string') {
    if (!/^(https?:|urn:)/.test(value)) into.push(value);
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    into.push(String(value));
  } else if (depth < MAX_DEPTH && value && typeof value === 'object') {
    if (Array.isArray(value)) {
      for (const v of value) collect(v, depth + 1, into);
    } else {
      for (const [k, v] of Object.entries(value)) if (!NOT_SEARCHED.has(k) && !k.endsWith('Key')) collect(v, depth + 1, into);
    }
  }
}

const texts = new WeakMap<object, string>();

/** All of a row's words, folded, worked out once per row object. */
export function rowSearchText(row: RecordRow): string {
  let text = texts.get(row);
  if (text === undefined) {
    const words: string[] = [];
    collect(row, 0, words);
    text = fold(words.join(' \u0000 '));
    texts.set(row, text);
  }
  return text;
}

/** The words of a search, folded; an empty or blank search has none. */
export function searchTerms(term: string | undefined): string[] {
  return fold(term ?? '')
    .split(/\s+/)
    .filter(Boolean);
}

export interface SearchOutcome<Row> {
  visible: Row[];
  hidden: number;
}

/** Rows whose text holds every word of the search; with no words every row is kept. */
export function applySearch<Row extends RecordRow>(
  rows: readonly Row[],
  term: string | undefined,
  textOf: (row: Row) => string = rowSearchText,
): SearchOutcome<Row> {
  const words = searchTerms(term);
  if (words.length === 0) return { visible: [...rows], hidden: 0 };
  const visible = rows.filter((row) => {
    const text = textOf(row);
    return words.every((w) => text.includes(w));
  });
  return { visible, hidden: rows.length - visible.length };
}
