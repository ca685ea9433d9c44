/**
 * Every mock timestamp is an offset from "now", so the demo and the tests always see the same ages
 * (e.g. a batch feed last received 20 hours ago) whenever they run.
 */
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export function hoursAgo(now: Date, hours: number): string {
  return new Date(now.getTime() - hours * HOUR_MS).toISOString();
}

export function daysAgo(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** Calendar date only (`YYYY-MM-DD`), as clinical start/end dates usually are. */
export function dateDaysAgo(now: Date, days: number): string {
  return daysAgo(now, days).slice(0, 10);
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so large records are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
