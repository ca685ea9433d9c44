import { html, nothing, type TemplateResult } from 'lit';
import { rowBody } from '../../ui/row-disclosure.js';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { FilterSpec } from '../../core/filters.js';
import type { WidgetDataSpec } from '../../core/record-controller.js';
import { widgetStyles } from '../../ui/styles.js';
import { dateText } from '../../ui/dates.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { itemList } from '../../ui/item-list.js';
import { mapDocuments, type DocumentRow } from './documents.model.js';
import { documentsQueries } from './documents.queries.js';
import { DocumentViewer } from './documents.controller.js';
import { documentViewer } from './documents.templates.js';
import { documentsStyles } from './care-record-documents.styles.js';

const notRecorded = (words: string): TemplateResult => html`<span class="not-recorded">${words}</span>`;

/** `docStatus` beside the status: preliminary and amended need the reader's attention. */
function docStatusTag(row: DocumentRow): TemplateResult | typeof nothing {
  if (!row.docStatusLabel) return nothing;
  return html`<span class="tag doc-status ${row.docStatusAttention ? 'attention' : ''}" data-doc-status=${row.docStatus ?? ''}
    >${row.docStatusLabel}</span
  >`;
}

function periodText(row: DocumentRow): TemplateResult | typeof nothing {
  if (!row.periodStart && !row.periodEnd) return nothing;
  return html`<span>Covers: ${dateText(row.periodStart)} to ${dateText(row.periodEnd)}</span>`;
}

/** The seed rule: the shared record is not the original; its custodian supplies copies. */
function copyAdvice(row: DocumentRow): TemplateResult {
  if (row.custodian) {
    return html`<p class="copy-advice">
      For a copy, contact the originating organisation: <strong>${row.custodian}</strong>.
    </p>`;
  }
  if (row.source.name) {
    return html`<p class="copy-advice">
      For a copy, contact the originating organisation. Its custodian is not recorded; it was shared by
      <strong>${row.source.name}</strong>.
    </p>`;
  }
  return html`<p class="copy-advice">
    For a copy, contact the originating organisation. It is not recorded in the shared care record.
  </p>`;
}

/**
 * A patient's documents from every source in the shared care record (DocumentReference, and
 * Composition where sent): discharge summaries, clinic letters, reports and other correspondence,
 * each with its type, date, author, custodian, status, source and freshness. A document opens inside
 * the widget: text as text, HTML sanitised, PDFs and images in a sandboxed frame; documents held on
 * another server are offered as a link and never fetched with the HIE token.
 * Default view: current documents; superseded versions are counted as hidden with a one-click "Show all".
 *
 * @summary Documents and letters from the shared care record, viewable in place, with source and freshness.
 *
 * @attr base-url - FHIR base URL of the HIE (overrides the provider's).
 * @attr patient-id - Patient's FHIR id on the HIE.
 * @attr nhs-number - NHS number, used to find the patient when no patient-id is given.
 * @attr source-types - Restricts the section to source types, e.g. "gp" or "acute community".
 * @attr heading - Heading text (default "Documents").
 * @attr max-entries - Most items loaded per search (default 1000).
 * @attr state - Reflected, read-only: idle | loading | ready | empty | error | forbidden | unauthorized.
 *
 * @event care-record-load - Data loaded: resource types, counts shown / hidden / withheld, sources.
 * @event care-record-error - Loading failed: kind, HTTP status, message.
 * @event care-record-auth-required - The HIE refused the token after a refresh, or there was none.
 * @event care-record-view - The items now on screen (patient and resource ids) for the host's audit log.
 *
 * @csspart item - One document from one source.
 * @csspart source - The organisation an item came from, with its type.
 * @csspart freshness - How fresh an item is (live, or batch with its last load).
 * @csspart status - Loading, empty, error, no-access, withheld and other status messages.
 * @csspart filters - The filter bar, with the hidden count and "Show all".
 * @csspart viewer - An open document's content, with its close control.
 *
 * @cssprop --care-record-text-color - Text colour (default #212b32).
 * @cssprop --care-record-secondary-text-color - Secondary text (default #4c6272).
 * @cssprop --care-record-background - Background (default #ffffff).
 * @cssprop --care-record-surface - Filter bar and message background (default #f0f4f5).
 * @cssprop --care-record-border-color - Borders (default #768692).
 * @cssprop --care-record-accent-color - Buttons and links (default #005eb8).
 * @cssprop --care-record-focus-color - Focus highlight (default #ffeb3b).
 * @cssprop --care-record-warning-background - Out-of-date and withheld notices (default #fff9c4).
 * @cssprop --care-record-error-color - Error marker (default #d5281b).
 * @cssprop --care-record-font-family - Font (default Frutiger W01, Arial, sans-serif).
 * @cssprop --care-record-font-size - Base font size (default 16px).
 * @cssprop --care-record-spacing - Base spacing unit (default 8px).
 * @cssprop --care-record-max-list-height - Height of long, scrolling lists (default 32rem).
 * @cssprop --care-record-document-height - Height of an open PDF or image (default 36rem).
 */
export class CareRecordDocuments extends CareRecordElement<DocumentRow> {
  static override styles = [widgetStyles, documentsStyles];

  protected readonly defaultHeading = 'Documents';
  protected readonly noun = 'documents';

  protected readonly dataSpec: WidgetDataSpec<DocumentRow> = {
    queries: documentsQueries,
    model: mapDocuments,
  };

  protected readonly filterSpec: FilterSpec<DocumentRow> = {
    statusOptions: [
      { value: 'current', label: 'Current documents', matches: (row) => !row.superseded },
      { value: 'all', label: 'All documents' },
      { value: 'superseded', label: 'Superseded documents', matches: (row) => row.superseded },
    ],
    describeHidden: (n) => `${n} superseded document${n === 1 ? '' : 's'}`,
  };

  private readonly viewer = new DocumentViewer(this, {
    fetcher: () => this.hieClient(),
    owner: () => {
      const record = this.records.record;
      return record ? `${record.configKey}|${record.patient}` : undefined;
    },
  });

  private readonly viewerIds = new Map<string, string>();

  protected renderRows(rows: DocumentRow[], now: Date): TemplateResult {
    return itemList({
      items: rows,
      key: (row) => row.key,
      label: this.heading || this.defaultHeading,
      render: (row) => this.renderItem(row, now),
    });
  }

  private viewerId(key: string): string {
    let id = this.viewerIds.get(key);
    if (!id) {
      id = `document-viewer-${this.viewerIds.size + 1}`;
      this.viewerIds.set(key, id);
    }
    return id;
  }

  private toggle(row: DocumentRow): void {
    if (this.viewer.isOpen(row.key)) this.viewer.close(row.key);
    else this.viewer.openDocument(row);
  }

  private async closeAndRefocus(row: DocumentRow, id: string): Promise<void> {
    this.viewer.close(row.key);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`button.open[aria-controls="${id}"]`)?.focus();
  }

  private renderItem(row: DocumentRow, now: Date): TemplateResult {
    const open = this.viewer.get(row.key);
    const id = this.viewerId(row.key);
    return html`<li part="item" tabindex="0" data-key=${row.key}>
      ${rowBody(
        this.rowView().disclosure(row.key, row.title),
        html`<h3 class="title">${row.title}</h3>
          <div class="meta">
            <span>Date: ${dateText(row.date)}</span>
            ${statusTag(row, row.statusAttention)} ${docStatusTag(row)} ${securityTags(row)}
          </div>
          <button
            type="button"
            class="open"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${id}
            @click=${() => this.toggle(row)}
          >
            View document<span class="visually-hidden">: ${row.title}</span>
          </button>`,
        provenanceLine(row, now),
        html`<div class="meta">
        <span>Type: ${row.typeText ?? notRecorded('not recorded')}</span>
        ${periodText(row)}
      </div>
      <div class="meta people">
        <span class="author"
          >Author: ${row.authors.length > 0 ? row.authors.join('; ') : notRecorded('not recorded')}</span
        >
        <span class="custodian">Custodian: ${row.custodian ?? notRecorded('not recorded')}</span>
      </div>
      ${row.alsoSharedBy.length > 0
        ? html`<p class="also-shared">The same document was also shared by ${row.alsoSharedBy.join(', ')}.</p>`
        : nothing}
      ${copyAdvice(row)}`,
      )}
      ${open
        ? documentViewer(row, open, id, () => void this.closeAndRefocus(row, id))
        : html`<div id=${id} class="viewer" hidden></div>`}
    </li>`;
  }
}
