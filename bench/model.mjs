/**
 * The data path alone (no DOM, no Lit), in Node's V8: client parse + freeze + searchset, then
 * assembleRecord (patient guard, index, model), then the widget's view preparation. Quicker and
 * steadier than the browser bench for work on the models; the browser bench stays the measure of
 * record. Reports min and median of --runs after warm-up runs. --root measures another checkout that
 * has bench/pages/model-entry.ts.
 *
 *   node bench/model.mjs [--kinds medications,results] [--n 10000] [--runs 30] [--root dir]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { BENCH_BASE, BENCH_PATIENT, KINDS, ensureFixture } from './lib/fixtures.mjs';
import { outDir, repoDir } from './lib/build.mjs';
import { fmtMs, summarise, table } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    kinds: { type: 'string', default: 'medications,results' },
    n: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    root: { type: 'string', default: repoDir },
  },
});
const root = resolve(values.root);
const bundleFile = join(outDir, `model-${root.replace(/[^A-Za-z0-9]+/g, '_')}.mjs`);
await esbuild.build({
  absWorkingDir: root,
  entryPoints: [join(root, 'bench/pages/model-entry.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  outfile: bundleFile,
  logLevel: 'silent',
  tsconfig: join(root, 'tsconfig.json'),
});
const { runOnce } = await import(bundleFile);

const rows = [['kind', 'rows', 'client (parse, freeze, searchset)', 'assemble (guard, index, model)', 'view prep', 'total']];
for (const kind of values.kinds.split(',')) {
  ensureFixture(outDir, kind, values.n);
  const text = readFileSync(join(outDir, 'fixtures', `${kind}-${values.n}.json`), 'utf8');
  const go = () => runOnce(kind, text, KINDS[kind].matchType, BENCH_BASE, BENCH_PATIENT);
  for (let i = 0; i < Number(values.warmup); i += 1) await go();
  const runs = [];
  for (let i = 0; i < Number(values.runs); i += 1) runs.push(await go());
  const s = (f) => summarise(runs.map(f));
  const cell = (f) => `${fmtMs(s(f))}, min ${s(f).min.toFixed(1)}`;
  rows.push([kind, String(runs[0].rows), cell((r) => r.client), cell((r) => r.assemble), cell((r) => r.view), cell((r) => r.client + r.assemble + r.view)]);
}
console.log(`Node ${process.version}, N = ${values.n}, ${values.runs} runs after ${values.warmup} warm-up, ms median (min–max), min\n`);
console.log(table(rows));
