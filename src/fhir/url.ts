import { HieError } from './errors.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks and normalises the FHIR base URL: absolute, https (plain http only for a loopback mock
 * HIE, because the bearer token would otherwise cross the network in clear), no query or
 * fragment, no trailing slash.
 */
export function normaliseBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(String(baseUrl).trim());
  } catch {
    throw new HieError('invalid-input', 'The HIE base URL is not an absolute URL.');
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure) {
    throw new HieError('invalid-input', 'The HIE base URL must use https (http is allowed for localhost only).');
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new HieError('invalid-input', 'The HIE base URL must not contain a query, fragment or user name.');
  }
  return url.href.replace(/\/+$/, '');
}

/** Resolves `href` (absolute, or relative to the base) against the base URL. Undefined if unusable. */
export function resolveOnBase(href: string, baseUrl: string): URL | undefined {
  try {
    return new URL(href, `${baseUrl}/`);
  } catch {
    return undefined;
  }
}
