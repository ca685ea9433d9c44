import { html, nothing, type TemplateResult } from 'lit';
import type { LoadProgress } from '../model/progressive.js';

const count = (n: number): string => n.toLocaleString('en-GB');

function soFar(progress: LoadProgress): string {
  return progress.total === undefined
    ? `${count(progress.loaded)} so far, more to come`
    : `${count(progress.loaded)} of ${count(progress.total)}`;
}

/**
 * One compact line while a list is still growing or stopped part-way, so a partial list is never
 * read as the whole record: "Loading older items — 300 of 1,240", or the failure with Retry.
 */
export function progressLine(
  progress: LoadProgress | undefined,
  opts: { noun: string; itemsShown: boolean; onRetry: () => void },
): TemplateResult | typeof nothing {
  if (progress === undefined) return nothing;
  if (progress.failure !== undefined) {
    return html`<div part="status" role="alert" class="error partial-failure">
      <p><strong>${progress.failure}</strong></p>
      <p>The ${opts.noun} shown are not the whole record.</p>
      <button type="button" class="retry" @click=${opts.onRetry}>Retry</button>
    </div>`;
  }
  if (progress.complete) return nothing;
  const why = progress.held
    ? opts.itemsShown
      ? ' The HIE is not sending them newest first: the rest are listed below once all have arrived.'
      : ' The HIE is not sending them newest first, so they are shown once all have arrived.'
    : '';
  return html`<p part="status" role="status" class="loading-more">
    ${opts.itemsShown ? 'Loading older items' : `Loading ${opts.noun}`} — ${soFar(progress)}.${why}
  </p>`;
}
