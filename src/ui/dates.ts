import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatExact } from '../model/format.js';

/** A clinical date in CUI style; the exact value is revealed when its item is hovered or focused. */
export function dateText(iso: string | undefined, missing = 'Not recorded'): TemplateResult {
  const shown = iso ? formatDate(iso) : undefined;
  if (!iso || !shown) return html`<span class="not-recorded">${missing}</span>`;
  const exact = iso.length > 10 ? formatExact(iso) : undefined;
  return html`<time datetime=${iso} title=${exact ?? shown}>${shown}</time>${exact
      ? html`<span class="exact"> (${exact})</span>`
      : nothing}`;
}
