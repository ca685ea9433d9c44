import { html, nothing, type TemplateResult } from 'lit';
import { rowBody } from '../../ui/row-disclosure.js';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { FilterSpec } from '../../core/filters.js';
import type { WidgetDataSpec } from '../../core/record-controller.js';
import { widgetStyles } from '../../ui/styles.js';
import { dateText } from '../../ui/dates.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { itemList } from '../../ui/item-list.js';
import { clinicalTimeText } from '../../ui/clinical-time-text.js';
import { otherSourcesByRow } from '../../model/also-recorded.js';
import { mapAllergies, type AllergyRow } from './allergies.model.js';
import { allergiesQueries } from './allergies.queries.js';
import { contradiction, criticalityTag, reactionList, recordedLine } from './allergies.templates.js';
import { allergiesStyles } from './care-record-allergies.styles.js';

/**
 * A patient's allergies and intolerances from every source in the shared care record
 * (AllergyIntolerance): substance, reactions with manifestation and severity, criticality (high
 * criticality marked in words), category, status, its source and freshness. A coded "no known
 * allergies" statement is shown as a statement by its source, never as a substance, and is told apart
 * from receiving no allergy records at all (the empty state). Refuted and entered-in-error items are
 * never shown. Default view: active allergies; inactive and resolved ones are counted as hidden with
 * a one-click "Show all".
 *
 * @summary Allergies and adverse reactions from the shared care record, with source and freshness of every item.
 *
 * @attr base-url - FHIR base URL of the HIE (overrides the provider's).
 * @attr patient-id - Patient's FHIR id on the HIE.
 * @attr nhs-number - NHS number, used to find the patient when no patient-id is given.
 * @attr source-types - Restricts the section to source types, e.g. "gp" or "acute community".
 * @attr heading - Heading text (default "Allergies and adverse reactions").
 * @attr max-entries - Most items loaded per search (default 1000).
 * @attr state - Reflected, read-only: idle | loading | ready | empty | error | forbidden | unauthorized.
 *
 * @event care-record-load - Data loaded: resource types, counts shown / hidden / withheld, sources.
 * @event care-record-error - Loading failed: kind, HTTP status, message.
 * @event care-record-auth-required - The HIE refused the token after a refresh, or there was none.
 * @event care-record-view - The items now on screen (patient and resource ids) for the host's audit log.
 *
 * @csspart item - One allergy, intolerance or "no known allergies" statement from one source.
 * @csspart source - The organisation an item came from, with its type.
 * @csspart freshness - How fresh an item is (live, or batch with its last load).
 * @csspart status - Loading, empty, error, no-access, withheld and other status messages.
 * @csspart filters - The filter bar, with the hidden count and "Show all".
 *
 * @cssprop --care-record-text-color - Text colour (default #212b32).
 * @cssprop --care-record-secondary-text-color - Secondary text (default #4c6272).
 * @cssprop --care-record-background - Background (default #ffffff).
 * @cssprop --care-record-surface - Filter bar, message and "no known allergies" background (default #f0f4f5).
 * @cssprop --care-record-border-color - Borders (default #768692).
 * @cssprop --care-record-accent-color - Buttons and links (default #005eb8).
 * @cssprop --care-record-focus-color - Focus highlight (default #ffeb3b).
 * @cssprop --care-record-warning-background - High criticality, out-of-date and withheld notices (default #fff9c4).
 * @cssprop --care-record-error-color - Error marker (default #d5281b).
 * @cssprop --care-record-font-family - Font (default Frutiger W01, Arial, sans-serif).
 * @cssprop --care-record-font-size - Base font size (default 16px).
 * @cssprop --care-record-spacing - Base spacing unit (default 8px).
 * @cssprop --care-record-max-list-height - Height of long, scrolling lists (default 32rem).
 */
export class CareRecordAllergies extends CareRecordElement<AllergyRow> {
  static override styles = [widgetStyles, allergiesStyles];

  protected readonly defaultHeading = 'Allergies and adverse reactions';
  // The empty state then reads "No allergy records were received…": not "no allergies".
  protected readonly noun = 'allergy records';

  protected readonly dataSpec: WidgetDataSpec<AllergyRow> = {
    queries: allergiesQueries,
    model: mapAllergies,
  };

  protected readonly filterSpec: FilterSpec<AllergyRow> = {
    statusOptions: [
      { value: 'current', label: 'Active allergies', matches: (row) => row.current },
      { value: 'all', label: 'All allergy records' },
      { value: 'past', label: 'Inactive or resolved', matches: (row) => !row.current },
    ],
    describeHidden: (n) => `${n} inactive or resolved allergy record${n === 1 ? '' : 's'}`,
  };

  protected renderRows(rows: AllergyRow[], now: Date): TemplateResult {
    const others = otherSourcesByRow(rows.filter((r) => r.kind === 'allergy'));
    return itemList({
      items: rows,
      key: (row) => row.key,
      label: this.heading || this.defaultHeading,
      render: (row) =>
        row.kind === 'no-known' ? this.renderNoKnown(row, now) : this.renderAllergy(row, others.get(row.key) ?? [], now),
    });
  }

  private renderAllergy(row: AllergyRow, otherSources: string[], now: Date): TemplateResult {
    return html`<li part="item" tabindex="0" data-key=${row.key} class=${row.highCriticality ? 'high-criticality' : ''}>
      ${rowBody(
        this.rowView().disclosure(row.key, row.name),
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

  private renderNoKnown(row: AllergyRow, now: Date): TemplateResult {
    return html`<li part="item" tabindex="0" data-key=${row.key} class="no-known">
      <p class="name">
        <span class="statement">${row.name}</span> — recorded by
        ${row.source.name ?? html`<span class="not-recorded">a source not recorded</span>`}
        on ${dateText(row.date, 'date not recorded')}
      </p>
      ${contradiction(row)}
      ${rowBody(
        this.rowView().disclosure(row.key, row.name),
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
}
