import { html, type TemplateResult } from 'lit';
import type { CareRecordErrorDetail } from '../../core/events.js';

/**
 * "One reason, said once": when every pod of `<care-record>` fails for the same record-level reason,
 * the record says it once at its top and each pod points to it. Only reasons about the whole record
 * count; a pod's own failure (a malformed answer, a search the HIE lacks) is always said in the pod.
 */
export type RecordReason = 'forbidden' | 'unauthorized' | 'unreachable';

/** The record-level reason of a pod's failure, or undefined when the failure is the pod's own. */
export function recordReason(error: Pick<CareRecordErrorDetail, 'kind' | 'status'>): RecordReason | undefined {
  if (error.status === 403) return 'forbidden';
  if (error.status === 401) return 'unauthorized';
  if (error.kind === 'network' || error.kind === 'timeout') return 'unreachable';
  if (error.kind === 'http' && error.status !== undefined && error.status >= 500) return 'unreachable';
  return undefined;
}

/** What each pod last reported: a failure's reason and message, or `ok` when it loaded. */
export type PodOutcome = { reason: RecordReason | undefined; message: string } | 'ok';

export interface SharedReason {
  reason: RecordReason;
  /** The first sharing pod's message, said in the record's one message. */
  message: string;
  /** The pods that failed for it: they point to the record's message; any other pod says its own. */
  pods: ReadonlySet<string>;
}

/**
 * The reason to say once: only when every pod on screen has failed (none loaded, none still to
 * answer), the record-level reason most of them share, if at least two do. Undefined otherwise.
 */
export function sharedReason(pods: readonly string[], outcomes: ReadonlyMap<string, PodOutcome>): SharedReason | undefined {
  const byReason = new Map<RecordReason, { message: string; pods: Set<string> }>();
  for (const pod of pods) {
    const outcome = outcomes.get(pod);
    if (outcome === undefined || outcome === 'ok') return undefined;
    if (outcome.reason === undefined) continue;
    const entry = byReason.get(outcome.reason) ?? { message: outcome.message, pods: new Set<string>() };
    entry.pods.add(pod);
    byReason.set(outcome.reason, entry);
  }
  let best: SharedReason | undefined;
  for (const [reason, entry] of byReason) {
    if (entry.pods.size >= 2 && entry.pods.size > (best?.pods.size ?? 0)) best = { reason, ...entry };
  }
  return best;
}

const HEADLINE: Record<RecordReason, string> = {
  forbidden: 'No access to this record.',
  unauthorized: 'Not signed in to the shared care record.',
  unreachable: 'The shared care record could not be loaded.',
};

/** The one line each pod shows instead of repeating the record's message. */
export const POINTER: Record<RecordReason, string> = {
  forbidden: 'No access: see the message at the top of the record. No items are shown.',
  unauthorized: 'Not signed in: see the message at the top of the record. No items are shown.',
  unreachable: 'Not loaded: see the message at the top of the record. No items are shown.',
};

/** The record's one message, in full, with the one action that helps. */
export function reasonBanner(shared: SharedReason, onRetry: () => void): TemplateResult {
  const { reason, message } = shared;
  const explanation =
    reason === 'forbidden'
      ? `The HIE refused every section of this record (for example, the patient has objected to sharing, or your role does not allow it). ${message}`
      : reason === 'unauthorized'
        ? 'The access token is missing or has expired. Sign in again in your record system, then try again.'
        : `The HIE could not be reached or answered with an error for every section. ${message}`;
  return html`<div part="record-status" class="record-status ${reason}" role="alert">
    <p><strong>${HEADLINE[reason]}</strong> ${explanation}</p>
    <p>No items are shown in any section. This is not the same as the patient having none.</p>
    ${reason === 'forbidden' ? '' : html`<button type="button" class="retry" @click=${onRetry}>Try again</button>`}
  </div>`;
}
