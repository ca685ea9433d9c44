/** Headless Chromium through puppeteer-core, with the test runner's flags; never downloads a browser. */
import puppeteer from 'puppeteer-core';
import { chromePath, chromeArgs } from '../../test/chrome-path.mjs';

export async function launch() {
  return puppeteer.launch({
    executablePath: chromePath(),
    headless: true,
    args: [...chromeArgs, '--js-flags=--expose-gc'],
    defaultViewport: { width: 1280, height: 900 },
    protocolTimeout: 180_000,
  });
}

/** Opens a bench page and waits for `window.benchReady`; page errors are collected, console errors too. */
export async function openPage(browser, url, { log = (m) => console.error(m) } = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (process.env.BENCH_VERBOSE) log(`[page] ${m.text()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction('window.benchReady === true', { timeout: 60_000 });
  const cdp = await page.createCDPSession();
  return {
    page,
    cdp,
    errors,
    async gc() {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
    },
  };
}
