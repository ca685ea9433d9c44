import { parseFhirDate, type ParsedFhirDate } from '../../model/format.js';

const DAY_MS = 86_400_000;

/** Statuses in which a patient with no discharge time is still in hospital. */
const ONGOING = new Set(['arrived', 'triaged', 'in-progress', 'onleave']);

/**
 * The calendar day of a value as the clinician reads it: date-only values as sent, times in the
 * host's zone (as they are displayed). Undefined for month- or year-only values.
 */
function calendarDay(parsed: ParsedFhirDate): number | undefined {
  if (parsed.precision === 'day') return Date.UTC(parsed.year, (parsed.month ?? 1) - 1, parsed.day ?? 1);
  if (parsed.precision !== 'time') return undefined;
  const d = parsed.date;
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
}

function days(count: number): string {
  return `${count} day${count === 1 ? '' : 's'}`;
}

/**
 * Length of stay as NHS statistics count it: midnights between admission and discharge, so a
 * same-day discharge is 0 days. An admission without a discharge is counted to `now` only while
 * its status says the patient is still in; otherwise it is not recorded.
 */
export function lengthOfStay(
  start: string | undefined,
  end: string | undefined,
  status: string,
  now: Date,
): string | undefined {
  const from = parseFhirDate(start);
  const fromDay = from ? calendarDay(from) : undefined;
  if (fromDay === undefined) return undefined;
  const to = parseFhirDate(end);
  if (to) {
    const toDay = calendarDay(to);
    if (toDay === undefined || toDay < fromDay) return undefined;
    const count = Math.round((toDay - fromDay) / DAY_MS);
    return count === 0 ? '0 days (discharged the same day)' : days(count);
  }
  if (!ONGOING.has(status)) return undefined;
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  if (today < fromDay) return undefined;
  return `${days(Math.round((today - fromDay) / DAY_MS))} so far (not yet discharged)`;
}
