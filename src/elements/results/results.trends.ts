import { formatDate, parseFhirDate } from '../../core/format.js';
import type { Measurement, ResultEntry, ResultRow } from './results.types.js';
import { isResulted } from './results.status.js';
import { interpretationText } from './results.values.js';

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

function measurementsOf(entry: ResultEntry): Measurement[] {
  return [...(entry.main ? [entry.main] : []), ...entry.components];
}

/**
 * Every plottable value in `rows` (members of reports and panels included) grouped by test and
 * unit: values in different units are never drawn on one line. A result listed in two reports
 * counts once. Cancelled and registered tests have no values to plot.
 */
export function buildTrends(rows: readonly ResultRow[]): Map<string, TrendSeries> {
  const series = new Map<string, TrendSeries>();
  const seen = new Set<string>();
  const visit = (entry: ResultEntry, inherited: string | undefined): void => {
    const date = entry.effective ?? entry.issued ?? inherited;
    const parsed = parseFhirDate(date);
    if (parsed && date && isResulted(entry.status)) {
      measurementsOf(entry).forEach((m, index) => {
        const pointKey = `${entry.key}#${index}`;
        if (!m.seriesKey || m.value.number === undefined || seen.has(pointKey)) return;
        seen.add(pointKey);
        const list = series.get(m.seriesKey) ?? { key: m.seriesKey, name: m.name, unitKey: unitKeyOf(m.seriesKey), points: [] };
        const first = m.interpretations[0];
        list.points.push({
          key: entry.key,
          name: m.name,
          date,
          time: parsed.date.getTime(),
          value: m.value.number,
          text: m.value.text,
          interpretation: first ? m.interpretations.map(interpretationText).join(', ') : undefined,
          statusLabel: entry.statusLabel,
          source: entry.source.name ?? 'Source not recorded',
          low: m.range?.low,
          high: m.range?.high,
          rangeUnitKey: m.range?.unitKey,
        });
        series.set(m.seriesKey, list);
      });
    }
    for (const member of entry.members) visit(member, date);
  };
  for (const row of rows) visit(row, undefined);
  for (const s of series.values()) {
    s.points.sort((a, b) => a.time - b.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    s.name = s.points.at(-1)?.name ?? s.name;
  }
  return series;
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
