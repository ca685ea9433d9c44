/**
 * Prints plain closing lines after the default reporter, one per browser and a total, e.g.
 * `Tests (Firefox): N passed, N failed, N skipped` and `Tests: N passed, N failed, N skipped`, so CI logs
 * state the counts without parsing the progress bar.
 */
function count(suite, totals) {
  if (!suite) return totals;
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
  return totals;
}

const line = (label, t) => `${label}: ${t.passed} passed, ${t.failed + t.brokenFiles} failed, ${t.skipped} skipped`;

export function summaryReporter() {
  return {
    stop({ sessions, testCoverage }) {
      const zero = () => ({ passed: 0, failed: 0, skipped: 0, brokenFiles: 0, files: 0 });
      const totals = zero();
      const byBrowser = new Map();
      for (const session of sessions) {
        const name = session.browser?.name ?? 'browser';
        if (!byBrowser.has(name)) byBrowser.set(name, zero());
        const own = byBrowser.get(name);
        own.files++;
        for (const t of [totals, own]) {
          count(session.testResults, t);
          if (!session.passed && (session.errors?.length ?? 0) > 0) t.brokenFiles++;
        }
      }
      const lines = [];
      if (testCoverage?.summary) {
        lines.push(`Coverage (lines, src/): ${testCoverage.summary.lines.pct}%`);
      }
      if (totals.brokenFiles) lines.push(`Test files that failed to run: ${totals.brokenFiles}`);
      if (byBrowser.size > 1) {
        for (const [name, t] of byBrowser) lines.push(`${line(`Tests (${name}, ${t.files} files)`, t)}`);
      }
      lines.push(line('Tests', totals));
      // The runner redraws its progress area after reporters stop; print once it has let go of the terminal.
      process.once('exit', () => process.stdout.write(`${lines.join('\n')}\n`));
    },
  };
}
