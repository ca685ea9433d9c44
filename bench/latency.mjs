/**
 * Latency section (issue 15): one widget against a FHIR server on another origin that delays every
 * response and preflight (lib/latency-server.mjs). Per case, interleaved runs of
 *   ours      this checkout's build
 *   before    the build of `--before` (default: main's commit, checked out to a temp dir)
 *   first100  this build limited to one request of 100 (max-entries=100): what Medplum's
 *             PatientSummary does
 * with the time to the first item painted and to all items, the longest task, total blocking time
 * and requests (with preflights). Every run asks for another patient, so no preflight is cached.
 *
 *   node bench/latency.mjs [--runs 3] [--delays 0,50,150] [--sizes 100,1000,5000] [--kinds results,medications]
 *                          [--before <dir> | --before-ref main]
 */
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildLibrary, repoDir } from './lib/build.mjs';
import { startLatencyServer } from './lib/latency-server.mjs';
import { openPage } from './lib/browser.mjs';
import { summarise, table } from './lib/stats.mjs';

const TAGS = { results: 'care-record-results', medications: 'care-record-medications' };

/** The tree of `ref` in a temp dir, to build "before this work" side by side. */
export function checkoutRef(ref) {
  const dir = mkdtempSync(join(tmpdir(), 'latency-before-'));
  execSync(`git archive ${ref} src rollup.config.mjs tsconfig.json tsconfig.build.json package.json | tar -x -C ${dir}`, { cwd: repoDir });
  return dir;
}

export async function measureLatency({ browser, server, distDir, beforeDist, runs = 3, delays = [0, 50, 150], sizes = [100, 1000, 5000], kinds = ['results', 'medications'], log = () => {} }) {
  const fhir = await startLatencyServer();
  const open = async (dist, entries) => {
    const p = await openPage(browser, `${server.url}/bench/pages/latency.html?lib=${encodeURIComponent(`/${relative(repoDir, dist)}/`)}`);
    for (const e of entries) await p.page.evaluate((x) => bench.loadLibrary(x), e);
    return p;
  };
  const entries = kinds.map((k) => `${TAGS[k]}.js`);
  const pages = { ours: await open(distDir, entries), before: await open(beforeDist, entries) };
  const variants = [
    ['ours', pages.ours, undefined],
    ['before', pages.before, undefined],
    ['first100', pages.ours, 100],
  ];
  const cases = [];
  let nonce = 0;
  try {
    for (const delay of delays) {
      for (const kind of kinds) {
        for (const n of sizes) {
          const got = Object.fromEntries(variants.map(([name]) => [name, []]));
          for (let run = 0; run < runs; run += 1) {
            for (const [name, p, maxEntries] of variants) {
              nonce += 1;
              // A background page gets no animation frames: the one measured must be in front.
              await p.page.bringToFront();
              await fetch(`${fhir.control}/__reset?delay=${delay}`);
              const r = await p.page.evaluate(
                (o) => bench.load(o),
                { tag: TAGS[kind], base: fhir.base, patient: `${kind}-${n}-r${nonce}`, ...(maxEntries ? { maxEntries } : {}) },
              );
              const stats = await (await fetch(`${fhir.control}/__stats`)).json();
              got[name].push({ ...r, ...stats });
            }
          }
          const summary = Object.fromEntries(
            Object.entries(got).map(([name, xs]) => [
              name,
              {
                firstItem: summarise(xs.map((x) => x.firstItem)),
                allItems: summarise(xs.map((x) => x.allItems)),
                longestTask: summarise(xs.map((x) => x.longestTask)),
                blocking: summarise(xs.map((x) => x.blocking)),
                requests: xs[0].requests,
                preflights: xs[0].preflights,
                states: [...new Set(xs.map((x) => x.state))],
              },
            ]),
          );
          cases.push({ delay, kind, n, ...summary });
          const o = summary.ours;
          const b = summary.before;
          log(`latency ${kind} ${n} @${delay} ms: first item ${o.firstItem.median} vs ${b.firstItem.median} ms; all ${o.allItems.median} vs ${b.allItems.median} ms; longest task ${o.longestTask.median} vs ${b.longestTask.median} ms; requests ${o.requests}+${o.preflights} vs ${b.requests}+${b.preflights}`);
        }
      }
    }
  } finally {
    await pages.ours.page.close();
    await pages.before.page.close();
    await fhir.stop();
  }
  return { runs, cases };
}

const ms = (s) => (s && s.n ? `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : 'n/a');

export function latencyTable(result) {
  const rows = [['case', 'variant', 'first item ms', 'all items ms', 'longest task ms', 'TBT ms', 'requests + preflights']];
  for (const c of result.cases) {
    for (const v of ['ours', 'before', 'first100']) {
      const s = c[v];
      rows.push([`${c.kind} ${c.n} @${c.delay} ms`, v, ms(s.firstItem), ms(s.allItems), ms(s.longestTask), ms(s.blocking), `${s.requests} + ${s.preflights}`]);
    }
  }
  return table(rows);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      delays: { type: 'string', default: '0,50,150' },
      sizes: { type: 'string', default: '100,1000,5000' },
      kinds: { type: 'string', default: 'results,medications' },
      before: { type: 'string' },
      'before-ref': { type: 'string', default: 'main' },
    },
  });
  const { startServer } = await import('./lib/server.mjs');
  const { launch } = await import('./lib/browser.mjs');
  const log = (m) => console.error(`[latency] ${m}`);
  const distDir = buildLibrary({ log });
  const beforeDist = buildLibrary({ root: values.before ?? checkoutRef(values['before-ref']), log });
  const server = await startServer();
  const browser = await launch();
  try {
    const result = await measureLatency({
      browser, server, distDir, beforeDist, log,
      runs: Number(values.runs),
      delays: values.delays.split(',').map(Number),
      sizes: values.sizes.split(',').map(Number),
      kinds: values.kinds.split(','),
    });
    console.log(latencyTable(result));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(repoDir, 'bench', 'latency-results.json'), JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    await server.stop();
  }
}
