/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a response body. `JSON.parse` only creates own properties (a `"__proto__"` key stays an
 * ordinary key), so parsed HIE data cannot reach `Object.prototype` as long as it is never merged
 * into other objects. Undefined when the text is not JSON.
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Freezes a parsed body in place. One parsed body can be shared by several callers (identical
 * concurrent requests), so none of them may change what the others see.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
