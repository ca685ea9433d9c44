import { html, nothing, type TemplateResult } from 'lit';
import { dateText } from '../../ui/dates.js';
import { detailField } from '../../ui/detail-field.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { periodText } from '../../ui/period-text.js';
import { rowBody, type RowView } from '../../ui/row-disclosure.js';
import type { AppointmentRow } from './appointments.model.js';

const NOT_YET_DATED = new Set(['proposed', 'pending', 'waitlist']);

function appointmentWhen(row: AppointmentRow): TemplateResult {
  if (row.start || row.end) return periodText(row.start, row.end);
  if (!NOT_YET_DATED.has(row.status)) return html`<span class="not-recorded">Date not recorded</span>`;
  if (!row.requestedStart && !row.requestedEnd) return html`<span class="not-recorded">Date not yet set</span>`;
  return html`<span class="not-recorded">Date not yet set</span>; requested
    ${row.requestedStart ? html`from ${dateText(row.requestedStart)}` : nothing}
    ${row.requestedEnd ? html`to ${dateText(row.requestedEnd)}` : nothing}`;
}

export function appointmentItem(row: AppointmentRow, now: Date, view: RowView): TemplateResult {
  const cancelled = row.status === 'cancelled';
  const attention = cancelled || row.status === 'noshow';
  return html`<li
    part="item"
    tabindex="0"
    data-key=${row.key}
    data-kind=${row.kind}
    class=${cancelled ? 'cancelled' : ''}
  >
    ${rowBody(
      view.disclosure(row.key, row.service ?? 'appointment'),
      html`<p class="when">${appointmentWhen(row)}</p>
        <p class="title">
          ${row.service ?? html`<span class="not-recorded">Service not recorded</span>`}${row.description
            ? html`<span class="description"> – ${row.description}</span>`
            : nothing}
        </p>
        ${row.locations.length > 0 ? html`<span class="place">${row.locations.join(', ')}</span>` : nothing}
        <div class="meta">
          ${statusTag(row, attention)}
          ${row.kind === 'booked-encounter' ? html`<span class="tag kind">Booked encounter</span>` : nothing}
          ${securityTags(row)}
        </div>`,
      provenanceLine(row, now),
      html`${row.channel ? html`<span class="tag channel">${row.channel}</span>` : nothing}
        ${cancelled
          ? html`<p class="cancelled-note">
              <strong>Cancelled:</strong> this appointment will not take place.
              ${row.cancellationReason
                ? html`Reason: ${row.cancellationReason}.`
                : html`<span class="not-recorded">Reason not recorded.</span>`}
            </p>`
          : nothing}
        ${row.outcomeMissing
          ? html`<p class="outcome-missing">
              The date has passed but the source still records it as ${row.statusLabel.toLowerCase()}: whether it
              took place is not recorded.
            </p>`
          : nothing}
        <div class="details">
          ${detailField('Location', row.locations, 'Location not recorded')}
          ${detailField('With', row.people)} ${detailField('Type', row.appointmentType)}
          ${detailField('Reason', row.reasons)} ${detailField('Booked by', row.bookedBy)}
          ${detailField('Also reported by', row.alsoReportedBy)}
        </div>`,
    )}
  </li>`;
}
