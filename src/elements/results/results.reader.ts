import { html, nothing, type TemplateResult } from 'lit';
import type { OpenDocument, ReadableDocument } from '../documents/documents.controller.js';
import { openDocumentView } from '../documents/documents.templates.js';
import type { ResultRow } from './results.types.js';

/** A report's text, for the documents widget's reader; undefined when the report sent none. */
export function readableReport(row: ResultRow): ReadableDocument | undefined {
  const report = row.report;
  if (!report || report.presentedForm.length === 0) return undefined;
  return {
    key: row.key,
    title: row.name,
    resourceType: row.resourceType,
    attachments: [...report.presentedForm],
    sections: [],
    narrative: undefined,
    // Whoever performed the report supplies copies; "contact <performer> for a copy".
    custodian: report.performers[0],
    source: row.source,
  };
}

function copyAdvice(row: ResultRow): TemplateResult {
  const holder = row.report?.performers[0] ?? row.source.name;
  return html`<p class="copy-advice">
    ${holder
      ? html`For a copy, contact <strong>${holder}</strong>.`
      : 'For a copy, contact the organisation that performed the test.'}
  </p>`;
}

/** "Read report" and, once opened, the report's text in the shared document reader. */
export function reportText(
  row: ResultRow,
  open: OpenDocument | undefined,
  id: string,
  actions: { toggle: () => void; close: () => void },
): TemplateResult | typeof nothing {
  const readable = readableReport(row);
  if (!readable) return nothing;
  const count = readable.attachments.length;
  return html`<div class="report-text">
    <button type="button" class="open-report" aria-expanded=${open ? 'true' : 'false'} aria-controls=${id} @click=${actions.toggle}>
      Read the report${count > 1 ? ` (${count} parts)` : ''}<span class="visually-hidden">: ${row.name}</span>
    </button>
    ${copyAdvice(row)}
    ${open ? openDocumentView(readable, open, id, actions.close) : html`<div id=${id} class="viewer" hidden></div>`}
  </div>`;
}
