import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { CareRecordElement } from '../../src/core/care-record-element.js';
import type { RecordRow } from '../../src/model/record-types.js';

export const HIE = 'https://hie.example/fhir';
export const VALID_TOKEN = 'demo-valid-token';
export const validToken = () => VALID_TOKEN;

type AnyWidget = CareRecordElement<RecordRow>;

/** Waits until a widget leaves `loading` (and `idle`, unless that is what is awaited). */
export async function settled<T extends HTMLElement>(el: T, timeout = 15000): Promise<T> {
  const widget = el as unknown as AnyWidget;
  await waitUntil(
    () => !['loading', 'idle'].includes(widget.state),
    `widget stayed ${widget.state}`,
    { timeout },
  );
  await widget.updateComplete;
  return el;
}

export function shadow(el: Element): ShadowRoot {
  return (el as HTMLElement).shadowRoot!;
}

export function parts(el: Element, part: string): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
}

export function text(el: Element | ShadowRoot | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The item with this row key; the test fails, naming `label`, when there is none. */
export function itemByKey(el: Element, key: string, label = key): HTMLElement {
  const found = parts(el, 'item').find((i) => i.dataset['key'] === key);
  expect(found, label).to.exist;
  return found!;
}

type Rendering = HTMLElement & { updateComplete: Promise<unknown> };

/** Clicks "Show all" and waits until the widget has rendered every item. */
export async function showAll(el: Rendering): Promise<void> {
  shadow(el).querySelector<HTMLButtonElement>('button.show-all')!.click();
  await el.updateComplete;
}

/** Chooses a view in the status filter and waits until the widget has rendered it. */
export async function chooseView(el: Rendering, value: string): Promise<void> {
  const select = shadow(el).querySelector<HTMLSelectElement>('#status-filter')!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

export { fixture, html, oneEvent, waitUntil };

// Chromium reports "ResizeObserver loop completed with undelivered notifications" when a virtual list
// re-measures within one frame. It is benign (no callback is lost for good) but mocha would treat it
// as an uncaught error of whichever test is running.
window.addEventListener(
  'error',
  (event) => {
    if (event.message?.includes('ResizeObserver loop')) {
      event.stopImmediatePropagation();
      event.preventDefault();
    }
  },
  true,
);
