import { html, nothing, type TemplateResult } from 'lit';
import { detailField } from '../../ui/detail-field.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { rowBody, type RowView } from '../../ui/row-disclosure.js';
import { periodText } from '../../ui/period-text.js';
import { dateText } from '../../ui/dates.js';
import type { EncounterRow } from './encounters.model.js';
import { ONGOING } from './encounters.length-of-stay.js';

export function encounterItem(row: EncounterRow, now: Date, view: RowView): TemplateResult {
  const ongoing = ONGOING.has(row.status) && !row.staleStatus;
  const providerDiffers = row.serviceProvider !== undefined && row.serviceProvider !== row.source.name;
  const discharged = row.group === 'admission' || row.classCode === 'EMER';
  const when = periodText(row.start, row.end, { openEnd: ongoing ? '(ongoing)' : undefined });
  return html`<li
    part="item"
    tabindex="0"
    data-key=${row.key}
    data-class=${row.classCode ?? ''}
    class=${row.happened ? '' : 'not-happened'}
  >
    ${rowBody(
      view.disclosure(row.key, row.type ?? row.classLabel),
      html`<p class="title">
          ${row.type ?? html`<span class="not-recorded">Type of contact not recorded</span>`}
        </p>
        <span class="when">${when}</span>
        <div class="meta">
          ${statusTag(row, row.status === 'cancelled')}
          <span class="tag class">${row.classLabel}</span>
          ${securityTags(row)}
        </div>
        ${row.staleStatus
          ? html`<p class="stale-status">
              Still marked "${row.statusLabel.toLowerCase()}" by the source since ${dateText(row.start)}: this may not
              be current. Check with ${row.serviceProvider ?? row.source.name ?? 'the source'}.
            </p>`
          : nothing}`,
      provenanceLine(row, now),
      html`<div class="details">
        ${detailField('When', when)}
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
