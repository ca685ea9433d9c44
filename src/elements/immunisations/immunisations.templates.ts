import { html, nothing, type TemplateResult } from 'lit';
import { dateText } from '../../ui/dates.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { clinicalTimeText } from '../../ui/clinical-time-text.js';
import { detailField } from '../../ui/detail-field.js';
import { rowBody, type RowView } from '../../ui/row-disclosure.js';
import type { ImmunisationRow } from './immunisations.model.js';

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
 * One immunisation as a list item: the vaccine, whether it was given, its date and dose on the main
 * line (a "not given" and its reason never behind the disclosure); site, route, batch, who gave it and
 * the notes open with the row.
 */
export function immunisationItem(row: ImmunisationRow, now: Date, view: RowView): TemplateResult {
  return html`<li part="item" tabindex="0" data-key=${row.key} class=${row.given ? 'given' : 'not-given'}>
    ${rowBody(
      view.disclosure(row.key, row.vaccine),
      html`<p class="vaccine" title=${row.vaccine}>${row.vaccine}</p>
        <div class="meta">
          ${statusTag(row, !row.given)}
          <span>Date: ${clinicalTimeText(row.occurrence, 'Date not recorded')}</span>
          ${row.doses.map((d) => html`<span class="dose">${d}</span>`)}
          ${securityTags(row)}
        </div>
        ${row.notGivenReason ? html`<p class="not-given-reason">Not given: ${row.notGivenReason}</p>` : nothing}
        ${row.subpotent ? html`<p class="subpotent">${row.subpotent}</p>` : nothing}`,
      provenanceLine(row, now),
      html`<p class="details vaccine-full">${detailField('Vaccine', row.vaccine)}</p>
        ${row.procedure ? html`<p class="details">${row.procedure}</p>` : nothing}
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
        ${originLine(row)} ${row.notes.map((n) => html`<p class="note">Note: ${n}</p>`)}`,
    )}
  </li>`;
}
