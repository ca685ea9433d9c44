/**
 * Render speed in headless Chromium (pages/render.ts): for each widget kind and N, our widget from
 * "data available" to the frame that shows items, against (a) React 18 rendering the same rows with
 * a plain `map` and (b) JSON.parse of the same Bundle alone. Runs are interleaved (ours, React,
 * parse) so machine load affects all three alike; ratios are taken per run, then summarised.
 */
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { benchDir, outDir, repoDir } from './lib/build.mjs';
import { ensureFixture, KINDS } from './lib/fixtures.mjs';
import { openPage } from './lib/browser.mjs';
import { summarise } from './lib/stats.mjs';

/** The goal from issue 7: 10,000 items, data available → first painted frame. */
export const RENDER_GOAL = { n: 10_000, ms: 100 };

/** Builds the React baseline (production React) for the render page. */
export async function buildReact() {
  await esbuild.build({
    entryPoints: [join(benchDir, 'pages', 'react-rows.tsx')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    outfile: join(outDir, 'react-rows.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

function libUrl(distDir) {
  return `/${relative(repoDir, distDir)}/`;
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))];
}

function scrollSummary(list) {
  // Each run: frame intervals while scrolling; per run p95 and janky (> 50 ms) frames.
  return {
    p50: summarise(list.map((r) => percentile(r.intervals, 0.5))),
    p95: summarise(list.map((r) => percentile(r.intervals, 0.95))),
    max: summarise(list.map((r) => Math.max(...r.intervals))),
    janky: summarise(list.map((r) => r.intervals.filter((i) => i > 50).length)),
    frames: list[0]?.intervals.length ?? 0,
    blankAtEnd: list.some((r) => r.itemsAtEnd === 0),
  };
}

export async function measureRender({ browser, server, distDir, quick, sizes: only, runs: runsAsked, kinds, log = () => {} }) {
  await buildReact();
  const sizes = only ?? (quick ? [1000] : [100, 1000, 10_000]);
  const runs = runsAsked ?? (quick ? 3 : 7);
  const parseReps = 5;
  const scrollRuns = quick ? 0 : 3;
  const out = { runs, sizes, goal: RENDER_GOAL, kinds: {} };
  for (const [kind, k] of Object.entries(KINDS)) {
    if (kinds && !kinds.includes(kind)) continue;
    if (!existsSync(join(distDir, k.entry))) {
      log(`render: ${k.entry} not built, skipped`);
      continue;
    }
    for (const n of new Set([...sizes, 1000])) ensureFixture(outDir, kind, n);
    const p = await openPage(browser, `${server.url}/bench/pages/render.html?lib=${encodeURIComponent(libUrl(distDir))}`);
    const spec = { tag: k.tag, matchType: k.matchType, queries: k.queries };
    const el = (n) => p.page.evaluate((kind, n, s) => bench.runElement(kind, n, s), kind, n, spec);
    const react = (n) => p.page.evaluate((kind, n) => bench.runReact(kind, n), kind, n);
    const parse = (n) => p.page.evaluate((kind, n) => bench.parseOnly(kind, n), kind, n);
    try {
      await p.page.evaluate((e) => bench.loadLibrary([e]), k.entry);
      // The first run of a page loads the virtualizer chunk and warms the JIT: reported, not counted.
      const cold = { element: await el(1000), react: await react(1000) };
      const perN = {};
      for (const n of sizes) {
        const rows = [];
        for (let r = 0; r < runs; r += 1) {
          await p.gc();
          const ours = await el(n);
          await p.gc();
          const theirs = await react(n);
          await p.gc();
          const floors = [];
          for (let i = 0; i < parseReps; i += 1) floors.push(await parse(n));
          const floor = summarise(floors).median;
          rows.push({ ours, theirs, floor });
          log(
            `render ${kind} n=${n} run ${r + 1}/${runs}: ours ${ours.pipeline.toFixed(1)} ms (model ${ours.parseAndModel.toFixed(1)}, render ${ours.render.toFixed(1)}), React ${theirs.pipeline.toFixed(1)} ms, JSON.parse ${floor.toFixed(1)} ms`,
          );
        }
        const s = (f) => summarise(rows.map(f));
        perN[n] = {
          items: rows[0].ours.items,
          reactItems: rows[0].theirs.items,
          ours: {
            pipeline: s((r) => r.ours.pipeline),
            parseAndModel: s((r) => r.ours.parseAndModel),
            render: s((r) => r.ours.render),
            pipelineDoubleRaf: s((r) => r.ours.pipelineDoubleRaf),
            fromConnection: s((r) => r.ours.fromConnection),
          },
          react: {
            pipeline: s((r) => r.theirs.pipeline),
            render: s((r) => r.theirs.render),
            pipelineDoubleRaf: s((r) => r.theirs.pipelineDoubleRaf),
          },
          jsonParse: s((r) => r.floor),
          ratios: {
            /** (a) ours (data → paint) / React (parse + map + render → paint). < 1: we are faster. */
            oursVsReactPipeline: s((r) => r.ours.pipeline / r.theirs.pipeline),
            /** (a') render only: ours (after the model) / React (rows ready → paint). */
            oursVsReactRender: s((r) => r.ours.render / r.theirs.render),
            /** (b) ours (parse + map + render) / JSON.parse alone: how far above the floor. */
            oursVsJsonParse: s((r) => r.ours.pipeline / r.floor),
          },
        };
      }
      let scroll;
      if (scrollRuns > 0) {
        const n = Math.max(...sizes);
        const oursScroll = [];
        const reactScroll = [];
        for (let r = 0; r < scrollRuns; r += 1) {
          await el(n);
          oursScroll.push(await p.page.evaluate(() => bench.scroll(120, 300)));
          await react(n);
          reactScroll.push(await p.page.evaluate(() => bench.scroll(120, 300)));
        }
        scroll = { n, stepPx: 300, ours: scrollSummary(oursScroll), react: scrollSummary(reactScroll) };
      }
      const unexpected = p.errors.filter((e) => !/favicon|404 \(Not Found\)/.test(e));
      out.kinds[kind] = { tag: k.tag, cold, perN, scroll, pageErrors: unexpected };
    } finally {
      await p.page.close();
    }
  }
  const goalRun = out.kinds.medications?.perN[RENDER_GOAL.n];
  out.goalMet = Object.values(out.kinds).every((k) => {
    const r = k.perN[RENDER_GOAL.n];
    return !r || r.ours.pipeline.median <= RENDER_GOAL.ms;
  });
  out.goalMeasured = Boolean(goalRun);
  return out;
}
