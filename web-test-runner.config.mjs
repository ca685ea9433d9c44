import { readdirSync, statSync, readFileSync, existsSync } from 'node:fs';
import { resolve, relative, join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './test/summary-reporter.mjs';
import { reactEsm } from './test/react-esm.mjs';
import { chromePath, chromeArgs } from './test/chrome-path.mjs';
import { firefoxPath } from './test/firefox-path.mjs';

/** The shared FHIR example corpus lives beside the repository; it is read in place, never copied. */
const examplesDir = resolve(process.env.FHIR_EXAMPLES_DIR ?? '../shared/fhir-examples');

function listJson(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listJson(full);
    return name.endsWith('.json') ? [relative(examplesDir, full)] : [];
  });
}

/** Serves the example corpus at /__fhir-examples/ and its file list at /__fhir-examples/index.json. */
function fhirExamplesMiddleware(context, next) {
  if (!context.path.startsWith('/__fhir-examples/')) return next();
  const rel = decodeURIComponent(context.path.slice('/__fhir-examples/'.length));
  if (rel === 'index.json') {
    context.type = 'application/json';
    context.body = JSON.stringify({ dir: examplesDir, files: listJson(examplesDir) });
    return undefined;
  }
  const file = resolve(examplesDir, rel);
  if (!file.startsWith(examplesDir) || !existsSync(file)) {
    context.status = 404;
    return undefined;
  }
  context.type = 'application/json';
  context.body = readFileSync(file);
  return undefined;
}

/** The msw worker must be served from the root so its scope covers the test pages. */
function mswWorkerMiddleware(context, next) {
  if (context.path === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
  return next();
}

/** The policy a careful host serves (README "Content-Security-Policy"); the CSP test page runs under it. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "connect-src 'self' https://hie.example",
].join('; ');

async function strictCspMiddleware(context, next) {
  await next();
  if (['/test/csp/csp-host.html', '/test/bundle/cdn-host.html'].includes(context.path)) context.set('Content-Security-Policy', STRICT_CSP);
}

/**
 * The browsers: Chromium and Firefox ESR, both installed on the machine (never downloaded; puppeteer's
 * own download is turned off in .puppeteerrc.cjs). Every test runs in both.
 * `BROWSERS=chromium` or `BROWSERS=firefox` runs one of them (coverage is Chromium's V8 coverage only). Without Firefox, a developer machine runs
 * Chromium only and says so; with `REQUIRE_FIREFOX=1` (CI) a missing Firefox is an error.
 */
const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',').map((b) => b.trim().toLowerCase());
const unknown = wanted.filter((b) => b !== 'chromium' && b !== 'firefox');
if (unknown.length) throw new Error(`BROWSERS may name chromium and firefox, not: ${unknown.join(', ')}`);

const chromium = wanted.includes('chromium')
  ? chromeLauncher({ launchOptions: { executablePath: chromePath(), headless: true, args: chromeArgs } })
  : undefined;

let firefox;
if (wanted.includes('firefox')) {
  const executablePath = firefoxPath();
  if (executablePath) {
    firefox = puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath, headless: true },
    });
  } else if (process.env.REQUIRE_FIREFOX === '1') {
    throw new Error(
      'REQUIRE_FIREFOX=1 but no Firefox found. Install it (Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH.',
    );
  } else {
    const warning =
      '*** Firefox not found: the tests ran in CHROMIUM ONLY. Install Firefox ESR ' +
      '(Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH to run them in Firefox too. ***';
    // Once before the run and once after it, beside the counts (the progress display redraws in between).
    process.stdout.write(`\n${warning}\n\n`);
    process.once('exit', () => process.stdout.write(`${warning}\n`));
  }
}
const allBrowsers = [chromium, firefox].filter(Boolean);
if (allBrowsers.length === 0) throw new Error('No browser to run the tests in.');

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  rootDir: '.',
  // One page at a time in each browser: a background tab gets no animation frames, which virtual lists
  // and fixtures need. Chromium and Firefox run side by side, each with its one foreground page.
  concurrency: 1,
  testsFinishTimeout: 20 * 60 * 1000,
  testFramework: { config: { timeout: 20000 } },
  middleware: [strictCspMiddleware, mswWorkerMiddleware, fhirExamplesMiddleware],
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [reactEsm, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: allBrowsers,
  coverageConfig: {
    include: ['src/**/*.ts'],
    report: true,
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcov', 'json-summary'],
  },
};
