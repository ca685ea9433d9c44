import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { modelInput, NOW, organisation, OVERDUE_BATCH } from '../../support/fixtures.js';
import { RecordIndex } from '../../../src/model/record-index.js';
import {
  compareResultRows,
  mapResults,
  resultCodeKey,
  sortResultRows,
  TEST_NOT_RECORDED,
  type ResultRow,
} from '../../../src/elements/results/results.model.js';
import { resultsQueries } from '../../../src/elements/results/results.queries.js';

const SNOMED = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const V3 = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

const lab = organisation('lab', 'Riverside Pathology', 'acute', { ods: 'X9A', sourceSystem: true, feed: OVERDUE_BATCH });
const community = organisation('community', 'Riverside Community Health', 'community', { ods: null });

const potassiumCode = { coding: [{ system: SNOMED, code: '1000651000000109', display: 'Serum potassium level' }] };

function obs(id: string, body: Record<string, unknown> = {}): Resource {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    subject: { reference: 'Patient/p1' },
    code: potassiumCode,
    effectiveDateTime: '2026-11-20T09:00:00Z',
    valueQuantity: { value: 4.2, unit: 'mmol/L', system: UCUM, code: 'mmol/L' },
    ...body,
  } as unknown as Resource;
}

function report(id: string, results: string[], body: Record<string, unknown> = {}): Resource {
  return {
    resourceType: 'DiagnosticReport',
    id,
    status: 'final',
    subject: { reference: 'Patient/p1' },
    code: { coding: [{ system: SNOMED, code: '252167001', display: 'Urea and electrolytes' }] },
    effectiveDateTime: '2026-11-20T09:00:00Z',
    issued: '2026-11-20T11:30:00Z',
    result: results.map((r) => ({ reference: `Observation/${r}` })),
    ...body,
  } as unknown as Resource;
}

function map(matches: unknown[], included: Resource[] = [lab, community]): ResultRow[] {
  return mapResults(modelInput(matches as Resource[], included));
}

function one(resource: Resource, included?: Resource[]): ResultRow {
  const rows = map([resource], included);
  expect(rows).to.have.length(1);
  return rows[0]!;
}

const value = (body: Record<string, unknown>) =>
  one(obs('v', { valueQuantity: undefined, ...body })).main!.value;

describe('mapResults: values', () => {
  it('maps a full laboratory result', () => {
    const row = one(
      obs('k1', {
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
        issued: '2026-11-20T11:30:00Z',
        performer: [{ reference: 'Organization/lab' }],
        valueQuantity: { value: 6.6, unit: 'mmol/L', system: UCUM, code: 'mmol/L' },
        referenceRange: [{ low: { value: 3.5, unit: 'mmol/L' }, high: { value: 5.3, unit: 'mmol/L' } }],
        interpretation: [{ coding: [{ system: V3, code: 'HH' }] }],
        meta: { lastUpdated: '2026-11-20T12:00:00Z', security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
      }),
    );
    expect(row).to.deep.include({
      key: 'Observation/k1',
      id: 'k1',
      resourceType: 'Observation',
      kind: 'observation',
      name: 'Serum potassium level',
      category: 'Laboratory',
      status: 'final',
      statusLabel: 'Final',
      attention: false,
      effective: '2026-11-20T09:00:00Z',
      issued: '2026-11-20T11:30:00Z',
      date: '2026-11-20T09:00:00Z',
      securityLabels: ['Restricted'],
    });
    expect(row.main!.value).to.deep.include({ text: '6.6 mmol/L', number: 6.6, unitMissing: false, numeric: true, absent: false });
    expect(row.main!.range).to.deep.include({ text: '3.5 to 5.3 mmol/L', low: 3.5, high: 5.3 });
    expect(row.main!.interpretations).to.deep.equal([{ code: 'HH', label: 'Critically high', symbol: '⚠', level: 'critical' }]);
    expect(row.main!.seriesKey).to.equal(`${SNOMED}|1000651000000109|mmol/l`);
    expect(row.flagged.map((f) => `${f.name} ${f.value} ${f.interpretation.label}`)).to.deep.equal([
      'Serum potassium level 6.6 mmol/L Critically high',
    ]);
    expect(row.source).to.include({ name: 'Riverside Pathology', typeLabel: 'Acute hospital', via: 'resource' });
    expect(row.freshness).to.include({ feed: 'batch', possiblyOutOfDate: true, lastUpdated: '2026-11-20T12:00:00Z' });
  });

  it('shows a comparator and never plots it as a plain number', () => {
    expect(value({ valueQuantity: { value: 5, comparator: '<', unit: 'mg/L' } })).to.deep.include({ text: '< 5 mg/L', number: undefined, numeric: true });
  });

  it('says "unit not recorded" for a number without a unit, never a bare number', () => {
    expect(value({ valueQuantity: { value: 0.62 } })).to.deep.include({ text: '0.62', unitMissing: true, numeric: true, number: 0.62 });
    expect(value({ valueInteger: 7 })).to.deep.include({ text: '7', unitMissing: true, numeric: true });
    expect(value({ valueRange: { low: { value: 2 }, high: { value: 4, unit: 'mmol/L' } } })).to.deep.include({ text: '2 to 4 mmol/L', unitMissing: true });
    // Without a unit the value has no series: it cannot be compared with others.
    expect(one(obs('n', { valueQuantity: { value: 0.62 } })).main!.seriesKey).to.equal(undefined);
  });

  it('reads every kind of value', () => {
    expect(value({ valueString: 'Mixed growth' }).text).to.equal('Mixed growth');
    expect(value({ valueCodeableConcept: { coding: [{ system: SNOMED, code: '264868006', display: 'No growth' }] } }).text).to.equal('No growth');
    expect(value({ valueBoolean: true }).text).to.equal('Yes');
    expect(value({ valueBoolean: false }).text).to.equal('No');
    expect(value({ valueRange: { low: { value: 2, unit: 'mmol/L' } } }).text).to.equal('at least 2 mmol/L');
    expect(value({ valueRatio: { numerator: { value: 1 }, denominator: { value: 128 } } }).text).to.equal('1 : 128');
    expect(value({ valuePeriod: { start: '2026-11-01', end: '2026-11-03' } }).text).to.equal('01-Nov-2026 to 03-Nov-2026');
    expect(value({ valuePeriod: { start: '2026-11-01' } }).text).to.equal('01-Nov-2026 to not recorded');
    expect(value({ valueDateTime: '2026-02' }).text).to.equal('Feb-2026');
    expect(value({ valueTime: '14:30:00' }).text).to.equal('14:30');
    expect(value({ valueSampledData: { origin: { value: 0 }, dimensions: 1 } }).text).to.match(/Sampled data.*not shown/);
    expect(value({ valueQuantity: { value: 94, unit: '%' } }).text).to.equal('94%');
  });

  it('says why a value is absent', () => {
    expect(value({ dataAbsentReason: { text: 'Specimen unsatisfactory for evaluation' } })).to.deep.include({
      text: 'Not recorded: Specimen unsatisfactory for evaluation',
      absent: true,
    });
    expect(value({ dataAbsentReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'not-performed' }] } }).text).to.equal(
      'Not recorded: test not performed',
    );
    expect(value({ dataAbsentReason: {} }).text).to.equal('Not recorded: no reason given');
    expect(value({}).text).to.equal('Value not recorded');
    expect(value({ valueQuantity: { unit: 'mmol/L' } }).text).to.equal('Value not recorded');
  });

  it('says there is no result for cancelled and registered tests', () => {
    expect(one(obs('c', { status: 'cancelled', valueQuantity: undefined })).main!.value.text).to.equal('No result: the test was cancelled');
    expect(one(obs('r', { status: 'registered', valueQuantity: undefined })).main!.value.text).to.equal('No result yet');
  });

  it('reads components (blood pressure) with a series for each', () => {
    const row = one(
      obs('bp', {
        code: { coding: [{ system: SNOMED, code: '75367002', display: 'Blood pressure' }] },
        valueQuantity: undefined,
        component: [
          { code: { coding: [{ system: SNOMED, code: '72313002', display: 'Systolic arterial pressure' }] }, valueQuantity: { value: 168, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' }, interpretation: [{ coding: [{ system: V3, code: 'H' }] }] },
          { code: { coding: [{ system: SNOMED, code: '1091811000000102', display: 'Diastolic arterial pressure' }] }, valueQuantity: { value: 96, unit: 'mmHg' } },
          { code: {}, dataAbsentReason: { text: 'Cuff failed' } },
        ],
      }),
    );
    expect(row.main).to.equal(undefined);
    expect(row.components.map((c) => [c.name, c.value.text])).to.deep.equal([
      ['Systolic arterial pressure', '168 mmHg'],
      ['Diastolic arterial pressure', '96 mmHg'],
      ['Component name not recorded', 'Not recorded: Cuff failed'],
    ]);
    expect(row.components[0]!.seriesKey).to.equal(`${SNOMED}|75367002>${SNOMED}|72313002|mm[hg]`);
    expect(row.components[1]!.seriesKey).to.equal(`${SNOMED}|75367002>${SNOMED}|1091811000000102|mmhg`);
    expect(row.flagged.map((f) => f.name)).to.deep.equal(['Blood pressure: Systolic arterial pressure']);
  });

  it('puts reference ranges in words', () => {
    const range = (referenceRange: unknown) => one(obs('r', { referenceRange })).main!.range?.text;
    expect(range([{ high: { value: 5, unit: 'mg/L' } }])).to.equal('up to 5 mg/L');
    expect(range([{ low: { value: 60 } }])).to.equal('at least 60');
    expect(range([{ low: { value: 4 }, high: { value: 17 } }])).to.equal('4 to 17');
    expect(range([{ text: 'Less than 5' }])).to.equal('Less than 5');
    expect(range([{ low: { value: 0.4, unit: 'mmol/L' }, high: { value: 1, unit: 'mmol/L' }, type: { text: 'Therapeutic range' } }])).to.equal(
      'Therapeutic range: 0.4 to 1 mmol/L',
    );
    expect(range([{ low: { value: 3.5 }, high: { value: 5.3 }, text: 'adult', appliesTo: [{ text: 'women' }] }, { text: 'Child: 3.4 to 4.7' }])).to.equal(
      '3.5 to 5.3 (adult) (for women); Child: 3.4 to 4.7',
    );
    expect(range(undefined)).to.equal(undefined);
    expect(range('3.5-5.3')).to.equal(undefined);
  });

  it('puts every interpretation in words with a symbol, keeping unknown ones in their own words', () => {
    const flags = (interpretation: unknown) =>
      one(obs('i', { interpretation })).main!.interpretations.map((i) => `${i.label}|${i.symbol}|${i.level}`);
    const coded = (code: string, system = V3) => [{ coding: [{ system, code }] }];
    expect(flags(coded('H'))).to.deep.equal(['High|↑|abnormal']);
    expect(flags(coded('L'))).to.deep.equal(['Low|↓|abnormal']);
    expect(flags(coded('HH'))).to.deep.equal(['Critically high|⚠|critical']);
    expect(flags(coded('LL'))).to.deep.equal(['Critically low|⚠|critical']);
    expect(flags(coded('A'))).to.deep.equal(['Abnormal|!|abnormal']);
    expect(flags(coded('AA'))).to.deep.equal(['Critically abnormal|⚠|critical']);
    expect(flags(coded('N'))).to.deep.equal(['Normal||normal']);
    expect(flags(coded('H', 'http://hl7.org/fhir/v2/0078'))).to.deep.equal(['High|↑|abnormal']);
    expect(flags([{ text: 'Above range' }])).to.deep.equal(['Above range||other']);
    expect(flags([{ coding: [{ system: V3, code: 'ZZ', display: 'Odd' }] }])).to.deep.equal(['Odd||other']);
    expect(flags([{ coding: [{ system: 'http://example.org/flags', code: 'H', display: 'Local high' }] }])).to.deep.equal(['Local high||other']);
    expect(flags('H')).to.deep.equal([]);
  });

  it('shares only read-only lists that hold nothing of one result: empty ones and a lone known interpretation', () => {
    const high = [{ coding: [{ system: V3, code: 'H' }] }];
    const [a, b, both, local, plain] = map([
      obs('a', { interpretation: high }),
      obs('b', { interpretation: high, effectiveDateTime: '2026-11-19T09:00:00Z' }),
      obs('c', { interpretation: [...high, { coding: [{ system: V3, code: 'L' }] }], effectiveDateTime: '2026-11-18T09:00:00Z' }),
      obs('d', { interpretation: [{ coding: [{ system: V3, code: 'H', display: 'Local words' }] }], effectiveDateTime: '2026-11-17T09:00:00Z' }),
      obs('e', { effectiveDateTime: '2026-11-16T09:00:00Z' }),
    ]);
    // The same lone code: one frozen list, which no result can change for the others.
    expect(a!.main!.interpretations).to.equal(b!.main!.interpretations);
    expect(Object.isFrozen(a!.main!.interpretations)).to.equal(true);
    expect(Object.isFrozen(a!.main!.interpretations[0])).to.equal(true);
    expect(() => (a!.main!.interpretations as unknown[]).push('x')).to.throw();
    expect(b!.main!.interpretations).to.deep.equal([{ code: 'H', label: 'High', symbol: '↑', level: 'abnormal' }]);
    // Two interpretations: a list of this result's own.
    expect(both!.main!.interpretations.map((i) => i.code)).to.deep.equal(['H', 'L']);
    expect(Object.isFrozen(both!.main!.interpretations)).to.equal(false);
    // A known code keeps our words (display is not read for known codes), as before.
    expect(local!.main!.interpretations.map((i) => i.label)).to.deep.equal(['High']);
    // Nothing to list: frozen empty lists, and a flagged result still lists its flags.
    for (const list of [plain!.members, plain!.components, plain!.notes, plain!.flagged, plain!.main!.interpretations]) {
      expect(list).to.deep.equal([]);
      expect(Object.isFrozen(list)).to.equal(true);
    }
    expect(a!.flagged.map((f) => f.interpretation.code)).to.deep.equal(['H']);
    expect(both!.flagged.map((f) => f.interpretation.code)).to.deep.equal(['H', 'L']);
  });
});

describe('mapResults: statuses', () => {
  it('labels every status, marks those that need attention, and drops entered-in-error', () => {
    const statuses = ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'unknown', 'entered-in-error'];
    const rows = map(statuses.map((status, i) => obs(status, { status, effectiveDateTime: `2026-11-0${i + 1}` })));
    const byStatus = new Map(rows.map((r) => [r.status, r]));
    expect([...byStatus.keys()]).to.have.members(statuses.filter((s) => s !== 'entered-in-error'));
    expect(byStatus.get('final')).to.include({ statusLabel: 'Final', attention: false, statusNote: undefined });
    expect(byStatus.get('preliminary')).to.include({ statusLabel: 'Preliminary', attention: true, statusNote: 'Preliminary result: it may change.' });
    expect(byStatus.get('amended')!.statusNote).to.match(/^Amended: this result was changed/);
    expect(byStatus.get('corrected')!.statusNote).to.match(/^Corrected: an error in this result was corrected/);
    expect(byStatus.get('cancelled')).to.include({ statusLabel: 'Cancelled', attention: true });
    expect(byStatus.get('registered')).to.include({ statusLabel: 'Registered', attention: true });
    expect(byStatus.get('unknown')).to.include({ statusLabel: 'Status unknown', attention: true });
  });

  it('labels report-only statuses and keeps missing or unknown statuses visible', () => {
    const [partial, appended] = map([report('p', [], { status: 'partial' }), report('a', [], { status: 'appended', effectiveDateTime: '2026-01-01' })]);
    expect(partial).to.include({ statusLabel: 'Partial', attention: true });
    expect(appended!.statusNote).to.match(/^Appended/);
    const [missing, odd] = map([obs('m', { status: undefined }), obs('o', { status: 'paused', effectiveDateTime: '2025-01-01' })]);
    expect(missing).to.include({ status: 'unknown', statusLabel: 'Status not recorded' });
    expect(odd).to.include({ status: 'paused', statusLabel: 'Status: paused' });
  });
});

describe('mapResults: reports and panels', () => {
  it('shows a report with its results inside it, never twice', () => {
    const rows = map([
      report('ue', ['na', 'k']),
      obs('na', { code: { text: 'Sodium' }, valueQuantity: { value: 131, unit: 'mmol/L' }, interpretation: [{ coding: [{ system: V3, code: 'L' }] }] }),
      obs('k'),
      obs('alone', { effectiveDateTime: '2026-11-01' }),
    ]);
    expect(rows.map((r) => r.key)).to.deep.equal(['DiagnosticReport/ue', 'Observation/alone']);
    const ue = rows[0]!;
    expect(ue).to.include({ kind: 'report', name: 'Urea and electrolytes', issued: '2026-11-20T11:30:00Z', main: undefined });
    expect(ue.members.map((m) => m.key)).to.deep.equal(['Observation/na', 'Observation/k']);
    expect(ue.flagged.map((f) => `${f.name}: ${f.interpretation.label}`)).to.deep.equal(['Sodium: Low']);
  });

  it('nests a panel inside a report, and lists a standalone panel with its members', () => {
    const rows = map([
      report('fbc-report', ['fbc']),
      obs('fbc', { code: { text: 'Full blood count' }, valueQuantity: undefined, hasMember: [{ reference: 'Observation/hb' }] }),
      obs('hb', { code: { text: 'Haemoglobin' } }),
      obs('vitals', { code: { text: 'Vital signs' }, valueQuantity: undefined, hasMember: [{ reference: 'Observation/hr' }], effectiveDateTime: '2026-11-01' }),
      obs('hr', { code: { text: 'Heart rate' } }),
    ]);
    expect(rows.map((r) => [r.key, r.kind])).to.deep.equal([
      ['DiagnosticReport/fbc-report', 'report'],
      ['Observation/vitals', 'panel'],
    ]);
    expect(rows[0]!.members[0]!.members.map((m) => m.name)).to.deep.equal(['Haemoglobin']);
    expect(rows[0]!.members[0]!.main).to.equal(undefined);
    expect(rows[1]!.members.map((m) => m.name)).to.deep.equal(['Heart rate']);
  });

  it('counts results a report names that were not received, and drops entered-in-error ones', () => {
    const [row] = map([report('ue', ['missing', 'eie', 'k']), obs('eie', { status: 'entered-in-error' }), obs('k')]);
    expect(row!.members.map((m) => m.key)).to.deep.equal(['Observation/k']);
    expect(row!.unavailableMembers).to.equal(1);
    const [pointsAtOrg] = map([{ ...report('r2', []), result: [{ reference: 'Organization/lab' }] }]);
    expect(pointsAtOrg!.unavailableMembers).to.equal(1);
  });

  it('shows an included result only when it names the same patient as its report', () => {
    const same = obs('same');
    const other = obs('other', { subject: { reference: 'Patient/someone-else' } });
    const noSubject = obs('nosubject', { subject: undefined });
    const [row] = map([report('ue', ['same', 'other', 'nosubject'])], [lab, same, other, noSubject]);
    expect(row!.members.map((m) => m.key)).to.deep.equal(['Observation/same']);
    expect(row!.unverifiedMembers).to.equal(2);
  });

  it('shows a contained result of a report', () => {
    const [row] = map([
      report('r', [], {
        contained: [{ resourceType: 'Observation', id: 'c1', status: 'final', code: { text: 'Glucose' }, valueQuantity: { value: 5.1, unit: 'mmol/L' } }],
        result: [{ reference: '#c1' }],
      }),
    ]);
    expect(row!.members.map((m) => `${m.name} ${m.main!.value.text}`)).to.deep.equal(['Glucose 5.1 mmol/L']);
    const [other] = map([
      report('r', [], {
        contained: [{ resourceType: 'Observation', id: 'c1', status: 'final', subject: { reference: 'Patient/p2' }, code: { text: 'Glucose' } }],
        result: [{ reference: '#c1' }],
      }),
    ]);
    expect(other!.members).to.have.length(0);
    expect(other!.unverifiedMembers).to.equal(1);
  });

  it('keeps results that only list each other (a cycle) on screen', () => {
    const rows = map([
      obs('a', { hasMember: [{ reference: 'Observation/b' }] }),
      obs('b', { hasMember: [{ reference: 'Observation/a' }] }),
    ]);
    expect(rows).to.have.length(1);
    expect(rows[0]!.key).to.equal('Observation/a');
    expect(rows[0]!.members.map((m) => m.key)).to.deep.equal(['Observation/b']);
  });

  it('shows the members of an entered-in-error report on their own', () => {
    const rows = map([report('r', ['k'], { status: 'entered-in-error' }), obs('k')]);
    expect(rows.map((r) => r.key)).to.deep.equal(['Observation/k']);
  });

  it('reads a report\'s conclusion and attachments, and says nothing was sent', () => {
    const [row] = map([
      report('ct', [], {
        conclusion: 'No acute abnormality',
        conclusionCode: [{ text: 'Normal' }],
        presentedForm: [{ contentType: 'application/pdf' }],
      }),
    ]);
    expect(row).to.include({ conclusion: 'No acute abnormality. Normal', attachments: 1, kind: 'report' });
  });
});

describe('mapResults: sources, dates and malformed input', () => {
  it('names the source via meta.source, Provenance, or not at all', () => {
    const rows = map(
      [
        obs('meta', { meta: { source: 'https://lab.example/fhir' } }),
        obs('prov', { effectiveDateTime: '2026-11-19' }),
        obs('none', { effectiveDateTime: '2026-11-18' }),
      ],
      [
        lab,
        community,
        {
          resourceType: 'Provenance',
          id: 'p',
          target: [{ reference: 'Observation/prov' }],
          recorded: '2026-11-19T10:00:00Z',
          agent: [{ who: { reference: 'Organization/community' } }],
        } as Resource,
      ],
    );
    const source = (key: string) => rows.find((r) => r.key === key)!.source;
    expect(source('Observation/meta')).to.include({ name: 'Riverside Pathology', via: 'meta.source' });
    expect(source('Observation/prov')).to.include({ name: 'Riverside Community Health', via: 'provenance', typeLabel: 'Community services' });
    expect(source('Observation/none')).to.include({ name: undefined, via: 'none' });
  });

  it('keeps partial dates as sent, ignores unreadable ones, and falls back to issued', () => {
    const rows = map([
      obs('p', { effectiveDateTime: '2024-02' }),
      obs('b', { effectiveDateTime: '2024-02-30', issued: 'yesterday' }),
      obs('i', { effectiveDateTime: undefined, effectivePeriod: { start: 'soon' }, issued: '2023-05-01T10:00:00Z' }),
    ]);
    const [partial, issuedOnly, bad] = rows;
    expect(rows.map((r) => r.key)).to.deep.equal(['Observation/p', 'Observation/i', 'Observation/b']);
    expect(partial).to.include({ effective: '2024-02', date: '2024-02' });
    expect(issuedOnly).to.include({ effective: undefined, date: '2023-05-01T10:00:00Z' });
    expect(bad).to.include({ effective: undefined, issued: undefined, date: undefined });
  });

  it('names a test it cannot read "Test name not recorded" and prefers SNOMED CT over LOINC for trends', () => {
    expect(one(obs('x', { code: undefined })).name).to.equal(TEST_NOT_RECORDED);
    expect(
      resultCodeKey({ coding: [{ system: 'http://loinc.org', code: '2823-3' }, { system: 'https://snomed.info/sct/', code: '1000651000000109' }] }),
    ).to.equal(`${SNOMED}|1000651000000109`);
    expect(resultCodeKey({ coding: [{ system: 'http://loinc.org', code: '2823-3' }] })).to.equal('http://loinc.org|2823-3');
    expect(resultCodeKey({ text: 'Potassium' })).to.equal(undefined);
  });

  it('never throws on wrongly typed fields', () => {
    const odd = [
      null,
      'Observation/x',
      42,
      { resourceType: 'Observation' },
      { resourceType: 'Observation', id: 7, status: 3, code: 'K', valueQuantity: 'high', referenceRange: 'normal', interpretation: 'H', component: 'bp', hasMember: 'Observation/x', note: 'n', category: 'lab', subject: 'p' },
      { resourceType: 'DiagnosticReport', id: 'r', result: [null, 5, 'Observation/x', { reference: 12 }], conclusionCode: 'x', presentedForm: 'pdf', performer: 'lab' },
      { resourceType: 'Observation', id: 'q', valueQuantity: { value: '5', unit: 3 }, component: [null, { code: 'x', valueInteger: 'two' }], effectivePeriod: 'today', meta: 'm' },
      { resourceType: 'Observation', id: 'n', valueQuantity: null, dataAbsentReason: 'x', interpretation: [null, { coding: 'H' }] },
    ];
    let rows: ResultRow[] = [];
    expect(() => {
      rows = mapResults({ matches: odd as unknown as Resource[], index: new RecordIndex(odd as unknown as Resource[]), now: NOW });
    }).to.not.throw();
    expect(rows.map((r) => r.key)).to.have.members(['Observation/#3', 'Observation/#4', 'DiagnosticReport/r', 'Observation/q', 'Observation/n']);
    for (const row of rows) {
      expect(row.name, row.key).to.be.a('string').and.not.equal('');
      expect(row.statusLabel, row.key).to.be.a('string').and.not.equal('');
    }
    expect(rows.find((r) => r.key === 'DiagnosticReport/r')!.unavailableMembers).to.equal(4);
    expect(rows.find((r) => r.key === 'Observation/q')!.main!.value.text).to.equal('Value not recorded');
    expect(() => mapResults({ matches: 'nope' as unknown as Resource[], index: new RecordIndex([]), now: NOW })).to.not.throw();
  });

  it('keeps a row, with its source unknown, when the resolver throws', () => {
    const rows = mapResults({
      matches: [obs('k', { performer: [{ reference: 'Organization/lab' }] }), report('r', ['k'])],
      index: {
        resolve: () => {
          throw new Error('host resolver failed');
        },
        provenanceFor: () => {
          throw new Error('host resolver failed');
        },
      },
      now: NOW,
    });
    expect(rows.map((r) => r.key)).to.have.members(['DiagnosticReport/r', 'Observation/k']);
    for (const row of rows) expect(row.source.via).to.equal('none');
  });

  it('gives one series key per test and unit, shared within a record and made afresh for the next', () => {
    const LOINC = 'http://loinc.org';
    const bp = (id: string, systolicUnit: string) =>
      obs(id, {
        code: { coding: [{ system: LOINC, code: '85354-9' }], text: 'Blood pressure' },
        valueQuantity: undefined,
        component: [
          { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: { value: 120, unit: systolicUnit, system: UCUM, code: systolicUnit } },
          { code: { coding: [{ system: LOINC, code: '8462-4' }] }, valueQuantity: { value: 80, unit: 'mm[Hg]', system: UCUM, code: 'mm[Hg]' } },
        ],
      });
    const record = () =>
      map([
        obs('a'),
        obs('b', { valueQuantity: { value: 4.4, unit: 'mmol/L', system: UCUM, code: 'mmol/L' } }),
        obs('c', { valueQuantity: { value: 16, unit: 'mg/dL', system: UCUM, code: 'mg/dL' } }),
        obs('d', { code: { coding: [{ system: SNOMED, code: '999' }] } }),
        bp('e', 'mm[Hg]'),
        bp('f', 'kPa'),
      ]);
    const keys = (rows: ResultRow[]) =>
      Object.fromEntries(rows.map((r) => [r.id, [r.main?.seriesKey, ...r.components.map((c) => c.seriesKey)]]));
    const first = keys(record());
    const potassium = `${SNOMED}|1000651000000109`;
    const bpKey = `${LOINC}|85354-9`;
    expect(first).to.deep.equal({
      a: [`${potassium}|mmol/l`],
      b: [`${potassium}|mmol/l`],
      c: [`${potassium}|mg/dl`],
      d: [`${SNOMED}|999|mmol/l`],
      e: [undefined, `${bpKey}>${LOINC}|8480-6|mm[hg]`, `${bpKey}>${LOINC}|8462-4|mm[hg]`],
      f: [undefined, `${bpKey}>${LOINC}|8480-6|kpa`, `${bpKey}>${LOINC}|8462-4|mm[hg]`],
    });
    // A second record (another load, another patient) gets the same keys from its own data.
    expect(keys(record())).to.deep.equal(first);
  });

  it('gives repeated ids unique keys and sorts newest first', () => {
    const rows = map([
      obs('old', { effectiveDateTime: '2020-01-01' }),
      obs('dup', { effectiveDateTime: '2026-01-01' }),
      obs('dup', { effectiveDateTime: '2026-01-01' }),
      obs('undated', { effectiveDateTime: undefined }),
      report('new', [], { effectiveDateTime: '2026-06-01' }),
    ]);
    expect(rows.map((r) => r.key)).to.deep.equal([
      'DiagnosticReport/new',
      'Observation/dup',
      'Observation/dup~2',
      'Observation/old',
      'Observation/undated',
    ]);
  });
});

describe('sortResultRows', () => {
  it('gives the order of compareResultRows, with dates of every precision, times, zones, names and no dates', () => {
    const dates = [
      undefined,
      '2026',
      '2026-01',
      '2026-01-01',
      '2026-01-01T00:00:00Z',
      '2026-01-01T01:00:00+01:00',
      '2025-12-31T23:59:59.999Z',
      '2026-01-01T00:00:00.001Z',
      '2024-02-29',
      'not a date',
    ];
    const names = ['Potassium', 'potassium', 'Sodium', 'ALT', 'alt'];
    const resources: Resource[] = [];
    dates.forEach((date, d) =>
      names.forEach((text, n) =>
        resources.push(obs(`o${(d * 7 + n * 3) % 50}-${d}-${n}`, { effectiveDateTime: date, code: { text } })),
      ),
    );
    // Rows in their mapped order, shuffled the same way on every run so the sort has work to do.
    const rows = map(resources);
    const shuffled = rows.map((row, i) => ({ row, k: (i * 37) % rows.length })).sort((a, b) => a.k - b.k).map((x) => x.row);
    const expected = [...shuffled].sort(compareResultRows).map((r) => r.key);
    expect(sortResultRows(shuffled).map((r) => r.key)).to.deep.equal(expected);
    expect(rows.map((r) => r.key)).to.deep.equal(expected);
  });
});

describe('resultsQueries', () => {
  it('asks for reports with their results and performers, and lab and vital-sign observations with theirs', () => {
    const [reports, observations] = resultsQueries('Patient/p1');
    expect(reports!.resourceType).to.equal('DiagnosticReport');
    expect(reports!.params).to.deep.include({ patient: 'Patient/p1', _revinclude: 'Provenance:target' });
    expect(reports!.params['_include']).to.have.members(['DiagnosticReport:result', 'DiagnosticReport:performer']);
    expect(reports!.params['_include:iterate']).to.include.members(['PractitionerRole:organization', 'Observation:has-member']);
    expect(observations!.resourceType).to.equal('Observation');
    expect(observations!.params).to.deep.include({ patient: 'Patient/p1', category: 'laboratory,vital-signs' });
    expect(observations!.params['_include']).to.have.members(['Observation:performer', 'Observation:has-member']);
  });
});
