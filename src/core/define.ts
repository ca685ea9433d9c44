import { ensureContextRoot } from './context-root.js';

/**
 * Registers one element, once (a host may load an entry twice): a widget under the tag its descriptor
 * names, the provider and the composite under the tag given. Called only by the entry files, so that
 * importing a class registers nothing.
 */
export function define(widget: CustomElementConstructor & { readonly widget: { readonly tag: string } }): void;
export function define(element: CustomElementConstructor, tag: string): void;
export function define(element: CustomElementConstructor & { readonly widget?: { readonly tag: string } }, tag?: string): void {
  const name = tag ?? element.widget!.tag;
  ensureContextRoot();
  if (!customElements.get(name)) customElements.define(name, element);
}
