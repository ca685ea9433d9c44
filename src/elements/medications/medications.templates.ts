import { html, nothing, type TemplateResult } from 'lit';
import { dateText } from '../../ui/dates.js';
import { rowBody, type RowView } from '../../ui/row-disclosure.js';
import { provenanceLine, securityTags, statusTag } from '../../ui/item-meta.js';
import { groupMedications, type MedicationGroup, type MedicationRow } from './medications.model.js';

/** A medicine's heading in the list, over its reports from every source. */
export function medicationGroupHeading(group: MedicationGroup): TemplateResult {
  const sources = new Set(group.rows.map((r) => r.source.key)).size;
  return html`<li class="group" data-group=${group.key}>
    <h3>${group.name}</h3>
    ${sources > 1 ? html`<p class="reported-by">Reported by ${sources} sources</p>` : nothing}
  </li>`;
}

export function medicationItem(row: MedicationRow, now: Date, view: RowView): TemplateResult {
  const more = row.end || row.lastIssued;
  return html`<li part="item" tabindex="0" data-key=${row.key} data-group=${row.medicineKey}>
    ${rowBody(
      view.disclosure(row.key, `${row.name}, ${row.dosage ?? 'dose not recorded'}`),
      html`<p class="dosage">
          ${row.dosage ? html`<span class="dosage-text">${row.dosage}</span>` : html`<span class="not-recorded">Dose not recorded</span>`}
        </p>
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

export interface MedicationListEntry {
  group: MedicationGroup;
  row?: MedicationRow;
}

/** Groups flattened into heading and report entries, so long lists virtualise per report. */
export function medicationListEntries(rows: readonly MedicationRow[]): MedicationListEntry[] {
  const entries: MedicationListEntry[] = [];
  for (const group of groupMedications(rows)) {
    entries.push({ group });
    for (const row of group.rows) entries.push({ group, row });
  }
  return entries;
}
