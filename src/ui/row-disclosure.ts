import { html, nothing, type TemplateResult } from 'lit';

/**
 * Compact rows show their main line; every other field (notes, recorder, exact times, details) opens
 * with the row. The button is a real button with `aria-expanded`, so keyboard and screen reader users
 * open it as anyone else; in the comfortable density every field is shown and there is no button.
 */
export interface RowDisclosure {
  /** True when the row's other fields are shown. */
  open: boolean;
  /** The button, or nothing when the density shows every field. */
  toggle: TemplateResult | typeof nothing;
}

export function rowDisclosure(opts: {
  key: string;
  /** What the row is, for the button's name: "More about Apixaban 5mg tablets". */
  label: string;
  compact: boolean;
  open: boolean;
  onToggle: (key: string) => void;
}): RowDisclosure {
  const { key, label, compact, open, onToggle } = opts;
  if (!compact) return { open: true, toggle: nothing };
  return {
    open,
    toggle: html`<button
      type="button"
      class="row-toggle"
      aria-expanded=${open ? 'true' : 'false'}
      @click=${() => onToggle(key)}
    >
      <span aria-hidden="true">${open ? '▾' : '▸'}</span><span class="visually-hidden">More about ${label}</span>
    </button>`,
  };
}

/** The row's other fields, kept in the page (and its text) when closed, shown when the row is open. */
export function moreFields(open: boolean, content: TemplateResult): TemplateResult {
  return html`<div class="more" ?hidden=${!open}>${content}</div>`;
}

/** What a row template needs to know of the widget's density: its disclosure for a row. */
export interface RowView {
  disclosure(key: string, label: string): RowDisclosure;
}

/** Every field shown, no button: the comfortable density, and templates rendered outside a widget. */
export const EVERY_FIELD_SHOWN: RowView = { disclosure: () => ({ open: true, toggle: nothing }) };

/**
 * A row's inside: the main line (the button, the main text and key facts, the short source and
 * freshness), then its other fields. With nothing more to show there is no button.
 */
export function rowBody(
  disclosure: RowDisclosure,
  main: TemplateResult,
  provenance: TemplateResult,
  more: TemplateResult | typeof nothing,
): TemplateResult {
  return html`<div class="line">
      ${more === nothing ? nothing : disclosure.toggle}
      <div class="main">${main}</div>
      ${provenance}
    </div>${more ===
    nothing
      ? nothing
      : moreFields(disclosure.open, more)}`;
}
