import type { SearchResult } from '../fhir/types.js';
import { parseFhirDate } from './format.js';
import type { RecordRow } from './record-types.js';

/** How far a widget's searches have got, for the progress line and `care-record-progress`. */
export interface LoadProgress {
  /** Items received so far, across the widget's searches. */
  loaded: number;
  /** Items the HIE said its searches match (`Bundle.total`), when every search said. */
  total: number | undefined;
  complete: boolean;
  /**
   * True when the HIE refused or ignored the newest-first order, so the rest is held back until
   * every page has arrived rather than shown in an order that would change.
   */
  held: boolean;
  /** Why loading stopped before the end, when it did: the items already shown stay. */
  failure?: string | undefined;
}

/** One search's pages so far; `done` once its last page is in. */
export interface SearchSoFar {
  result: SearchResult | undefined;
  done: boolean;
}

/** True when a search's items came newest first as asked, so later pages only add older ones. */
export function arrivesNewestFirst(result: SearchResult): boolean {
  return result.refusedSort === undefined && result.sorted !== undefined && result.sorted.ordered;
}

export function progressOf(searches: readonly SearchSoFar[], complete: boolean): LoadProgress {
  let loaded = 0;
  let total: number | undefined = 0;
  let held = false;
  for (const { result } of searches) {
    loaded += result?.matches.length ?? 0;
    total = total === undefined || result?.total === undefined ? undefined : total + result.total;
    if (result !== undefined && !arrivesNewestFirst(result)) held = true;
  }
  return { loaded, total: total === undefined ? undefined : Math.max(total, loaded), complete, held };
}

/**
 * The instant (ms) at or after which an item is safe to show while searches are still paging: each
 * unfinished search will only add items older than the oldest it has sent. Undefined until every
 * search has sent a page; -Infinity once all are done.
 */
export function showFrom(searches: readonly SearchSoFar[]): number | undefined {
  let from = -Infinity;
  for (const { result, done } of searches) {
    if (done) continue;
    if (result?.sorted === undefined) return undefined;
    from = Math.max(from, result.sorted.oldest);
  }
  return from;
}

/** Rows dated at or after `from` (undated rows sort last, so they wait for the end). */
export function rowsFrom<Row extends RecordRow>(rows: readonly Row[], from: number): Row[] {
  if (from === -Infinity) return rows.slice();
  return rows.filter((row) => {
    const parsed = parseFhirDate(row.date);
    return parsed !== undefined && parsed.date.getTime() >= from;
  });
}

/**
 * `next` arranged so nothing already on screen moves: the rows of `shown` that are still there
 * keep their places (with their newest content), and new rows follow below in `next`'s order.
 * `moved` counts the rows `next`'s own order would have put above one already shown.
 */
export function appendOnly<Row extends RecordRow>(shown: readonly Row[], next: readonly Row[]): { rows: Row[]; moved: number } {
  if (shown.length === 0) return { rows: next.slice(), moved: 0 };
  const byKey = new Map<string, Row>();
  for (const row of next) byKey.set(row.key, row);
  const kept = new Set<string>();
  const rows: Row[] = [];
  for (const row of shown) {
    const current = byKey.get(row.key);
    if (current === undefined || kept.has(row.key)) continue;
    kept.add(row.key);
    rows.push(current);
  }
  let moved = 0;
  let lastShownAt = -1;
  next.forEach((row, i) => {
    if (kept.has(row.key)) lastShownAt = i;
  });
  next.forEach((row, i) => {
    if (kept.has(row.key)) return;
    if (i < lastShownAt) moved += 1;
    rows.push(row);
  });
  return { rows, moved };
}
