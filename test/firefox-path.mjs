import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Finds a locally installed Firefox (ESR on Debian): `FIREFOX_PATH`, then the usual places, then
 * `firefox-esr` or `firefox` on the PATH. Browsers are never downloaded. Returns undefined when there is
 * none: the caller decides whether that is allowed (developer machine) or an error (CI).
 */
export function firefoxPath() {
  if (process.env.FIREFOX_PATH) {
    if (!existsSync(process.env.FIREFOX_PATH)) {
      throw new Error(`FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, which does not exist.`);
    }
    return process.env.FIREFOX_PATH;
  }
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => [join(dir, 'firefox-esr'), join(dir, 'firefox')]);
  return [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
    ...onPath,
  ].find((p) => existsSync(p));
}
