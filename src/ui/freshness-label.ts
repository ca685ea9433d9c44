import { html, nothing, type TemplateResult } from 'lit';
import { describeFreshness } from '../model/freshness.js';
import { shortFreshness } from '../model/short-provenance.js';
import type { FreshnessInfo } from '../model/record-types.js';

/**
 * How fresh an item is, in words; a possibly out-of-date batch feed is said, not only coloured. Both
 * forms are rendered: the compact density shows the short one and keeps the full words for screen
 * readers (and the row's expanded view); the comfortable density shows the full words.
 */
export function freshnessLabel(freshness: FreshnessInfo, now: Date): TemplateResult {
  const { text, detail } = describeFreshness(freshness, now);
  const short = shortFreshness(freshness, now);
  const stale = freshness.possiblyOutOfDate;
  return html`<span part="freshness" class=${stale ? 'out-of-date' : ''} title=${detail}
    ><span class="full">${stale ? html`<span aria-hidden="true">⚠ </span>` : nothing}${text}${detail && detail !== text
      ? html`<span class="exact"> (${detail})</span>`
      : nothing}</span
    ><span class="short" aria-hidden="true">${short.text}${short.stale ? ' ⚠' : ''}</span></span
  >`;
}
