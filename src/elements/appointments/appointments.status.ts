import { parseFhirDate } from '../../model/format.js';
import { asString, lookupTable } from '../../model/json-guards.js';
import { latestInstant } from '../../model/datatypes.js';

const APPOINTMENT_STATUS_LABELS: Record<string, string> = lookupTable({
  proposed: 'Proposed (not yet booked)',
  pending: 'Pending confirmation',
  booked: 'Booked',
  arrived: 'Arrived',
  fulfilled: 'Attended',
  cancelled: 'Cancelled',
  noshow: 'Did not attend',
  'checked-in': 'Checked in',
  waitlist: 'On waiting list',
});

export interface StatusInfo {
  status: string;
  statusLabel: string;
}

export function appointmentStatus(raw: unknown): StatusInfo {
  const status = asString(raw);
  if (status === undefined) return { status: 'unknown', statusLabel: 'Status not recorded' };
  const label = Object.hasOwn(APPOINTMENT_STATUS_LABELS, status) ? APPOINTMENT_STATUS_LABELS[status] : undefined;
  return { status, statusLabel: label ?? `Status: ${status}` };
}

/** Statuses that say the appointment is over, or will not take place. */
const CLOSED = new Set(['fulfilled', 'noshow', 'cancelled']);

/** Statuses that say it is still to happen (or happening): "booked" after its date means no outcome was sent. */
const OPEN = new Set(['proposed', 'pending', 'booked', 'waitlist', 'arrived', 'checked-in', 'planned']);

/**
 * Upcoming: starts in the future, or started and has not ended yet (in progress) unless it is
 * closed. Without a readable start it is upcoming unless closed: an undated proposal or waiting
 * list entry is still to come, and hiding a live one would be worse than showing a stale one.
 */
export function isUpcoming(status: string, start: string | undefined, end: string | undefined, now: Date): boolean {
  const from = parseFhirDate(start);
  const to = parseFhirDate(end);
  if (!from) {
    if (to && latestInstant(to) < now.getTime()) return false;
    return !CLOSED.has(status);
  }
  const startsLater = from.precision === 'time' ? from.date.getTime() > now.getTime() : latestInstant(from) >= now.getTime();
  if (startsLater) return true;
  return !CLOSED.has(status) && to !== undefined && latestInstant(to) >= now.getTime();
}

/** Past, yet still recorded as booked or planned: the source has not sent what happened. */
export function outcomeMissing(status: string, upcoming: boolean, start: string | undefined): boolean {
  return !upcoming && OPEN.has(status) && parseFhirDate(start) !== undefined;
}
