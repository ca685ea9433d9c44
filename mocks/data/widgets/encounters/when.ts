const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `days` from now (negative: ago) at a clock time in UTC, e.g. a clinic slot in 12 days at 10:30.
 * With |days| ≥ 1 the result is always on the stated side of now, so "upcoming" never flips
 * during a test run.
 */
export function dayAt(now: Date, days: number, hours: number, minutes = 0): string {
  const date = new Date(now.getTime() + days * DAY_MS);
  date.setUTCHours(hours, minutes, 0, 0);
  return date.toISOString();
}

/** The calendar date `days` from now (negative: ago), for date-only values. */
export function dayOnly(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}
