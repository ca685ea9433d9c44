import { lookupTable } from '../../model/json-guards.js';
/** Statuses of Observation and DiagnosticReport in words, and which need the reader's attention. */

interface StatusWords {
  label: string;
  /** Marked in the list: the result may change, has changed, or is not a result. */
  attention: boolean;
  /** A sentence saying what the status means for the reader. */
  note?: string;
}

const STATUSES: Record<string, StatusWords> = lookupTable({
  final: { label: 'Final', attention: false },
  preliminary: { label: 'Preliminary', attention: true, note: 'Preliminary result: it may change.' },
  amended: { label: 'Amended', attention: true, note: 'Amended: this result was changed after it was first issued.' },
  corrected: {
    label: 'Corrected',
    attention: true,
    note: 'Corrected: an error in this result was corrected after it was first issued.',
  },
  appended: {
    label: 'Appended',
    attention: true,
    note: 'Appended: information was added to this report after it was first issued.',
  },
  partial: { label: 'Partial', attention: true, note: 'Partial report: further results are to follow.' },
  registered: { label: 'Registered', attention: true, note: 'Test registered: there is no result yet.' },
  cancelled: { label: 'Cancelled', attention: true, note: 'This test was cancelled: there is no result.' },
  unknown: { label: 'Status unknown', attention: true },
});

export interface ResultStatus {
  status: string;
  statusLabel: string;
  attention: boolean;
  statusNote: string | undefined;
}

export function resultStatus(raw: string | undefined): ResultStatus {
  if (raw === undefined) {
    return { status: 'unknown', statusLabel: 'Status not recorded', attention: true, statusNote: undefined };
  }
  const known = STATUSES[raw];
  if (!known) return { status: raw, statusLabel: `Status: ${raw}`, attention: true, statusNote: undefined };
  return { status: raw, statusLabel: known.label, attention: known.attention, statusNote: known.note };
}

/** Statuses whose values are not results to plot or compare. */
export function isResulted(status: string): boolean {
  return status !== 'cancelled' && status !== 'registered' && status !== 'entered-in-error';
}
