import type { FreshnessInfo, SourceInfo } from './record-types.js';
import { formatDate, formatTime, parseFhirDate } from './format.js';

/**
 * The short forms a compact row shows ("Riverside UHT · live · 07:45", "Elm Tree Surgery · batch ·
 * 20 h old ⚠"). The full wording stays in the row for screen readers and the expanded view; these
 * only save width, never leave a fact out: feed, age and the out-of-date mark are all still said.
 */

const LEGAL_SUFFIX = /\s+(NHS Foundation Trust|NHS Trust|Foundation Trust|NHS)$/i;
const ABBREVIATIONS: [RegExp, string][] = [[/\bUniversity Hospitals?\b/g, 'UH']];

/** A source's name without its legal suffix, common words shortened: "Riverside University Hospitals NHS Trust" → "Riverside UHT". */
export function shortSourceName(source: SourceInfo): string | undefined {
  const name = source.name?.trim();
  if (!name) return undefined;
  const trust = /\bTrust$/i.test(name);
  let short = name.replace(LEGAL_SUFFIX, '');
  for (const [pattern, abbreviation] of ABBREVIATIONS) short = short.replace(pattern, abbreviation);
  if (trust && /\bUH$/.test(short)) short = `${short}T`;
  return short.trim() || name;
}

function hoursOld(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 1) return `${Math.max(0, Math.floor(ms / 60_000))} min old`;
  if (hours < 48) return `${hours} h old`;
  return `${Math.floor(hours / 24)} d old`;
}

/** When an item was last updated: the time today, else its CUI date. */
function updatedShort(iso: string | undefined, now: Date): string | undefined {
  const parsed = parseFhirDate(iso);
  if (!parsed) return undefined;
  const sameDay = parsed.precision === 'time' && formatDate(iso) === formatDate(now.toISOString());
  return sameDay ? formatTime(parsed.date) : formatDate(iso);
}

/** "live · 07:45", "batch · 20 h old", "batch · age not recorded", "freshness not recorded"; `stale` says to mark it. */
export function shortFreshness(f: FreshnessInfo, now: Date): { text: string; stale: boolean } {
  if (f.feed === 'live') {
    const when = updatedShort(f.lastUpdated, now);
    return { text: when ? `live · ${when}` : 'live', stale: false };
  }
  if (f.feed === 'batch') {
    const received = parseFhirDate(f.lastReceived);
    const age = received ? hoursOld(now.getTime() - received.date.getTime()) : 'age not recorded';
    return { text: `batch · ${age}`, stale: f.possiblyOutOfDate };
  }
  return { text: 'freshness not recorded', stale: false };
}
