/**
 * Network figures on the mock HIE (pages/network.ts): requests per widget and for every widget under
 * one provider (duplicates, searches vs what the widget declares, follow-up pages, one-by-one reads),
 * aborts on a patient switch, and time from connection to the first request.
 */
import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { openPage } from './lib/browser.mjs';
import { repoDir } from './lib/build.mjs';
import { summarise } from './lib/stats.mjs';

export const RICH = { patientId: 'mock-rich-record', nhsNumber: '9990000018' };
export const LARGE = 'mock-large-record';
export const EMPTY = 'mock-empty-record';
/** One frame at 60 Hz. */
export const FRAME_MS = 1000 / 60;

/** Widget entries of a built dist: care-record-<name>.js, not the provider or the <care-record> layout. */
export function widgetEntries(distDir) {
  return readdirSync(distDir)
    .filter((f) => /^care-record-[a-z-]+\.js$/.test(f) && f !== 'care-record-provider.js')
    .sort()
    .map((f) => ({ entry: f, tag: f.replace(/\.js$/, '') }));
}

export async function openNetworkPage(browser, server, distDir) {
  const lib = `/${relative(repoDir, distDir)}/`;
  const p = await openPage(browser, `${server.url}/bench/pages/network.html?lib=${encodeURIComponent(lib)}`);
  const widgets = widgetEntries(distDir);
  await p.page.evaluate((e) => bench.loadLibrary(e), ['care-record-provider.js', ...widgets.map((w) => w.entry)]);
  return { ...p, tags: widgets.map((w) => w.tag) };
}

export async function measureNetwork({ browser, server, distDir, quick, log = () => {} }) {
  const p = await openNetworkPage(browser, server, distDir);
  const { page, tags } = p;
  const runs = quick ? 3 : 7;
  try {
    // Per widget, alone under a provider, patient by NHS number (so the lookup is counted too).
    const perWidget = {};
    for (const tag of tags) {
      const r = await page.evaluate((t, nhs) => bench.load([t], { nhsNumber: nhs }), tag, RICH.nhsNumber);
      const declared = await page.evaluate((t, id) => bench.declaredSearches(t, `Patient/${id}`), tag, RICH.patientId);
      perWidget[tag] = { declaredSearches: declared ?? null, state: r.states[tag], ...r.requests };
      log(`network ${tag}: ${r.requests.total} requests (${r.requests.searches} searches, declared ${declared}), ${r.requests.duplicates} duplicates, state ${r.states[tag]}`);
    }
    // Every widget under one provider: each distinct query once.
    const allRuns = [];
    for (let i = 0; i < (quick ? 1 : 3); i += 1) {
      allRuns.push(await page.evaluate((t, nhs) => bench.load(t, { nhsNumber: nhs }), tags, RICH.nhsNumber));
    }
    const all = allRuns[0];
    const sumAlone = Object.values(perWidget).reduce((a, w) => a + w.total, 0);
    log(`network all widgets: ${all.requests.total} requests, ${all.requests.distinct} distinct, ${all.requests.duplicates} duplicates (sum alone ${sumAlone})`);
    // Abort on patient switch while every search hangs.
    const aborts = [];
    for (let i = 0; i < (quick ? 1 : 3); i += 1) {
      aborts.push(await page.evaluate((t, a, b) => bench.abortOnSwitch(t, a, b), tags, RICH.patientId, EMPTY));
    }
    log(`network abort on switch: ${aborts.map((a) => `${a.aborted}/${a.inFlightAtSwitch}`).join(', ')}`);
    // Connection → first request.
    const first = {};
    for (const tag of tags) {
      const xs = [];
      for (let i = 0; i < runs; i += 1) xs.push(await page.evaluate((t, id) => bench.firstRequest([t], id), tag, RICH.patientId));
      first[tag] = summarise(xs);
    }
    const allFirst = [];
    for (let i = 0; i < runs; i += 1) allFirst.push(await page.evaluate((t, id) => bench.firstRequest(t, id), tags, RICH.patientId));
    first['(all widgets)'] = summarise(allFirst);
    log(`network first request (all widgets): median ${first['(all widgets)'].median} ms`);
    return {
      widgets: tags,
      perWidget,
      all: {
        ...all.requests,
        states: all.states,
        runs: allRuns.map((r) => ({ total: r.requests.total, duplicates: r.requests.duplicates })),
        sumOfWidgetsAlone: sumAlone,
      },
      abortOnSwitch: {
        runs: aborts,
        inFlightAtSwitch: summarise(aborts.map((a) => a.inFlightAtSwitch)),
        notAborted: summarise(aborts.map((a) => a.notAborted.length)),
      },
      firstRequestMs: first,
      frameMs: FRAME_MS,
      goals: {
        duplicatesZero: allRuns.every((r) => r.requests.duplicates === 0),
        readsZero: Object.values(perWidget).every((w) => w.reads === 0) && all.requests.reads === 0,
        searchesAsDeclared: Object.values(perWidget).every((w) => w.declaredSearches === null || w.searches === w.declaredSearches),
        allAborted: aborts.every((a) => a.notAborted.length === 0 && a.inFlightAtSwitch > 0),
        firstRequestUnderFrame: Object.values(first).every((s) => s.median < FRAME_MS),
      },
      pageErrors: p.errors.filter((e) => !/favicon|404 \(Not Found\)/.test(e)),
    };
  } finally {
    await page.close();
  }
}
