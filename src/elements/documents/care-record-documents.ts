import type { TemplateResult } from 'lit';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { WidgetDescriptor } from '../../core/widget-descriptor.js';
import { plural } from '../../model/format.js';
import { widgetStyles } from '../../ui/styles.js';
import { mapDocuments, type DocumentRow } from './documents.model.js';
import { documentsQueries } from './documents.queries.js';
import { DocumentViewerController } from './documents.controller.js';
import { documentItem } from './documents.templates.js';
import { documentsStyles } from './care-record-documents.styles.js';
import { documentReaderStyles } from './documents.reader.styles.js';

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
 * @csspart viewer - An open document's content, with its close control.
 *
 * @cssprop --care-record-document-height - Height of an open PDF or image (default 36rem).
 */
export class CareRecordDocuments extends CareRecordElement<DocumentRow> {
  static override styles = [widgetStyles, documentReaderStyles, documentsStyles];

  static readonly widget: WidgetDescriptor<DocumentRow> = {
    tag: 'care-record-documents',
    heading: 'Documents',
    noun: 'documents',
    queries: documentsQueries,
    model: mapDocuments,
    filters: {
      statusOptions: [
        { value: 'current', label: 'Current documents', matches: (row) => !row.superseded },
        { value: 'all', label: 'All documents' },
        { value: 'superseded', label: 'Superseded documents', matches: (row) => row.superseded },
      ],
      describeHidden: (n) => plural(n, 'superseded document'),
    },
  };

  private readonly viewer = new DocumentViewerController(this, {
    fetcher: () => this.hieClient(),
    owner: () => {
      const record = this.records.record;
      return record ? `${record.configKey}|${record.patient}` : undefined;
    },
  });

  private readonly viewerIds = new Map<string, string>();

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

  protected override renderItem(row: DocumentRow, now: Date): TemplateResult {
    const id = this.viewerId(row.key);
    return documentItem(row, now, this.rowView(), {
      open: this.viewer.get(row.key),
      id,
      onToggle: () => this.toggle(row),
      onClose: () => void this.closeAndRefocus(row, id),
    });
  }
}
