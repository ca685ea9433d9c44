import type { Organization, Resource } from '@medplum/fhirtypes';
import { FEED_EXTENSION_URL } from '../fhir/hie-contract.js';
import type { FeedMode, FreshnessInfo } from './record-types.js';
import { formatDateTime, formatExact, formatRelativeAge, parseFhirDate, type FormatOptions } from './format.js';
import { asNumber, asRecord, asRecords, asString, pick, type JsonRecord, lookupTable } from './json-guards.js';

/** A batch feed that does not say how often it arrives is expected at least daily. */
export const DEFAULT_BATCH_INTERVAL_MS = 24 * 60 * 60 * 1000;

const UNIT_MS: Record<string, number> = lookupTable({
  ms: 1,
  s: 1000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  wk: 7 * 86_400_000,
});

/** A FHIR Duration in ms; undefined unless both value and a known time unit are present. */
export function durationMs(duration: unknown): number | undefined {
  const record = asRecord(duration);
  const value = asNumber(record?.['value']);
  const unit = asString(record?.['code']) ?? asString(record?.['unit']);
  const factor = unit === undefined ? undefined : UNIT_MS[unit];
  if (value === undefined || value < 0 || factor === undefined) return undefined;
  return value * factor;
}

function feedExtension(organization: Organization | undefined): JsonRecord | undefined {
  return asRecords(asRecord(organization)?.['extension']).find(
    (extension) => asString(extension['url']) === FEED_EXTENSION_URL,
  );
}

function subExtension(feed: JsonRecord | undefined, url: string): JsonRecord | undefined {
  return asRecords(feed?.['extension']).find((extension) => asString(extension['url']) === url);
}

function feedMode(value: unknown): FeedMode {
  return value === 'live' || value === 'batch' ? value : 'unknown';
}

interface Feed {
  mode: FeedMode;
  lastReceivedRaw: string | undefined;
  lastReceived: ReturnType<typeof parseFhirDate>;
  expectedIntervalMs: number | undefined;
  schedule: string | undefined;
}

/**
 * The feed extension, read once per Organization: a long record names the same few sources many
 * times. Only frozen objects (HIE responses are frozen) are remembered, so a changed object is never
 * read stale; a refresh brings new objects. The age of a batch is still judged against `now` each time.
 */
const feeds = new WeakMap<object, Feed>();

function feedOf(organization: Organization | undefined): Feed {
  const cached = organization ? feeds.get(organization) : undefined;
  if (cached) return cached;
  const feed = feedExtension(organization);
  const lastReceivedRaw = asString(subExtension(feed, 'lastReceived')?.['valueDateTime']);
  const read: Feed = {
    mode: feedMode(asString(subExtension(feed, 'mode')?.['valueCode'])),
    lastReceivedRaw,
    lastReceived: parseFhirDate(lastReceivedRaw),
    expectedIntervalMs: durationMs(subExtension(feed, 'expectedInterval')?.['valueDuration']),
    schedule: asString(subExtension(feed, 'schedule')?.['valueString']),
  };
  if (organization && typeof organization === 'object' && Object.isFrozen(organization)) feeds.set(organization, read);
  return read;
}

/**
 * Freshness from the item's `meta.lastUpdated` and its organisation's feed extension. A batch feed
 * is possibly out of date when its last batch is older than expected, or when it does not say when
 * the last batch arrived (we cannot tell, so we warn).
 */
/** Clock differences up to this are normal between systems and not a sign of bad data. */
const CLOCK_SKEW_TOLERANCE_MS = 5 * 60_000;

export function resolveFreshness(
  resource: Resource,
  organization: Organization | undefined,
  now: Date,
): FreshnessInfo {
  const lastUpdatedRaw = asString(pick(resource, 'meta', 'lastUpdated'));
  const { mode, lastReceivedRaw, lastReceived, expectedIntervalMs, schedule } = feedOf(organization);

  let possiblyOutOfDate = false;
  if (mode === 'batch') {
    const age = lastReceived ? now.getTime() - lastReceived.date.getTime() : undefined;
    // A load time in the future means the clocks disagree, so the age cannot be told: warn.
    possiblyOutOfDate =
      age === undefined || age > (expectedIntervalMs ?? DEFAULT_BATCH_INTERVAL_MS) || age < -CLOCK_SKEW_TOLERANCE_MS;
  }
  return {
    lastUpdated: parseFhirDate(lastUpdatedRaw) ? lastUpdatedRaw : undefined,
    feed: mode,
    lastReceived: lastReceived ? lastReceivedRaw : undefined,
    expectedIntervalMs,
    schedule,
    possiblyOutOfDate,
  };
}

function intervalWords(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 24 && Number.isInteger(hours / 24)) return hours === 24 ? 'daily' : `every ${hours / 24} days`;
  if (hours >= 1 && Number.isInteger(hours)) return hours === 1 ? 'hourly' : `every ${hours} hours`;
  const minutes = Math.round(ms / 60_000);
  return `every ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

const OUT_OF_DATE = ' — may be out of date';

/**
 * Freshness in words, never colour alone: `text` for the row, `detail` for a title or expanded view.
 * e.g. "Live feed · updated 24-Nov-2026 14:32", "Batch feed (twice daily) · last received 20 hours
 * ago — may be out of date", "Freshness not recorded".
 */
export function describeFreshness(
  f: FreshnessInfo,
  now: Date,
  opts: FormatOptions = {},
): { text: string; detail: string } {
  const updated = f.lastUpdated ? `Item last updated in the HIE ${formatExact(f.lastUpdated, opts)}.` : '';
  if (f.feed === 'live') {
    return {
      text: f.lastUpdated ? `Live feed · updated ${formatDateTime(f.lastUpdated, opts)}` : 'Live feed',
      detail: `This source sends changes to the HIE as they happen. ${updated}`.trim(),
    };
  }
  if (f.feed === 'batch') {
    const cadence = f.schedule ?? (f.expectedIntervalMs !== undefined ? intervalWords(f.expectedIntervalMs) : undefined);
    const label = cadence ? `Batch feed (${cadence})` : 'Batch feed';
    const warning = f.possiblyOutOfDate ? OUT_OF_DATE : '';
    const received = parseFhirDate(f.lastReceived);
    if (!received) {
      return {
        text: `${label} · last received time not recorded${warning}`,
        detail: `This source sends its data to the HIE in batches, and the HIE did not say when the last batch arrived. Changes since then are not shown. ${updated}`.trim(),
      };
    }
    return {
      text: `${label} · last received ${formatRelativeAge(now.getTime() - received.date.getTime())}${warning}`,
      detail: `This source sends its data to the HIE in batches; the last batch arrived ${formatExact(f.lastReceived, opts)}. Changes made since then are not shown. ${updated}`.trim(),
    };
  }
  return {
    text: 'Freshness not recorded',
    detail: `The HIE did not say how or when this source sends its data. ${updated}`.trim(),
  };
}
