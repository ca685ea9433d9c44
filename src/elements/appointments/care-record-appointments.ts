import { html, nothing, type TemplateResult } from 'lit';
import { rowBody } from '../../ui/row-disclosure.js';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { FilterSpec } from '../../core/filters.js';
import type { WidgetDataSpec } from '../../core/record-controller.js';
import { widgetStyles } from '../../ui/styles.js';
import { dateText } from '../../ui/dates.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { itemList } from '../../ui/item-list.js';
import { detailField } from '../../ui/detail-field.js';
import { periodText } from '../../ui/period-text.js';
import { mapAppointments, type AppointmentRow } from './appointments.model.js';
import { appointmentsQueries } from './appointments.queries.js';
import { appointmentsStyles } from './care-record-appointments.styles.js';

const NOT_YET_DATED = new Set(['proposed', 'pending', 'waitlist']);

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A patient's appointments from every source in the shared care record (Appointment, and planned
 * Encounters where the HIE sends bookings that way), each with its source and freshness.
 * Default view: upcoming appointments, soonest first; past ones are counted as hidden with a
 * one-click "Show all". Cancelled appointments are kept and marked "Cancelled" in words.
 *
 * @summary Appointments from the shared care record, with source and freshness of every item.
 *
 * @attr base-url - FHIR base URL of the HIE (overrides the provider's).
 * @attr patient-id - Patient's FHIR id on the HIE.
 * @attr nhs-number - NHS number, used to find the patient when no patient-id is given.
 * @attr source-types - Restricts the section to source types, e.g. "gp" or "acute community".
 * @attr heading - Heading text (default "Appointments").
 * @attr max-entries - Most items loaded per search (default 1000).
 * @attr state - Reflected, read-only: idle | loading | ready | empty | error | forbidden | unauthorized.
 *
 * @event care-record-load - Data loaded: resource types, counts shown / hidden / withheld, sources.
 * @event care-record-error - Loading failed: kind, HTTP status, message.
 * @event care-record-auth-required - The HIE refused the token after a refresh, or there was none.
 * @event care-record-view - The items now on screen (patient and resource ids) for the host's audit log.
 *
 * @csspart item - One appointment from one source.
 * @csspart source - The organisation an item came from, with its type.
 * @csspart freshness - How fresh an item is (live, or batch with its last load).
 * @csspart status - Loading, empty, error, no-access, withheld and other status messages.
 * @csspart filters - The filter bar, with the hidden count and "Show all".
 *
 * @cssprop --care-record-text-color - Text colour (default #212b32).
 * @cssprop --care-record-secondary-text-color - Secondary text (default #4c6272).
 * @cssprop --care-record-background - Background (default #ffffff).
 * @cssprop --care-record-surface - Filter bar and message background (default #f0f4f5).
 * @cssprop --care-record-border-color - Borders (default #768692).
 * @cssprop --care-record-accent-color - Buttons and links (default #005eb8).
 * @cssprop --care-record-focus-color - Focus highlight (default #ffeb3b).
 * @cssprop --care-record-warning-background - Out-of-date, cancelled and withheld notices (default #fff9c4).
 * @cssprop --care-record-error-color - Error marker (default #d5281b).
 * @cssprop --care-record-font-family - Font (default Frutiger W01, Arial, sans-serif).
 * @cssprop --care-record-font-size - Base font size (default 16px).
 * @cssprop --care-record-spacing - Base spacing unit (default 8px).
 * @cssprop --care-record-max-list-height - Height of long, scrolling lists (default 32rem).
 */
export class CareRecordAppointments extends CareRecordElement<AppointmentRow> {
  static override styles = [widgetStyles, appointmentsStyles];

  protected readonly defaultHeading = 'Appointments';
  protected readonly noun = 'appointments';

  protected readonly dataSpec: WidgetDataSpec<AppointmentRow> = {
    queries: appointmentsQueries,
    model: mapAppointments,
  };

  protected readonly filterSpec: FilterSpec<AppointmentRow> = {
    statusOptions: [
      { value: 'upcoming', label: 'Upcoming appointments', matches: (row) => row.upcoming },
      { value: 'all', label: 'All appointments' },
      { value: 'past', label: 'Past appointments', matches: (row) => !row.upcoming },
    ],
    // The shared spec gives one wording for every option, so it reads the option now chosen.
    describeHidden: (n, option) => plural(n, option.value === 'past' ? 'upcoming appointment' : 'past appointment'),
  };

  protected renderRows(rows: AppointmentRow[], now: Date): TemplateResult {
    return itemList({
      items: rows,
      key: (row) => row.key,
      label: this.heading || this.defaultHeading,
      render: (row) => this.renderItem(row, now),
    });
  }

  private renderWhen(row: AppointmentRow): TemplateResult {
    if (row.start || row.end) return periodText(row.start, row.end);
    if (!NOT_YET_DATED.has(row.status)) return html`<span class="not-recorded">Date not recorded</span>`;
    if (!row.requestedStart && !row.requestedEnd) return html`<span class="not-recorded">Date not yet set</span>`;
    return html`<span class="not-recorded">Date not yet set</span>; requested
      ${row.requestedStart ? html`from ${dateText(row.requestedStart)}` : nothing}
      ${row.requestedEnd ? html`to ${dateText(row.requestedEnd)}` : nothing}`;
  }

  private renderItem(row: AppointmentRow, now: Date): TemplateResult {
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
        this.rowView().disclosure(row.key, row.service ?? 'appointment'),
        html`<p class="when">${this.renderWhen(row)}</p>
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
}
