import { html, nothing, type TemplateResult } from 'lit';
import type { DocumentRow } from './documents.model.js';
import type { AttachmentView, OpenDocument, SectionView } from './documents.controller.js';
import type { DocumentAttachment } from './documents.attachments.js';

function hostOf(href: string): string {
  try {
    return new URL(href).host || href;
  } catch {
    return href;
  }
}

function copyHolder(row: DocumentRow): string {
  const holder = row.custodian ?? row.source.name;
  return holder ? `Contact ${holder} for a copy.` : 'Contact the originating organisation for a copy.';
}

function attachmentBody(row: DocumentRow, attachment: DocumentAttachment, view: AttachmentView): TemplateResult {
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
        ${view.type === 'application/pdf'
          ? html`<p class="frame-note">
              If the PDF is not displayed above, your browser does not show PDFs inside a protected frame.
              ${copyHolder(row)}
            </p>`
          : nothing}`;
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

function attachments(row: DocumentRow, doc: OpenDocument): TemplateResult {
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

function content(row: DocumentRow, doc: OpenDocument): TemplateResult {
  if (doc.readiness === 'opening') {
    return html`<p role="status" class="loading-document">Loading the document…</p>`;
  }
  if (doc.readiness !== 'ready') return html`<p class="unavailable" role="alert">${doc.readiness.failed}</p>`;
  return row.resourceType === 'Composition' ? composition(doc) : attachments(row, doc);
}

/** The open document inside its item: content, then a control to close it. */
export function documentViewer(
  row: DocumentRow,
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
