import { html, nothing, type TemplateResult } from 'lit';

/**
 * One labelled detail of an item. Missing values say `missing` in words; with no `missing` wording
 * the detail is left out (for details that are optional by nature).
 */
export function detailField(
  label: string,
  value: string | readonly string[] | TemplateResult | undefined,
  missing?: string,
  separator = ', ',
): TemplateResult | typeof nothing {
  const empty = value === undefined || (Array.isArray(value) && value.length === 0);
  if (empty && missing === undefined) return nothing;
  const shown = empty
    ? html`<span class="not-recorded">${missing}</span>`
    : Array.isArray(value)
      ? value.join(separator)
      : value;
  return html`<span class="field"><span class="label">${label}:</span> ${shown}</span>`;
}
