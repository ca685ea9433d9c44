// Regenerates the README's screenshot of the demo's record: `node scripts/screenshot.mjs`
// (options: --out docs/record-at-a-glance.png --width 1440 --height 900 --patient mock-rich-record
// --density compact --full-page --forced-colors). Starts the demo's dev server on a free port, opens the page in the
// machine's Chromium (playwright-core never downloads a browser), waits until every pod has settled.
import { startDevServer } from '@web/dev-server';
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { chromePath } from '../test/chrome-path.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const out = resolve(option('out', 'docs/record-at-a-glance.png'));
const width = Number(option('width', 1440));
const height = Number(option('height', 900));
const patient = option('patient', 'mock-rich-record');
const density = option('density', 'compact');
const fullPage = args.includes('--full-page');
const forcedColors = args.includes('--forced-colors');

const config = (await import('../demo/dev-server.config.mjs')).default;
const server = await startDevServer({
  config: { ...config, port: 0, hostname: '127.0.0.1', middleware: config.middleware, plugins: [config.plugins[0]] },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const port = server.server.address().port;
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? chromePath(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width, height } });
  if (forcedColors) await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`http://127.0.0.1:${port}/?patient=${encodeURIComponent(patient)}`);
  await page.waitForFunction(
    (wanted) => {
      const record = document.querySelector('care-record');
      if (!record?.shadowRoot) return false;
      record.setAttribute('density', wanted);
      const pods = [...record.shadowRoot.querySelectorAll('.pod-body > *')];
      return pods.length > 0 && pods.every((p) => !['idle', 'loading'].includes(p.state) && !p.shadowRoot?.querySelector('[aria-busy="true"]'));
    },
    density,
    { timeout: 60_000, polling: 200 },
  );
  await page.waitForTimeout(300); // a frame for the lists after the last state change
  await page.screenshot({ path: out, fullPage });
  console.log(`wrote ${out} (${width}×${height}, ${patient}, ${density})`);
} finally {
  await browser.close();
  await server.stop();
}
