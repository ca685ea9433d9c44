/**
 * Page sizes (see bench/README.md, "Latency"). The first page is small enough to be read and shown
 * at once, and 100 rather than 50 because halving it saves little of a round trip's time while a
 * record of 51–100 items would then cost a second one. Later pages are as large as FHIR servers
 * commonly allow, so 1,000 items cost 2 round trips, not 10.
 */
export const FIRST_PAGE_SIZE = 100;
export const LATER_PAGE_SIZE = 1000;

/**
 * Next links whose position is an item offset, so their page size can change without skipping or
 * repeating items: HAPI (`_getpagesoffset`), Medplum and others (`_offset`). Page-numbered links
 * (`page`, `_page`) and opaque cursors are followed as sent: resizing them would skip items.
 */
const OFFSET_PARAMS = ['_getpagesoffset', '_offset'];

/** `next` with `_count` raised to `size`, when the link allows it; otherwise `next` unchanged. */
export function resizedNextPage(next: string, size: number): string {
  let url: URL;
  try {
    url = new URL(next);
  } catch {
    return next;
  }
  const count = url.searchParams.get('_count');
  const offset = OFFSET_PARAMS.map((name) => url.searchParams.get(name)).find((value) => value !== null);
  if (count === null || !/^\d+$/.test(count) || offset === undefined || !/^\d+$/.test(offset ?? '')) return next;
  if (Number(count) >= size) return next;
  url.searchParams.set('_count', String(size));
  return url.href;
}
