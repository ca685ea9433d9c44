import { expect, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { trendBlock } from '../../../src/elements/results/results.templates.js';
import type { TrendPoint, TrendSeries } from '../../../src/elements/results/results.trends.js';
import { PATIENCE } from '../../support/patience.js';

function point(i: number, value: number): TrendPoint {
  const date = new Date(Date.UTC(2026, 0, 1 + i, 9)).toISOString();
  return {
    key: `Observation/k-${i}`,
    name: 'Serum potassium level',
    date,
    time: Date.parse(date),
    value,
    text: `${value} mmol/L`,
    interpretation: undefined,
    statusLabel: 'Final',
    source: 'Riverside Medical Practice',
    low: 3.5,
    high: 5.3,
    rangeUnitKey: 'mmol/L',
  };
}

function series(values: number[]): TrendSeries {
  return { key: 'snomed|1000651000000109|mmol/L', name: 'Serum potassium level', unitKey: 'mmol/L', points: values.map((v, i) => point(i, v)) };
}

describe('trendBlock', () => {
  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => host.remove());

  it('joins every point with the line but marks only the latest 30, the newest as latest', () => {
    const values = Array.from({ length: 200 }, (_, i) => 4 + (i % 10) / 10);
    render(trendBlock(series(values)), host);
    const points = host.querySelector('polyline')!.getAttribute('points')!.split(' ');
    expect(points).to.have.length(200);
    const circles = [...host.querySelectorAll('circle')];
    expect(circles).to.have.length(30);
    expect(circles.filter((c) => c.classList.contains('latest'))).to.have.length(1);
    const latest = circles.at(-1)!;
    expect(latest.classList.contains('latest')).to.equal(true);
    expect(`${latest.getAttribute('cx')},${latest.getAttribute('cy')}`).to.equal(points.at(-1));
    expect(host.querySelector('summary')!.textContent).to.contain('200 Serum potassium level results as a table');
  });

  it('builds the table only while it is open, from the values of the latest render', async () => {
    render(trendBlock(series([4.1, 4.2, 6.6])), host);
    const details = host.querySelector('details')!;
    expect(host.querySelectorAll('tbody tr')).to.have.length(0);
    details.open = true;
    await waitUntil(() => host.querySelectorAll('tbody tr').length === 3, 'rows not built on opening', { timeout: PATIENCE });
    expect(host.querySelector('tbody tr')!.textContent).to.contain('6.6 mmol/L');

    // A refresh brings other values while the table is open: the table shows them, not the old ones.
    render(trendBlock(series([4.1, 4.2, 6.6, 5.0])), host);
    expect(host.querySelectorAll('tbody tr')).to.have.length(4);
    expect(host.querySelector('tbody tr')!.textContent).to.contain('5 mmol/L');

    details.open = false;
    await waitUntil(() => host.querySelectorAll('tbody tr').length === 0, 'rows kept after closing', { timeout: PATIENCE });
  });
});
