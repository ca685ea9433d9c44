import { html, nothing, type TemplateResult } from 'lit';
import { clinicalTimeText } from '../../ui/clinical-time-text.js';
import { dateText } from '../../ui/dates.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { rowBody, type RowView } from '../../ui/row-disclosure.js';
import type { ProblemRow } from './problems.model.js';

export function problemItem(row: ProblemRow, otherSources: string[], now: Date, view: RowView): TemplateResult {
  return html`<li part="item" tabindex="0" data-key=${row.key} class=${row.uncertain ? 'uncertain' : ''}>
    ${rowBody(
      view.disclosure(row.key, row.name),
      html`<p class="name">
          ${row.name}
          ${row.uncertain ? html`<span class="tag uncertain-mark">${row.verificationLabel}</span>` : nothing}
        </p>
        <div class="meta">
          ${statusTag(row)}
          <span>Onset: ${clinicalTimeText(row.onset)}</span>
          ${row.abatement || !row.current
            ? html`<span>${row.status === 'resolved' ? 'Resolved' : 'Ended'}: ${clinicalTimeText(row.abatement)}</span>`
            : nothing}
          ${securityTags(row)}
        </div>`,
      provenanceLine(row, now),
      html`<div class="meta">
          ${row.categories.map((c) => html`<span class="tag category">${c}</span>`)}
          ${row.severity ? html`<span>Severity: ${row.severity}</span>` : nothing}
        </div>
        <p class="recorded">
          Recorded by
          ${row.recordedBy ?? html`<span class="not-recorded">person not recorded</span>`}
          on ${dateText(row.recordedDate, 'date not recorded')}${row.assertedBy
            ? html`; reported by ${row.assertedBy}`
            : nothing}
        </p>
        ${otherSources.length > 0 ? html`<p class="also">Also recorded by ${otherSources.join(', ')}</p>` : nothing}
        ${row.notes.map((n) => html`<p class="note">Note: ${n}</p>`)}`,
    )}
  </li>`;
}
