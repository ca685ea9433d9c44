import { html, nothing, type TemplateResult } from 'lit';
import { rowBody } from '../../ui/row-disclosure.js';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { FilterSpec } from '../../core/filters.js';
import type { WidgetDataSpec } from '../../core/record-controller.js';
import { widgetStyles } from '../../ui/styles.js';
import { notesFact, periodFact } from '../../ui/titled-item.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { itemList } from '../../ui/item-list.js';
import { mapCarePlans, type CarePlanRow } from './care-plans.model.js';
import { carePlansQueries } from './care-plans.queries.js';
import { activityList } from './care-plans.templates.js';
import { carePlansStyles } from './care-record-care-plans.styles.js';

/**
 * A patient's care plans from every source in the shared care record (CarePlan): title, category,
 * status, period, author and activities, each plan with its source, source type and freshness.
 * Default view: current plans (active, on hold and draft, the last two marked); completed and
 * revoked plans are counted as hidden with a one-click "Show all".
 *
 * @summary Care plans from the shared care record, with activities, source and freshness of every plan.
 *
 * @attr base-url - FHIR base URL of the HIE (overrides the provider's).
 * @attr patient-id - Patient's FHIR id on the HIE.
 * @attr nhs-number - NHS number, used to find the patient when no patient-id is given.
 * @attr source-types - Restricts the section to source types, e.g. "social-care" or "mental-health community".
 * @attr heading - Heading text (default "Care plans").
 * @attr max-entries - Most items loaded per search (default 1000).
 * @attr state - Reflected, read-only: idle | loading | ready | empty | error | forbidden | unauthorized.
 *
 * @event care-record-load - Data loaded: resource types, counts shown / hidden / withheld, sources.
 * @event care-record-error - Loading failed: kind, HTTP status, message.
 * @event care-record-auth-required - The HIE refused the token after a refresh, or there was none.
 * @event care-record-view - The items now on screen (patient and resource ids) for the host's audit log.
 *
 * @csspart item - One care plan from one source, with its activities.
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
 * @cssprop --care-record-warning-background - Out-of-date, withheld and draft/on-hold marks (default #fff9c4).
 * @cssprop --care-record-error-color - Error marker (default #d5281b).
 * @cssprop --care-record-font-family - Font (default Frutiger W01, Arial, sans-serif).
 * @cssprop --care-record-font-size - Base font size (default 16px).
 * @cssprop --care-record-spacing - Base spacing unit (default 8px).
 * @cssprop --care-record-max-list-height - Height of long, scrolling lists (default 32rem).
 */
export class CareRecordCarePlans extends CareRecordElement<CarePlanRow> {
  static override styles = [widgetStyles, ...carePlansStyles];

  protected readonly defaultHeading = 'Care plans';
  protected readonly noun = 'care plans';

  protected readonly dataSpec: WidgetDataSpec<CarePlanRow> = {
    queries: carePlansQueries,
    model: mapCarePlans,
  };

  protected readonly filterSpec: FilterSpec<CarePlanRow> = {
    statusOptions: [
      { value: 'current', label: 'Current care plans', matches: (row) => row.current },
      { value: 'all', label: 'All care plans' },
      { value: 'ended', label: 'Completed and revoked care plans', matches: (row) => !row.current },
    ],
    describeHidden: (n) => `${n} completed or revoked care plan${n === 1 ? '' : 's'}`,
  };

  protected renderRows(rows: CarePlanRow[], now: Date): TemplateResult {
    return itemList({
      items: rows,
      key: (row) => row.key,
      label: this.heading || this.defaultHeading,
      render: (row) => this.renderItem(row, now),
    });
  }

  private renderItem(row: CarePlanRow, now: Date): TemplateResult {
    return html`<li part="item" tabindex="0" data-key=${row.key}>
      ${rowBody(
        this.rowView().disclosure(row.key, row.title ?? 'care plan'),
        html`<h3>${row.title ?? html`<span class="not-recorded">Care plan title not recorded</span>`}</h3>
          <div class="meta">
            ${statusTag(row, row.attention)}
            ${row.source.type ? html`<span class="tag setting">${row.source.typeLabel}</span>` : nothing}
            ${securityTags(row)}
          </div>`,
        provenanceLine(row, now),
        html`<div class="meta">
          ${row.categories.map((c) => html`<span class="tag category">${c}</span>`)}
          ${row.intentLabel ? html`<span class="tag intent">${row.intentLabel}</span>` : nothing}
        </div>
      ${row.description ? html`<p class="description">${row.description}</p>` : nothing}
      <dl class="facts">
        ${periodFact(row.start, row.end)}
        <div class="author">
          <dt>Author</dt>
          <dd>${row.author ?? html`<span class="not-recorded">Not recorded</span>`}</dd>
        </div>
        ${row.addresses.length > 0
          ? html`<div><dt>Addresses</dt><dd>${row.addresses.join('; ')}</dd></div>`
          : nothing}
        ${notesFact(row.notes)}
      </dl>
      <h4>Activities (${row.activities.length})</h4>
      ${activityList(row.activities)}`,
      )}
    </li>`;
  }
}
