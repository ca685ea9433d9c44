import { html, nothing, svg, type TemplateResult } from 'lit';
import { AsyncDirective, directive, type ChildPart } from 'lit/async-directive.js';
import { formatDateTime, formatExact } from '../../model/format.js';
import { sourceBadge } from '../../ui/source-badge.js';
import type { FlaggedResult, Measurement, ResultEntry } from './results.types.js';
import {
  MIN_TREND_POINTS,
  sparkGeometry,
  trendSummary,
  type TrendPoint,
  type TrendSeries,
} from './results.trends.js';
import { interpretationText, UNIT_NOT_RECORDED } from './results.values.js';

type Trends = ReadonlyMap<string, TrendSeries>;

/** Date and 24-hour time as sent (partial dates stay partial); the exact value on hover. */
export function dateTimeText(iso: string | undefined): TemplateResult {
  if (!iso) return html`<span class="not-recorded">Not recorded</span>`;
  return html`<time datetime=${iso} title=${formatExact(iso)}>${formatDateTime(iso)}</time>`;
}

function interpretationTags(m: Measurement): TemplateResult | typeof nothing {
  if (m.interpretations.length === 0) {
    return m.value.numeric ? html`<span class="not-recorded">Interpretation not recorded</span>` : nothing;
  }
  return html`${m.interpretations.map(
    (i) =>
      html`<span class="interpretation" data-level=${i.level}
        >${i.label}${i.symbol ? html` <span aria-hidden="true">${i.symbol}</span>` : nothing}</span
      >`,
  )}`;
}

function rangeText(m: Measurement): TemplateResult | typeof nothing {
  if (m.range) return html`<span class="range">Range: ${m.range.text}</span>`;
  return m.value.numeric ? html`<span class="range not-recorded">Range not recorded</span>` : nothing;
}

/** A value with its unit (or "unit not recorded"), its interpretation in words and its range. */
export function measurementLine(m: Measurement, named: boolean): TemplateResult {
  return html`<p class="measurement">
    ${named ? html`<span class="measurement-name">${m.name}:</span>` : nothing}
    <span class="value ${m.value.absent ? 'not-recorded' : ''}">${m.value.text}</span>${m.value.unitMissing
      ? html` <span class="unit-missing">(${UNIT_NOT_RECORDED})</span>`
      : nothing}
    ${interpretationTags(m)} ${rangeText(m)}
  </p>`;
}

function measurementsOf(entry: ResultEntry): Measurement[] {
  return [...(entry.main ? [entry.main] : []), ...entry.components];
}

export function valuesBlock(entry: ResultEntry): TemplateResult {
  return html`${entry.main ? measurementLine(entry.main, false) : nothing}${entry.components.length > 0
    ? html`<ul class="components">
        ${entry.components.map((c) => html`<li>${measurementLine(c, true)}</li>`)}
      </ul>`
    : nothing}`;
}

/** Points drawn as markers; the line still joins every point. */
const MAX_MARKED_POINTS = 30;

function tableRows(rows: readonly TrendPoint[]): TemplateResult {
  return html`${rows.map(
    (p) => html`<tr>
      <th scope="row">${dateTimeText(p.date)}</th>
      <td>${p.text}</td>
      <td>${p.interpretation ?? 'Not recorded'}</td>
      <td>${p.statusLabel}</td>
      <td>${p.source}</td>
    </tr>`,
  )}`;
}

/**
 * A trend's table rows, newest first, rendered only while its <details> is open: a long series
 * would otherwise cost every render of the list. Each render passes the current points, so an open
 * table never keeps values from before a refresh.
 */
class RowsWhileOpen extends AsyncDirective {
  private details: HTMLDetailsElement | null = null;
  private points: readonly TrendPoint[] = [];

  render(_points: readonly TrendPoint[]): typeof nothing {
    return nothing;
  }

  override update(part: ChildPart, [points]: [readonly TrendPoint[]]): unknown {
    this.points = points;
    const details = (part.parentNode as Element | null)?.closest('details') ?? null;
    if (details && details !== this.details) {
      this.details = details;
      details.addEventListener('toggle', () => {
        if (this.isConnected) this.setValue(this.view());
      });
    }
    return this.view();
  }

  private view(): TemplateResult | typeof nothing {
    return this.details?.open ? tableRows([...this.points].reverse()) : nothing;
  }
}
const rowsWhileOpen = directive(RowsWhileOpen);

const CHART_WIDTH = 120;
const CHART_HEIGHT = 36;

/** A small chart of a repeated test with its summary as the accessible name, and the values as a table. */
export function trendBlock(series: TrendSeries): TemplateResult {
  const g = sparkGeometry(series, CHART_WIDTH, CHART_HEIGHT);
  const last = g.points.length - 1;
  return html`<div class="trend" data-series=${series.key}>
    <svg
      class="sparkline"
      role="img"
      aria-label=${trendSummary(series)}
      viewBox="0 0 120 36"
      width="120"
      height="36"
      focusable="false"
    >
      ${g.band
        ? svg`<rect class="trend-range" x="0" y=${g.band.y} width=${g.width} height=${g.band.height}></rect>`
        : nothing}
      ${svg`<polyline class="trend-line" points=${g.points.map((p) => `${p.x},${p.y}`).join(' ')}></polyline>`}
      ${g.points.slice(-MAX_MARKED_POINTS).map((p, j, shown) => {
        const i = last - (shown.length - 1 - j);
        return svg`<circle class=${i === last ? 'trend-point latest' : 'trend-point'} cx=${p.x} cy=${p.y} r=${i === last ? 3 : 2}></circle>`;
      })}
    </svg>
    <details class="trend-table">
      <summary>${series.points.length} ${series.name} results as a table</summary>
      <table>
        <caption>
          ${series.name}: results over time, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Taken</th>
            <th scope="col">Result</th>
            <th scope="col">Interpretation</th>
            <th scope="col">Status</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          ${rowsWhileOpen(series.points)}
        </tbody>
      </table>
    </details>
  </div>`;
}

/** Trend charts for the entry's values that repeat, optionally only those `choose` allows. */
export function trendsFor(
  entry: ResultEntry,
  trends: Trends,
  choose: (seriesKey: string) => boolean = () => true,
): TemplateResult[] {
  return measurementsOf(entry).flatMap((m) => {
    const series = m.seriesKey ? trends.get(m.seriesKey) : undefined;
    return series && series.points.length >= MIN_TREND_POINTS && choose(series.key) ? [trendBlock(series)] : [];
  });
}

/** "1 result", "3 results". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Results a report names but that cannot be shown, each reason in words. */
export function missingMembers(entry: ResultEntry): TemplateResult | typeof nothing {
  const notes: string[] = [];
  if (entry.unavailableMembers > 0) {
    notes.push(
      `${plural(entry.unavailableMembers, 'result', 'results')} listed here ${entry.unavailableMembers === 1 ? 'was' : 'were'} not received from the HIE.`,
    );
  }
  if (entry.unverifiedMembers > 0) {
    notes.push(
      `${plural(entry.unverifiedMembers, 'result', 'results')} listed here ${entry.unverifiedMembers === 1 ? 'was' : 'were'} not shown: ${entry.unverifiedMembers === 1 ? 'it does' : 'they do'} not name this patient.`,
    );
  }
  return notes.length > 0 ? html`<p class="missing-members">${notes.join(' ')}</p>` : nothing;
}

function tags(labels: readonly string[]): TemplateResult | typeof nothing {
  return labels.length === 0 ? nothing : html`${labels.map((l) => html`<span class="tag security">${l}</span>`)}`;
}

function memberItem(member: ResultEntry, parent: ResultEntry, trends: Trends): TemplateResult {
  const otherSource = member.source.key !== parent.source.key;
  // Each member's own state when it matters: amended, preliminary… or not the same as its report's.
  const ownStatus = member.attention || member.status !== parent.status;
  return html`<li class="member" data-member-key=${member.key}>
    <p class="member-name">${member.name}</p>
    ${valuesBlock(member)}
    ${ownStatus || otherSource || member.securityLabels.length > 0
      ? html`<div class="meta">
          ${ownStatus
            ? html`<span class="tag status ${member.attention ? 'attention' : ''}" data-status=${member.status}
                >${member.statusLabel}</span
              >`
            : nothing}
          ${otherSource ? html`<span>Reported by ${sourceBadge(member.source)}</span>` : nothing}
          ${tags(member.securityLabels)}
        </div>`
      : nothing}
    ${member.statusNote && ownStatus ? html`<p class="status-note">${member.statusNote}</p>` : nothing}
    ${member.notes.map((n) => html`<p class="note">${n}</p>`)}
    ${member.members.length > 0 ? html`<ul class="members">${memberItems(member, trends)}</ul>` : nothing}
    ${missingMembers(member)} ${trendsFor(member, trends)}
  </li>`;
}

/** The results inside a report or panel, nested panels included, as list items. */
export function memberItems(entry: ResultEntry, trends: Trends): TemplateResult[] {
  return entry.members.map((m) => memberItem(m, entry, trends));
}

/** The flagged values of a report or panel, visible while it is collapsed, so none is missed. */
export function flaggedSummary(flagged: readonly FlaggedResult[]): TemplateResult {
  if (flagged.length === 0) {
    return html`<p class="flagged none">No result here was flagged by the sender.</p>`;
  }
  return html`<p class="flagged">
    <strong>Flagged:</strong>
    ${flagged.map(
      (f, i) =>
        html`<span class="flag" data-level=${f.interpretation.level}
          >${f.name} ${f.value}, ${interpretationText(f.interpretation)}</span
        >${i < flagged.length - 1 ? '; ' : ''}`,
    )}
  </p>`;
}
