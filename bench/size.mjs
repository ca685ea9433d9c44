/**
 * Size of what a host downloads, per element entry and for the whole library: each built entry
 * (dist/care-record-*.js, dist/care-record.js, dist/index.js) is bundled again with everything it
 * imports (Lit, @lit/context, @lit/task, DOMPurify, our chunks) into one file, minified with the
 * project's terser settings, and compressed with gzip (level 9) and brotli (quality 11). Chunks loaded
 * with import() (the virtualizer, only for lists over 50 items) are reported separately as "lazy".
 *
 * Also attributes the minified bytes to source modules (esbuild metafile over src/), so a budget
 * breach says what to cut.
 *
 * Standalone: node bench/size.mjs [--root <project dir>] [--dist <built dist dir>] [--json]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { parseArgs } from 'node:util';
import { rollup } from 'rollup';
import { minify } from 'terser';
import * as esbuild from 'esbuild';
import { buildLibrary, repoDir } from './lib/build.mjs';
import { kb, table } from './lib/stats.mjs';

/** Budgets (gzip, bytes; 1 KB = 1,000 bytes as size-limit counts). */
export const BUDGETS = {
  element: 35_000,
  library: 70_000,
};

/**
 * What the budget covers: "firstView" = the initial download plus the list virtualizer, which
 * loads by itself as soon as a list has more than 50 items (most real records), i.e. everything a host
 * downloads before the clinician asks for anything. Chunks loaded on demand (e.g. an HTML sanitiser
 * when a document is opened) are reported, not budgeted. Other bases: "initial", "total".
 */
export const BUDGET_BASIS = 'firstView';

/** Sources that make a lazily loaded chunk part of the first view (the list virtualizer, list UI). */
const FIRST_VIEW_LAZY = [/node_modules\/@lit-labs\/virtualizer\//, /(^|\/)src\/ui\//];

const TERSER = { ecma: 2022, module: true, format: { comments: false } };

export function compressed(code) {
  const buf = Buffer.from(code);
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 11,
        [zlib.BROTLI_PARAM_SIZE_HINT]: buf.length,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      },
    }).length,
  };
}

function sum(parts) {
  return parts.reduce(
    (a, p) => ({ raw: a.raw + p.raw, gzip: a.gzip + p.gzip, brotli: a.brotli + p.brotli, files: a.files + 1 }),
    { raw: 0, gzip: 0, brotli: 0, files: 0 },
  );
}

/** Kind of entry: one element, or the whole library (index, the <care-record> layout that registers all). */
function entryKind(file) {
  if (file === 'index.js' || file === 'care-record.js' || file === 'classes.js') return 'library';
  return 'element';
}

/** Bundles one built entry with everything it imports; splits initial (static closure) from lazy (import()). */
async function measureEntry(distDir, file) {
  const bundle = await rollup({ input: join(distDir, file), logLevel: 'silent' });
  const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name]-[hash].js' });
  await bundle.close();
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const entry = output.find((o) => o.type === 'chunk' && o.isEntry);
  const closure = (start) => {
    const seen = new Set();
    const visit = (name) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const i of chunks.get(name).imports) visit(i);
    };
    start.forEach(visit);
    return seen;
  };
  const initialNames = closure([entry.fileName]);
  // Everything reachable through import() from there (the virtualizer, then its default flow layout).
  const reachable = new Set();
  const visitAll = (name) => {
    if (reachable.has(name)) return;
    reachable.add(name);
    const c = chunks.get(name);
    for (const i of [...c.imports, ...c.dynamicImports]) visitAll(i);
  };
  visitAll(entry.fileName);
  const lazyNames = [...reachable].filter((n) => !initialNames.has(n));
  const sized = async (name) => {
    const chunk = chunks.get(name);
    const code = (await minify(chunk.code, TERSER)).code;
    const sources = Object.keys(chunk.modules).flatMap(originalSources);
    return {
      file: name,
      ...compressed(code),
      firstView: sources.some((src) => FIRST_VIEW_LAZY.some((re) => re.test(src))),
      sources: summariseSources(sources),
    };
  };
  const initial = await Promise.all([...initialNames].map(sized));
  const lazy = await Promise.all(lazyNames.map(sized));
  const i = sum(initial);
  const v = sum(lazy.filter((c) => c.firstView));
  const d = sum(lazy.filter((c) => !c.firstView));
  const add = (...xs) => ({
    raw: xs.reduce((a, x) => a + x.raw, 0),
    gzip: xs.reduce((a, x) => a + x.gzip, 0),
    brotli: xs.reduce((a, x) => a + x.brotli, 0),
    files: xs.reduce((a, x) => a + x.files, 0),
  });
  return {
    entry: file,
    kind: entryKind(file),
    initial: i,
    /** Loaded by itself for long lists (the virtualizer). */
    lazyList: v,
    /** Loaded when the clinician asks (e.g. opens a document). */
    onDemand: d,
    firstView: add(i, v),
    total: add(i, v, d),
    lazyChunks: lazy.map((c) => ({ file: c.file, firstView: c.firstView, gzip: c.gzip, sources: c.sources })),
  };
}

/** Original sources of a built dist file, from its source map (cached). */
const sourceCache = new Map();
function originalSources(distFile) {
  if (!sourceCache.has(distFile)) {
    let sources = [distFile];
    try {
      const map = JSON.parse(readFileSync(`${distFile}.map`, 'utf8'));
      sources = map.sources.map((src) => resolve(dirname(distFile), map.sourceRoot ?? '', src));
    } catch {
      // No map: the file name is all we know.
    }
    sourceCache.set(distFile, sources);
  }
  return sourceCache.get(distFile);
}

/** "lit-html, @lit-labs/virtualizer, src/ui" — what a chunk is made of, for the report. */
function summariseSources(sources) {
  return [...new Set(sources.map((src) => moduleGroup(src.replace(/^.*?\/(node_modules|src)\//, '$1/'))))].slice(0, 6);
}

/** Groups a module path (relative to the project) for the attribution table. */
function moduleGroup(path) {
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const m = /^src\/(elements\/[^/]+|[^/]+)\//.exec(path);
  return m ? `src/${m[1]}` : path;
}

/**
 * Minified bytes per source module for one src entry (esbuild, splitting so import() stays lazy).
 * gzip per group is estimated in proportion to its share of the minified bytes.
 */
async function attribute(root, srcEntry, gzip) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [srcEntry],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    outdir: join(root, '.bench-attr'),
    metafile: true,
    logLevel: 'silent',
    tsconfig: join(root, 'tsconfig.json'),
    conditions: ['browser'],
  });
  // Initial = the entry's output and every chunk it imports statically; the rest is loaded by import().
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((o) => outputs[o].entryPoint === srcEntry);
  const initial = new Set();
  const visit = (o) => {
    if (initial.has(o) || !outputs[o]) return;
    initial.add(o);
    for (const i of outputs[o].imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(entryOut);
  const modules = new Map();
  let minTotal = 0;
  for (const [name, out] of Object.entries(outputs)) {
    const lazy = !initial.has(name);
    for (const [path, { bytesInOutput }] of Object.entries(out.inputs)) {
      if (!bytesInOutput) continue;
      const rel = relative(root, resolve(root, path));
      const key = `${rel}|${lazy}`;
      const m = modules.get(key) ?? { module: rel, group: moduleGroup(rel), bytes: 0, lazy };
      m.bytes += bytesInOutput;
      modules.set(key, m);
      minTotal += bytesInOutput;
    }
  }
  const groups = new Map();
  for (const m of modules.values()) {
    const g = groups.get(m.group) ?? { group: m.group, bytes: 0, lazyBytes: 0, modules: 0 };
    if (m.lazy) g.lazyBytes += m.bytes;
    else g.bytes += m.bytes;
    g.modules += 1;
    groups.set(m.group, g);
  }
  // gzip estimated in proportion to each group's share of the initial and of the lazy minified bytes.
  const initMin = [...modules.values()].filter((m) => !m.lazy).reduce((a, m) => a + m.bytes, 0);
  const lazyMin = minTotal - initMin;
  const est = (g) =>
    Math.round((initMin ? (g.bytes / initMin) * gzip.initial : 0) + (lazyMin ? (g.lazyBytes / lazyMin) * gzip.lazy : 0));
  return {
    minifiedTotal: minTotal,
    groups: [...groups.values()]
      .map((g) => ({ ...g, gzipEstimate: est(g) }))
      .sort((a, b) => b.bytes + b.lazyBytes - (a.bytes + a.lazyBytes)),
    modules: [...modules.values()].sort((a, b) => b.bytes - a.bytes).slice(0, 60),
  };
}

export async function measureSizes({ root = repoDir, distDir, log = () => {}, attributionFor } = {}) {
  const dist = distDir ?? buildLibrary({ root, log });
  const files = readdirSync(dist)
    .filter((f) => /^(care-record(-[a-z-]+)?|index)\.js$/.test(f))
    .sort((a, b) => (entryKind(a) === entryKind(b) ? a.localeCompare(b) : entryKind(a) === 'element' ? -1 : 1));
  const entries = [];
  for (const f of files) entries.push(await measureEntry(dist, f));
  for (const e of entries) {
    const budget = e.kind === 'element' ? BUDGETS.element : BUDGETS.library;
    e.budget = { gzip: budget, basis: BUDGET_BASIS, ok: e[BUDGET_BASIS].gzip <= budget };
  }
  // Attribution for the whole library and for the largest element entry (or those asked for).
  const elements = entries.filter((e) => e.kind === 'element');
  const largest = elements.reduce((a, b) => (b.total.gzip > (a?.total.gzip ?? -1) ? b : a), undefined);
  const targets = attributionFor ?? ['index.js', ...(largest ? [largest.entry] : [])];
  const attribution = {};
  for (const t of targets) {
    const e = entries.find((x) => x.entry === t);
    const srcEntry = join('src', t.replace(/\.js$/, '.ts'));
    try {
      attribution[t] = await attribute(resolve(root), srcEntry, {
        initial: e?.initial.gzip ?? 0,
        lazy: e ? e.total.gzip - e.initial.gzip : 0,
      });
    } catch (error) {
      attribution[t] = { error: String(error.message ?? error) };
    }
  }
  return { dist, budgets: BUDGETS, basis: BUDGET_BASIS, entries, attribution };
}

export function sizeTable(sizes) {
  const rows = [
    ['entry', 'initial min', 'gzip', 'brotli', '+list gz', 'first view gz', 'first view br', 'on demand gz', 'total gz', 'budget', ''],
  ];
  for (const e of sizes.entries) {
    rows.push([
      e.entry,
      kb(e.initial.raw),
      kb(e.initial.gzip),
      kb(e.initial.brotli),
      e.lazyList.files ? kb(e.lazyList.gzip) : '–',
      kb(e.firstView.gzip),
      kb(e.firstView.brotli),
      e.onDemand.files ? kb(e.onDemand.gzip) : '–',
      kb(e.total.gzip),
      `≤ ${kb(e.budget.gzip, 0)}`,
      e.budget.ok ? 'ok' : 'OVER',
    ]);
  }
  return `${table(rows)}
(KB = 1,000 bytes. initial: the entry with everything it imports statically, one file. +list: the virtualizer,
loaded by itself for lists over 50 items. first view = initial + list: what the budget covers. on demand: chunks
loaded when the clinician asks, e.g. the HTML sanitiser when a document is opened.)`;
}

export function attributionTable(attr, top = 14) {
  if (attr.error) return `attribution failed: ${attr.error}`;
  const rows = [['group', 'min KB', 'lazy min KB', '≈gzip KB', 'modules']];
  for (const g of attr.groups.slice(0, top)) {
    rows.push([g.group, kb(g.bytes), g.lazyBytes ? kb(g.lazyBytes) : '', kb(g.gzipEstimate), g.modules]);
  }
  return table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { root: { type: 'string' }, dist: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const sizes = await measureSizes({
    root: values.root ?? repoDir,
    distDir: values.dist && resolve(values.dist),
    log: (m) => console.error(m),
  });
  if (values.json) console.log(JSON.stringify(sizes, null, 2));
  else {
    console.log(sizeTable(sizes));
    for (const [k, a] of Object.entries(sizes.attribution)) console.log(`\n${k}: minified bytes by source\n${attributionTable(a)}`);
  }
  process.exitCode = sizes.entries.every((e) => e.budget.ok) ? 0 : 1;
}
