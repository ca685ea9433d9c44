import { html, nothing, type TemplateResult } from 'lit';
import { provenanceLine, statusTag } from '../../ui/item-meta.js';
import type { SourceRow } from './sources.model.js';

export function sourceItem(row: SourceRow, now: Date): TemplateResult {
  return html`<li part="item" tabindex="0" data-key=${row.key}>
    ${provenanceLine(row, now)}
    <div class="meta">
      ${row.unavailable
        ? html`<span class="unavailable" role="note"><span aria-hidden="true">⚠ </span>${row.unavailable}</span>`
        : statusTag(row)}
    </div>
    <p class="counts">
      ${row.total === 0
        ? html`<span class="not-recorded">No items received from this source</span>`
        : html`Sent: ${row.counts.map((c, i) => html`${i ? ', ' : nothing}${c.count} ${c.kind}`)}`}
    </p>
  </li>`;
}
