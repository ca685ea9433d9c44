import { expect } from '@open-wc/testing';
import type { MedicationStatement, Organization, Provenance, Reference, Resource } from '@medplum/fhirtypes';
import { RecordIndex } from '../../src/model/record-index.js';

const BASE = 'https://hie.example/fhir';

const org = (id: string, extra: Partial<Organization> = {}): Organization => ({
  resourceType: 'Organization',
  id,
  name: `Org ${id}`,
  ...extra,
});

describe('RecordIndex.resolve', () => {
  const gp = org('gp1', { identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'A81001' }] });
  const index = new RecordIndex([gp, org('trust')], { baseUrl: `${BASE}/` });

  it('resolves Type/id, also with a version', () => {
    expect(index.resolve({ reference: 'Organization/gp1' })).to.equal(gp);
    expect(index.resolve({ reference: 'Organization/gp1/_history/3' })).to.equal(gp);
  });

  it('resolves absolute URLs on the base only', () => {
    expect(index.resolve({ reference: `${BASE}/Organization/gp1` })).to.equal(gp);
    expect(index.resolve({ reference: 'https://other.example/fhir/Organization/gp1' })).to.equal(undefined);
    expect(index.resolve({ reference: 'https://hie.example/fhir-other/Organization/gp1' })).to.equal(undefined);
  });

  it('checks the declared type', () => {
    expect(index.resolve({ reference: 'Organization/gp1', type: 'Organization' })).to.equal(gp);
    expect(index.resolve({ reference: 'Organization/gp1', type: 'Location' })).to.equal(undefined);
  });

  it('resolves a logical identifier reference when its type is given and the match is unique', () => {
    const ods = { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'A81001' };
    expect(index.resolve({ identifier: ods, type: 'Organization' })).to.equal(gp);
    expect(index.resolve({ identifier: ods })).to.equal(undefined);
  });

  it('resolves conditional Type?identifier=system|value references', () => {
    const ref = 'Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|A81001';
    expect(index.resolve({ reference: ref })).to.equal(gp);
    expect(index.resolve({ reference: 'Organization?name=Org' })).to.equal(undefined);
  });

  it('refuses an ambiguous identifier', () => {
    const id = { system: 'urn:sys', value: 'dup' };
    const twice = new RecordIndex([org('a', { identifier: [id] }), org('b', { identifier: [id] })]);
    expect(twice.resolve({ identifier: id, type: 'Organization' })).to.equal(undefined);
  });

  it('returns nothing for unknown, empty and malformed references', () => {
    for (const ref of [
      undefined,
      {},
      { reference: 'Organization/missing' },
      { reference: 'urn:uuid:0000' },
      { reference: 42 },
      'Organization/gp1',
      { reference: 'not a reference' },
    ]) {
      expect(index.resolve(ref as Reference)).to.equal(undefined);
    }
  });

  it('keeps the first of two resources with the same Type/id', () => {
    const first = org('same', { name: 'First' });
    const twice = new RecordIndex([first, org('same', { name: 'Second' })]);
    expect(twice.resolve({ reference: 'Organization/same' })).to.equal(first);
  });

  it('resolves urn:uuid and absolute fullUrls from the bundle', () => {
    const byUuid = org('u1');
    const elsewhere = org('x1');
    const fullUrls = new Map<string, Resource>([
      ['urn:uuid:7f1e', byUuid],
      ['https://other.example/fhir/Organization/x1', elsewhere],
    ]);
    const withUrls = new RecordIndex([byUuid, elsewhere], { fullUrls });
    expect(withUrls.resolve({ reference: 'urn:uuid:7f1e' })).to.equal(byUuid);
    expect(withUrls.resolve({ reference: 'https://other.example/fhir/Organization/x1' })).to.equal(elsewhere);
  });

  it('indexes resources that are only in fullUrls', () => {
    const only = org('only');
    const withUrls = new RecordIndex([], { fullUrls: new Map([['urn:uuid:1', only]]) });
    expect(withUrls.resolve({ reference: 'Organization/only' })).to.equal(only);
  });

  it('resolves #id contained references relative to `from`, and from inside the container', () => {
    const statement = {
      resourceType: 'MedicationStatement',
      id: 'ms1',
      contained: [
        { resourceType: 'PractitionerRole', id: 'role', organization: { reference: '#org' } },
        { resourceType: 'Organization', id: 'org', name: 'Contained practice' },
      ],
    } as unknown as MedicationStatement;
    const other = { resourceType: 'MedicationStatement', id: 'ms2' } as MedicationStatement;
    const local = new RecordIndex([statement, other]);
    const role = local.resolve<Resource>({ reference: '#role' }, statement);
    expect(role?.resourceType).to.equal('PractitionerRole');
    const viaRole = local.resolve<Organization>({ reference: '#org' }, role);
    expect(viaRole?.name).to.equal('Contained practice');
    expect(local.resolve({ reference: '#' }, role)).to.equal(statement);
    expect(local.resolve({ reference: '#org' }, other)).to.equal(undefined);
    expect(local.resolve({ reference: '#org' })).to.equal(undefined);
  });

  it('answers a reference the same however often it is asked; #id always against its own container', () => {
    const withContained = (id: string, name: string) =>
      ({
        resourceType: 'MedicationStatement',
        id,
        informationSource: { reference: '#org' },
        contained: [{ resourceType: 'Organization', id: 'org', name }],
      }) as unknown as MedicationStatement;
    const first = withContained('ms1', 'First practice');
    const second = withContained('ms2', 'Second practice');
    const local = new RecordIndex([first, second, org('gp1')], { baseUrl: BASE });
    for (let round = 0; round < 3; round += 1) {
      expect(local.resolve<Organization>({ reference: '#org' }, first)?.name).to.equal('First practice');
      expect(local.resolve<Organization>({ reference: '#org' }, second)?.name).to.equal('Second practice');
      expect(local.resolve<Organization>({ reference: 'Organization/gp1' })?.name).to.equal('Org gp1');
      expect(local.resolve<Organization>({ reference: `${BASE}/Organization/gp1` })?.name).to.equal('Org gp1');
      expect(local.resolve({ reference: 'Organization/gp1', type: 'Practitioner' })).to.equal(undefined);
      expect(local.resolve({ reference: 'Organization/missing' })).to.equal(undefined);
    }
  });

  it('does not throw on malformed resources', () => {
    const messy = new RecordIndex([null, 'x', { resourceType: 'Organization', id: 5 }, { contained: 'x' }] as unknown as Resource[]);
    expect(messy.resolve({ reference: 'Organization/5' })).to.equal(undefined);
    expect(messy.resolve({ reference: '#a' }, { contained: 'x' } as unknown as Resource)).to.equal(undefined);
  });
});

describe('RecordIndex.provenanceFor', () => {
  const statement: MedicationStatement = {
    resourceType: 'MedicationStatement',
    id: 'ms1',
    status: 'active',
    subject: { reference: 'Patient/p1' },
  };
  const other: MedicationStatement = { ...statement, id: 'ms2' };

  it('finds Provenance by relative, versioned, absolute and urn targets', () => {
    const relative: Provenance = { resourceType: 'Provenance', id: 'p1', target: [{ reference: 'MedicationStatement/ms1' }], recorded: '2024-01-01T00:00:00Z', agent: [] };
    const versioned: Provenance = { ...relative, id: 'p2', target: [{ reference: 'MedicationStatement/ms1/_history/2' }] };
    const absolute: Provenance = { ...relative, id: 'p3', target: [{ reference: `${BASE}/MedicationStatement/ms1` }] };
    const byUrn: Provenance = { ...relative, id: 'p4', target: [{ reference: 'urn:uuid:ms1' }] };
    const unrelated: Provenance = { ...relative, id: 'p5', target: [{ reference: 'MedicationStatement/ms2' }] };
    const index = new RecordIndex([statement, other, relative, versioned, absolute, byUrn, unrelated], {
      baseUrl: BASE,
      fullUrls: new Map<string, Resource>([['urn:uuid:ms1', statement]]),
    });
    expect(index.provenanceFor(statement).map((p) => p.id)).to.have.members(['p1', 'p2', 'p3', 'p4']);
    expect(index.provenanceFor(other).map((p) => p.id)).to.deep.equal(['p5']);
  });

  it('matches by Type/id when given an equal copy of the resource', () => {
    const provenance: Provenance = { resourceType: 'Provenance', id: 'p1', target: [{ reference: 'MedicationStatement/ms1' }], recorded: '2024-01-01T00:00:00Z', agent: [] };
    const index = new RecordIndex([statement, provenance]);
    expect(index.provenanceFor({ ...statement }).map((p) => p.id)).to.deep.equal(['p1']);
  });

  it('returns nothing when no Provenance targets the resource, and tolerates malformed targets', () => {
    const broken = { resourceType: 'Provenance', id: 'bad', target: 'MedicationStatement/ms1' } as unknown as Provenance;
    const index = new RecordIndex([statement, broken]);
    expect(index.provenanceFor(other)).to.deep.equal([]);
  });
});
