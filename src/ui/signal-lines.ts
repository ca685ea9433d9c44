import { html, nothing, type TemplateResult } from 'lit';
import type { Signal } from '../model/signals.js';

export interface SignalLinesOptions {
  signals: readonly Signal[];
  /** Plural noun of the widget's items, e.g. "medications", for the action's accessible name. */
  noun: string;
  onShowAll: () => void;
  onClearSearch: () => void;
}

function action(signal: Signal, opts: SignalLinesOptions): TemplateResult | typeof nothing {
  switch (signal.action) {
    case 'show-all':
      return html`<span aria-hidden="true">·</span>
        <button type="button" class="link show-all" @click=${opts.onShowAll}>
          Show all<span class="visually-hidden"> ${opts.noun}</span>
        </button>`;
    case 'clear-search':
      return html`<span aria-hidden="true">·</span>
        <button type="button" class="link clear-search" @click=${opts.onClearSearch}>
          Clear<span class="visually-hidden"> the search</span>
        </button>`;
    default:
      return nothing;
  }
}

function line(signal: Signal, opts: SignalLinesOptions): TemplateResult {
  const cls = signal.kind === 'hidden-by-filters' ? 'hidden-count' : signal.kind;
  const body =
    signal.details.length > 0
      ? html`<details>
          <summary>${signal.summary}</summary>
          <ul class="signal-detail">
            ${signal.details.map((d) => html`<li>${d}</li>`)}
          </ul>
        </details>`
      : html`<span class="summary">${signal.summary}</span>`;
  return html`<li part="signal" class="signal ${cls}" data-kind=${signal.kind}>${body}${action(signal, opts)}</li>`;
}

/**
 * Every safety signal of a pod, one line each: withheld, outages, truncation, late batch feeds, items
 * hidden by the view, filters or search. Always rendered (empty when there is nothing to say), so the
 * polite live region exists before its first message and each change is announced.
 */
export function signalLines(opts: SignalLinesOptions): TemplateResult {
  const { signals } = opts;
  // Quiet, it is not a status part: the widget's first status is then its real message (e.g. empty).
  return html`<div
    part=${signals.length > 0 ? 'status notices' : 'notices'}
    class="signals ${signals.length > 0 ? 'warning' : 'quiet'}"
    role="status"
    aria-live="polite"
  >
    ${signals.length > 0
      ? html`<p class="visually-hidden">Some items may be missing or hidden:</p>
          <ul class="signal-list">
            ${signals.map((s) => line(s, opts))}
          </ul>`
      : nothing}
  </div>`;
}
