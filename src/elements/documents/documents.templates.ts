import { html, nothing, type TemplateResult } from 'lit';
import { dateText } from '../../ui/dates.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { rowBody, type RowView } from '../../ui/row-disclosure.js';
import type { DocumentRow } from './documents.model.js';
import type { AttachmentView, OpenDocument, ReadableDocument, SectionView } from './documents.controller.js';
import type { DocumentAttachment } from './documents.attachments.js';

function hostOf(href: string): string {
  try {
    return new URL(href).host || href;
  } catch {
    return href;
  }
}

function copyHolder(row: ReadableDocument): string {
  const holder = row.custodian ?? row.source.name;
  return holder ? `Contact ${holder} for a copy.` : 'Contact the originating organisation for a copy.';
}

function attachmentBody(row: ReadableDocument, attachment: DocumentAttachment, view: AttachmentView): TemplateResult {
  switch (view.state) {
    case 'loading':
      return html`<p role="status" class="loading-document">Loading the document…</p>`;
    case 'text':
      return html`<pre class="document-text">${view.text}</pre>`;
    case 'html':
      return html`${view.node}`;
    case 'frame':
      return html`<iframe
          class="document-frame"
          sandbox=""
          referrerpolicy="no-referrer"
          src=${view.url}
          title="${row.title} (${attachment.formatLabel})"
        ></iframe>
`;
    case 'pdf':
      return html`${view.node}`;
    case 'pdf-unreadable':
      return html`<p class="unavailable" role="alert">This PDF could not be shown: ${view.reason}. ${copyHolder(row)}</p>`;
    case 'elsewhere':
      return view.href
        ? html`<p class="elsewhere">
            This document is held on another system (${hostOf(view.href)}), so it is not opened with your
            shared care record sign-in.
            <a href=${view.href} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer"
              >Open it on ${hostOf(view.href)}</a
            >
            (opens in a new tab; you may need to sign in there).
          </p>`
        : html`<p class="elsewhere">
            This document is held at an address that cannot be opened from here:
            <code>${view.address.length > 200 ? `${view.address.slice(0, 200)}…` : view.address}</code>
          </p>`;
    default:
      return html`<p class="unavailable">${view.message}</p>`;
  }
}

function attachments(row: ReadableDocument, doc: OpenDocument): TemplateResult {
  if (doc.attachments.length === 0) {
    return html`<p class="unavailable">No document content was sent to the shared care record.</p>`;
  }
  const several = doc.attachments.length > 1;
  return html`${doc.attachments.map(
    ({ attachment, view }, i) => html`<div class="attachment">
      ${several
        ? html`<h4>${attachment.title ?? `Part ${i + 1} of ${doc.attachments.length}`} (${attachment.formatLabel})</h4>`
        : nothing}
      ${attachmentBody(row, attachment, view)}
    </div>`,
  )}`;
}

function section(view: SectionView, level: number): TemplateResult {
  const title = view.title ?? 'Untitled section';
  const heading =
    level <= 4 ? html`<h4>${title}</h4>` : level === 5 ? html`<h5>${title}</h5>` : html`<h6>${title}</h6>`;
  return html`<section class="document-section">
    ${heading}
    ${view.node ?? (view.sections.length === 0 ? html`<p class="not-recorded">No text in this section</p>` : nothing)}
    ${view.sections.map((s) => section(s, level + 1))}
  </section>`;
}

function composition(doc: OpenDocument): TemplateResult {
  if (doc.sections.length > 0) return html`${doc.sections.map((s) => section(s, 4))}`;
  if (doc.narrative) return html`${doc.narrative}`;
  return html`<p class="unavailable">No document content was sent to the shared care record.</p>`;
}

function content(row: ReadableDocument, doc: OpenDocument): TemplateResult {
  if (doc.readiness === 'opening') {
    return html`<p role="status" class="loading-document">Loading the document…</p>`;
  }
  if (doc.readiness !== 'ready') return html`<p class="unavailable" role="alert">${doc.readiness.failed}</p>`;
  return row.resourceType === 'Composition' ? composition(doc) : attachments(row, doc);
}

/** The open document inside its item: content, then a control to close it. */
export function openDocumentView(
  row: ReadableDocument,
  doc: OpenDocument,
  id: string,
  onClose: () => void,
): TemplateResult {
  return html`<div id=${id} class="viewer" part="viewer" role="region" aria-label="Document: ${row.title}">
    ${content(row, doc)}
    <button type="button" class="close" @click=${onClose}>
      Close document<span class="visually-hidden">: ${row.title}</span>
    </button>
  </div>`;
}

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

/** What the element knows of an item's viewer: the open document, if any, and the viewer's controls. */
export interface DocumentItemView {
  open: OpenDocument | undefined;
  /** Id of the viewer region, stable per document, for the button's aria-controls. */
  id: string;
  onToggle: () => void;
  onClose: () => void;
}

export function documentItem(
  row: DocumentRow,
  now: Date,
  rows: RowView,
  view: DocumentItemView,
): TemplateResult {
  const { open, id } = view;
  return html`<li part="item" tabindex="0" data-key=${row.key}>
    ${rowBody(
      rows.disclosure(row.key, row.title),
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
          @click=${view.onToggle}
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
      ? openDocumentView(row, open, id, view.onClose)
      : html`<div id=${id} class="viewer" hidden></div>`}
  </li>`;
}
