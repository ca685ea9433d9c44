/**
 * Milliseconds to wait according to a `Retry-After` header (delay-seconds or HTTP-date).
 * Undefined when the header is absent or malformed, so the caller falls back to its own back-off.
 */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (header == null) return undefined;
  const value = header.trim();
  if (/^[0-9]+$/.test(value)) return Number(value) * 1000;
  // Date.parse accepts many shapes; an HTTP-date always names a weekday and "GMT".
  if (!/^[A-Za-z]{3}, .+ GMT$/.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
