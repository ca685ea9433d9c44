/**
 * Play-function helpers: wait until a widget has settled and check what it shows. They make every
 * story a test (run in the Storybook UI's Interactions panel and by the CI smoke test), and they let
 * the accessibility check that runs after the play function see the settled widget, not "Loading…".
 */
import { expect, waitFor } from 'storybook/test';
import type { WidgetState } from '../../src/core/record-controller.js';

export type Widget = HTMLElement & { state: WidgetState; updateComplete: Promise<boolean> };

export function widgetIn(canvasElement: HTMLElement, tag: string): Widget {
  const el = canvasElement.querySelector<Widget>(tag);
  if (!el) throw new Error(`The story rendered no <${tag}>`);
  return el;
}

/** Waits until the widget is in `state` (or, without one, until it has left loading/idle). */
export async function settle(el: Widget, state?: WidgetState, timeout = 10_000): Promise<Widget> {
  await waitFor(
    () => {
      if (!customElements.get(el.localName)) throw new Error(`<${el.localName}> is not defined (not registered)`);
      const done = state ? el.state === state : !['loading', 'idle', undefined].includes(el.state);
      if (!done) throw new Error(`<${el.localName}> is "${el.state}", waiting for ${state ?? 'it to settle'}`);
      // A list still growing page by page is "ready" but not settled: its notices and counts change.
      if (el.hasAttribute('loading-more')) throw new Error(`<${el.localName}> is still loading more items`);
    },
    { timeout, interval: 50 },
  );
  await el.updateComplete;
  return el;
}

export function shadowQuery<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return el.shadowRoot?.querySelector<T>(selector) ?? null;
}

export function shadowQueryAll<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...(el.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

export function textOf(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The text of the widget's status messages and notices. */
export function statusText(el: Element): string {
  return shadowQueryAll(el, '[part~="status"]').map(textOf).join(' ');
}

/** Brings a part of the widget into view (a long list scrolls inside the widget). */
export function reveal(node: Element): void {
  node.scrollIntoView({ block: 'center' });
}

export async function expectStatus(el: Widget, pattern: RegExp): Promise<void> {
  await expect(statusText(el)).toMatch(pattern);
}
