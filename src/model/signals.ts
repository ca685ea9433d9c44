import type { NoticeKind, RecordNotice } from './record-types.js';

/**
 * Safety signals: every reason items may be missing or out of date, one line each, with counts
 * aggregated so that a compact pod can say all of them without a wall of boxes. Nothing is dropped:
 * every notice's own words stay in its signal's details.
 */
export type SignalKind = NoticeKind | 'hidden-by-filters' | 'hidden-by-search' | 'out-of-date';

export interface Signal {
  kind: SignalKind;
  /** The one line, in words, counts aggregated. */
  summary: string;
  /** Each underlying message, for the expanded detail; empty when the summary is the only message. */
  details: string[];
  /** The action offered inline on the line. */
  action?: 'show-all' | 'clear-search';
}

export interface SignalInput {
  /** The record's notices (withheld, outages, truncation…) and the section's own. */
  notices: readonly RecordNotice[];
  /** Plural noun of the items, e.g. "medications". */
  noun: string;
  /** Rows the view and filters hide, with one phrase per filter that hides some. */
  hiddenByFilters: { count: number; reasons: readonly string[] };
  /** Rows the search box hides. */
  hiddenBySearch: { count: number; term: string };
  /** Rows shown whose batch feed is older than its schedule allows, by source name. */
  outOfDate: { count: number; sources: readonly string[] };
}

function items(n: number): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'item' : 'items'}`;
}

/** "sensitive" from "2 items were withheld at source (sensitive)": the reason an HIE put last in brackets. */
function bracketedReason(message: string): string | undefined {
  const m = /\(([^()]{1,60})\)\.?\s*$/.exec(message);
  return m?.[1]?.trim() || undefined;
}

/** One withheld line for many notices: the total, then each reason with its count. */
function withheldSignal(notices: readonly RecordNotice[]): Signal {
  const counts = new Map<string, number>();
  const uncounted = new Set<string>();
  let total = 0;
  for (const n of notices) {
    const reason = bracketedReason(n.message) ?? n.source ?? 'reason not given';
    if (n.count === undefined) uncounted.add(reason);
    else total += n.count;
    counts.set(reason, (counts.get(reason) ?? 0) + (n.count ?? 0));
  }
  const allCounted = uncounted.size === 0;
  const reasons = [...counts].map(([reason, count]) =>
    !uncounted.has(reason) ? `${count} ${reason}` : count > 0 ? `at least ${count} ${reason}` : reason,
  );
  const head = allCounted
    ? `${items(total)} withheld at source`
    : total > 0
      ? `At least ${items(total)} withheld at source`
      : 'Some items withheld at source';
  return { kind: 'withheld', summary: `${head}: ${reasons.join(', ')}`, details: notices.map((n) => n.message) };
}

function sumCounts(notices: readonly RecordNotice[]): number {
  return notices.reduce((sum, n) => sum + (n.count ?? 0), 0);
}

/** The line for several notices of one kind; a lone notice is its own line, in its own words. */
function aggregate(kind: NoticeKind, notices: readonly RecordNotice[]): Signal {
  const details = notices.map((n) => n.message);
  const many = notices.length;
  switch (kind) {
    case 'withheld':
      return withheldSignal(notices);
    case 'source-unavailable': {
      const named = [...new Set(notices.map((n) => n.source).filter((s): s is string => Boolean(s)))];
      const who = named.length > 0 ? `: ${named.join(', ')}` : '';
      return { kind, summary: `${many} sources did not respond${who}; their items may be missing`, details };
    }
    case 'truncated':
      return { kind, summary: `${many} searches were cut short; only their first items were loaded`, details };
    case 'other-patient-dropped':
      return { kind, summary: `${items(sumCounts(notices))} not shown: they belong to a different patient`, details };
    case 'skipped':
      return { kind, summary: `${items(sumCounts(notices))} could not be shown (sent in an unexpected form, or not sent)`, details };
    case 'role-restricted':
      return { kind, summary: `Some items are not available to your role (${many} searches)`, details };
    case 'search-unsupported':
      return { kind, summary: `The HIE does not offer ${many} of the searches; any such records are not shown`, details };
    case 'details-missing':
      return { kind, summary: `Some related details were not sent (${many} searches); some sources may show as not recorded`, details };
    default:
      return { kind, summary: details.join(' '), details };
  }
}

/** Notices grouped by kind in the order given (most serious first), one signal per kind. */
function noticeSignals(notices: readonly RecordNotice[]): Signal[] {
  const byKind = new Map<NoticeKind, RecordNotice[]>();
  for (const n of notices) {
    const list = byKind.get(n.kind) ?? [];
    list.push(n);
    byKind.set(n.kind, list);
  }
  const signals: Signal[] = [];
  for (const [kind, list] of byKind) {
    // Information notices (e.g. "this section shows GP sources only") each say something different.
    if (kind === 'information' || list.length === 1) {
      for (const n of list) signals.push({ kind, summary: n.message, details: [] });
    } else {
      signals.push(aggregate(kind, list));
    }
  }
  return signals;
}

/** Every signal of a pod, most serious first; the ones the clinician can undo carry their action. */
export function buildSignals(input: SignalInput): Signal[] {
  const signals = noticeSignals(input.notices);
  const { hiddenByFilters: filters, hiddenBySearch: search, outOfDate } = input;
  if (outOfDate.count > 0) {
    // Which feeds are late is the detail: the line itself stays one line in a narrow pod.
    signals.push({
      kind: 'out-of-date',
      summary: `${items(outOfDate.count)} may be out of date (late batch feed)`,
      details: outOfDate.sources.map((source) => `${source}: its last batch is older than its schedule allows`),
    });
  }
  if (filters.count > 0) {
    signals.push({
      kind: 'hidden-by-filters',
      summary: `${filters.count} ${filters.count === 1 ? 'item is' : 'items are'} hidden by your filters: ${filters.reasons.join('; ')}.`,
      details: [],
      action: 'show-all',
    });
  }
  if (search.count > 0) {
    signals.push({
      kind: 'hidden-by-search',
      summary: `${items(search.count)} hidden by your search '${search.term}'`,
      details: [],
      action: 'clear-search',
    });
  }
  return signals;
}
