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
import { mapProblems, type ProblemRow } from './problems.model.js';
import { problemsQueries } from './problems.queries.js';
import { problemsStyles } from './care-record-problems.styles.js';

/**
 * A patient's problems and diagnoses from every source in the shared care record (Condition:
 * problem-list items and encounter diagnoses), each with its clinical and verification status, onset
 * and resolution, severity, who recorded it, its source and freshness. Unconfirmed, provisional and
 * differential diagnoses are marked in words; refuted and entered-in-error conditions are never shown.
 * Default view: current problems (active, recurrence, relapse, in remission, or status not recorded);
 * resolved and inactive ones are counted as hidden with a one-click "Show all".
 *
 * @summary Problems and diagnoses from the shared care record, with source and freshness of every item.
 *
 * @attr base-url - FHIR base URL of the HIE (overrides the provider's).
 * @attr patient-id - Patient's FHIR id on the HIE.
 * @attr nhs-number - NHS number, used to find the patient when no patient-id is given.
 * @attr source-types - Restricts the section to source types, e.g. "gp" or "acute community".
 * @attr heading - Heading text (default "Problems and diagnoses").
 * @attr max-entries - Most items loaded per search (default 1000).
 * @attr state - Reflected, read-only: idle | loading | ready | empty | error | forbidden | unauthorized.
 *
 * @event care-record-load - Data loaded: resource types, counts shown / hidden / withheld, sources.
 * @event care-record-error - Loading failed: kind, HTTP status, message.
 * @event care-record-auth-required - The HIE refused the token after a refresh, or there was none.
 * @event care-record-view - The items now on screen (patient and resource ids) for the host's audit log.
 *
 * @csspart item - One problem or diagnosis from one source.
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
export class CareRecordProblems extends CareRecordElement<ProblemRow> {
  static override styles = [widgetStyles, problemsStyles];

  protected readonly defaultHeading = 'Problems and diagnoses';
  protected readonly noun = 'problems';

  protected readonly dataSpec: WidgetDataSpec<ProblemRow> = {
    queries: problemsQueries,
    model: mapProblems,
  };

  protected readonly filterSpec: FilterSpec<ProblemRow> = {
    statusOptions: [
      { value: 'current', label: 'Current problems', matches: (row) => row.current },
      { value: 'all', label: 'All problems' },
      { value: 'past', label: 'Resolved or inactive problems', matches: (row) => !row.current },
    ],
    describeHidden: (n) => `${n} resolved or inactive problem${n === 1 ? '' : 's'}`,
  };

  protected renderRows(rows: ProblemRow[], now: Date): TemplateResult {
    const others = otherSourcesByRow(rows);
    return itemList({
      items: rows,
      key: (row) => row.key,
      label: this.heading || this.defaultHeading,
      render: (row) => this.renderItem(row, others.get(row.key) ?? [], now),
    });
  }

  private renderItem(row: ProblemRow, otherSources: string[], now: Date): TemplateResult {
    return html`<li part="item" tabindex="0" data-key=${row.key} class=${row.uncertain ? 'uncertain' : ''}>
      ${rowBody(
        this.rowView().disclosure(row.key, row.name),
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
}
