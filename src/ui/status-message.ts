import { html, nothing, type TemplateResult } from 'lit';
import type { HieError } from '../fhir/errors.js';
import { outcomeText } from '../fhir/index.js';
import type { WidgetState } from '../model/view-types.js';
import type { RecordNotice } from '../model/record-types.js';

export interface StatusMessageOptions {
  state: WidgetState;
  error: HieError | undefined;
  /** Plural noun of the widget's items, e.g. "medications". */
  noun: string;
  onRetry: () => void;
}

function errorText(error: HieError): string {
  switch (error.kind) {
    case 'network':
      return `The HIE could not be reached. ${error.message}`;
    case 'timeout':
      return 'The HIE did not respond in time.';
    case 'invalid-response':
    case 'invalid-input':
      return error.message;
    default:
      return error.status
        ? `The HIE returned an error (HTTP ${error.status}). ${error.message}`
        : error.message;
  }
}

const retry = (onRetry: () => void): TemplateResult =>
  html`<button type="button" class="retry" @click=${onRetry}>Try again</button>`;

/** The message for every state that is not a list of items. Announced without moving focus. */
export function statusMessage(opts: StatusMessageOptions): TemplateResult | typeof nothing {
  const { state, error, noun, onRetry } = opts;
  switch (state) {
    case 'idle':
      return html`<div part="status" role="status" class="idle">
        <p>No patient selected: the host has not given an HIE address and a patient.</p>
      </div>`;
    case 'loading':
      return html`<div part="status" role="status" class="loading" aria-busy="true">
        <p>Loading ${noun} from the shared care record…</p>
      </div>`;
    case 'empty':
      return html`<div part="status" role="status" class="empty">
        <p>No ${noun} were received from any source in the shared care record.</p>
      </div>`;
    case 'forbidden': {
      const reason = outcomeText(error?.outcome) ?? error?.message;
      return html`<div part="status" role="alert" class="warning forbidden">
        <p><strong>No access to this record.</strong> ${reason ?? ''}</p>
        <p>No ${noun} are shown. This is not the same as the patient having none.</p>
      </div>`;
    }
    case 'unauthorized':
      return html`<div part="status" role="alert" class="warning unauthorized">
        <p>
          <strong>Not signed in to the shared care record.</strong> The access token is missing or has
          expired. Sign in again in your record system, then try again.
        </p>
        ${retry(onRetry)}
      </div>`;
    case 'error':
      return html`<div part="status" role="alert" class="error">
        <p><strong>The ${noun} could not be loaded.</strong> ${error ? errorText(error) : ''}</p>
        <p>No ${noun} are shown. This is not the same as the patient having none.</p>
        ${error?.kind === 'invalid-input' ? nothing : retry(onRetry)}
      </div>`;
    default:
      return nothing;
  }
}

/** Why items may be missing: withheld, a source unavailable, truncated, dropped. Each in its own words. */
export function noticeList(notices: readonly RecordNotice[]): TemplateResult | typeof nothing {
  if (notices.length === 0) return nothing;
  return html`<div part="status notices" class="warning" role="status">
    <p class="visually-hidden">Some items may be missing:</p>
    <ul class="notice-list">
      ${notices.map((n) => html`<li data-kind=${n.kind}>${n.message}</li>`)}
    </ul>
  </div>`;
}
