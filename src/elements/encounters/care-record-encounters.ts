import { html, nothing, type TemplateResult } from 'lit';
import { rowBody } from '../../ui/row-disclosure.js';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { FilterSpec, StatusOption } from '../../core/filters.js';
import type { WidgetDataSpec } from '../../core/record-controller.js';
import { widgetStyles } from '../../ui/styles.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { itemList } from '../../ui/item-list.js';
import type { EncounterGroup } from '../../model/encounter-class.js';
import { mapEncounters, type EncounterRow } from './encounters.model.js';
import { encountersQueries } from './encounters.queries.js';
import { encountersStyles } from './care-record-encounters.styles.js';
import { detailField } from '../../ui/detail-field.js';
import { periodText } from '../../ui/period-text.js';

const ONGOING = new Set(['arrived', 'triaged', 'in-progress', 'onleave']);

function contactsOf(group: EncounterGroup): (row: EncounterRow) => boolean {
  return (row) => row.happened && row.group === group;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A patient's contacts with services from every source in the shared care record (Encounter):
 * admissions, A&E attendances, ambulance conveyances, 111 and out-of-hours contacts, community,
 * mental-health and social-care contacts, newest first, each with its source and freshness.
 * Default view: every contact that took place; planned encounters (shown as appointments) and
 * cancelled ones are counted as hidden with a one-click "Show all".
 *
 * @summary Encounters from the shared care record, with source and freshness of every item.
 *
 * @attr base-url - FHIR base URL of the HIE (overrides the provider's).
 * @attr patient-id - Patient's FHIR id on the HIE.
 * @attr nhs-number - NHS number, used to find the patient when no patient-id is given.
 * @attr source-types - Restricts the section to source types, e.g. "acute" or "ambulance out-of-hours".
 * @attr heading - Heading text (default "Encounters").
 * @attr max-entries - Most items loaded per search (default 1000).
 * @attr state - Reflected, read-only: idle | loading | ready | empty | error | forbidden | unauthorized.
 *
 * @event care-record-load - Data loaded: resource types, counts shown / hidden / withheld, sources.
 * @event care-record-error - Loading failed: kind, HTTP status, message.
 * @event care-record-auth-required - The HIE refused the token after a refresh, or there was none.
 * @event care-record-view - The items now on screen (patient and resource ids) for the host's audit log.
 *
 * @csspart item - One encounter from one source.
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
export class CareRecordEncounters extends CareRecordElement<EncounterRow> {
  static override styles = [widgetStyles, encountersStyles];

  protected readonly defaultHeading = 'Encounters';
  protected readonly noun = 'encounters';

  protected readonly dataSpec: WidgetDataSpec<EncounterRow> = {
    queries: encountersQueries,
    model: mapEncounters,
  };

  private readonly statusOptions: StatusOption<EncounterRow>[] = [
    { value: 'contacts', label: 'All contacts', matches: (row) => row.happened },
    { value: 'admissions', label: 'Admissions', matches: contactsOf('admission') },
    { value: 'emergency', label: 'Emergency and ambulance', matches: contactsOf('emergency') },
    { value: 'outpatient', label: 'Outpatient, community and home visits', matches: contactsOf('outpatient') },
    { value: 'virtual', label: 'Telephone and video', matches: contactsOf('virtual') },
    { value: 'all', label: 'All, including planned and cancelled' },
  ];

  protected readonly filterSpec: FilterSpec<EncounterRow> = {
    statusOptions: this.statusOptions,
    // The shared spec gives one wording for every option, so it reads the option now chosen.
    describeHidden: (n) => {
      const option = this.statusOptions.find((o) => o.value === this.filters?.status);
      if (!option || option.value === 'contacts') return `${plural(n, 'planned or cancelled encounter')}`;
      return `${plural(n, 'encounter')} outside "${option.label}"`;
    },
  };

  protected renderRows(rows: EncounterRow[], now: Date): TemplateResult {
    return itemList({
      items: rows,
      key: (row) => row.key,
      label: this.heading || this.defaultHeading,
      render: (row) => this.renderItem(row, now),
    });
  }

  private renderItem(row: EncounterRow, now: Date): TemplateResult {
    const ongoing = ONGOING.has(row.status);
    const providerDiffers = row.serviceProvider !== undefined && row.serviceProvider !== row.source.name;
    const discharged = row.group === 'admission' || row.classCode === 'EMER';
    return html`<li
      part="item"
      tabindex="0"
      data-key=${row.key}
      data-class=${row.classCode ?? ''}
      class=${row.happened ? '' : 'not-happened'}
    >
      ${rowBody(
        this.rowView().disclosure(row.key, row.type ?? row.classLabel),
        html`<p class="title">
            ${row.type ?? html`<span class="not-recorded">Type of contact not recorded</span>`}
          </p>
          <span class="when">${periodText(row.start, row.end, { openEnd: ongoing ? '(ongoing)' : undefined })}</span>
          <div class="meta">
            ${statusTag(row, row.status === 'cancelled')}
            <span class="tag class">${row.classLabel}</span>
            ${securityTags(row)}
          </div>`,
        provenanceLine(row, now),
        html`<div class="details">
        ${detailField('When', periodText(row.start, row.end, { openEnd: ongoing ? '(ongoing)' : undefined }))}
        ${detailField('Length of stay', row.lengthOfStay)} ${detailField('Duration', row.duration)}
        ${detailField('Location', row.locations, 'Location not recorded', ' then ')}
        ${providerDiffers ? detailField('Service provider', row.serviceProvider) : nothing}
        ${detailField('Service', row.serviceType)} ${detailField('Reason', row.reasons)}
        ${detailField('Admission', row.admission)}
        ${discharged && row.happened && !ongoing
          ? detailField('Discharge', row.discharge, 'Discharge destination not recorded')
          : detailField('Outcome', row.discharge)}
        ${detailField('Also reported by', row.alsoReportedBy)}
      </div>`,
      )}
    </li>`;
  }
}
