/**
 * Prints one plain closing line, `Tests: N passed, N failed, N skipped`, after the default reporter,
 * so CI logs state the count without parsing the progress bar.
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

export function summaryReporter() {
  return {
    stop({ sessions, testCoverage }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      let brokenFiles = 0;
      for (const session of sessions) {
        count(session.testResults, totals);
        if (!session.passed && (session.errors?.length ?? 0) > 0) brokenFiles++;
      }
      const lines = [];
      if (testCoverage?.summary) {
        lines.push(`Coverage (lines, src/): ${testCoverage.summary.lines.pct}%`);
      }
      if (brokenFiles) lines.push(`Test files that failed to run: ${brokenFiles}`);
      lines.push(`Tests: ${totals.passed} passed, ${totals.failed + brokenFiles} failed, ${totals.skipped} skipped`);
      // The runner redraws its progress area after reporters stop; print once it has let go of the terminal.
      process.once('exit', () => process.stdout.write(`${lines.join('\n')}\n`));
    },
  };
}
