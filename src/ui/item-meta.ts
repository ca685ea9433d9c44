import { html, nothing, type TemplateResult } from 'lit';
import type { RecordRow } from '../model/record-types.js';
import { sourceBadge } from './source-badge.js';
import { freshnessLabel } from './freshness-label.js';

/** Where an item came from and how fresh it is: shown on every item of every widget. */
export function provenanceLine(row: RecordRow, now: Date): TemplateResult {
  return html`<div class="meta provenance">${sourceBadge(row.source)} ${freshnessLabel(row.freshness, now)}</div>`;
}

/** The item's status in words, with a marker class for statuses that need attention. */
export function statusTag(row: RecordRow, attention = false): TemplateResult {
  return html`<span class="tag status ${attention ? 'attention' : ''}" data-status=${row.status}
    >${row.statusLabel}</span
  >`;
}

/** `meta.security` labels (e.g. "Restricted", "Mental health") as tags. */
export function securityTags(row: RecordRow): TemplateResult | typeof nothing {
  if (row.securityLabels.length === 0) return nothing;
  return html`${row.securityLabels.map((l) => html`<span class="tag security">${l}</span>`)}`;
}
