import { html, nothing, type TemplateResult } from 'lit';
import type { SourceInfo } from '../model/record-types.js';

/** Names the organisation an item came from, with its type; never guesses one. */
export function sourceBadge(source: SourceInfo): TemplateResult {
  if (!source.name) {
    return html`<span part="source" class="not-recorded">Source not recorded</span>`;
  }
  return html`<span part="source"
    ><span class="visually-hidden">Source: </span>${source.name}<span class="type">
      · ${source.typeLabel}</span
    >${source.odsCode ? html`<span class="exact"> (ODS ${source.odsCode})</span>` : nothing}</span
  >`;
}
