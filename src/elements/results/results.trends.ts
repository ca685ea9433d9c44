import { formatDate } from '../../model/format.js';
import type { Measurement, ResultEntry, ResultRow } from './results.types.js';
import { isResulted } from './results.status.js';
import { interpretationsText } from './results.values.js';

/** One result of a repeated test. */
export interface TrendPoint {
  /** The result's entry key, e.g. `Observation/k-1`. */
  key: string;
  /** The test's name as this result gave it. */
  name: string;
  date: string;
  time: number;
  value: number;
  /** The value in words with its unit, e.g. "5.4 mmol/L". */
  text: string;
  /** Interpretation in words and symbol, or undefined when none was sent. */
  interpretation: string | undefined;
  statusLabel: string;
  source: string;
  low: number | undefined;
  high: number | undefined;
  rangeUnitKey: string | undefined;
}

/** Repeated results of one test in one unit, oldest first. */
export interface TrendSeries {
  key: string;
  name: string;
  unitKey: string;
  points: TrendPoint[];
}

/** A series is worth a chart from this many results. */
export const MIN_TREND_POINTS = 2;

function unitKeyOf(seriesKey: string): string {
  return seriesKey.slice(seriesKey.lastIndexOf('|') + 1);
}

/** Keys of the entries that occur more than once in `rows`, e.g. a result listed by two reports. */
function repeatedKeys(rows: readonly ResultRow[]): Set<string> {
  const once = new Set<string>();
  const repeated = new Set<string>();
  const note = (entry: ResultEntry): void => {
    if (once.has(entry.key)) repeated.add(entry.key);
    else once.add(entry.key);
    for (const member of entry.members) note(member);
  };
  for (const row of rows) note(row);
  return repeated;
}

/**
 * Every plottable value in `rows` (members of reports and panels included) grouped by test and
 * unit: values in different units are never drawn on one line. A result listed in two reports
 * counts once. Cancelled and registered tests have no values to plot.
 */
export function buildTrends(rows: readonly ResultRow[]): Map<string, TrendSeries> {
  const series = new Map<string, TrendSeries>();
  // `<entry key>#<index of the value>` of the points taken, so a result listed twice counts once.
  // Only entries whose key repeats can meet a point twice, so only theirs are kept: most records
  // have none, and a new string per point was a large part of building the trends.
  const repeated = repeatedKeys(rows);
  const seen = new Set<string>();
  const add = (entry: ResultEntry, m: Measurement, index: number, date: string, time: number): void => {
    if (!m.seriesKey || m.value.number === undefined) return;
    if (repeated.size > 0 && repeated.has(entry.key)) {
      const pointKey = `${entry.key}#${index}`;
      if (seen.has(pointKey)) return;
      seen.add(pointKey);
    }
    let list = series.get(m.seriesKey);
    if (!list) {
      list = { key: m.seriesKey, name: m.name, unitKey: unitKeyOf(m.seriesKey), points: [] };
      series.set(m.seriesKey, list);
    }
    list.points.push({
      key: entry.key,
      name: m.name,
      date,
      time,
      value: m.value.number,
      text: m.value.text,
      interpretation: interpretationsText(m.interpretations),
      statusLabel: entry.statusLabel,
      source: entry.source.name ?? 'Source not recorded',
      low: m.range?.low,
      high: m.range?.high,
      rangeUnitKey: m.range?.unitKey,
    });
  };
  // An entry without a date of its own was taken with the report or panel that lists it.
  const visit = (entry: ResultEntry, inheritedDate: string | undefined, inheritedTime: number | undefined): void => {
    const own = entry.effective ?? entry.issued;
    const date = own ?? inheritedDate;
    const time = own !== undefined ? entry.time : inheritedTime;
    if (date !== undefined && time !== undefined && isResulted(entry.status)) {
      // The index of each value in [main, ...components], as the point's identity within the entry.
      let index = 0;
      if (entry.main) add(entry, entry.main, index++, date, time);
      for (const component of entry.components) add(entry, component, index++, date, time);
    }
    for (const member of entry.members) visit(member, date, time);
  };
  for (const row of rows) visit(row, undefined, undefined);
  for (const s of series.values()) {
    s.points.sort((a, b) => a.time - b.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    s.name = s.points.at(-1)?.name ?? s.name;
  }
  return series;
}

/** The trends of the rows on screen, and the row each series' chart sits with. */
export interface RowTrends {
  trends: ReadonlyMap<string, TrendSeries>;
  /** Series key → key of the first row with a value in that series: the newest, as rows are sorted. */
  chartRow: ReadonlyMap<string, string>;
}

export function rowTrends(rows: readonly ResultRow[]): RowTrends {
  const chartRow = new Map<string, string>();
  const mark = (m: Measurement | undefined, rowKey: string): void => {
    if (m?.seriesKey && !chartRow.has(m.seriesKey)) chartRow.set(m.seriesKey, rowKey);
  };
  for (const row of rows) {
    mark(row.main, row.key);
    for (const m of row.components) mark(m, row.key);
  }
  return { trends: buildTrends(rows), chartRow };
}

export interface SparkPoint {
  x: number;
  y: number;
  key: string;
}

export interface SparkGeometry {
  width: number;
  height: number;
  points: SparkPoint[];
  /** The latest result's reference range as a band, when both bounds are known in the series' unit. */
  band: { y: number; height: number } | undefined;
}

function bandBounds(series: TrendSeries): { low: number; high: number } | undefined {
  const latest = series.points.at(-1);
  if (!latest || latest.low === undefined || latest.high === undefined || latest.low > latest.high) return undefined;
  if (latest.rangeUnitKey !== undefined && latest.rangeUnitKey !== series.unitKey) return undefined;
  return { low: latest.low, high: latest.high };
}

/** Where each point sits in a small chart: time across, value up; the reference range as a band. */
export function sparkGeometry(series: TrendSeries, width = 120, height = 36, pad = 4): SparkGeometry {
  const band = bandBounds(series);
  const values = [...series.points.map((p) => p.value), ...(band ? [band.low, band.high] : [])];
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    const spread = Math.abs(min) * 0.1 || 1;
    min -= spread;
    max += spread;
  }
  const times = series.points.map((p) => p.time);
  const first = Math.min(...times);
  const last = Math.max(...times);
  const round = (n: number) => Math.round(n * 10) / 10;
  const x = (time: number, index: number) =>
    last === first
      ? pad + ((width - 2 * pad) * (index + 0.5)) / series.points.length
      : pad + ((time - first) / (last - first)) * (width - 2 * pad);
  const y = (value: number) => pad + ((max - value) / (max - min)) * (height - 2 * pad);
  return {
    width,
    height,
    points: series.points.map((p, i) => ({ x: round(x(p.time, i)), y: round(y(p.value)), key: p.key })),
    band: band ? { y: round(y(band.high)), height: round(y(band.low) - y(band.high)) } : undefined,
  };
}

/** The chart in words, for its accessible name: span, latest, previous, lowest and highest. */
export function trendSummary(series: TrendSeries): string {
  const points = series.points;
  const latest = points.at(-1)!;
  const previous = points.at(-2);
  const lowest = points.reduce((a, b) => (b.value < a.value ? b : a));
  const highest = points.reduce((a, b) => (b.value > a.value ? b : a));
  const latestText = `${latest.text}${latest.interpretation ? ` (${latest.interpretation})` : ''}`;
  const parts = [
    `${series.name} trend: ${points.length} results from ${formatDate(points[0]!.date)} to ${formatDate(latest.date)}`,
    `latest ${latestText} on ${formatDate(latest.date)}`,
    ...(previous ? [`previous ${previous.text} on ${formatDate(previous.date)}`] : []),
    `lowest ${lowest.text}`,
    `highest ${highest.text}`,
  ];
  return `${parts.join('; ')}.`;
}
