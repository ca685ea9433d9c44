import { html, nothing, type TemplateResult } from 'lit';
import { rowBody } from '../../ui/row-disclosure.js';
import { state } from 'lit/decorators.js';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { WidgetDescriptor } from '../../core/widget-descriptor.js';
import { sameItemsMemo } from '../../core/same-items-memo.js';
import { plural } from '../../model/format.js';
import { widgetStyles } from '../../ui/styles.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { mapResults, type ResultEntry, type ResultRow } from './results.model.js';
import { resultsQueries } from './results.queries.js';
import { rowTrends, type TrendSeries } from './results.trends.js';
import {
  dateTimeText,
  flaggedSummary,
  memberItems,
  missingMembers,
  trendsFor,
  valuesBlock,
} from './results.templates.js';
import { resultsStyles } from './care-record-results.styles.js';
import { documentReaderStyles } from '../documents/documents.reader.styles.js';
import { DocumentViewerController } from '../documents/documents.controller.js';
import { readableReport, reportText } from './results.reader.js';

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
 * @cssprop --care-record-document-height - Height of an open report (PDF or image) (default 36rem).
 */
export class CareRecordResults extends CareRecordElement<ResultRow> {
  static override styles = [widgetStyles, documentReaderStyles, resultsStyles];

  static readonly widget: WidgetDescriptor<ResultRow> = {
    tag: 'care-record-results',
    heading: 'Test results',
    noun: 'results',
    queries: resultsQueries,
    model: mapResults,
    filters: {
      statusOptions: [
        { value: 'current', label: 'Results (not cancelled tests)', matches: (row) => row.status !== 'cancelled' },
        { value: 'all', label: 'All results, including cancelled tests' },
        { value: 'flagged', label: 'Flagged results only', matches: (row) => row.flagged.length > 0 },
        { value: 'cancelled', label: 'Cancelled tests', matches: (row) => row.status === 'cancelled' },
      ],
      describeHidden: (n, option) => {
        switch (option.value) {
          case 'flagged':
            return plural(n, 'result without a flag', 'results without a flag');
          case 'cancelled':
            return plural(n, 'result that was not cancelled', 'results that were not cancelled');
          default:
            return plural(n, 'cancelled test', 'cancelled tests');
        }
      },
    },
  };

  /** Keys of the reports and panels whose results are shown. */
  @state() private expanded: ReadonlySet<string> = new Set();

  /** A report's text opens here, read as the documents widget reads documents. */
  private readonly reader = new DocumentViewerController(this, {
    fetcher: () => this.hieClient(),
    owner: () => {
      const record = this.records.record;
      return record ? `${record.configKey}|${record.patient}` : undefined;
    },
  });

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

  /** Trends are built over every visible row: once per set of rows, not on every render. */
  private readonly trendsOf = sameItemsMemo(rowTrends);

  protected override renderRows(rows: ResultRow[], now: Date): TemplateResult {
    // A repeated test's chart sits with its newest result in the list, not on every one.
    const { trends, chartRow } = this.trendsOf(rows);
    return this.renderList(rows, (row) => row.key, (row) => this.renderResult(row, now, trends, chartRow));
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

  private toggleReport(row: ResultRow): void {
    if (this.reader.isOpen(row.key)) this.reader.close(row.key);
    else {
      const readable = readableReport(row);
      if (readable) this.reader.openDocument(readable);
    }
  }

  private async closeReport(row: ResultRow, id: string): Promise<void> {
    this.reader.close(row.key);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`button.open-report[aria-controls="${id}"]`)?.focus();
  }

  private renderResult(
    row: ResultRow,
    now: Date,
    trends: ReadonlyMap<string, TrendSeries>,
    chartRow: ReadonlyMap<string, string>,
  ): TemplateResult {
    const reportLike = row.kind !== 'observation';
    const reportId = `report-${membersId(row.key)}`;
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
          ${row.notes.map((n) => html`<p class="note">${n}</p>`)}
          <div class="meta">
            <span>Taken: ${dateTimeText(row.effective)}</span>
            <span>Issued: ${dateTimeText(row.issued)}</span>
            ${row.report?.performers.length
              ? html`<span class="performer">Performed by: ${row.report.performers.join('; ')}</span>`
              : nothing}
          </div>
          ${trendsFor(row, trends, (series) => chartRow.get(series) === row.key)}`,
      )}
      ${reportText(row, this.reader.get(row.key), reportId, {
        toggle: () => this.toggleReport(row),
        close: () => void this.closeReport(row, reportId),
      })}
      ${row.members.length > 0 ? this.renderMembers(row, trends) : nothing} ${missingMembers(row)}
      ${reportLike &&
      row.members.length === 0 &&
      !row.conclusion &&
      row.unavailableMembers === 0 &&
      !row.report?.presentedForm.length
        ? html`<p class="not-recorded">No results, conclusion or report text were sent with this report.</p>`
        : nothing}
    </li>`;
  }
}
