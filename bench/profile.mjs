/**
 * Diagnostic, not part of the bench table: CPU-profiles one widget run on the render page and prints
 * where the time goes (self and total time by function), from the TypeScript sources (unminified),
 * so a slow figure can be traced to code.
 *
 *   node bench/profile.mjs [--kind medications|results] [--n 10000] [--top 30] [--runs 3] [--root /tmp/copy]
 */
import { parseArgs } from 'node:util';
import { startServer } from './lib/server.mjs';
import { launch, openPage } from './lib/browser.mjs';
import { ensureFixture, KINDS } from './lib/fixtures.mjs';
import { buildLibrary, outDir, repoDir } from './lib/build.mjs';
import { dirname, relative, resolve } from 'node:path';
import { buildReact } from './render.mjs';

const { values } = parseArgs({
  options: {
    kind: { type: 'string', default: 'medications' },
    n: { type: 'string', default: '10000' },
    top: { type: 'string', default: '30' },
    runs: { type: 'string', default: '3' },
    root: { type: 'string' },
  },
});
const kind = values.kind;
const n = Number(values.n);
ensureFixture(outDir, kind, n);
await buildReact();
const server = await startServer();
const browser = await launch();
try {
  // The TypeScript sources (unminified): this repository's, or the private copy of --root's.
  const src = values.root ? `/${relative(repoDir, dirname(buildLibrary({ root: resolve(values.root) })))}/src/` : '/src/';
  const p = await openPage(browser, `${server.url}/bench/pages/render.html?lib=${encodeURIComponent(src)}`);
  const k = KINDS[kind];
  await p.page.evaluate((e) => bench.loadLibrary([e]), k.entry.replace(/\.js$/, '.ts'));
  const spec = { tag: k.tag, matchType: k.matchType, queries: k.queries };
  // Warm up (virtualizer chunk, JIT), then profile.
  await p.page.evaluate((n, s, kind) => bench.runElement(kind, n, s), n, spec, kind);
  await p.cdp.send('Profiler.enable');
  await p.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const self = new Map();
  const total = new Map();
  let sampled = 0;
  for (let r = 0; r < Number(values.runs); r += 1) {
    await p.gc();
    await p.cdp.send('Profiler.start');
    const run = await p.page.evaluate((n, s, kind) => bench.runElement(kind, n, s), n, spec, kind);
    const { profile } = await p.cdp.send('Profiler.stop');
    console.log(JSON.stringify(run));
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
    const label = (node) => {
      const f = node.callFrame;
      const file = f.url.replace(/^.*?\/(src|node_modules|bench)\//, '$1/').replace(/\?.*$/, '');
      return `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
    };
    const dt = profile.timeDeltas;
    profile.samples.forEach((id, i) => {
      const ms = (dt[i + 1] ?? 0) / 1000;
      sampled += ms;
      const node = byId.get(id);
      const l = label(node);
      self.set(l, (self.get(l) ?? 0) + ms);
      const seen = new Set();
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const cl = label(byId.get(cur));
        if (seen.has(cl)) continue;
        seen.add(cl);
        total.set(cl, (total.get(cl) ?? 0) + ms);
      }
    });
  }
  const runs = Number(values.runs);
  const show = (m, title) => {
    console.log(`\n${title} (ms per run)`);
    for (const [l, ms] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
      console.log(`${(ms / runs).toFixed(1).padStart(8)}  ${l}`);
    }
  };
  show(self, 'self time');
  show(total, 'total time');
} finally {
  await browser.close();
  await server.stop();
}
