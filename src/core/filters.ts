import type { RecordRow } from '../model/record-types.js';
import type { FilterOutcome, FilterSpec, FilterState } from '../model/view-types.js';

export type { FilterOutcome, FilterSpec, FilterState, StatusOption } from '../model/view-types.js';

export function defaultFilters<Row>(spec: FilterSpec<Row>): FilterState {
  return { status: spec.statusOptions[0]?.value ?? 'all', from: '', to: '', sources: [] };
}

/** The state that hides nothing: what "Show all" resets to. */
export function showAllFilters<Row>(spec: FilterSpec<Row>): FilterState {
  const all = spec.statusOptions.find((o) => !o.matches);
  return { status: all?.value ?? 'all', from: '', to: '', sources: [] };
}

function withinDates(date: string | undefined, from: string, to: string): boolean {
  if (!from && !to) return true;
  if (!date) return false;
  const day = date.slice(0, 10);
  // Partial dates (2024, 2024-02) overlap a range if any part of them could fall inside it.
  const earliest = day.length === 4 ? `${day}-01-01` : day.length === 7 ? `${day}-01` : day;
  const latest = day.length === 4 ? `${day}-12-31` : day.length === 7 ? `${day}-31` : day;
  return (!from || latest >= from) && (!to || earliest <= to);
}

export function applyFilters<Row extends RecordRow>(
  rows: readonly Row[],
  state: FilterState,
  spec: FilterSpec<Row>,
): FilterOutcome<Row> {
  const option = spec.statusOptions.find((o) => o.value === state.status);
  const sources = new Set(state.sources);
  let byStatus = 0;
  let byDate = 0;
  let bySource = 0;
  const visible: Row[] = [];
  for (const row of rows) {
    if (option?.matches && !option.matches(row)) byStatus++;
    else if (!withinDates(row.date, state.from, state.to)) byDate++;
    else if (sources.size > 0 && !sources.has(row.source.key)) bySource++;
    else visible.push(row);
  }
  const reasons: string[] = [];
  if (byStatus && option) reasons.push(spec.describeHidden(byStatus, option));
  if (byDate) reasons.push(`${byDate} outside the chosen dates`);
  if (bySource) reasons.push(`${bySource} from other sources`);
  return { visible, hidden: byStatus + byDate + bySource, reasons };
}

/** Restricts a section to some source types (`source-types="gp"`); rows of unknown type are outside. */
export function splitBySourceTypes<Row extends RecordRow>(
  rows: readonly Row[],
  sourceTypes: readonly string[],
): { inside: Row[]; outside: number } {
  if (sourceTypes.length === 0) return { inside: [...rows], outside: 0 };
  const wanted = new Set(sourceTypes);
  const inside = rows.filter((r) => r.source.type !== undefined && wanted.has(r.source.type));
  return { inside, outside: rows.length - inside.length };
}

export function parseSourceTypes(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}
