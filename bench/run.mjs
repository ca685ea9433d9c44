#!/usr/bin/env node
/**
 * `npm run bench` — issue 7: the cost of an element, measured side by side.
 *
 *   npm run bench                      sizes, render speed, network, memory (several runs each)
 *   npm run bench -- --quick           CI: sizes + one render size (N = 1,000), 3 runs
 *   npm run bench -- --only size,network
 *   npm run bench -- --root /tmp/copy  measure another checkout (e.g. a prototype) with these scripts
 *   npm run bench -- --strict          also fail when the render goal (10,000 items ≤ 100 ms) is missed
 *   npm run bench -- --out file.json   results elsewhere (default bench/results.json)
 *   npm run bench -- --only render --render-sizes 10000 --render-kinds medications --runs 5
 *                                      a narrower render run while working on speed
 *
 * Prints a table and writes bench/results.json. Exit code 1 on a size budget breach (and with
 * --strict on a missed render goal); the render, network and memory goals are reported.
 */
import { cpus, totalmem, loadavg, release, platform } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildLibrary, benchDir, repoDir } from './lib/build.mjs';
import { measureSizes, sizeTable, attributionTable, BUDGETS } from './size.mjs';
import { startServer } from './lib/server.mjs';
import { launch } from './lib/browser.mjs';
import { measureRender, RENDER_GOAL } from './render.mjs';
import { measureNetwork, FRAME_MS } from './network.mjs';
import { measureMemory, MEMORY_GOAL } from './memory.mjs';
import { fmtMs, fmtRatio, table } from './lib/stats.mjs';
import { checkoutRef, latencyTable, measureLatency } from './latency.mjs';

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    root: { type: 'string' },
    dist: { type: 'string' },
    strict: { type: 'boolean', default: false },
    out: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    'render-sizes': { type: 'string' },
    'render-kinds': { type: 'string' },
    runs: { type: 'string' },
    'latency-before': { type: 'string', default: '36f59e2' },
  },
});

const quick = opts.quick;
const parts = new Set((opts.only ?? (quick ? 'size,render' : 'size,render,network,memory,latency')).split(','));
const root = resolve(opts.root ?? repoDir);
const outFile = resolve(opts.out ?? join(benchDir, 'results.json'));
const started = Date.now();
const log = (m) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${m}`);

function machine() {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGB: Math.round(totalmem() / 1e8) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

const results = { date: new Date().toISOString(), quick, root, machine: machine() };
log(`machine: ${results.machine.cpu}, ${results.machine.cores} cores, load ${results.machine.loadAverageAtStart.join(' ')}`);

const distDir = opts.dist ? resolve(opts.dist) : buildLibrary({ root, log });
results.dist = distDir;

let failed = false;
const verdicts = [];

if (parts.has('size')) {
  log('size: bundling every entry with its dependencies');
  const sizes = await measureSizes({ root, distDir, log });
  results.size = sizes;
  for (const e of sizes.entries) {
    if (!e.budget.ok) failed = true;
  }
  const over = sizes.entries.filter((e) => !e.budget.ok);
  verdicts.push(
    over.length === 0
      ? `size budgets (${sizes.basis}): ok (each element ≤ ${BUDGETS.element / 1000} KB gzip, library ≤ ${BUDGETS.library / 1000} KB gzip)`
      : `size budgets (${sizes.basis}): BREACHED by ${over.map((e) => `${e.entry} ${(e[e.budget.basis].gzip / 1000).toFixed(1)}/${e.budget.gzip / 1000} KB`).join(', ')}`,
  );
}

let browser;
let server;
const needBrowser = ['render', 'network', 'memory', 'latency'].some((p) => parts.has(p));
try {
  if (needBrowser) {
    server = await startServer();
    browser = await launch();
    results.machine.browser = await browser.version();
  }
  if (parts.has('render')) {
    log('render: headless Chromium');
    results.render = await measureRender({
      browser,
      server,
      distDir,
      quick,
      sizes: opts['render-sizes']?.split(',').map(Number),
      kinds: opts['render-kinds']?.split(','),
      runs: opts.runs ? Number(opts.runs) : undefined,
      log: opts.verbose || !quick ? log : () => {},
    });
    const missed = Object.entries(results.render.kinds).filter(([, k]) => {
      const r = k.perN[RENDER_GOAL.n];
      return r && r.ours.pipeline.median > RENDER_GOAL.ms;
    });
    if (!results.render.goalMeasured) verdicts.push(`render goal (${RENDER_GOAL.n} items ≤ ${RENDER_GOAL.ms} ms): not measured in this mode`);
    else if (missed.length === 0) verdicts.push(`render goal (${RENDER_GOAL.n} items ≤ ${RENDER_GOAL.ms} ms): met`);
    else {
      verdicts.push(
        `render goal (${RENDER_GOAL.n} items ≤ ${RENDER_GOAL.ms} ms): MISSED by ${missed.map(([kind, k]) => `${kind} ${k.perN[RENDER_GOAL.n].ours.pipeline.median.toFixed(0)} ms`).join(', ')}${opts.strict ? '' : ' (reported; --strict fails on it)'}`,
      );
      if (opts.strict) failed = true;
    }
  }
  if (parts.has('network')) {
    log('network: every widget under one provider, mock HIE');
    results.network = await measureNetwork({ browser, server, distDir, quick, log });
    const g = results.network.goals;
    verdicts.push(
      `network: duplicates ${g.duplicatesZero ? '0 (ok)' : 'FOUND'}; reads per reference ${g.readsZero ? '0 (ok)' : 'FOUND'}; searches ${g.searchesAsDeclared ? 'as declared (ok)' : 'DIFFER from declared'}; patient switch ${g.allAborted ? 'aborts all in flight (ok)' : 'LEAVES requests running'}; first request ${g.firstRequestUnderFrame ? `< 1 frame (ok)` : 'NOT within a frame'}`,
    );
  }
  if (parts.has('latency')) {
    log(`latency: a delaying FHIR server on another origin; before = ${opts['latency-before']}`);
    const beforeDist = buildLibrary({ root: checkoutRef(opts['latency-before']), log });
    results.latency = await measureLatency({ browser, server, distDir, beforeDist, runs: opts.runs ? Number(opts.runs) : 3, log });
    console.log(latencyTable(results.latency));
  }
  if (parts.has('memory') && !quick) {
    log(`memory: ${MEMORY_GOAL.switches + 1} patient switches with the large record`);
    results.memory = await measureMemory({ browser, server, distDir, quick, log });
    if (!results.memory.skipped) {
      verdicts.push(
        `memory: heap growth over ${MEMORY_GOAL.switches} switches ${results.memory.growth.median.toFixed(1)} % (goal ≤ ${MEMORY_GOAL.maxGrowth * 100} %): ${results.memory.goalMet ? 'ok' : 'MISSED'}`,
      );
    }
  }
} finally {
  await browser?.close();
  await server?.stop();
}
results.machine.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
results.verdicts = verdicts;
results.failed = failed;
results.seconds = Math.round((Date.now() - started) / 1000);

// ---- Report -------------------------------------------------------------------------------------
const out = [];
const m = results.machine;
out.push(`care-record-elements bench${quick ? ' (quick)' : ''} — ${results.date}`);
out.push(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, Node ${m.node}${m.browser ? `, ${m.browser}` : ''}`);
out.push(`load average (1/5/15 min): start ${m.loadAverageAtStart.join(' ')}, end ${m.loadAverageAtEnd.join(' ')}`);
if (results.root !== repoDir) out.push(`project measured: ${results.root}`);

if (results.size) {
  out.push('', 'SIZE — what a host downloads (minified, Lit and every dependency included)', sizeTable(results.size));
  for (const [entry, a] of Object.entries(results.size.attribution)) {
    out.push('', `  ${entry}: where the bytes are (minified, by source; gzip share estimated)`, attributionTable(a).replace(/^/gm, '  '));
  }
}

if (results.render) {
  const r = results.render;
  out.push('', `RENDER — headless Chromium, median (min–max) of ${r.runs} runs, ms; data available → first frame showing items`);
  for (const [kind, k] of Object.entries(r.kinds)) {
    const ns = Object.keys(k.perN);
    const row = (label, f) => [label, ...ns.map((n) => f(k.perN[n]))];
    out.push(
      '',
      table([
        [`<${k.tag}>`, ...ns.map((n) => `N = ${Number(n).toLocaleString('en-GB')}`)],
        row('ours: data → painted', (x) => fmtMs(x.ours.pipeline)),
        row('  parse + model', (x) => fmtMs(x.ours.parseAndModel)),
        row('  render → painted', (x) => fmtMs(x.ours.render)),
        row('React 18 map: parse+map+render', (x) => fmtMs(x.react.pipeline)),
        row('  render → painted', (x) => fmtMs(x.react.render)),
        row('JSON.parse alone', (x) => fmtMs(x.jsonParse, 2)),
        row('(a) ours / React, pipeline', (x) => fmtRatio(x.ratios.oursVsReactPipeline)),
        row("(a') ours / React, render", (x) => fmtRatio(x.ratios.oursVsReactRender)),
        row('(b) ours / JSON.parse', (x) => fmtRatio(x.ratios.oursVsJsonParse, 1)),
        row('items in DOM: ours / React', (x) => `${x.items} / ${x.reactItems}`),
      ]),
    );
    out.push(
      `cold first run (loads the virtualizer; N = 1,000): ours ${k.cold.element.pipeline.toFixed(1)} ms, React ${k.cold.react.pipeline.toFixed(1)} ms`,
    );
    if (k.scroll) {
      const s = k.scroll;
      out.push(
        `scrolling N = ${s.n.toLocaleString('en-GB')} (${s.ours.frames} frames, ${s.stepPx} px/frame): ours p95 frame ${fmtMs(s.ours.p95)} ms, frames > 50 ms ${fmtMs(s.ours.janky, 0)}, blank at end: ${s.ours.blankAtEnd ? 'YES' : 'no'}; React p95 ${fmtMs(s.react.p95)} ms, > 50 ms ${fmtMs(s.react.janky, 0)}`,
      );
    }
    if (k.pageErrors.length) out.push(`page errors: ${k.pageErrors.join(' | ')}`);
  }
}

if (results.network) {
  const n = results.network;
  const rows = [['widget (alone, by NHS number)', 'declared', 'searches', 'pages', 'reads', 'lookups', 'dupes', 'first request ms']];
  for (const [tag, w] of Object.entries(n.perWidget)) {
    rows.push([tag, w.declaredSearches ?? '?', w.searches, w.pages, w.reads, w.lookups, w.duplicates, fmtMs(n.firstRequestMs[tag], 2)]);
  }
  rows.push(['all widgets, one provider', '', n.all.searches, n.all.pages, n.all.reads, n.all.lookups, n.all.duplicates, fmtMs(n.firstRequestMs['(all widgets)'], 2)]);
  out.push('', 'NETWORK — mock HIE (rich record), requests as msw sees them', table(rows));
  out.push(
    `all widgets: ${n.all.total} requests for ${n.all.distinct} distinct URLs (the widgets alone would send ${n.all.sumOfWidgetsAlone}); duplicates per run: ${n.all.runs.map((x) => x.duplicates).join(', ')}`,
  );
  out.push(
    `patient switch with every search in flight: aborted ${n.abortOnSwitch.runs.map((a) => `${a.aborted}/${a.inFlightAtSwitch}`).join(', ')}; one frame = ${FRAME_MS.toFixed(1)} ms`,
  );
  if (n.pageErrors.length) out.push(`page errors: ${n.pageErrors.join(' | ')}`);
}

if (results.memory && !results.memory.skipped) {
  const mm = results.memory;
  out.push('', `MEMORY — every widget, ${mm.switches + 1} switches between ${'mock-large-record'} and mock-rich-record (${mm.runs.length} runs)`);
  out.push(
    table([
      ['', 'median (min–max)'],
      ['JS heap after switch 1 (large), MB', fmtMs(mm.afterFirstMB, 2)],
      [`JS heap after switch ${mm.switches + 1} (large), MB`, fmtMs(mm.afterLastMB, 2)],
      ['growth, %', fmtMs(mm.growth, 1)],
      ['DOM nodes after switch 1 / last', `${mm.nodesFirst.median} / ${mm.nodesLast.median}`],
    ]),
  );
  out.push(`heap curve (run 1): ${mm.runs[0].curve.map((c) => `#${c.switch} ${c.usedMB} MB`).join(', ')}`);
}

out.push('', 'VERDICTS', ...verdicts.map((v) => `- ${v}`));
out.push('', `results: ${outFile} (${results.seconds} s)`);
console.log(out.join('\n'));
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
process.exitCode = failed ? 1 : 0;
