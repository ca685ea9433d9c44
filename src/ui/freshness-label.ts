import { html, nothing, type TemplateResult } from 'lit';
import { describeFreshness } from '../model/freshness.js';
import type { FreshnessInfo } from '../model/record-types.js';

/** How fresh an item is, in words; a possibly out-of-date batch feed is said, not only coloured. */
export function freshnessLabel(freshness: FreshnessInfo, now: Date): TemplateResult {
  const { text, detail } = describeFreshness(freshness, now);
  const stale = freshness.possiblyOutOfDate;
  return html`<span part="freshness" class=${stale ? 'out-of-date' : ''} title=${detail}
    >${stale ? html`<span aria-hidden="true">⚠ </span>` : nothing}${text}${detail && detail !== text
      ? html`<span class="exact"> (${detail})</span>`
      : nothing}</span
  >`;
}
