#!/usr/bin/env node
/**
 * Storybook smoke test: opens every story of the static build (storybook-static/, from
 * `npm run build-storybook`) in headless Chromium and fails on
 *   - a console error, or an uncaught exception / unhandled rejection in the page,
 *   - a story that does not render, or whose play function fails (each story's play function waits
 *     for its widgets to settle and checks the state they show: see stories/support/widget-stories.ts),
 *   - a widget still "loading" after its story finished (except stories that hold it open on purpose,
 *     `parameters.smoke.expectLoading`),
 *   - an axe-core violation of serious or critical impact in the story root (shadow DOM included).
 * It also opens every docs page (autodocs and MDX), where a component's stories render side by side in
 * one page, and fails on console errors and exceptions there and on any widget whose final state there
 * differs from the state the same story ends in when it runs alone (where its play function checked
 * it): each story's widgets must reach that state (ready, empty, error… or loading for the stories that
 * hold it open) on the docs page too, so one story's mock behaviour cannot leak into its neighbours.
 * Widgets that belong to no story must not stay loading.
 *
 * Usage: node scripts/storybook-smoke.mjs [--dir storybook-static | --url http://localhost:6006]
 *        [--concurrency 3] [--only <id text>] [--no-docs] [--verbose]
 * Environment: CHROME_PATH (else the usual Chromium/Chrome locations; a browser is never downloaded),
 * SMOKE_CONCURRENCY (default 3).
 * Prints the count per component and "Storybook smoke: N stories checked, M failed"; exits 1 on failure.
 *
 * Each worker keeps one page and switches stories through Storybook's own channel (as Storybook's
 * test runner does), so the preview bundle loads once per worker; after a failed story the page is
 * reloaded, so one failure cannot leak into the next story.
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromeArgs, chromePath } from '../test/chrome-path.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

const { values: options } = parseArgs({
  options: {
    dir: { type: 'string', default: 'storybook-static' },
    url: { type: 'string' },
    concurrency: { type: 'string', default: process.env.SMOKE_CONCURRENCY ?? '3' },
    only: { type: 'string' },
    'no-docs': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

const STORY_TIMEOUT_MS = 60_000;
/** A docs page renders every story of a component at once (the large records too) on a busy machine. */
const DOCS_SETTLE_MS = 120_000;
const FAIL_IMPACTS = new Set(['serious', 'critical']);

/**
 * The one known-benign message, ignored explicitly: Chromium reports "ResizeObserver loop completed
 * with undelivered notifications" when a virtual list re-measures within one frame; no callback is
 * lost. Nothing else is ignored.
 */
const BENIGN = [/ResizeObserver loop (completed with undelivered notifications|limit exceeded)/];

/**
 * The mock HIE's origins. Chromium logs "Failed to load resource: … status of 403/500" for every HTTP
 * error *response*, including those the mock HIE sends on purpose in the forbidden, unauthorized and
 * error stories. They are the HIE answers under test, not errors of the page's code: they are counted
 * (listed with --verbose). The same message for any other origin (a missing script or asset) fails.
 */
const MOCK_HIE_ORIGINS = ['https://hie.example/', 'https://unreachable-hie.example/'];

const dir = resolve(root, options.dir);
if (!options.url && !existsSync(join(dir, 'index.json'))) {
  console.error(`Storybook smoke: ${dir}/index.json not found. Run npm run build-storybook first.`);
  process.exit(1);
}

async function loadPuppeteer() {
  try {
    return (await import('puppeteer-core')).default;
  } catch {
    // Installed with @web/test-runner-chrome; resolve it from there if it is not hoisted.
    const fromRunner = createRequire(require.resolve('@web/test-runner-chrome/package.json'));
    return (await import(fromRunner.resolve('puppeteer-core'))).default;
  }
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** A static file server for the build, on a free local port. */
function serve(directory) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(directory, path));
    if (file !== directory && !file.startsWith(directory + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/**
 * Runs in the page before Storybook: keeps Storybook's channel (window.__smoke.channel) and records
 * each story's end (STORY_FINISHED, with its reports), exceptions and docs renders.
 */
function hookStorybookChannel() {
  const seen = new WeakSet();
  let current;
  window.__smoke = { channel: undefined, finished: undefined, playErrors: [], docsRendered: false };
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => current,
    set(channel) {
      current = channel;
      if (!channel || seen.has(channel)) return;
      seen.add(channel);
      window.__smoke.channel = channel;
      const error = (e) => window.__smoke.playErrors.push(e?.message ?? e?.title ?? String(e));
      channel.on('storyFinished', (e) => (window.__smoke.finished = e));
      channel.on('playFunctionThrewException', error);
      channel.on('storyThrewException', error);
      channel.on('storyErrored', error);
      channel.on('storyMissing', (id) => error({ message: `story ${id} is missing` }));
      channel.on('docsRendered', () => (window.__smoke.docsRendered = true));
    },
  });
}

/** First line of a message, capped: testing-library errors append a dump of the whole DOM. */
function brief(text) {
  const line = String(text).split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** A page whose console and exceptions are attributed to the entry it is showing now. */
async function openPage(browser) {
  const page = await browser.newPage();
  const watched = { page, result: undefined, loaded: false };
  page.on('console', (msg) => {
    const result = watched.result;
    if (!result || msg.type() !== 'error') return;
    const text = msg.text();
    if (BENIGN.some((re) => re.test(text))) return;
    const url = msg.location()?.url ?? '';
    if (text.startsWith('Failed to load resource') && MOCK_HIE_ORIGINS.some((o) => url.startsWith(o))) {
      result.hieAnswers.push(`${text} ${url}`);
      return;
    }
    result.problems.push(`console error: ${brief(text)}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (error) => {
    const text = error?.message ?? String(error);
    if (watched.result && !BENIGN.some((re) => re.test(text))) watched.result.problems.push(`uncaught: ${brief(text)}`);
  });
  await page.evaluateOnNewDocument(hookStorybookChannel);
  return watched;
}

function newResult(entry) {
  return { entry, problems: [], hieAnswers: [], minor: [], addonA11y: [], widgets: [] };
}

/** Shows the story: the first time by loading iframe.html, then through Storybook's channel. */
async function showStory(watched, base, entry) {
  const { page } = watched;
  if (!watched.loaded) {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story`, { waitUntil: 'load' });
    watched.loaded = true;
  } else {
    await page.evaluate((storyId) => {
      window.__smoke.finished = undefined;
      window.__smoke.playErrors = [];
      window.__smoke.channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
    }, entry.id);
  }
  await page.waitForFunction(
    (storyId) =>
      window.__smoke?.finished?.storyId === storyId ||
      window.__smoke?.playErrors.length > 0 ||
      document.body.classList.contains('sb-show-errordisplay'),
    { timeout: STORY_TIMEOUT_MS, polling: 100 },
    entry.id,
  );
  // A failed play function still finishes the story; wait for that (its reports) briefly.
  await page
    .waitForFunction((storyId) => window.__smoke.finished?.storyId === storyId, { timeout: 5_000, polling: 100 }, entry.id)
    .catch(() => {});
}

async function checkStory(watched, base, entry, axeSource) {
  const result = newResult(entry);
  const { problems } = result;
  watched.result = result;
  const { page } = watched;
  try {
    await showStory(watched, base, entry);
    const state = await page.evaluate(() => {
      const render = window.__STORYBOOK_PREVIEW__?.currentRender;
      const all = (root) => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
      const storyRoot = document.querySelector('#storybook-root') ?? document.body;
      const widgets = all(storyRoot).filter((el) => el.localName.startsWith('care-record-') && el.hasAttribute('state'));
      return {
        finished: window.__smoke.finished,
        playErrors: window.__smoke.playErrors,
        errorDisplay: document.body.classList.contains('sb-show-errordisplay')
          ? document.querySelector('#error-message')?.textContent?.trim() || 'Storybook showed its error display'
          : undefined,
        expectLoading: Boolean(render?.story?.parameters?.smoke?.expectLoading),
        widgets: widgets.map((el) => ({ tag: el.localName, state: el.getAttribute('state') })),
      };
    });
    result.widgets = state.widgets;
    if (state.errorDisplay) problems.push(`story did not render: ${brief(state.errorDisplay)}`);
    for (const message of state.playErrors) problems.push(`play function: ${brief(message)}`);
    // Storybook's own reports: the a11y addon's axe run (all impacts: listed; the axe run below
    // decides), and any other reporter, which fails the story.
    for (const report of state.finished?.reporters ?? []) {
      if (report.status !== 'failed') continue;
      if (report.type === 'a11y') {
        for (const v of report.result?.violations ?? []) result.addonA11y.push(`${v.impact}: ${v.id}`);
        if (report.result?.error) problems.push(`a11y addon could not run: ${brief(report.result.error.message ?? report.result.error)}`);
      } else if (state.playErrors.length === 0) {
        problems.push(`story reported failure: ${report.type}`);
      }
    }
    if (!state.expectLoading) {
      const stuck = state.widgets.filter((w) => w.state === 'loading');
      if (stuck.length) problems.push(`still loading after the story finished: ${stuck.map((w) => w.tag).join(', ')}`);
    }
    if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const results = await window.axe.run(document.querySelector('#storybook-root') ?? document.body, {
        resultTypes: ['violations'],
      });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
      }));
    });
    for (const v of violations) {
      const line = `${v.impact}: ${v.id} (${v.help}) at ${v.targets.join(', ')}`;
      if (FAIL_IMPACTS.has(v.impact)) problems.push(`axe ${line}`);
      else result.minor.push(line);
    }
  } catch (error) {
    problems.push(`did not finish: ${brief(error?.message ?? error)}`);
  }
  watched.result = undefined;
  return result;
}

/**
 * Runs in the docs page: every widget (shadow DOM included, so <care-record>'s pods too) with its
 * state and the story it belongs to (the story block's `#anchor--<id>` / `#anchor--primary--<id>`).
 */
function docsWidgets() {
  const all = (root) => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
  // The primary story is shown twice (at the top and in the list): each block is compared on its own.
  const blockOf = (el) => {
    for (let node = el; node; node = node.parentElement ?? node.getRootNode()?.host) {
      const match = node.id?.match(/^anchor--(?:primary--)?(.+)$/);
      if (match) return { block: match[0], storyId: match[1] };
    }
    return { block: undefined, storyId: undefined };
  };
  const docsRoot = document.querySelector('#storybook-docs') ?? document.body;
  return all(docsRoot)
    .filter((el) => el.localName.startsWith('care-record-') && el.hasAttribute('state'))
    .map((el) => ({ tag: el.localName, state: el.getAttribute('state'), ...blockOf(el) }));
}

const widgetKey = (widgets) => widgets.map((w) => `${w.tag}:${w.state}`).sort().join(' ');

/**
 * `expected`: story id → the widgets' final states when the story ran alone (stories that failed
 * alone are left out: they are reported already, and their state there proves nothing).
 */
async function checkDocs(watched, base, entry, expected) {
  const result = newResult(entry);
  watched.result = result;
  const { page } = watched;
  try {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs`, { waitUntil: 'load' });
    await page.waitForFunction(
      () => window.__smoke?.docsRendered || document.body.classList.contains('sb-show-errordisplay'),
      { timeout: STORY_TIMEOUT_MS, polling: 100 },
    );
    if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
      const message = await page.evaluate(() => document.querySelector('#error-message')?.textContent?.trim());
      result.problems.push(`docs page did not render: ${brief(message)}`);
    }
    // Wait until every story's widgets show what they show alone, and no other widget is loading; then
    // report whatever still differs.
    const byStory = (widgets) => {
      const groups = new Map();
      for (const w of widgets) groups.set(w.block, [...(groups.get(w.block) ?? []), w]);
      return groups;
    };
    const mismatches = (widgets) => {
      const found = [];
      for (const group of byStory(widgets).values()) {
        const { storyId } = group[0];
        const alone = storyId === undefined ? undefined : expected.get(storyId);
        if (alone) {
          if (widgetKey(group) !== widgetKey(alone)) {
            found.push(`${storyId}: ${widgetKey(group) || 'no widget'} on the docs page, ${widgetKey(alone) || 'no widget'} when the story runs alone`);
          }
        } else {
          for (const w of group.filter((g) => g.state === 'loading')) found.push(`<${w.tag}> ${storyId ? `in ${storyId} ` : ''}still loading`);
        }
      }
      return found;
    };
    const deadline = Date.now() + DOCS_SETTLE_MS;
    let widgets = await page.evaluate(docsWidgets);
    while (mismatches(widgets).length && Date.now() < deadline) {
      await new Promise((ok) => setTimeout(ok, 500));
      widgets = await page.evaluate(docsWidgets);
    }
    for (const m of mismatches(widgets)) result.problems.push(`after ${DOCS_SETTLE_MS / 1000} s: ${m}`);
    result.widgets = widgets;
    // A story with widgets whose block is missing from the page is not checked there: say so.
    const shown = new Set(widgets.map((w) => w.storyId));
    result.unseen = [...expected.keys()].filter((id) => id.startsWith(`${entry.id.replace(/--docs$/, '')}--`) && !shown.has(id));
  } catch (error) {
    result.problems.push(`did not finish: ${brief(error?.message ?? error)}`);
  }
  watched.result = undefined;
  return result;
}

/** `size` workers, each with its own page, take entries in turn. */
async function pool(browser, items, size, check) {
  const results = [];
  let next = 0;
  const workers = Array.from({ length: Math.min(size, items.length) }, async () => {
    let watched = await openPage(browser);
    while (next < items.length) {
      const result = await check(watched, items[next++]);
      results.push(result);
      if (result.problems.length) {
        // A fresh page after a failure, so nothing of it leaks into the next story.
        await watched.page.close().catch(() => {});
        watched = await openPage(browser);
      }
    }
    await watched.page.close().catch(() => {});
  });
  await Promise.all(workers);
  return results;
}

// --url checks a running Storybook (e.g. `npm run storybook`) instead of serving the static build.
const index = options.url
  ? await (await fetch(new URL('index.json', options.url.replace(/\/?$/, '/')))).json()
  : JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const entries = Object.values(index.entries).filter((e) => !options.only || e.id.includes(options.only));
const stories = entries.filter((e) => e.type === 'story');
const docs = options['no-docs'] ? [] : entries.filter((e) => e.type === 'docs');
if (stories.length + docs.length === 0) {
  console.error('Storybook smoke: nothing to check in index.json');
  process.exit(1);
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const started = Date.now();
const server = options.url ? undefined : await serve(dir);
const base = options.url ? options.url.replace(/\/$/, '') : `http://127.0.0.1:${server.address().port}`;
const puppeteer = await loadPuppeteer();
const browser = await puppeteer.launch({ executablePath: chromePath(), headless: true, args: chromeArgs });

let storyResults = [];
let docsResults = [];
let expected = new Map();
try {
  const concurrency = Math.max(1, Number(options.concurrency) || 1);
  storyResults = await pool(browser, stories, concurrency, (w, entry) => checkStory(w, base, entry, axeSource));
  expected = new Map(storyResults.filter((r) => !r.problems.length && r.widgets.length).map((r) => [r.entry.id, r.widgets]));
  docsResults = await pool(browser, docs, concurrency, (w, entry) => checkDocs(w, base, entry, expected));
} finally {
  await browser.close().catch(() => {});
  server?.close();
}

const order = new Map(stories.map((e, i) => [e.id, i]));
storyResults.sort((a, b) => order.get(a.entry.id) - order.get(b.entry.id));
const byTitle = new Map();
for (const r of storyResults) {
  const t = byTitle.get(r.entry.title) ?? { checked: 0, failed: 0 };
  t.checked += 1;
  if (r.problems.length) t.failed += 1;
  byTitle.set(r.entry.title, t);
}
const failedStories = storyResults.filter((r) => r.problems.length);
const failedDocs = docsResults.filter((r) => r.problems.length);
for (const r of [...failedStories, ...failedDocs]) {
  console.log(`✗ ${r.entry.id}`);
  for (const p of r.problems) console.log(`    ${p}`);
}
if (options.verbose) {
  for (const r of storyResults) {
    for (const a of r.hieAnswers) console.log(`  ${r.entry.id}: mock HIE answered ${a}`);
    for (const m of r.minor) console.log(`  ${r.entry.id}: axe ${m}`);
    for (const a of r.addonA11y) console.log(`  ${r.entry.id}: a11y addon ${a}`);
  }
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const hieAnswers = storyResults.reduce((n, r) => n + r.hieAnswers.length, 0);
const minor = storyResults.reduce((n, r) => n + r.minor.length, 0);
console.log('');
for (const [title, t] of byTitle) {
  const count = `${t.checked} ${t.checked === 1 ? 'story' : 'stories'}`;
  console.log(`  ${title.padEnd(40)} ${count.padStart(11)}${t.failed ? `, ${t.failed} failed` : ''}`);
}
console.log(
  `  (${hieAnswers} HTTP error answers from the mock HIE, as the stories asked; ${minor} axe findings of minor/moderate impact, not failing: --verbose lists them)`,
);
if (docs.length) {
  const docsWidgetCount = docsResults.reduce((n, r) => n + r.widgets.length, 0);
  const matched = docsResults.reduce((n, r) => n + r.widgets.filter((w) => w.storyId && expected.has(w.storyId)).length, 0);
  const unseen = docsResults.flatMap((r) => r.unseen ?? []);
  if (unseen.length && options.verbose) console.log(`  stories with widgets not on their docs page: ${unseen.join(', ')}`);
  console.log(
    `Storybook smoke: ${docs.length} docs pages checked (${docsWidgetCount} widgets, ${matched} compared with their story alone), ${failedDocs.length} failed`,
  );
}
console.log(`Storybook smoke: ${storyResults.length} stories checked, ${failedStories.length} failed (${seconds} s)`);
process.exit(failedStories.length || failedDocs.length ? 1 : 0);
