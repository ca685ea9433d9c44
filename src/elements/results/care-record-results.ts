import { html, nothing, type TemplateResult } from 'lit';
import { rowBody } from '../../ui/row-disclosure.js';
import { state } from 'lit/decorators.js';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { FilterSpec } from '../../core/filters.js';
import type { WidgetDataSpec } from '../../core/record-controller.js';
import { sameItemsMemo } from '../../core/same-items-memo.js';
import { widgetStyles } from '../../ui/styles.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { itemList } from '../../ui/item-list.js';
import { mapResults, type ResultEntry, type ResultRow } from './results.model.js';
import { resultsQueries } from './results.queries.js';
import { rowTrends, type TrendSeries } from './results.trends.js';
import {
  dateTimeText,
  flaggedSummary,
  memberItems,
  missingMembers,
  plural,
  trendsFor,
  valuesBlock,
} from './results.templates.js';
import { resultsStyles } from './care-record-results.styles.js';

/** An id for a row's member list inside the shadow root, stable across renders. */
function membersId(key: string): string {
  return `members-${key.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`)}`;
}

/**
 * A patient's test results from every source in the shared care record: DiagnosticReports with
 * their results, and Observations (laboratory and vital signs) that no report lists. Each value is
 * shown with its unit, reference range and interpretation in words; amended, corrected and
 * preliminary results are marked; repeated tests get a small trend chart with a table alternative.
 * Default view: every result except cancelled tests, which are counted as hidden with "Show all".
 *
 * @summary Test results from the shared care record, with source and freshness of every item.
 *
 * @attr base-url - FHIR base URL of the HIE (overrides the provider's).
 * @attr patient-id - Patient's FHIR id on the HIE.
 * @attr nhs-number - NHS number, used to find the patient when no patient-id is given.
 * @attr source-types - Restricts the section to source types, e.g. "gp" or "acute community".
 * @attr heading - Heading text (default "Test results").
 * @attr max-entries - Most items loaded per search (default 1000).
 * @attr state - Reflected, read-only: idle | loading | ready | empty | error | forbidden | unauthorized.
 *
 * @event care-record-load - Data loaded: resource types, counts shown / hidden / withheld, sources.
 * @event care-record-error - Loading failed: kind, HTTP status, message.
 * @event care-record-auth-required - The HIE refused the token after a refresh, or there was none.
 * @event care-record-view - The items now on screen (patient and resource ids) for the host's audit log.
 *
 * @csspart item - One report, panel or result from one source.
 * @csspart source - The organisation an item came from, with its type.
 * @csspart freshness - How fresh an item is (live, or batch with its last load).
 * @csspart status - Loading, empty, error, no-access, withheld and other status messages.
 * @csspart filters - The filter bar, with the hidden count and "Show all".
 *
 * @cssprop --care-record-text-color - Text colour (default #212b32).
 * @cssprop --care-record-secondary-text-color - Secondary text (default #4c6272).
 * @cssprop --care-record-background - Background (default #ffffff).
 * @cssprop --care-record-surface - Filter bar, message and reference-range band background (default #f0f4f5).
 * @cssprop --care-record-border-color - Borders (default #768692).
 * @cssprop --care-record-accent-color - Buttons, links and trend lines (default #005eb8).
 * @cssprop --care-record-focus-color - Focus highlight (default #ffeb3b).
 * @cssprop --care-record-warning-background - Out-of-date and withheld notices (default #fff9c4).
 * @cssprop --care-record-error-color - Error and critical-result marker (default #d5281b).
 * @cssprop --care-record-font-family - Font (default Frutiger W01, Arial, sans-serif).
 * @cssprop --care-record-font-size - Base font size (default 16px).
 * @cssprop --care-record-spacing - Base spacing unit (default 8px).
 * @cssprop --care-record-max-list-height - Height of long, scrolling lists (default 32rem).
 */
export class CareRecordResults extends CareRecordElement<ResultRow> {
  static override styles = [widgetStyles, resultsStyles];

  protected readonly defaultHeading = 'Test results';
  protected readonly noun = 'results';

  /** Keys of the reports and panels whose results are shown. */
  @state() private expanded: ReadonlySet<string> = new Set();

  protected readonly dataSpec: WidgetDataSpec<ResultRow> = {
    queries: resultsQueries,
    model: mapResults,
  };

  /** A report's results are on screen with it (flagged ones even while it is closed): all are audited. */
  protected override resourcesOnScreen(rows: readonly ResultRow[]): string[] {
    const keys = new Set<string>();
    const add = (entry: ResultEntry): void => {
      keys.add(entry.key);
      for (const member of entry.members) add(member);
    };
    for (const row of rows) add(row);
    return [...keys];
  }

  protected readonly filterSpec: FilterSpec<ResultRow> = {
    statusOptions: [
      { value: 'current', label: 'Results (not cancelled tests)', matches: (row) => row.status !== 'cancelled' },
      { value: 'all', label: 'All results, including cancelled tests' },
      { value: 'flagged', label: 'Flagged results only', matches: (row) => row.flagged.length > 0 },
      { value: 'cancelled', label: 'Cancelled tests', matches: (row) => row.status === 'cancelled' },
    ],
    describeHidden: (n) => {
      switch (this.filters?.status) {
        case 'flagged':
          return plural(n, 'result without a flag', 'results without a flag');
        case 'cancelled':
          return plural(n, 'result that was not cancelled', 'results that were not cancelled');
        default:
          return plural(n, 'cancelled test', 'cancelled tests');
      }
    },
  };

  /** Trends are built over every visible row: once per set of rows, not on every render. */
  private readonly trendsOf = sameItemsMemo(rowTrends);

  protected renderRows(rows: ResultRow[], now: Date): TemplateResult {
    // A repeated test's chart sits with its newest result in the list, not on every one.
    const { trends, chartRow } = this.trendsOf(rows);
    return itemList({
      items: rows,
      key: (row) => row.key,
      label: this.heading || this.defaultHeading,
      render: (row) => this.renderItem(row, now, trends, chartRow),
    });
  }

  private toggle(key: string): void {
    const next = new Set(this.expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.expanded = next;
  }

  /** A panel's flagged results and its "Show N results" button: on the panel's main line. */
  private renderMembersToggle(row: ResultRow): TemplateResult {
    const count = row.members.length;
    const open = this.expanded.has(row.key);
    const id = membersId(row.key);
    return html`${flaggedSummary(row.flagged)}
      <button
        type="button"
        class="toggle-members"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${id}
        @click=${() => this.toggle(row.key)}
      >
        ${open ? 'Hide' : 'Show'} ${plural(count, 'result', 'results')}<span class="visually-hidden">
          in ${row.name}</span
        >
      </button>`;
  }

  private renderMembers(row: ResultRow, trends: ReadonlyMap<string, TrendSeries>): TemplateResult {
    const open = this.expanded.has(row.key);
    return html`<ul class="members" id=${membersId(row.key)} ?hidden=${!open}>
        ${open ? memberItems(row, trends) : nothing}
      </ul>`;
  }

  private renderItem(
    row: ResultRow,
    now: Date,
    trends: ReadonlyMap<string, TrendSeries>,
    chartRow: ReadonlyMap<string, string>,
  ): TemplateResult {
    const reportLike = row.kind !== 'observation';
    return html`<li part="item" tabindex="0" data-key=${row.key} data-kind=${row.kind} class="result">
      ${rowBody(
        this.rowView().disclosure(row.key, row.name),
        html`<div class="title">
            <h3>${row.name}</h3>
          </div>
          ${valuesBlock(row)}
          <div class="meta">
            ${statusTag(row, row.attention)}
            <span class="taken">${dateTimeText(row.effective)}</span>
            ${securityTags(row)}
          </div>
          ${row.statusNote ? html`<p class="status-note">${row.statusNote}</p>` : nothing}
          ${row.members.length > 0 ? this.renderMembersToggle(row) : nothing}`,
        provenanceLine(row, now),
        html`${row.category ? html`<span class="category">${row.category}</span>` : nothing}
      ${row.conclusion ? html`<p class="conclusion"><strong>Conclusion:</strong> ${row.conclusion}</p>` : nothing}
      ${row.attachments > 0
        ? html`<p class="attachments">
            ${plural(row.attachments, 'document is', 'documents are')} attached to this report (not shown here).
          </p>`
        : nothing}
      ${row.notes.map((n) => html`<p class="note">${n}</p>`)}
      <div class="meta">
        <span>Taken: ${dateTimeText(row.effective)}</span>
        <span>Issued: ${dateTimeText(row.issued)}</span>
      </div>
      ${trendsFor(row, trends, (series) => chartRow.get(series) === row.key)}`,
      )}
      ${row.members.length > 0 ? this.renderMembers(row, trends) : nothing} ${missingMembers(row)}
      ${reportLike && row.members.length === 0 && !row.conclusion && row.unavailableMembers === 0
        ? html`<p class="not-recorded">No results or conclusion were sent with this report.</p>`
        : nothing}
    </li>`;
  }
}
