import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { modelInput, NOW, organisation, OVERDUE_BATCH } from '../../support/fixtures.js';
import { mapProblems, PROBLEM_NOT_RECORDED, type ProblemRow } from '../../../src/elements/problems/problems.model.js';

const gp = organisation('gp', 'Riverside Medical Practice', 'gp', { ods: 'Y99001', sourceSystem: true, feed: OVERDUE_BATCH });
const hospital = organisation('hosp', "St Anselm's Hospital", 'acute', { ods: null });
const doctor = {
  resourceType: 'Practitioner',
  id: 'doc',
  name: [{ use: 'official', prefix: ['Dr'], given: ['Chidi'], family: 'Okafor' }],
} as Resource;
const gpRole = {
  resourceType: 'PractitionerRole',
  id: 'gp-role',
  practitioner: { reference: 'Practitioner/doc' },
  organization: { reference: 'Organization/gp' },
  code: [{ text: 'GP partner' }],
} as Resource;
const daughter = {
  resourceType: 'RelatedPerson',
  id: 'dau',
  patient: { reference: 'Patient/p1' },
  relationship: [{ text: 'Daughter' }],
  name: [{ given: ['Claire'], family: 'Ellwood' }],
} as Resource;
const provenance = {
  resourceType: 'Provenance',
  id: 'prov',
  target: [{ reference: 'Condition/by-provenance' }],
  recorded: '2026-11-01T10:00:00Z',
  agent: [{ who: { reference: 'Practitioner/doc' }, onBehalfOf: { reference: 'Organization/hosp' } }],
} as Resource;

const INCLUDED = [gp, hospital, doctor, gpRole, daughter, provenance];

function condition(id: string, body: Record<string, unknown> = {}): Resource {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    subject: { reference: 'Patient/p1' },
    code: { text: `Problem ${id}` },
    ...body,
  } as unknown as Resource;
}

const clinical = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code }] });
const verification = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code }] });

function map(matches: Resource[], included: Resource[] = INCLUDED): ProblemRow[] {
  return mapProblems(modelInput(matches, included));
}

function one(resource: Resource, included?: Resource[]): ProblemRow {
  const rows = map([resource], included);
  expect(rows).to.have.length(1);
  return rows[0] as ProblemRow;
}

describe('mapProblems', () => {
  it('maps a full problem-list item recorded through a PractitionerRole', () => {
    const row = one(
      condition('c1', {
        code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006', display: 'Type 2 diabetes mellitus' }] },
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
        severity: { coding: [{ system: 'http://snomed.info/sct', code: '6736007', display: 'Moderate' }] },
        onsetDateTime: '2023-03',
        recordedDate: '2023-03-14',
        recorder: { reference: 'PractitionerRole/gp-role' },
        note: [{ text: 'Diet controlled at first' }],
        meta: { lastUpdated: '2026-11-26T10:00:00Z', security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
      }),
    );
    expect(row).to.deep.include({
      key: 'Condition/c1',
      resourceType: 'Condition',
      id: 'c1',
      status: 'active',
      statusLabel: 'Active',
      current: true,
      verification: 'confirmed',
      verificationLabel: 'Confirmed',
      uncertain: false,
      name: 'Type 2 diabetes mellitus',
      conceptKey: 'http://snomed.info/sct|44054006',
      categories: ['Problem list item'],
      onset: { kind: 'date', date: '2023-03' },
      abatement: undefined,
      severity: 'Moderate',
      recordedBy: 'Dr Chidi Okafor, GP partner',
      assertedBy: undefined,
      recordedDate: '2023-03-14',
      date: '2023-03',
      notes: ['Diet controlled at first'],
      securityLabels: ['Restricted'],
    });
    expect(row.source).to.include({ name: 'Riverside Medical Practice', type: 'gp', via: 'resource', odsCode: 'Y99001' });
    // Last batch 20 h ago, expected every 12 h.
    expect(row.freshness).to.include({ feed: 'batch', possiblyOutOfDate: true, lastUpdated: '2026-11-26T10:00:00Z' });
  });

  it('labels every clinical status and keeps only active-like ones in the default view', () => {
    const codes = ['active', 'recurrence', 'relapse', 'remission', 'inactive', 'resolved'];
    const rows = map(codes.map((code) => condition(code, { clinicalStatus: clinical(code), onsetDateTime: '2020' })));
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, [r.statusLabel, r.current]]));
    expect(byStatus).to.deep.equal({
      active: ['Active', true],
      recurrence: ['Recurrence', true],
      relapse: ['Relapse', true],
      remission: ['In remission', true],
      inactive: ['Inactive', false],
      resolved: ['Resolved', false],
    });
  });

  it('keeps a missing, text-only or unknown clinical status visible, in words', () => {
    const [missing, text, odd] = map([
      condition('a', { clinicalStatus: undefined, code: { text: 'A' } }),
      condition('b', { clinicalStatus: { text: 'Ongoing' }, code: { text: 'B' } }),
      condition('c', { clinicalStatus: clinical('smouldering'), code: { text: 'C' } }),
    ]);
    expect(missing).to.include({ status: 'unknown', statusLabel: 'Clinical status not recorded', current: true });
    expect(text).to.include({ status: 'unknown', statusLabel: 'Clinical status: Ongoing', current: true });
    expect(odd).to.include({ status: 'smouldering', statusLabel: 'Clinical status: smouldering', current: true });
  });

  it('never shows refuted or entered-in-error conditions', () => {
    const rows = map([
      condition('refuted', { verificationStatus: verification('refuted') }),
      condition('error', { verificationStatus: verification('entered-in-error'), clinicalStatus: undefined }),
      condition('bare-error', { verificationStatus: 'entered-in-error' }),
      condition('clinical-error', { clinicalStatus: clinical('entered-in-error') }),
      condition('kept'),
    ]);
    expect(rows.map((r) => r.id)).to.deep.equal(['kept']);
  });

  it('marks unconfirmed, provisional and differential diagnoses', () => {
    const rows = map(
      ['unconfirmed', 'provisional', 'differential', 'confirmed', 'maybe'].map((code) =>
        condition(code, { verificationStatus: verification(code), code: { text: code } }),
      ),
    );
    const marks = Object.fromEntries(rows.map((r) => [r.id, [r.verificationLabel, r.uncertain]]));
    expect(marks).to.deep.equal({
      unconfirmed: ['Unconfirmed', true],
      provisional: ['Provisional', true],
      differential: ['Differential diagnosis', true],
      confirmed: ['Confirmed', false],
      maybe: ['Verification: maybe', true],
    });
    expect(one(condition('none', { verificationStatus: undefined }))).to.include({ verificationLabel: undefined, uncertain: false });
  });

  it('names the category: problem list item, encounter diagnosis, SNOMED or as sent', () => {
    const categories = (category: unknown) => one(condition('a', { category })).categories;
    expect(categories([{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] }])).to.deep.equal(['Encounter diagnosis']);
    expect(
      categories([
        {
          coding: [
            { system: 'http://snomed.info/sct', code: '55607006', display: 'Problem' },
            { system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' },
          ],
        },
      ]),
    ).to.deep.equal(['Problem list item']);
    expect(categories([{ coding: [{ system: 'http://snomed.info/sct', code: '439401001', display: 'diagnosis' }] }])).to.deep.equal(['Diagnosis']);
    expect(categories([{ text: 'Social concern' }, { text: 'Social concern' }])).to.deep.equal(['Social concern']);
    expect(categories(undefined)).to.deep.equal([]);
  });

  it('reads onset and abatement sent as dateTime, Period, Age, Range or string', () => {
    const years = (value: number) => ({ value, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' });
    const timing = (body: Record<string, unknown>) => {
      const row = one(condition('a', body));
      return [row.onset, row.abatement];
    };
    expect(timing({ onsetDateTime: '2024-02', abatementDateTime: '2024-06-01' })).to.deep.equal([
      { kind: 'date', date: '2024-02' },
      { kind: 'date', date: '2024-06-01' },
    ]);
    expect(timing({ onsetPeriod: { start: '2011-05' }, abatementPeriod: { start: '2011-08', end: '2011-09' } })).to.deep.equal([
      { kind: 'period', start: '2011-05', end: undefined },
      { kind: 'period', start: '2011-08', end: '2011-09' },
    ]);
    expect(timing({ onsetAge: years(71), abatementAge: { value: 1, code: 'a' } })).to.deep.equal([
      { kind: 'words', text: 'Age 71 years' },
      { kind: 'words', text: 'Age 1 year' },
    ]);
    expect(timing({ onsetRange: { low: years(76), high: years(78) }, abatementRange: { high: { value: 6, unit: 'months' } } })).to.deep.equal([
      { kind: 'words', text: 'Age 76 years to 78 years' },
      { kind: 'words', text: 'Age under 6 months' },
    ]);
    expect(timing({ onsetString: 'Since her sixties', abatementString: 'After surgery' })).to.deep.equal([
      { kind: 'words', text: 'Since her sixties' },
      { kind: 'words', text: 'After surgery' },
    ]);
    expect(timing({ abatementBoolean: true })).to.deep.equal([undefined, { kind: 'words', text: 'Date not recorded' }]);
  });

  it('quotes an unreadable date instead of dropping it', () => {
    const row = one(condition('a', { onsetDateTime: '2024-02-30', abatementDateTime: 20240101, recordedDate: 'yesterday' }));
    expect(row.onset).to.deep.equal({ kind: 'words', text: 'Unknown date ("2024-02-30")' });
    expect(row.abatement).to.deep.equal({ kind: 'words', text: 'Unknown date ("20240101")' });
    expect(row.recordedDate).to.equal(undefined);
    expect(row.date).to.equal(undefined);
  });

  it('dates a row by onset, then recorded date', () => {
    const [byPeriod, byRecorded, none] = [
      one(condition('a', { onsetPeriod: { end: '2020-01' }, recordedDate: '2021-01-01' })),
      one(condition('b', { onsetString: 'Childhood', recordedDate: '2021-01-01' })),
      one(condition('c', { onsetAge: { value: 3, code: 'a' } })),
    ];
    expect(byPeriod.date).to.equal('2020-01');
    expect(byRecorded.date).to.equal('2021-01-01');
    expect(none.date).to.equal(undefined);
  });

  it('finds the source through the recorder role, meta.source, a Provenance, or says none', () => {
    const rows = map([
      condition('by-role', { recorder: { reference: 'PractitionerRole/gp-role' } }),
      condition('by-meta', { recorder: { reference: 'Practitioner/doc' }, meta: { source: 'https://gp.example/fhir' } }),
      condition('by-provenance', { recorder: { reference: 'Practitioner/doc' } }),
      condition('by-none', { recorder: { reference: 'Practitioner/doc' } }),
    ]);
    const via = Object.fromEntries(rows.map((r) => [r.id, [r.source.via, r.source.name]]));
    expect(via).to.deep.equal({
      'by-role': ['resource', 'Riverside Medical Practice'],
      'by-meta': ['meta.source', 'Riverside Medical Practice'],
      'by-provenance': ['provenance', "St Anselm's Hospital"],
      'by-none': ['none', undefined],
    });
    // A person is never taken for the source organisation.
    for (const row of rows) expect(row.source.name).to.not.equal('Dr Chidi Okafor');
    for (const row of rows) expect(row.recordedBy).to.match(/^Dr Chidi Okafor/);
  });

  it('names who recorded and who asserted it, separately from the source', () => {
    const name = (recorder: unknown, asserter?: unknown) => {
      const row = one(condition('a', { recorder, asserter }));
      return [row.recordedBy, row.assertedBy];
    };
    expect(name({ reference: 'Practitioner/doc' }, { reference: 'Patient/p1' })).to.deep.equal(['Dr Chidi Okafor', 'the patient']);
    expect(name({ reference: 'PractitionerRole/gp-role' }, { reference: 'RelatedPerson/dau' })).to.deep.equal(['Dr Chidi Okafor, GP partner', 'Claire Ellwood (daughter)']);
    expect(name({ reference: 'Practitioner/doc' }, { reference: 'Practitioner/doc' })).to.deep.equal(['Dr Chidi Okafor', undefined]);
    expect(name({ reference: 'Practitioner/unknown', display: 'Nurse Jo Bloggs' })).to.deep.equal(['Nurse Jo Bloggs', undefined]);
    expect(name({ reference: 'Practitioner/unknown' })).to.deep.equal(['A practitioner (name not sent)', undefined]);
    expect(name({ reference: 'https://other.example/fhir/RelatedPerson/x' })).to.deep.equal(['A relative or carer (name not sent)', undefined]);
    expect(name(undefined)).to.deep.equal([undefined, undefined]);
  });

  it('says "Problem not recorded" and never groups two unnamed problems', () => {
    const rows = map([condition('a', { code: undefined }), condition('b', { code: { coding: [{ system: 'x' }] } })]);
    expect(rows.map((r) => r.name)).to.deep.equal([PROBLEM_NOT_RECORDED, PROBLEM_NOT_RECORDED]);
    expect(rows[0]?.conceptKey).to.not.equal(rows[1]?.conceptKey);
  });

  it('groups the same problem across sources by code, else by name', () => {
    const snomed = { coding: [{ system: 'https://snomed.info/sct/', code: '44054006', display: 'T2DM' }] };
    const rows = map([
      condition('a', { code: snomed }),
      condition('b', { code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006' }] } }),
      condition('c', { code: { text: 'Frailty' } }),
      condition('d', { code: { text: 'FRAILTY' } }),
    ]);
    const keys = Object.fromEntries(rows.map((r) => [r.id, r.conceptKey]));
    expect(keys['a']).to.equal(keys['b']);
    expect(keys['c']).to.equal(keys['d']);
    expect(keys['c']).to.equal('name:frailty');
  });

  it('orders newest onset first, undated last, then by name, whatever the input order', () => {
    const resources = [
      condition('old', { onsetDateTime: '2001', code: { text: 'Old' } }),
      condition('none-b', { code: { text: 'Bravo' } }),
      condition('new', { onsetDateTime: '2026-01-02', code: { text: 'New' } }),
      condition('none-a', { code: { text: 'alpha' } }),
    ];
    for (const order of [resources, [...resources].reverse()]) {
      expect(map(order).map((r) => r.id)).to.deep.equal(['new', 'old', 'none-a', 'none-b']);
    }
  });

  it('gives rows without an id, or with a repeated id, unique keys', () => {
    const rows = map([{ ...condition('x'), id: undefined } as unknown as Resource, condition('dup'), condition('dup')]);
    expect(rows.map((r) => r.key).sort()).to.deep.equal(['Condition/#0', 'Condition/dup', 'Condition/dup~2']);
  });

  it('ignores resources of other types', () => {
    expect(map([gp, doctor, { resourceType: 'AllergyIntolerance', id: 'a' } as Resource])).to.deep.equal([]);
  });

  it('never throws on malformed input', () => {
    const messy = [
      null,
      'Condition',
      7,
      condition('a', { code: 'Asthma', clinicalStatus: 5, verificationStatus: ['x'], category: 'problem', severity: 3, onsetPeriod: 'x', onsetAge: { value: '3' }, recorder: 'Dr X', asserter: [1], note: 'text', meta: null, subject: null }),
      condition('b', { code: { coding: 'x', text: 7 }, onsetRange: { low: 'x' }, recordedDate: 20200101, recorder: { reference: 5 }, category: [null, { coding: [null] }] }),
      condition('c', { onsetDateTime: { year: 2020 }, abatementString: 12, clinicalStatus: { coding: [{ code: 12 }] }, contained: 'x' }),
    ] as unknown as Resource[];
    let rows: ProblemRow[] = [];
    expect(() => (rows = map(messy))).to.not.throw();
    expect(rows).to.have.length(3);
    for (const row of rows) {
      expect(row.name).to.be.a('string').and.not.equal('');
      expect(row.statusLabel).to.be.a('string').and.not.equal('');
      expect(row.source.via).to.equal('none');
    }
    const c = rows.find((r) => r.id === 'c')!;
    expect(c.onset).to.deep.equal({ kind: 'words', text: 'Unknown date (unreadable value sent)' });
  });

  it('keeps rows whose resolver throws, with an unknown source', () => {
    const throwing = {
      resolve: () => {
        throw new Error('resolver failed');
      },
      provenanceFor: () => [],
    };
    const rows = mapProblems({ matches: [condition('a', { recorder: { reference: 'PractitionerRole/gp-role' } })], index: throwing, now: NOW });
    expect(rows[0]?.source.via).to.equal('none');
    expect(rows[0]?.recordedBy).to.equal('A practitioner (name not sent)');
  });
});
