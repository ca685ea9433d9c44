/** Median and spread of repeated measurements. */
export function summarise(values) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return { n: 0, median: NaN, min: NaN, max: NaN, iqr: NaN, values: [] };
  const q = (p) => {
    const i = (xs.length - 1) * p;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return xs[lo] + (xs[hi] - xs[lo]) * (i - lo);
  };
  return {
    n: xs.length,
    median: round(q(0.5)),
    min: round(xs[0]),
    max: round(xs[xs.length - 1]),
    iqr: round(q(0.75) - q(0.25)),
    values: values.map((v) => round(v)),
  };
}

export function round(v, digits = 2) {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** "12.3 ms (11.9–13.0)" style. */
export function fmtMs(s, digits = 1) {
  if (!s || !s.n) return 'n/a';
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

export function fmtRatio(s, digits = 2) {
  if (!s || !s.n) return 'n/a';
  return `${s.median.toFixed(digits)}× (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

export function kb(bytes, digits = 1) {
  return (bytes / 1000).toFixed(digits);
}

/** Plain-text table: rows of cells, first row the header. */
export function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)));
  const line = (r) => r.map((cell, c) => String(cell ?? '').padEnd(widths[c])).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
