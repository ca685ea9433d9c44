import { existsSync } from 'node:fs';

/**
 * Finds a locally installed Firefox (ESR on Debian); browsers are never downloaded. Returns undefined
 * when there is none: the caller decides whether that is allowed (developer machine) or fatal (CI).
 */
export function firefoxPath() {
  if (process.env.FIREFOX_PATH) {
    if (!existsSync(process.env.FIREFOX_PATH)) {
      throw new Error(`FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, which does not exist.`);
    }
    return process.env.FIREFOX_PATH;
  }
  return [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
  ].find((p) => existsSync(p));
}
