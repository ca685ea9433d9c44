import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';

/** Above this many items only the visible ones are rendered, so long records stay fast. */
export const VIRTUALIZE_ABOVE = 50;

export interface ItemListOptions<T> {
  items: readonly T[];
  key: (item: T) => string;
  render: (item: T) => TemplateResult;
  /** Accessible name of the list, e.g. "Medications". */
  label: string;
}

export function itemList<T>(opts: ItemListOptions<T>): TemplateResult {
  const { items, key, render, label } = opts;
  if (items.length <= VIRTUALIZE_ABOVE) {
    return html`<ul class="items" aria-label=${label}>
      ${repeat(items, key, render)}
    </ul>`;
  }
  return html`<ul class="items scroller" aria-label=${label}>
    ${virtualize({ items: [...items], keyFunction: key, renderItem: render, scroller: true })}
  </ul>`;
}
