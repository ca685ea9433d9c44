import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { modelInput, NOW, organisation } from '../../support/fixtures.js';
import { ALLERGY_END_URL, mapAllergies, SUBSTANCE_NOT_RECORDED, type AllergyRow } from '../../../src/elements/allergies/allergies.model.js';

const SCT = 'http://snomed.info/sct';

const socialCare = organisation('sc', 'Riverside Adult Social Care', 'social-care', {
  ods: null,
  sourceSystem: 'https://social-care.example/fhir',
});
const gp = organisation('gp', 'Riverside Medical Practice', 'gp', { ods: null });
const gpRole = {
  resourceType: 'PractitionerRole',
  id: 'gp-role',
  practitioner: { display: 'Dr Chidi Okafor' },
  organization: { reference: 'Organization/gp' },
} as Resource;
const nurse = { resourceType: 'Practitioner', id: 'nurse', name: [{ text: 'Bridget Lamb' }] } as Resource;
const provenance = {
  resourceType: 'Provenance',
  id: 'prov',
  target: [{ reference: 'AllergyIntolerance/by-provenance' }],
  recorded: '2026-11-01T10:00:00Z',
  agent: [{ who: { reference: 'Practitioner/nurse' }, onBehalfOf: { reference: 'Organization/sc' } }],
} as Resource;

const INCLUDED = [socialCare, gp, gpRole, nurse, provenance];

const clinical = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code }] });
const verification = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code }] });
const snomed = (code: string, display?: string) => ({ coding: [{ system: SCT, code, ...(display ? { display } : {}) }] });

function allergy(id: string, body: Record<string, unknown> = {}): Resource {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    clinicalStatus: clinical('active'),
    verificationStatus: verification('confirmed'),
    patient: { reference: 'Patient/p1' },
    code: { text: `Substance ${id}` },
    ...body,
  } as unknown as Resource;
}

function map(matches: Resource[], included: Resource[] = INCLUDED): AllergyRow[] {
  return mapAllergies(modelInput(matches, included));
}

function one(resource: Resource, included?: Resource[]): AllergyRow {
  const rows = map([resource], included);
  expect(rows).to.have.length(1);
  return rows[0] as AllergyRow;
}

describe('mapAllergies', () => {
  it('maps a full allergy with its reactions', () => {
    const row = one(
      allergy('pen', {
        code: snomed('91936005', 'Allergy to penicillin'),
        type: 'allergy',
        category: ['medication'],
        criticality: 'high',
        onsetDateTime: '1988',
        recordedDate: '2010-04-01',
        lastOccurrence: '2019-05-05',
        recorder: { reference: 'PractitionerRole/gp-role' },
        asserter: { reference: 'Patient/p1' },
        reaction: [
          {
            manifestation: [snomed('39579001', 'Anaphylaxis'), snomed('41291007', 'Angioedema')],
            severity: 'severe',
            description: 'Collapsed after injection',
            onset: '1988-06-01',
            substance: snomed('764146007', 'Penicillin'),
          },
          { manifestation: [], severity: 'extreme' },
        ],
        note: [{ text: 'Carries an adrenaline pen' }],
      }),
    );
    expect(row).to.deep.include({
      key: 'AllergyIntolerance/pen',
      kind: 'allergy',
      name: 'Allergy to penicillin',
      conceptKey: 'http://snomed.info/sct|91936005',
      noKnownScope: undefined,
      status: 'active',
      statusLabel: 'Active',
      current: true,
      typeLabel: 'Allergy',
      categories: ['Medication'],
      criticality: 'high',
      criticalityLabel: 'High criticality',
      highCriticality: true,
      verificationLabel: 'Confirmed',
      uncertain: false,
      onset: { kind: 'date', date: '1988' },
      lastOccurrence: '2019-05-05',
      recordedDate: '2010-04-01',
      recordedBy: 'Dr Chidi Okafor',
      assertedBy: 'the patient',
      date: '1988',
      notes: ['Carries an adrenaline pen'],
      contradictedBy: [],
      ended: undefined,
    });
    expect(row.reactions).to.deep.equal([
      { manifestations: ['Anaphylaxis', 'Angioedema'], severity: 'severe', description: 'Collapsed after injection', onset: '1988-06-01', substance: 'Penicillin' },
      { manifestations: [], severity: undefined, description: undefined, onset: undefined, substance: undefined },
    ]);
    expect(row.source).to.include({ name: 'Riverside Medical Practice', via: 'resource', type: 'gp' });
  });

  it('labels clinical statuses: active shown by default, inactive and resolved hidden', () => {
    const rows = map(['active', 'inactive', 'resolved'].map((code) => allergy(code, { clinicalStatus: clinical(code) })));
    expect(Object.fromEntries(rows.map((r) => [r.status, [r.statusLabel, r.current]]))).to.deep.equal({
      active: ['Active', true],
      inactive: ['Inactive', false],
      resolved: ['Resolved', false],
    });
    const [missing, odd] = map([allergy('m', { clinicalStatus: undefined }), allergy('o', { clinicalStatus: clinical('dormant') })]);
    expect(missing).to.include({ status: 'unknown', statusLabel: 'Clinical status not recorded', current: true });
    expect(odd).to.include({ status: 'dormant', statusLabel: 'Clinical status: dormant', current: true });
  });

  it('never shows refuted or entered-in-error items', () => {
    const rows = map([
      allergy('refuted', { verificationStatus: verification('refuted'), clinicalStatus: clinical('inactive') }),
      allergy('error', { verificationStatus: verification('entered-in-error'), clinicalStatus: undefined }),
      allergy('bare', { verificationStatus: 'entered-in-error' }),
      allergy('kept'),
    ]);
    expect(rows.map((r) => r.id)).to.deep.equal(['kept']);
  });

  it('marks unconfirmed or unrecognised verification', () => {
    expect(one(allergy('u', { verificationStatus: verification('unconfirmed') }))).to.include({ verificationLabel: 'Unconfirmed', uncertain: true });
    expect(one(allergy('p', { verificationStatus: verification('presumed') }))).to.include({ verificationLabel: 'Verification: presumed', uncertain: true });
    expect(one(allergy('n', { verificationStatus: undefined }))).to.include({ verificationLabel: undefined, uncertain: false });
  });

  it('says criticality, type and category in words', () => {
    const row = (body: Record<string, unknown>) => one(allergy('a', body));
    expect(row({ criticality: 'low' })).to.include({ criticalityLabel: 'Low criticality', highCriticality: false });
    expect(row({ criticality: 'unable-to-assess' })).to.include({ criticalityLabel: 'Criticality unable to assess', highCriticality: false });
    expect(row({})).to.include({ criticality: undefined, criticalityLabel: 'Criticality not recorded', highCriticality: false });
    expect(row({ type: 'intolerance' }).typeLabel).to.equal('Intolerance');
    expect(row({}).typeLabel).to.equal(undefined);
    expect(row({ category: ['food', 'biologic', 'food', 'other', 5] }).categories).to.deep.equal(['Food', 'Biologic', 'other']);
    expect(row({ category: 'environment' }).categories).to.deep.equal(['Environment']);
  });

  it('reads the substance from the code, else a reaction, else says not recorded', () => {
    expect(one(allergy('a', { code: undefined, reaction: [{ substance: { text: 'Peanut' }, manifestation: [{ text: 'Hives' }] }] })).name).to.equal('Peanut');
    expect(one(allergy('b', { code: undefined })).name).to.equal(SUBSTANCE_NOT_RECORDED);
    const [x, y] = map([allergy('x', { code: undefined }), allergy('y', { code: undefined })]);
    expect(x?.conceptKey).to.not.equal(y?.conceptKey);
  });

  it('shows a "no known allergies" statement as a statement, never a substance', () => {
    const statements: [string, string, string][] = [
      ['716186003', 'No known allergies', 'all'],
      ['409137002', 'No known drug allergies', 'medication'],
      ['429625007', 'No known food allergies', 'food'],
      ['428607008', 'No known environmental allergies', 'environment'],
      ['716184000', 'No known latex allergy', 'latex'],
    ];
    for (const [code, label, scope] of statements) {
      const row = one(allergy(code, { code: { ...snomed(code, 'display as sent'), text: 'NKA' }, recordedDate: '2026-03-12' }));
      expect(row, code).to.include({ kind: 'no-known', name: label, noKnownScope: scope, date: '2026-03-12' });
    }
    expect(one(allergy('other-system', { code: { coding: [{ system: 'http://example.org', code: '716186003' }] } })).kind).to.equal('allergy');
    expect(one(allergy('https-snomed', { code: { coding: [{ system: 'https://snomed.info/sct', code: '409137002' }] } })).kind).to.equal('no-known');
  });

  it('flags a current "no known" statement that a current allergy in its scope contradicts', () => {
    const rows = map([
      allergy('nkda', { code: snomed('409137002'), recorder: { reference: 'PractitionerRole/gp-role' } }),
      allergy('nkfa', { code: snomed('429625007') }),
      allergy('nka', { code: snomed('716186003') }),
      allergy('nkla', { code: snomed('716184000') }),
      allergy('old-nka', { code: snomed('716186003'), clinicalStatus: clinical('inactive') }),
      allergy('pen', { code: { text: 'Penicillin' }, category: ['medication'] }),
      allergy('egg', { code: { text: 'Egg' }, category: ['food'], clinicalStatus: clinical('resolved') }),
      allergy('latex', { code: { text: 'Latex gloves' }, category: ['environment'] }),
      allergy('mystery', { code: { text: 'Unknown tablet' } }),
    ]);
    const by = Object.fromEntries(rows.map((r) => [r.id, r.contradictedBy]));
    expect(by['nkda']).to.deep.equal(['Penicillin', 'Unknown tablet']);
    // A resolved egg allergy does not contradict "no known food allergies"; an uncategorised one may.
    expect(by['nkfa']).to.deep.equal(['Unknown tablet']);
    expect(by['nka']).to.have.members(['Penicillin', 'Latex gloves', 'Unknown tablet']);
    expect(by['nkla']).to.deep.equal(['Latex gloves']);
    expect(by['old-nka']).to.deep.equal([]);
    expect(by['pen']).to.deep.equal([]);
  });

  it('reads the UK Core end extension on the clinical status or the resource', () => {
    const end = (date: unknown, reason: unknown) => ({
      url: ALLERGY_END_URL,
      extension: [
        { url: 'endDate', valueDateTime: date },
        { url: 'reasonEnded', valueString: reason },
      ],
    });
    const onStatus = one(allergy('a', { clinicalStatus: { ...clinical('inactive'), extension: [end('2021-07-20T17:10:00+00:00', 'Administrative error')] } }));
    expect(onStatus.ended).to.deep.equal({ date: '2021-07-20T17:10:00+00:00', reason: 'Administrative error' });
    expect(one(allergy('b', { extension: [end('bad date', 'Outgrown')] })).ended).to.deep.equal({ date: undefined, reason: 'Outgrown' });
    expect(one(allergy('c', { extension: [end(undefined, undefined)] })).ended).to.equal(undefined);
  });

  it('finds the source through the recorder role, meta.source, a Provenance, or says none', () => {
    const rows = map([
      allergy('by-role', { recorder: { reference: 'PractitionerRole/gp-role' } }),
      allergy('by-meta', { meta: { source: 'https://social-care.example/fhir' } }),
      allergy('by-provenance', { recorder: { reference: 'Practitioner/nurse' } }),
      allergy('by-none', { recorder: { reference: 'Practitioner/nurse' } }),
    ]);
    const via = Object.fromEntries(rows.map((r) => [r.id, [r.source.via, r.source.name]]));
    expect(via).to.deep.equal({
      'by-role': ['resource', 'Riverside Medical Practice'],
      'by-meta': ['meta.source', 'Riverside Adult Social Care'],
      'by-provenance': ['provenance', 'Riverside Adult Social Care'],
      'by-none': ['none', undefined],
    });
    expect(rows.find((r) => r.id === 'by-none')?.recordedBy).to.equal('Bridget Lamb');
  });

  it('reads security labels', () => {
    const row = one(allergy('a', { meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HIV' }, { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'N' }] } }));
    expect(row.securityLabels).to.deep.equal(['HIV']);
  });

  it('orders allergies before "no known" statements, high criticality first, then newest', () => {
    const resources = [
      allergy('nka', { code: snomed('716186003'), recordedDate: '2026-11-01' }),
      allergy('low-new', { criticality: 'low', recordedDate: '2026-10-01' }),
      allergy('high-old', { criticality: 'high', onsetDateTime: '1990' }),
      allergy('low-old', { criticality: 'low', recordedDate: '2000-01-01' }),
      allergy('undated', {}),
    ];
    for (const order of [resources, [...resources].reverse()]) {
      expect(map(order).map((r) => r.id)).to.deep.equal(['high-old', 'low-new', 'low-old', 'undated', 'nka']);
    }
  });

  it('gives rows without an id, or with a repeated id, unique keys', () => {
    const rows = map([{ ...allergy('x'), id: undefined } as unknown as Resource, allergy('dup'), allergy('dup')]);
    expect(rows.map((r) => r.key).sort()).to.deep.equal(['AllergyIntolerance/#0', 'AllergyIntolerance/dup', 'AllergyIntolerance/dup~2']);
  });

  it('never throws on malformed input', () => {
    const messy = [
      null,
      'AllergyIntolerance',
      allergy('a', { code: 'Penicillin', criticality: 5, type: ['allergy'], category: { food: true }, reaction: 'rash', clinicalStatus: 'active', verificationStatus: 7, recorder: 'Dr X', meta: null, patient: null }),
      allergy('b', { code: { coding: [null, { code: 716186003, system: SCT }] }, reaction: [null, { manifestation: 'hives', severity: 3, onset: 20200101 }], onsetAge: 'x', extension: 'x' }),
      allergy('c', { clinicalStatus: { coding: 'x', extension: [null, { url: ALLERGY_END_URL, extension: 'x' }] }, note: [null, { text: 5 }], lastOccurrence: {} }),
    ] as unknown as Resource[];
    let rows: AllergyRow[] = [];
    expect(() => (rows = map(messy))).to.not.throw();
    expect(rows).to.have.length(3);
    for (const row of rows) {
      expect(row.name).to.be.a('string').and.not.equal('');
      expect(row.statusLabel).to.be.a('string').and.not.equal('');
      expect(row.criticalityLabel).to.be.a('string').and.not.equal('');
      expect(row.source.via).to.equal('none');
    }
    const b = rows.find((r) => r.id === 'b')!;
    expect(b.kind).to.equal('allergy');
    expect(b.reactions).to.have.length(1);
  });

  it('keeps rows whose resolver throws, with an unknown source', () => {
    const throwing = {
      resolve: () => {
        throw new Error('resolver failed');
      },
      provenanceFor: () => [],
    };
    const rows = mapAllergies({ matches: [allergy('a', { recorder: { reference: 'PractitionerRole/gp-role' } })], index: throwing, now: NOW });
    expect(rows[0]?.source.via).to.equal('none');
  });
});
