/**
 * Dates, times and numbers in the NHS Common User Interface style (`24-Nov-2026`, `14:32`,
 * `943 476 5919`), whatever the browser's locale. Times are shown in the host time zone unless a
 * `timeZone` is given. Missing or invalid dates format as {@link UNKNOWN_DATE}, never as an empty string.
 */

export type DatePrecision = 'year' | 'month' | 'day' | 'time';

export interface ParsedFhirDate {
  /**
   * The instant. Partial and date-only values are anchored at UTC midnight of their first day:
   * use it for ordering only, and format date-only values from `year`/`month`/`day`.
   */
  date: Date;
  precision: DatePrecision;
  year: number;
  /** 1–12, when given. */
  month: number | undefined;
  day: number | undefined;
}

export interface FormatOptions {
  /** IANA zone for times, e.g. `Europe/London`; defaults to the host's zone. */
  timeZone?: string | undefined;
}

export const UNKNOWN_DATE = 'Unknown date';

/** Fixed English abbreviations (Intl would give "Sept" in some locales). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const FHIR_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not. */
function utcInstant(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

function parseOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

/**
 * Parsed dates by their text: sorting a long record compares each date many times (it was the
 * largest single cost of mapping 10,000 items). Bounded; a date string alone identifies no one.
 * Results are frozen and shared, so callers copy the Date before changing it.
 */
const parsedDates = new Map<string, ParsedFhirDate | null>();
const MAX_CACHED_DATES = 50_000;

/**
 * Parses a FHIR date, dateTime or instant. Rejects year 0000, impossible months/days/times and
 * anything that is not FHIR's format. A time without a zone (invalid in FHIR, but sent) is read as
 * host-local wall time.
 */
export function parseFhirDate(iso: unknown): ParsedFhirDate | undefined {
  if (typeof iso !== 'string') return undefined;
  const hit = parsedDates.get(iso);
  if (hit !== undefined) return hit ?? undefined;
  if (parsedDates.size >= MAX_CACHED_DATES) parsedDates.clear();
  const parsed = parseFhirDateUncached(iso);
  parsedDates.set(iso, parsed ? Object.freeze(parsed) : null);
  return parsed;
}

function parseFhirDateUncached(iso: string): ParsedFhirDate | undefined {
  const m = FHIR_DATE.exec(iso.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1) return undefined;
  const month = m[2] === undefined ? undefined : Number(m[2]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month ?? 1))) return undefined;

  if (m[4] === undefined) {
    const precision: DatePrecision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
    return { date: new Date(utcInstant(year, month ?? 1, day ?? 1)), precision, year, month, day };
  }
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  // FHIR allows a leap second (60); JavaScript dates do not, so it is held at :59.
  const second = Math.min(Number(m[6] ?? 0), 59);
  if (hour > 23 || minute > 59 || Number(m[6] ?? 0) > 60) return undefined;
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0${m[7]}`) * 1000);
  let time: number;
  if (m[8] === undefined) {
    const local = new Date(0);
    local.setFullYear(year, (month ?? 1) - 1, day ?? 1);
    local.setHours(hour, minute, second, millis);
    time = local.getTime();
  } else {
    const offset = parseOffsetMinutes(m[8]);
    if (offset === undefined) return undefined;
    time = utcInstant(year, month ?? 1, day ?? 1, hour, minute, second, millis) - offset * 60_000;
  }
  if (Number.isNaN(time)) return undefined;
  return { date: new Date(time), precision: 'time', year, month, day };
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: string;
  minute: string;
  second: string;
  zoneName: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zonedFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

function zonedParts(date: Date, timeZone: string | undefined): ZonedParts {
  const parts = zonedFormatter(timeZone).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: get('hour').padStart(2, '0'),
    minute: get('minute').padStart(2, '0'),
    second: get('second').padStart(2, '0'),
    zoneName: get('timeZoneName'),
  };
}

function dayMonthYear(day: number, month: number, year: number): string {
  return `${String(day).padStart(2, '0')}-${MONTHS[month - 1]}-${String(year).padStart(4, '0')}`;
}

function formatPartialDate(parsed: ParsedFhirDate): string | undefined {
  const year = String(parsed.year).padStart(4, '0');
  if (parsed.precision === 'year') return year;
  if (parsed.precision === 'month') return `${MONTHS[(parsed.month ?? 1) - 1]}-${year}`;
  if (parsed.precision === 'day') return dayMonthYear(parsed.day ?? 1, parsed.month ?? 1, parsed.year);
  return undefined;
}

/** `24-Nov-2026`; `Feb-2024` and `2024` for partial dates; date-only values never shift by zone. */
export function formatDate(iso: string | undefined, opts: FormatOptions = {}): string {
  const parsed = parseFhirDate(iso);
  if (!parsed) return UNKNOWN_DATE;
  const partial = formatPartialDate(parsed);
  if (partial !== undefined) return partial;
  const z = zonedParts(parsed.date, opts.timeZone);
  return dayMonthYear(z.day, z.month, z.year);
}

/** `24-Nov-2026 14:32` (24-hour); values without a time are formatted as by {@link formatDate}. */
export function formatDateTime(iso: string | undefined, opts: FormatOptions = {}): string {
  const parsed = parseFhirDate(iso);
  if (!parsed) return UNKNOWN_DATE;
  const partial = formatPartialDate(parsed);
  if (partial !== undefined) return partial;
  const z = zonedParts(parsed.date, opts.timeZone);
  return `${dayMonthYear(z.day, z.month, z.year)} ${z.hour}:${z.minute}`;
}

/** `14:32`, 24-hour with leading zeros. */
export function formatTime(date: Date, opts: FormatOptions = {}): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return 'Unknown time';
  const z = zonedParts(date, opts.timeZone);
  return `${z.hour}:${z.minute}`;
}

/**
 * Full wording for a hover/focus title: `24-Nov-2026 14:32:05 GMT`, or the date with its precision
 * (`24-Nov-2026 (date only)`, `Feb-2024 (month only)`, `2024 (year only)`).
 */
export function formatExact(iso: string | undefined, opts: FormatOptions = {}): string {
  const parsed = parseFhirDate(iso);
  if (!parsed) return typeof iso === 'string' && iso.trim() !== '' ? `${UNKNOWN_DATE} ("${iso}")` : UNKNOWN_DATE;
  const partial = formatPartialDate(parsed);
  if (partial !== undefined) return `${partial} (${parsed.precision === 'day' ? 'date' : parsed.precision} only)`;
  const z = zonedParts(parsed.date, opts.timeZone);
  return `${dayMonthYear(z.day, z.month, z.year)} ${z.hour}:${z.minute}:${z.second} ${z.zoneName}`.trim();
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** How long ago, in words: "3 minutes ago", "20 hours ago", "2 days ago". */
export function formatRelativeAge(ms: number): string {
  if (!Number.isFinite(ms)) return 'at an unknown time';
  if (ms < -60_000) return 'in the future (clocks disagree)';
  if (ms < 60_000) return 'less than a minute ago';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${plural(hours, 'hour')} ago`;
  return `${plural(Math.floor(hours / 24), 'day')} ago`;
}

/** `943 476 5919`; anything that is not ten digits is returned trimmed and unchanged. */
export function formatNhsNumber(value: string | undefined): string {
  if (typeof value !== 'string') return '';
  const digits = value.replace(/\s+/g, '');
  if (!/^\d{10}$/.test(digits)) return value.trim();
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/** On a tie in time, the more precise date is the newer one. */
export const PRECISION_RANK: Readonly<Record<DatePrecision, number>> = { year: 0, month: 1, day: 2, time: 3 };

/**
 * Sort comparator, newest first. Partial dates sort by their first day; on a tie the more precise
 * value comes first. Missing or invalid dates go last.
 */
export function compareIsoDesc(a: string | undefined, b: string | undefined): number {
  const pa = parseFhirDate(a);
  const pb = parseFhirDate(b);
  if (!pa || !pb) return pa ? -1 : pb ? 1 : 0;
  const diff = pb.date.getTime() - pa.date.getTime();
  if (diff !== 0) return diff < 0 ? -1 : 1;
  return PRECISION_RANK[pb.precision] - PRECISION_RANK[pa.precision];
}
