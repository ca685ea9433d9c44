import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { RecordIndex } from '../../../src/model/record-index.js';
import { sameItemsMemo } from '../../../src/core/same-items-memo.js';
import { mapResults, type ResultRow } from '../../../src/elements/results/results.model.js';
import {
  buildTrends,
  rowTrends,
  sparkGeometry,
  trendSummary,
  type TrendSeries,
} from '../../../src/elements/results/results.trends.js';

const NOW = new Date('2026-11-27T14:00:00Z');
const SNOMED = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const K = `${SNOMED}|1000651000000109|mmol/l`;

function k(id: string, date: string | undefined, value: unknown, body: Record<string, unknown> = {}): Resource {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    subject: { reference: 'Patient/p1' },
    code: { coding: [{ system: SNOMED, code: '1000651000000109', display: 'Serum potassium level' }] },
    ...(date ? { effectiveDateTime: date } : {}),
    valueQuantity: value,
    referenceRange: [{ low: { value: 3.5, unit: 'mmol/L' }, high: { value: 5.3, unit: 'mmol/L' } }],
    ...body,
  } as unknown as Resource;
}
const mmol = (value: number, extra: Record<string, unknown> = {}) => ({ value, unit: 'mmol/L', system: UCUM, code: 'mmol/L', ...extra });

function rows(resources: Resource[]): ResultRow[] {
  return mapResults({ matches: resources, index: new RecordIndex(resources), now: NOW });
}

describe('buildTrends', () => {
  it('groups repeated results of one test in one unit, oldest first, from rows and report members', () => {
    const trends = buildTrends(
      rows([
        k('a', '2026-01-01', mmol(4.1)),
        k('c', '2026-06-01', mmol(5.6), { interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'H' }] }] }),
        {
          resourceType: 'DiagnosticReport',
          id: 'ue',
          status: 'final',
          subject: { reference: 'Patient/p1' },
          code: { text: 'U&E' },
          effectiveDateTime: '2026-03-01',
          result: [{ reference: 'Observation/b' }],
        } as Resource,
        // No date of its own: it was taken with its report.
        k('b', undefined, mmol(4.6)),
      ]),
    );
    const series = trends.get(K)!;
    expect(series.name).to.equal('Serum potassium level');
    expect(series.points.map((p) => [p.key, p.value, p.date])).to.deep.equal([
      ['Observation/a', 4.1, '2026-01-01'],
      ['Observation/b', 4.6, '2026-03-01'],
      ['Observation/c', 5.6, '2026-06-01'],
    ]);
    expect(series.points[2]).to.include({ interpretation: 'High ↑', statusLabel: 'Final', source: 'Source not recorded', low: 3.5, high: 5.3 });
  });

  it('never puts different units, comparators, missing units or cancelled tests on one line', () => {
    const trends = buildTrends(
      rows([
        k('a', '2026-01-01', mmol(4.1)),
        k('mg', '2026-02-01', { value: 16, unit: 'mg/dL', system: UCUM, code: 'mg/dL' }),
        k('lt', '2026-03-01', mmol(3, { comparator: '<' })),
        k('nounit', '2026-04-01', { value: 4.4 }),
        k('cancelled', '2026-05-01', mmol(9), { status: 'cancelled' }),
        k('undated', undefined, mmol(4.9)),
      ]),
    );
    expect(trends.get(K)!.points.map((p) => p.key)).to.deep.equal(['Observation/a']);
    expect(trends.get(`${SNOMED}|1000651000000109|mg/dl`)!.points).to.have.length(1);
    expect([...trends.keys()]).to.have.length(2);
  });

  it('counts a result listed by two reports once', () => {
    const report = (id: string) =>
      ({ resourceType: 'DiagnosticReport', id, status: 'final', subject: { reference: 'Patient/p1' }, code: { text: id }, result: [{ reference: 'Observation/a' }] }) as Resource;
    const trends = buildTrends(rows([report('r1'), report('r2'), k('a', '2026-01-01', mmol(4.1))]));
    expect(trends.get(K)!.points).to.have.length(1);
  });

  it('gives each point its own interpretations in words and its own time, also when taken with its report', () => {
    const V3 = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
    const flag = (...codes: string[]) => ({ interpretation: codes.map((code) => ({ coding: [{ system: V3, code }] })) });
    const trends = buildTrends(
      rows([
        k('h', '2026-01-01T10:00:00+01:00', mmol(5.6), flag('H')),
        k('h2', '2026-01-02', mmol(5.7), flag('H')),
        k('hl', '2026-01-03', mmol(5.8), flag('H', 'L')),
        k('n', '2026-01-04', mmol(4.1)),
        k('text', '2026-01-05', mmol(4.2), { interpretation: [{ text: 'Haemolysed' }] }),
        {
          resourceType: 'DiagnosticReport',
          id: 'r',
          status: 'final',
          subject: { reference: 'Patient/p1' },
          code: { text: 'U&E' },
          issued: '2026-01-06T09:30:00Z',
          result: [{ reference: 'Observation/m' }],
        } as Resource,
        k('m', undefined, mmol(4.3), flag('LL')),
      ]),
    );
    const points = trends.get(K)!.points;
    expect(points.map((p) => [p.key, p.interpretation])).to.deep.equal([
      ['Observation/h', 'High ↑'],
      ['Observation/h2', 'High ↑'],
      ['Observation/hl', 'High ↑, Low ↓'],
      ['Observation/n', undefined],
      ['Observation/text', 'Haemolysed'],
      ['Observation/m', 'Critically low ⚠'],
    ]);
    expect(points[0]!.time).to.equal(Date.UTC(2026, 0, 1, 9));
    expect(points.at(-1)!).to.include({ date: '2026-01-06T09:30:00Z', time: Date.UTC(2026, 0, 6, 9, 30) });
  });
});

describe('rowTrends, kept with sameItemsMemo', () => {
  it('puts each chart with the first (newest) row of its series', () => {
    const { chartRow, trends } = rowTrends(rows([k('a', '2026-01-01', mmol(4.1)), k('b', '2026-02-01', mmol(4.6))]));
    expect(chartRow.get(K)).to.equal('Observation/b');
    expect(trends.get(K)!.points).to.have.length(2);
  });

  it('reuses trends for the same rows, and builds them afresh for other or refreshed rows', () => {
    let builds = 0;
    const memo = sameItemsMemo((r: readonly ResultRow[]) => {
      builds++;
      return rowTrends(r);
    });
    const first = rows([k('a', '2026-01-01', mmol(4.1)), k('b', '2026-02-01', mmol(4.6))]);
    const shown = memo(first);
    // A re-render passes a new array of the same rows.
    expect(memo([...first])).to.equal(shown);
    expect(builds).to.equal(1);

    // Filtered: fewer rows.
    expect(memo(first.slice(1)).trends.get(K)!.points).to.have.length(1);
    expect(builds).to.equal(2);

    // Refreshed: the same ids with a new value must never show the old one.
    const refreshed = rows([k('a', '2026-01-01', mmol(4.1)), k('b', '2026-02-01', mmol(7.2))]);
    expect(refreshed.map((r) => r.key)).to.deep.equal(first.map((r) => r.key));
    const after = memo(refreshed);
    expect(builds).to.equal(3);
    expect(after.trends.get(K)!.points.map((p) => p.value)).to.deep.equal([4.1, 7.2]);
  });

  it('is not fooled by a caller changing its array after the call', () => {
    const memo = sameItemsMemo(rowTrends);
    const first = rows([k('a', '2026-01-01', mmol(4.1)), k('b', '2026-02-01', mmol(4.6))]);
    const array = [...first];
    const before = memo(array);
    // The newest row (b) replaced by a refreshed copy of itself.
    array[0] = rows([k('b', '2026-02-01', mmol(9.9))])[0]!;
    const after = memo(array);
    expect(after).to.not.equal(before);
    expect(after.trends.get(K)!.points.map((p) => p.value)).to.deep.equal([4.1, 9.9]);
  });
});

function series(values: [string, number][], low?: number, high?: number): TrendSeries {
  return {
    key: K,
    name: 'Serum potassium level',
    unitKey: 'mmol/l',
    points: values.map(([date, value], i) => ({
      key: `Observation/${i}`,
      name: 'Serum potassium level',
      date,
      time: Date.parse(date),
      value,
      text: `${value} mmol/L`,
      interpretation: value > 5.3 ? 'High ↑' : undefined,
      statusLabel: 'Final',
      source: 'Lab',
      low,
      high,
      rangeUnitKey: 'mmol/l',
    })),
  };
}

describe('sparkGeometry and trendSummary', () => {
  it('places points by time and value inside the chart, with the range as a band', () => {
    const g = sparkGeometry(series([['2026-01-01', 4], ['2026-01-11', 6], ['2026-01-31', 5]], 3.5, 5.3), 120, 36, 4);
    expect(g.points.map((p) => p.x)).to.deep.equal([4, 41.3, 116]);
    expect(g.points[1]!.y).to.equal(4);
    expect(g.points.every((p) => p.y >= 4 && p.y <= 32)).to.equal(true);
    expect(g.band).to.not.equal(undefined);
    expect(g.band!.y).to.be.greaterThan(g.points[1]!.y);
    expect(g.band!.y + g.band!.height).to.be.closeTo(32, 0.11);
  });

  it('draws equal values and same-day results without dividing by zero', () => {
    const g = sparkGeometry(series([['2026-01-01', 4], ['2026-01-01', 4]]));
    for (const p of g.points) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).to.equal(true);
    }
    expect(g.points[0]!.x).to.be.lessThan(g.points[1]!.x);
    expect(g.band).to.equal(undefined);
  });

  it('leaves out a band in another unit', () => {
    const s = series([['2026-01-01', 4], ['2026-01-02', 5]], 3.5, 5.3);
    s.points[1]!.rangeUnitKey = 'mg/dl';
    expect(sparkGeometry(s).band).to.equal(undefined);
  });

  it('summarises the trend in words', () => {
    expect(trendSummary(series([['2026-01-01', 4.1], ['2026-03-01', 6.6], ['2026-06-01', 5]]))).to.equal(
      'Serum potassium level trend: 3 results from 01-Jan-2026 to 01-Jun-2026; latest 5 mmol/L on 01-Jun-2026; previous 6.6 mmol/L on 01-Mar-2026; lowest 4.1 mmol/L; highest 6.6 mmol/L.',
    );
  });
});
