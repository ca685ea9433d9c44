import { html, nothing, type TemplateResult } from 'lit';
import { provenanceLine, statusTag } from '../../ui/item-meta.js';
import { rowBody, type RowView } from '../../ui/row-disclosure.js';
import type { SourceRow } from './sources.model.js';

export function sourceItem(row: SourceRow, now: Date, view: RowView): TemplateResult {
  return html`<li part="item" tabindex="0" data-key=${row.key}>
    ${rowBody(
      view.disclosure(row.key, row.source.name ?? 'source not recorded'),
      html`<div class="meta">
        ${row.unavailable
          ? html`<span class="unavailable" role="note"><span aria-hidden="true">⚠ </span>${row.unavailable}</span>`
          : statusTag(row)}
      </div>`,
      provenanceLine(row, now),
      html`<p class="counts">
        ${row.total === 0
          ? html`<span class="not-recorded">No items received from this source</span>`
          : html`Sent: ${row.counts.map((c, i) => html`${i ? ', ' : nothing}${c.count} ${c.kind}`)}`}
      </p>`,
    )}
  </li>`;
}
