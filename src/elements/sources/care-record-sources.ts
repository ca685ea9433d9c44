import { html, nothing, type TemplateResult } from 'lit';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { FilterSpec } from '../../core/filters.js';
import type { WidgetDataSpec } from '../../core/record-controller.js';
import { widgetStyles } from '../../ui/styles.js';
import { itemList } from '../../ui/item-list.js';
import { provenanceLine, statusTag } from '../../ui/item-meta.js';
import { rowBody } from '../../ui/row-disclosure.js';
import { mapSources, type SourceRow } from './sources.model.js';
import { sourcesQueries } from './sources.queries.js';
import { sourcesStyles } from './care-record-sources.styles.js';

/**
 * Every organisation that contributed to the patient's shared care record: its type, live or batch
 * feed, when the HIE last received it, whether it is unavailable now, and how many items of each kind
 * it sent. How a clinician judges what the record may be missing.
 *
 * @summary The sources of the shared care record, their feeds and what each sent.
 *
 * @attr base-url - FHIR base URL of the HIE (overrides the provider's).
 * @attr patient-id - Patient's FHIR id on the HIE.
 * @attr nhs-number - NHS number, used to find the patient when no patient-id is given.
 * @attr source-types - Restricts the section to source types, e.g. "gp" or "acute community".
 * @attr heading - Heading text (default "Sources of this record").
 * @attr max-entries - Most items loaded per search (default 1000).
 * @attr request-timeout - Milliseconds to wait for each HIE response (default 15000).
 * @attr state - Reflected, read-only: idle | loading | ready | empty | error | forbidden | unauthorized.
 *
 * @event care-record-load - Data loaded: resource types, counts shown / hidden / withheld, sources.
 * @event care-record-error - Loading failed: kind, HTTP status, message.
 * @event care-record-auth-required - The HIE refused the token after a refresh, or there was none.
 * @event care-record-view - The organisations now on screen, for the host's audit log.
 *
 * @csspart item - One contributing organisation.
 * @csspart source - The organisation's name and type.
 * @csspart freshness - Its feed: live, or batch with its last load.
 * @csspart status - Loading, empty, error, no-access and other status messages.
 * @csspart filters - The filter bar, with the hidden count and "Show all".
 *
 * @cssprop --care-record-text-color - Text colour (default #212b32).
 * @cssprop --care-record-secondary-text-color - Secondary text (default #4c6272).
 * @cssprop --care-record-background - Background (default #ffffff).
 * @cssprop --care-record-surface - Filter bar and message background (default #f0f4f5).
 * @cssprop --care-record-border-color - Borders (default #768692).
 * @cssprop --care-record-accent-color - Buttons and links (default #005eb8).
 * @cssprop --care-record-focus-color - Focus highlight (default #ffeb3b).
 * @cssprop --care-record-warning-background - Out-of-date and unavailable marks (default #fff9c4).
 * @cssprop --care-record-error-color - Error marker (default #d5281b).
 * @cssprop --care-record-font-family - Font (default Frutiger W01, Arial, sans-serif).
 * @cssprop --care-record-font-size - Base font size (default 16px).
 * @cssprop --care-record-spacing - Base spacing unit (default 8px).
 * @cssprop --care-record-max-list-height - Height of long, scrolling lists (default 32rem).
 */
export class CareRecordSources extends CareRecordElement<SourceRow> {
  static override styles = [widgetStyles, sourcesStyles];

  protected readonly defaultHeading = 'Sources of this record';
  protected readonly noun = 'sources';

  protected readonly dataSpec: WidgetDataSpec<SourceRow> = {
    queries: sourcesQueries,
    model: mapSources,
  };

  protected readonly filterSpec: FilterSpec<SourceRow> = {
    statusOptions: [
      { value: 'all', label: 'All sources' },
      { value: 'unavailable', label: 'Unavailable now', matches: (row) => row.status === 'unavailable' },
      { value: 'out-of-date', label: 'Possibly out of date', matches: (row) => row.freshness.possiblyOutOfDate },
    ],
    describeHidden: (n) => `${n} source${n === 1 ? '' : 's'}`,
  };

  protected renderRows(rows: SourceRow[], now: Date): TemplateResult {
    return itemList({
      items: rows,
      key: (row) => row.key,
      label: this.heading || this.defaultHeading,
      render: (row) => this.renderItem(row, now),
    });
  }

  private renderItem(row: SourceRow, now: Date): TemplateResult {
    return html`<li part="item" tabindex="0" data-key=${row.key}>
      ${rowBody(
        this.rowView().disclosure(row.key, row.source.name ?? 'source not recorded'),
        html`<div class="meta">
          ${row.unavailable
            ? html`<span class="unavailable" role="note"><span aria-hidden="true">⚠ </span>${row.unavailable}</span>`
            : statusTag(row)}
        </div>`,
        provenanceLine(row, now),
        html`<p class="counts">
          ${row.total === 0
            ? html`<span class="not-recorded">No items received from this source</span>`
            : html`Sent: ${row.counts.map((c, i) => html`${i ? ', ' : nothing}${c.count} ${c.kind}`)}`}
        </p>`,
      )}
    </li>`;
  }
}
