import { html, nothing, type TemplateResult } from 'lit';
import type { SourceInfo } from '../model/record-types.js';
import { shortSourceName } from '../model/short-provenance.js';

/**
 * Names the organisation an item came from, with its type; never guesses one. The compact density
 * shows a short name and keeps the full name and type for screen readers and the expanded view.
 */
export function sourceBadge(source: SourceInfo): TemplateResult {
  if (!source.name) {
    return html`<span part="source" class="not-recorded">Source not recorded</span>`;
  }
  return html`<span part="source" title="${source.name} · ${source.typeLabel}"
    ><span class="full"><span class="visually-hidden">Source: </span>${source.name}<span class="type">
      · ${source.typeLabel}</span
    >${source.odsCode ? html`<span class="exact"> (ODS ${source.odsCode})</span>` : nothing}</span
    ><span class="short" aria-hidden="true">${shortSourceName(source)}</span></span
  >`;
}
