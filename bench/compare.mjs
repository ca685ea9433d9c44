/**
 * A/B render comparison of two checkouts (e.g. this repository and a prototype in /tmp), runs
 * interleaved in one browser so machine load hits both alike. Also compares sizes.
 *
 *   node bench/compare.mjs --b /tmp/proto [--a .] [--kinds medications,results] [--n 10000] [--runs 9]
 *                          [--no-size] [--no-render]
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildLibrary, outDir, repoDir } from './lib/build.mjs';
import { ensureFixture, KINDS } from './lib/fixtures.mjs';
import { startServer } from './lib/server.mjs';
import { launch, openPage } from './lib/browser.mjs';
import { buildReact } from './render.mjs';
import { measureSizes } from './size.mjs';
import { summarise, table, fmtMs, kb } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    a: { type: 'string', default: repoDir },
    b: { type: 'string' },
    kinds: { type: 'string', default: 'medications,results' },
    n: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '9' },
    'no-size': { type: 'boolean', default: false },
    'no-render': { type: 'boolean', default: false },
  },
});
if (!values.b) throw new Error('--b <project dir> is required');
const roots = { A: resolve(values.a), B: resolve(values.b) };
const dists = Object.fromEntries(Object.entries(roots).map(([k, r]) => [k, buildLibrary({ root: r })]));
console.log(`A = ${roots.A}\nB = ${roots.B}`);

if (!values['no-size']) {
  const [sa, sb] = [await measureSizes({ root: roots.A, distDir: dists.A, attributionFor: [] }), await measureSizes({ root: roots.B, distDir: dists.B, attributionFor: [] })];
  const rows = [['entry', 'A initial gz', 'B initial gz', 'Δ', 'A first view gz', 'B first view gz', 'Δ', 'B budget']];
  for (const e of sa.entries) {
    const f = sb.entries.find((x) => x.entry === e.entry);
    if (!f) continue;
    rows.push([
      e.entry,
      kb(e.initial.gzip, 2),
      kb(f.initial.gzip, 2),
      kb(f.initial.gzip - e.initial.gzip, 2),
      kb(e.firstView.gzip, 2),
      kb(f.firstView.gzip, 2),
      kb(f.firstView.gzip - e.firstView.gzip, 2),
      f.budget.ok ? 'ok' : 'OVER',
    ]);
  }
  console.log(`\nSIZE (KB = 1,000 bytes)\n${table(rows)}`);
}

if (values['no-render']) process.exit(0);
const n = Number(values.n);
const runs = Number(values.runs);
await buildReact();
const server = await startServer();
const browser = await launch();
try {
  for (const kind of values.kinds.split(',')) {
    const k = KINDS[kind];
    if (!Object.values(dists).every((d) => existsSync(join(d, k.entry)))) continue;
    ensureFixture(outDir, kind, n);
    const pages = {};
    for (const [name, dist] of Object.entries(dists)) {
      const p = await openPage(browser, `${server.url}/bench/pages/render.html?lib=${encodeURIComponent(`/${relative(repoDir, dist)}/`)}`);
      await p.page.evaluate((e) => bench.loadLibrary([e]), k.entry);
      pages[name] = p;
    }
    const spec = { tag: k.tag, matchType: k.matchType, queries: k.queries };
    // Only the front tab gets animation frames.
    const run = async (p) => {
      await p.page.bringToFront();
      return p.page.evaluate((kind, n, s) => bench.runElement(kind, n, s), kind, n, spec);
    };
    for (const p of Object.values(pages)) await run(p); // warm-up
    const got = { A: [], B: [] };
    for (let i = 0; i < runs; i += 1) {
      for (const name of i % 2 ? ['B', 'A'] : ['A', 'B']) {
        await pages[name].gc();
        got[name].push(await run(pages[name]));
      }
    }
    const rows = [['', 'A', 'B', 'B/A']];
    for (const f of ['pipeline', 'parseAndModel', 'render']) {
      const a = summarise(got.A.map((r) => r[f]));
      const b = summarise(got.B.map((r) => r[f]));
      rows.push([f, fmtMs(a), fmtMs(b), (b.median / a.median).toFixed(2)]);
    }
    console.log(`\n<${k.tag}> N = ${n}, ${runs} interleaved runs, ms median (min–max)\n${table(rows)}`);
    for (const p of Object.values(pages)) await p.page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
