import { html, nothing, type TemplateResult } from 'lit';
import { detailField } from '../../ui/detail-field.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { periodText } from '../../ui/period-text.js';
import type { EncounterRow } from './encounters.model.js';

const ONGOING = new Set(['arrived', 'triaged', 'in-progress', 'onleave']);

export function encounterItem(row: EncounterRow, now: Date): TemplateResult {
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
    <p class="title">
      ${row.type ?? html`<span class="not-recorded">Type of contact not recorded</span>`}
    </p>
    <div class="meta">
      ${statusTag(row, row.status === 'cancelled')}
      <span class="tag class">${row.classLabel}</span>
      ${securityTags(row)}
    </div>
    <div class="details">
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
    </div>
    ${provenanceLine(row, now)}
  </li>`;
}
