/**
 * Memory: every widget under one provider, switching between the large record and the rich one.
 * JS heap (CDP Runtime.getHeapUsage after two forced GCs) and DOM counters after switch 1 (large
 * record shown) and after more switches, ending on the large record again each time.
 */
import { openNetworkPage, LARGE, RICH } from './network.mjs';
import { round, summarise } from './lib/stats.mjs';

export const MEMORY_GOAL = { switches: 50, maxGrowth: 0.1 };

async function snapshot(p) {
  await p.gc();
  const heap = await p.cdp.send('Runtime.getHeapUsage');
  const dom = await p.cdp.send('Memory.getDOMCounters');
  return { usedMB: round(heap.usedSize / 1e6, 3), nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents };
}

export async function measureMemory({ browser, server, distDir, quick, log = () => {} }) {
  const repeats = quick ? 0 : Number(process.env.BENCH_MEMORY_RUNS ?? 3);
  const out = { switches: MEMORY_GOAL.switches, runs: [] };
  for (let r = 0; r < repeats; r += 1) {
    const p = await openNetworkPage(browser, server, distDir);
    try {
      await p.page.evaluate((t, id) => bench.mount(t, id), p.tags, RICH.patientId);
      await p.page.evaluate((id) => bench.switchTo(id), RICH.patientId);
      const curve = [];
      // Switch 1 shows the large record; odd switches show it again, so compare 1 with 51 (50 more).
      const last = MEMORY_GOAL.switches + 1;
      for (let s = 1; s <= last; s += 1) {
        const states = await p.page.evaluate((id) => bench.switchTo(id), s % 2 === 1 ? LARGE : RICH.patientId);
        if (s === 1 && Object.values(states).some((st) => st !== 'ready' && st !== 'empty')) {
          log(`memory: unexpected states on the large record ${JSON.stringify(states)}`);
        }
        if (s === 1 || s % 10 === 1) curve.push({ switch: s, ...(await snapshot(p)) });
      }
      const first = curve[0];
      const end = curve[curve.length - 1];
      const growth = (end.usedMB - first.usedMB) / first.usedMB;
      out.runs.push({ curve, growth: round(growth, 4) });
      log(`memory run ${r + 1}: ${first.usedMB} MB after switch 1, ${end.usedMB} MB after switch ${end.switch} (${(growth * 100).toFixed(1)} %), DOM nodes ${first.nodes} → ${end.nodes}`);
    } finally {
      await p.page.close();
    }
  }
  if (out.runs.length === 0) return { skipped: true };
  out.afterFirstMB = summarise(out.runs.map((r) => r.curve[0].usedMB));
  out.afterLastMB = summarise(out.runs.map((r) => r.curve[r.curve.length - 1].usedMB));
  out.growth = summarise(out.runs.map((r) => r.growth * 100));
  out.nodesFirst = summarise(out.runs.map((r) => r.curve[0].nodes));
  out.nodesLast = summarise(out.runs.map((r) => r.curve[r.curve.length - 1].nodes));
  out.goalMet = out.growth.median <= MEMORY_GOAL.maxGrowth * 100;
  return out;
}
