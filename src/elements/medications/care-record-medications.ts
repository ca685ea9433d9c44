import { html, nothing, type TemplateResult } from 'lit';
import { rowBody } from '../../ui/row-disclosure.js';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { FilterSpec } from '../../core/filters.js';
import type { WidgetDataSpec } from '../../core/record-controller.js';
import { widgetStyles } from '../../ui/styles.js';
import { dateText } from '../../ui/dates.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { itemList } from '../../ui/item-list.js';
import { groupMedications, mapMedications, type MedicationGroup, type MedicationRow } from './medications.model.js';
import { medicationsStyles } from './care-record-medications.styles.js';
import { medicationsQueries } from './medications.queries.js';
import { sameItemsMemo } from '../../core/same-items-memo.js';

/**
 * A patient's medications from every source in the shared care record (MedicationStatement and
 * MedicationRequest), grouped by medicine, each report with its source and freshness.
 * Default view: current medications; past ones are counted as hidden with a one-click "Show all".
 *
 * @summary Medications from the shared care record, with source and freshness of every item.
 *
 * @attr base-url - FHIR base URL of the HIE (overrides the provider's).
 * @attr patient-id - Patient's FHIR id on the HIE.
 * @attr nhs-number - NHS number, used to find the patient when no patient-id is given.
 * @attr source-types - Restricts the section to source types, e.g. "gp" or "acute community".
 * @attr heading - Heading text (default "Medications").
 * @attr max-entries - Most items loaded per search (default 1000).
 * @attr request-timeout - Milliseconds to wait for each HIE response (default 15000).
 * @attr state - Reflected, read-only: idle | loading | ready | empty | error | forbidden | unauthorized.
 *
 * @event care-record-load - Data loaded: resource types, counts shown / hidden / withheld, sources.
 * @event care-record-error - Loading failed: kind, HTTP status, message.
 * @event care-record-auth-required - The HIE refused the token after a refresh, or there was none.
 * @event care-record-view - The items now on screen (patient and resource ids) for the host's audit log.
 *
 * @csspart item - One medication report from one source.
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
 * @cssprop --care-record-warning-background - Out-of-date and withheld notices (default #fff9c4).
 * @cssprop --care-record-error-color - Error marker (default #d5281b).
 * @cssprop --care-record-font-family - Font (default Frutiger W01, Arial, sans-serif).
 * @cssprop --care-record-font-size - Base font size (default 16px).
 * @cssprop --care-record-spacing - Base spacing unit (default 8px).
 * @cssprop --care-record-max-list-height - Height of long, scrolling lists (default 32rem).
 */
export class CareRecordMedications extends CareRecordElement<MedicationRow> {
  static override styles = [widgetStyles, medicationsStyles];

  protected readonly defaultHeading = 'Medications';
  protected readonly noun = 'medications';

  protected readonly dataSpec: WidgetDataSpec<MedicationRow> = {
    queries: medicationsQueries,
    model: mapMedications,
  };

  protected readonly filterSpec: FilterSpec<MedicationRow> = {
    statusOptions: [
      { value: 'current', label: 'Current medications', matches: (row) => row.current },
      { value: 'all', label: 'All medications' },
      { value: 'past', label: 'Past medications', matches: (row) => !row.current },
    ],
    describeHidden: (n, option) =>
      `${n} ${option.value === 'past' ? 'current' : 'past'} medication${n === 1 ? '' : 's'}`,
  };

  /** Kept while the rows are the same: re-renders (scrolling, a filter bar toggle) do not regroup. */
  private readonly entriesFor = sameItemsMemo(listEntries);

  protected renderRows(rows: MedicationRow[], now: Date): TemplateResult {
    return itemList({
      items: this.entriesFor(rows),
      key: (e) => (e.row ? e.row.key : `group:${e.group.key}`),
      label: this.heading || this.defaultHeading,
      render: (e) => (e.row ? this.renderItem(e.row, now) : this.renderGroupHeading(e.group)),
    });
  }

  private renderGroupHeading(group: MedicationGroup): TemplateResult {
    const sources = new Set(group.rows.map((r) => r.source.key)).size;
    return html`<li class="group" data-group=${group.key}>
      <h3>${group.name}</h3>
      ${sources > 1 ? html`<p class="reported-by">Reported by ${sources} sources</p>` : nothing}
    </li>`;
  }

  private renderItem(row: MedicationRow, now: Date): TemplateResult {
    const more = row.end || row.lastIssued;
    return html`<li part="item" tabindex="0" data-key=${row.key} data-group=${row.medicineKey}>
      ${rowBody(
        this.rowView().disclosure(row.key, `${row.name}, ${row.dosage ?? 'dose not recorded'}`),
        html`<p class="dosage">${row.dosage ?? html`<span class="not-recorded">Dose not recorded</span>`}</p>
          <div class="meta">
            ${statusTag(row)}
            <span>Started: ${dateText(row.start)}</span>
            ${securityTags(row)}
          </div>`,
        provenanceLine(row, now),
        more
          ? html`<div class="meta">
              ${row.end ? html`<span>Ended: ${dateText(row.end)}</span>` : nothing}
              ${row.lastIssued ? html`<span>Last issued: ${dateText(row.lastIssued)}</span>` : nothing}
            </div>`
          : nothing,
      )}
    </li>`;
  }
}

interface ListEntry {
  group: MedicationGroup;
  row?: MedicationRow;
}

/** Groups flattened into heading and report entries, so long lists virtualise per report. */
function listEntries(rows: readonly MedicationRow[]): ListEntry[] {
  const entries: ListEntry[] = [];
  for (const group of groupMedications(rows)) {
    entries.push({ group });
    for (const row of group.rows) entries.push({ group, row });
  }
  return entries;
}
