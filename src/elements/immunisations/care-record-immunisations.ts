import { html, nothing, type TemplateResult } from 'lit';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { FilterSpec } from '../../core/filters.js';
import type { WidgetDataSpec } from '../../core/record-controller.js';
import { widgetStyles } from '../../ui/styles.js';
import { dateText } from '../../ui/dates.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { itemList } from '../../ui/item-list.js';
import { clinicalTimeText } from '../../ui/clinical-time-text.js';
import { detailField } from '../../ui/detail-field.js';
import { mapImmunisations, type ImmunisationRow } from './immunisations.model.js';
import { immunisationsQueries } from './immunisations.queries.js';
import { immunisationsStyles } from './care-record-immunisations.styles.js';

/** Who the record came from: the organisation that gave it, or a report from elsewhere (`primarySource`). */
function originLine(row: ImmunisationRow): TemplateResult | typeof nothing {
  if (row.primarySource === true) {
    return html`<p class="origin">Recorded by the organisation that gave the vaccine.</p>`;
  }
  if (row.primarySource === false) {
    return html`<p class="origin">
      Reported, not recorded by whoever gave it${row.reportOrigin ? html` (source of the report: ${row.reportOrigin})` : nothing}.
    </p>`;
  }
  return row.reportOrigin ? html`<p class="origin">Source of the report: ${row.reportOrigin}</p>` : nothing;
}

/**
 * A patient's immunisations from every source in the shared care record (UK Core Immunization):
 * vaccine, date at the precision recorded, dose number and series, status ("not given" with its
 * reason), site, route, batch, who gave it and where, whether the record is from whoever gave it or
 * a report from elsewhere, its source and freshness. Entered-in-error records are never shown.
 * Default view: vaccines given, newest first; those not given are counted as hidden with "Show all".
 *
 * @summary Immunisations from the shared care record, with source and freshness of every item.
 *
 * @attr base-url - FHIR base URL of the HIE (overrides the provider's).
 * @attr patient-id - Patient's FHIR id on the HIE.
 * @attr nhs-number - NHS number, used to find the patient when no patient-id is given.
 * @attr source-types - Restricts the section to source types, e.g. "gp" or "acute community".
 * @attr heading - Heading text (default "Immunisations").
 * @attr max-entries - Most items loaded per search (default 1000).
 * @attr state - Reflected, read-only: idle | loading | ready | empty | error | forbidden | unauthorized.
 *
 * @event care-record-load - Data loaded: resource types, counts shown / hidden / withheld, sources.
 * @event care-record-error - Loading failed: kind, HTTP status, message.
 * @event care-record-auth-required - The HIE refused the token after a refresh, or there was none.
 * @event care-record-view - The items now on screen (patient and resource ids) for the host's audit log.
 *
 * @csspart item - One immunisation from one source.
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
 * @cssprop --care-record-warning-background - "Not given", out-of-date and withheld notices (default #fff9c4).
 * @cssprop --care-record-error-color - Error marker (default #d5281b).
 * @cssprop --care-record-font-family - Font (default Frutiger W01, Arial, sans-serif).
 * @cssprop --care-record-font-size - Base font size (default 16px).
 * @cssprop --care-record-spacing - Base spacing unit (default 8px).
 * @cssprop --care-record-max-list-height - Height of long, scrolling lists (default 32rem).
 */
export class CareRecordImmunisations extends CareRecordElement<ImmunisationRow> {
  static override styles = [widgetStyles, immunisationsStyles];

  protected readonly defaultHeading = 'Immunisations';
  protected readonly noun = 'immunisation records';

  protected readonly dataSpec: WidgetDataSpec<ImmunisationRow> = {
    queries: immunisationsQueries,
    model: mapImmunisations,
  };

  protected readonly filterSpec: FilterSpec<ImmunisationRow> = {
    statusOptions: [
      { value: 'current', label: 'Vaccines given', matches: (row) => row.given },
      { value: 'all', label: 'All immunisation records' },
      { value: 'not-given', label: 'Not given', matches: (row) => !row.given },
    ],
    describeHidden: (n) =>
      this.filters?.status === 'not-given'
        ? `${n} vaccine${n === 1 ? '' : 's'} given`
        : `${n} immunisation record${n === 1 ? '' : 's'} not given or with another status`,
  };

  protected renderRows(rows: ImmunisationRow[], now: Date): TemplateResult {
    return itemList({
      items: rows,
      key: (row) => row.key,
      label: this.heading || this.defaultHeading,
      render: (row) => this.renderItem(row, now),
    });
  }

  private renderItem(row: ImmunisationRow, now: Date): TemplateResult {
    return html`<li part="item" tabindex="0" data-key=${row.key} class=${row.given ? 'given' : 'not-given'}>
      <p class="vaccine">${row.vaccine}</p>
      ${row.procedure ? html`<p class="details">${row.procedure}</p>` : nothing}
      <div class="meta">
        ${statusTag(row, !row.given)}
        <span>Date: ${clinicalTimeText(row.occurrence, 'Date not recorded')}</span>
        ${row.doses.map((d) => html`<span class="dose">${d}</span>`)}
        ${securityTags(row)}
      </div>
      ${row.notGivenReason ? html`<p class="not-given-reason">Not given: ${row.notGivenReason}</p>` : nothing}
      ${row.subpotent ? html`<p class="subpotent">${row.subpotent}</p>` : nothing}
      <p class="details">
        ${detailField('Against', row.targetDiseases)}
        ${detailField('Site', row.site)} ${detailField('Route', row.route)} ${detailField('Amount', row.doseQuantity)}
        ${detailField('Batch', row.lotNumber, row.given ? 'not recorded' : undefined)}
        ${row.expirationDate ? detailField('Expires', dateText(row.expirationDate)) : nothing}
        ${detailField('Manufacturer', row.manufacturer)}
      </p>
      <p class="details">
        ${detailField('Given by', row.performers)} ${detailField('Organisation', row.organisation)}
        ${detailField('Where', row.location)}
        ${row.recorded ? detailField('Recorded', dateText(row.recorded)) : nothing}
      </p>
      ${originLine(row)} ${row.notes.map((n) => html`<p class="note">Note: ${n}</p>`)} ${provenanceLine(row, now)}
    </li>`;
  }
}
