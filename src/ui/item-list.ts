import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { AsyncDirective, directive, type ChildPart } from 'lit/async-directive.js';
import type { VirtualizeDirectiveConfig } from '@lit-labs/virtualizer/virtualize.js';

/** Above this many items only the visible ones are rendered, so long records stay fast. */
export const VIRTUALIZE_ABOVE = 50;

type Virtualize = <T>(config: VirtualizeDirectiveConfig<T>) => unknown;

let virtualize: Virtualize | undefined;
let loading: Promise<void> | undefined;

/**
 * The virtualizer is only downloaded by hosts that show a long list, the first time they do; short
 * records never pay for it.
 */
function loadVirtualizer(): Promise<void> {
  loading ??= import('@lit-labs/virtualizer/virtualize.js').then((m) => {
    virtualize = m.virtualize as Virtualize;
  });
  return loading;
}

/** Asks the element that rendered it to render again once the virtualizer has arrived. */
class RerenderWhenVirtualizerLoads extends AsyncDirective {
  render(): typeof nothing {
    return nothing;
  }

  override update(part: ChildPart): typeof nothing {
    const host = part.options?.host as { requestUpdate?: () => void } | undefined;
    void loadVirtualizer().then(() => {
      if (this.isConnected) host?.requestUpdate?.();
    });
    return nothing;
  }
}
const rerenderWhenVirtualizerLoads = directive(RerenderWhenVirtualizerLoads);

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
  if (!virtualize) {
    // Until the virtualizer arrives (once per page), the first items are shown as a plain list.
    return html`<ul class="items scroller" aria-label=${label} aria-busy="true">
      ${repeat(items.slice(0, VIRTUALIZE_ABOVE), key, render)}${rerenderWhenVirtualizerLoads()}
    </ul>`;
  }
  return html`<ul class="items scroller" aria-label=${label}>
    ${virtualize({ items: [...items], keyFunction: key, renderItem: render, scroller: true })}
  </ul>`;
}
