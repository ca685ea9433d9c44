import { html, nothing, type TemplateResult } from 'lit';
import { clinicalTimeText } from '../../ui/clinical-time-text.js';
import { dateText } from '../../ui/dates.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { rowBody, type RowView } from '../../ui/row-disclosure.js';
import type { AllergyReaction, AllergyRow } from './allergies.model.js';

const SEVERITY_WORDS = { mild: 'Mild', moderate: 'Moderate', severe: 'Severe' } as const;

function reactionItem(reaction: AllergyReaction): TemplateResult {
  const what = reaction.manifestations.length > 0 ? reaction.manifestations.join(', ') : undefined;
  const severity = reaction.severity
    ? html`<span class="severity ${reaction.severity === 'severe' ? 'attention' : ''}">${SEVERITY_WORDS[reaction.severity]} reaction</span>`
    : html`<span class="not-recorded">severity not recorded</span>`;
  // No whitespace between the parts: the punctuation must sit against the words it follows.
  return html`<li>Reaction: ${what ?? html`<span class="not-recorded">manifestation not recorded</span>`} — ${severity}${reaction.substance
      ? ` (to ${reaction.substance})`
      : nothing}${reaction.description ? `: ${reaction.description}` : nothing}${reaction.onset
      ? html`, on ${dateText(reaction.onset)}`
      : nothing}</li>`;
}

/** Every reaction with its manifestations and severity in words; says so when none was recorded. */
export function reactionList(row: AllergyRow): TemplateResult {
  if (row.reactions.length === 0) {
    return html`<p class="reactions"><span class="not-recorded">Reaction not recorded</span></p>`;
  }
  return html`<ul class="reactions" aria-label="Reactions to ${row.name}">
    ${row.reactions.map(reactionItem)}
  </ul>`;
}

export function criticalityTag(row: AllergyRow): TemplateResult {
  return html`<span class="tag criticality ${row.highCriticality ? 'attention' : ''}" data-criticality=${row.criticality ?? ''}
    >${row.highCriticality ? html`<span aria-hidden="true">⚠ </span>` : nothing}${row.criticalityLabel}</span
  >`;
}

export function recordedLine(row: AllergyRow): TemplateResult {
  return html`<p class="recorded">
    Recorded by ${row.recordedBy ?? html`<span class="not-recorded">person not recorded</span>`}
    on ${dateText(row.recordedDate, 'date not recorded')}${row.assertedBy ? html`; reported by ${row.assertedBy}` : nothing}
  </p>`;
}

/** A "no known allergies" statement contradicted by allergies elsewhere in the record: both stay on screen. */
export function contradiction(row: AllergyRow): TemplateResult | typeof nothing {
  const names = row.contradictedBy;
  if (names.length === 0) return nothing;
  return html`<p class="contradiction">
    <strong>Check with the patient:</strong> other records list ${names.length === 1 ? 'a current allergy' : 'current allergies'}
    that this statement may contradict: ${names.join(', ')}.
  </p>`;
}

export function allergyItem(row: AllergyRow, otherSources: string[], now: Date, view: RowView): TemplateResult {
  return html`<li part="item" tabindex="0" data-key=${row.key} class=${row.highCriticality ? 'high-criticality' : ''}>
    ${rowBody(
      view.disclosure(row.key, row.name),
      html`<p class="name">${row.name}</p>
        <div class="meta">
          ${statusTag(row)} ${criticalityTag(row)}
          ${row.uncertain ? html`<span class="tag uncertain-mark">${row.verificationLabel}</span>` : nothing}
          ${securityTags(row)}
        </div>
        ${reactionList(row)}
        ${row.ended
          ? html`<p class="ended">
              No longer applies from ${dateText(row.ended.date, 'date not recorded')}${row.ended.reason
                ? html`: ${row.ended.reason}`
                : nothing}
            </p>`
          : nothing}`,
      provenanceLine(row, now),
      html`<div class="meta">
          ${row.typeLabel ? html`<span class="tag type">${row.typeLabel}</span>` : nothing}
          ${row.categories.map((c) => html`<span class="tag category">${c}</span>`)}
          <span>Onset: ${clinicalTimeText(row.onset)}</span>
          ${row.lastOccurrence ? html`<span>Last reaction: ${dateText(row.lastOccurrence)}</span>` : nothing}
        </div>
        ${recordedLine(row)}
        ${otherSources.length > 0 ? html`<p class="also">Also recorded by ${otherSources.join(', ')}</p>` : nothing}
        ${row.notes.map((n) => html`<p class="note">Note: ${n}</p>`)}`,
    )}
  </li>`;
}

export function noKnownAllergyItem(row: AllergyRow, now: Date, view: RowView): TemplateResult {
  return html`<li part="item" tabindex="0" data-key=${row.key} class="no-known">
    <p class="name">
      <span class="statement">${row.name}</span> — recorded by
      ${row.source.name ?? html`<span class="not-recorded">a source not recorded</span>`}
      on ${dateText(row.date, 'date not recorded')}
    </p>
    ${contradiction(row)}
    ${rowBody(
      view.disclosure(row.key, row.name),
      html`<div class="meta">
        ${statusTag(row)}
        ${row.uncertain ? html`<span class="tag uncertain-mark">${row.verificationLabel}</span>` : nothing}
        ${securityTags(row)}
      </div>`,
      provenanceLine(row, now),
      row.recordedBy || row.assertedBy || row.notes.length > 0
        ? html`${row.recordedBy || row.assertedBy ? recordedLine(row) : nothing}
          ${row.notes.map((n) => html`<p class="note">Note: ${n}</p>`)}`
        : nothing,
    )}
  </li>`;
}
