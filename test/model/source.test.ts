import { expect } from '@open-wc/testing';
import type { Organization, Resource } from '@medplum/fhirtypes';
import { ODS_ORG_CODE_SYSTEM, ODS_ROLE_SYSTEMS, SOURCE_SYSTEM_IDENTIFIER, SOURCE_TYPE_SYSTEM } from '../../src/fhir/hie-contract.js';
import { RecordIndex } from '../../src/model/record-index.js';
import {
  resolveSource,
  SOURCE_TYPE_LABELS,
  sourceTypeLabel,
  sourceTypeOf,
  UNKNOWN_SOURCE,
} from '../../src/model/source.js';

const [ODS_ROLE_R4, ODS_ROLE_STU3] = ODS_ROLE_SYSTEMS as [string, string];

function organization(id: string, name: string | undefined, extra: Record<string, unknown> = {}): Organization {
  return { resourceType: 'Organization', id, ...(name ? { name } : {}), ...extra } as Organization;
}

const riverside = organization('riverside', 'Riverside Surgery', {
  identifier: [{ system: ODS_ORG_CODE_SYSTEM, value: 'Y01234' }],
  type: [{ coding: [{ system: SOURCE_TYPE_SYSTEM, code: 'gp' }] }],
});
const trust = organization('trust', 'North Thames Hospital', {
  type: [{ coding: [{ system: SOURCE_TYPE_SYSTEM, code: 'acute' }] }],
});
const practitioner = { resourceType: 'Practitioner', id: 'dr', name: [{ text: 'Dr A Jones' }] } as Resource;
const role = {
  resourceType: 'PractitionerRole',
  id: 'role',
  practitioner: { reference: 'Practitioner/dr' },
  organization: { reference: 'Organization/riverside' },
} as Resource;

function resource(body: Record<string, unknown>): Resource {
  return { id: 'item', ...body } as unknown as Resource;
}

function sourceOf(item: Resource, others: Resource[] = [riverside, trust, practitioner, role]) {
  return resolveSource(item, new RecordIndex([item, ...others]));
}

describe('resolveSource: the resource\'s own fields', () => {
  it('names a MedicationStatement.informationSource organisation with its ODS code and type', () => {
    const { source, organization: org } = sourceOf(
      resource({ resourceType: 'MedicationStatement', informationSource: { reference: 'Organization/riverside' } }),
    );
    expect(source).to.deep.equal({
      key: 'Y01234',
      name: 'Riverside Surgery',
      odsCode: 'Y01234',
      type: 'gp',
      typeLabel: 'GP practice',
      via: 'resource',
    });
    expect(org).to.equal(riverside);
  });

  it('keys an organisation without ODS code by Organization/id', () => {
    const { source } = sourceOf(resource({ resourceType: 'Encounter', serviceProvider: { reference: 'Organization/trust' } }));
    expect(source).to.include({ key: 'Organization/trust', name: 'North Thames Hospital', type: 'acute', typeLabel: 'Acute hospital' });
  });

  it('skips a Practitioner requester and uses the MedicationRequest performer', () => {
    const { source } = sourceOf(
      resource({
        resourceType: 'MedicationRequest',
        requester: { reference: 'Practitioner/dr', display: 'Dr A Jones' },
        performer: { reference: 'Organization/trust' },
      }),
    );
    expect(source.name).to.equal('North Thames Hospital');
  });

  it('follows PractitionerRole to its organisation', () => {
    for (const [type, field] of [
      ['MedicationRequest', 'requester'],
      ['Condition', 'recorder'],
      ['Condition', 'asserter'],
      ['AllergyIntolerance', 'recorder'],
    ] as const) {
      const { source } = sourceOf(resource({ resourceType: type, [field]: { reference: 'PractitionerRole/role' } }));
      expect(source.name, `${type}.${field}`).to.equal('Riverside Surgery');
    }
  });

  it('says a Practitioner alone is no organisation', () => {
    const { source } = sourceOf(resource({ resourceType: 'Condition', recorder: { reference: 'Practitioner/dr' } }));
    expect(source).to.deep.equal(UNKNOWN_SOURCE);
  });

  it('reads the source field of each supported type', () => {
    const cases: Record<string, unknown>[] = [
      { resourceType: 'Observation', performer: [{ reference: 'Practitioner/dr' }, { reference: 'Organization/trust' }] },
      { resourceType: 'DiagnosticReport', performer: [{ reference: 'Organization/trust' }] },
      { resourceType: 'DocumentReference', custodian: { reference: 'Organization/trust' }, author: [{ reference: 'Organization/riverside' }] },
      { resourceType: 'DocumentReference', author: [{ reference: 'Organization/trust' }] },
      { resourceType: 'Composition', custodian: { reference: 'Organization/trust' } },
      { resourceType: 'Composition', author: [{ reference: 'PractitionerRole/missing' }, { reference: 'Organization/trust' }] },
      { resourceType: 'CarePlan', author: { reference: 'Organization/trust' } },
      { resourceType: 'CareTeam', managingOrganization: [{ reference: 'Organization/trust' }] },
      { resourceType: 'Immunization', performer: [{ actor: { reference: 'Organization/trust' } }] },
    ];
    for (const body of cases) {
      expect(sourceOf(resource(body)).source.name, JSON.stringify(body)).to.equal('North Thames Hospital');
    }
  });

  it('reads Appointment participants through Location, HealthcareService and PractitionerRole', () => {
    const location = { resourceType: 'Location', id: 'ward', managingOrganization: { reference: 'Organization/trust' } } as Resource;
    const service = { resourceType: 'HealthcareService', id: 'clinic', providedBy: { reference: 'Organization/trust' } } as Resource;
    const others = [trust, riverside, location, service, role, practitioner];
    const appointment = (actor: string) =>
      resource({ resourceType: 'Appointment', participant: [{ actor: { reference: 'Patient/p1' } }, { actor: { reference: actor } }] });
    expect(sourceOf(appointment('Location/ward'), others).source.name).to.equal('North Thames Hospital');
    expect(sourceOf(appointment('HealthcareService/clinic'), others).source.name).to.equal('North Thames Hospital');
    expect(sourceOf(appointment('PractitionerRole/role'), others).source.name).to.equal('Riverside Surgery');
    expect(sourceOf(appointment('Practitioner/dr'), others).source.via).to.equal('none');
  });

  it('resolves a contained organisation, keyed by name rather than its local id', () => {
    const item = resource({
      resourceType: 'MedicationStatement',
      contained: [{ resourceType: 'Organization', id: 'o1', name: 'Contained Pharmacy' }],
      informationSource: { reference: '#o1' },
    });
    expect(sourceOf(item, []).source).to.include({ name: 'Contained Pharmacy', key: 'name:contained pharmacy', via: 'resource' });
  });

  it('takes the name of an unresolved reference from its display, type not recorded', () => {
    for (const ref of [{ display: 'Riverside Surgery' }, { reference: 'Organization/elsewhere', display: 'Riverside Surgery' }]) {
      const { source, organization: org } = sourceOf(resource({ resourceType: 'MedicationStatement', informationSource: ref }), []);
      expect(source).to.deep.equal({
        key: 'name:riverside surgery',
        name: 'Riverside Surgery',
        odsCode: undefined,
        type: undefined,
        typeLabel: 'organisation type not recorded',
        via: 'resource',
      });
      expect(org).to.equal(undefined);
    }
  });

  it('does not take a person\'s display for an organisation', () => {
    for (const ref of [
      { reference: 'Patient/pat1', display: 'Donald Duck' },
      { reference: 'Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9', display: 'Dr. Boyd' },
      { reference: 'https://other.example/fhir/RelatedPerson/peter', display: 'Peter Chalmers' },
      { type: 'Practitioner', display: 'Dr B' },
    ]) {
      const { source } = sourceOf(resource({ resourceType: 'MedicationStatement', informationSource: ref }), []);
      expect(source.via, JSON.stringify(ref)).to.equal('none');
    }
  });

  it('does not take a display from a field that cannot name an organisation', () => {
    const { source } = sourceOf(resource({ resourceType: 'Condition', recorder: { display: 'Dr C Smith' } }), []);
    expect(source.via).to.equal('none');
  });

  it('gives the ODS code of an identifier-only reference', () => {
    const { source } = sourceOf(
      resource({ resourceType: 'MedicationRequest', requester: { identifier: { system: ODS_ORG_CODE_SYSTEM, value: 'RRV' } } }),
      [],
    );
    expect(source).to.include({ key: 'RRV', odsCode: 'RRV', name: 'ODS code RRV', via: 'resource' });
  });

  it('resolves an identifier reference to an included organisation', () => {
    const { source } = sourceOf(
      resource({
        resourceType: 'MedicationRequest',
        requester: { type: 'Organization', identifier: { system: ODS_ORG_CODE_SYSTEM, value: 'Y01234' } },
      }),
    );
    expect(source.name).to.equal('Riverside Surgery');
  });
});

describe('resolveSource: Provenance and meta.source', () => {
  const provenance = (id: string, recorded: string, agent: unknown[]): Resource =>
    ({ resourceType: 'Provenance', id, recorded, target: [{ reference: 'MedicationStatement/item' }], agent }) as unknown as Resource;
  const statement = resource({ resourceType: 'MedicationStatement' });

  it('uses agent.onBehalfOf before agent.who', () => {
    const p = provenance('p1', '2024-01-01T00:00:00Z', [
      { who: { reference: 'Organization/trust' } },
      { who: { reference: 'Practitioner/dr' }, onBehalfOf: { reference: 'Organization/riverside' } },
    ]);
    const { source, organization: org } = sourceOf(statement, [riverside, trust, practitioner, p]);
    expect(source).to.include({ name: 'Riverside Surgery', via: 'provenance' });
    expect(org).to.equal(riverside);
  });

  it('uses agent.who when it is an organisation or a PractitionerRole', () => {
    const p = provenance('p1', '2024-01-01T00:00:00Z', [{ who: { reference: 'PractitionerRole/role' } }]);
    expect(sourceOf(statement, [riverside, role, p]).source).to.include({ name: 'Riverside Surgery', via: 'provenance' });
  });

  it('uses the newest Provenance first', () => {
    const older = provenance('old', '2023-01-01T00:00:00Z', [{ who: { reference: 'Organization/riverside' } }]);
    const newer = provenance('new', '2024-06-01T00:00:00Z', [{ who: { reference: 'Organization/trust' } }]);
    expect(sourceOf(statement, [riverside, trust, older, newer]).source.name).to.equal('North Thames Hospital');
  });

  it('takes a Provenance onBehalfOf display when the organisation is not included', () => {
    const p = provenance('p1', '2024-01-01T00:00:00Z', [
      { who: { reference: 'Practitioner?identifier=x|1', display: 'Dr X' }, onBehalfOf: { reference: 'Organization?identifier=x|2', display: 'PCP235727' } },
    ]);
    expect(sourceOf(statement, [p]).source).to.include({ name: 'PCP235727', via: 'provenance', key: 'name:pcp235727' });
  });

  it('prefers the resource\'s own field to Provenance', () => {
    const p = provenance('p1', '2024-01-01T00:00:00Z', [{ who: { reference: 'Organization/trust' } }]);
    const own = resource({ resourceType: 'MedicationStatement', informationSource: { reference: 'Organization/riverside' } });
    expect(sourceOf(own, [riverside, trust, p]).source).to.include({ name: 'Riverside Surgery', via: 'resource' });
  });

  it('names the host of meta.source when nothing else names a source', () => {
    const item = resource({ resourceType: 'MedicationStatement', meta: { source: 'https://gp-system.example/fhir#a1b2' } });
    expect(sourceOf(item, []).source).to.deep.equal({
      key: 'meta.source:gp-system.example',
      name: 'gp-system.example',
      odsCode: undefined,
      type: undefined,
      typeLabel: 'organisation type not recorded',
      via: 'meta.source',
    });
  });

  it('shows a meta.source that is not a web address as sent', () => {
    const item = resource({ resourceType: 'MedicationStatement', meta: { source: 'urn:oid:2.16.840.1.113883.2.1.3.2' } });
    expect(sourceOf(item, []).source.name).to.equal('urn:oid:2.16.840.1.113883.2.1.3.2');
  });

  it('resolves meta.source to the Organization carrying it as its source-system identifier, before Provenance', () => {
    const ambulance = organization('amb', 'Capital Ambulance Service', {
      identifier: [{ system: SOURCE_SYSTEM_IDENTIFIER, value: 'https://ambulance.example/fhir' }],
      type: [{ coding: [{ system: SOURCE_TYPE_SYSTEM, code: 'ambulance' }] }],
    });
    const p = provenance('p1', '2024-01-01T00:00:00Z', [{ who: { reference: 'Organization/trust' } }]);
    const item = resource({ resourceType: 'MedicationStatement', meta: { source: 'https://ambulance.example/fhir' } });
    const { source, organization: org } = sourceOf(item, [ambulance, trust, p]);
    expect(source).to.include({ name: 'Capital Ambulance Service', type: 'ambulance', via: 'meta.source' });
    expect(org).to.equal(ambulance);
  });

  it('prefers a Provenance organisation to a bare meta.source URI', () => {
    const p = provenance('p1', '2024-01-01T00:00:00Z', [{ who: { reference: 'Organization/trust' } }]);
    const item = resource({ resourceType: 'MedicationStatement', meta: { source: 'https://gp-system.example/fhir' } });
    expect(sourceOf(item, [trust, p]).source).to.include({ name: 'North Thames Hospital', via: 'provenance' });
  });
});

describe('resolveSource: nothing recorded', () => {
  it('says "unknown" and never guesses', () => {
    const { source, organization: org } = sourceOf(resource({ resourceType: 'MedicationStatement' }), []);
    expect(source).to.deep.equal({
      key: 'unknown',
      name: undefined,
      odsCode: undefined,
      type: undefined,
      typeLabel: 'organisation type not recorded',
      via: 'none',
    });
    expect(org).to.equal(undefined);
  });

  it('keeps an unnamed organisation for its feed but does not call it a source', () => {
    const unnamed = organization('blank', undefined);
    const { source, organization: org } = sourceOf(
      resource({ resourceType: 'MedicationStatement', informationSource: { reference: 'Organization/blank' } }),
      [unnamed],
    );
    expect(source.via).to.equal('none');
    expect(org).to.equal(unnamed);
  });

  it('does not throw on malformed fields', () => {
    const messy = [
      resource({ resourceType: 'MedicationStatement', informationSource: 'Organization/riverside', meta: 'x' }),
      resource({ resourceType: 'MedicationRequest', requester: [null], performer: 5 }),
      resource({ resourceType: 'Appointment', participant: 'x' }),
      resource({ resourceType: 'Immunization', performer: { actor: { reference: 'Organization/trust' } } }),
      resource({ resourceType: 12 }),
      null as unknown as Resource,
    ];
    for (const item of messy) expect(() => sourceOf(item)).to.not.throw();
    expect(sourceOf(messy[3] as Resource).source.name).to.equal('North Thames Hospital');
  });

  it('stops on a reference cycle', () => {
    const loopA = { resourceType: 'PractitionerRole', id: 'a', organization: { reference: 'PractitionerRole/b' } } as unknown as Resource;
    const loopB = { resourceType: 'PractitionerRole', id: 'b', organization: { reference: 'PractitionerRole/a' } } as unknown as Resource;
    const item = resource({ resourceType: 'MedicationRequest', requester: { reference: 'PractitionerRole/a' } });
    expect(sourceOf(item, [loopA, loopB]).source.via).to.equal('none');
  });
});

describe('resolveSource: organisations read once', () => {
  const statement = resource({ resourceType: 'MedicationStatement', informationSource: { reference: 'Organization/riverside' } });

  it('reads the ODS code and type of a frozen (HIE response) organisation once per object', () => {
    let reads = 0;
    const counted = new Proxy(Object.freeze(organization('riverside', 'Riverside Surgery', {
      identifier: [{ system: ODS_ORG_CODE_SYSTEM, value: 'Y01234' }],
      type: [{ coding: [{ system: ODS_ROLE_R4, code: 'RO76' }] }],
    })), {
      get(target, key, receiver) {
        if (key === 'identifier' || key === 'type') reads += 1;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const first = sourceOf(statement, [counted]).source;
    const afterFirst = reads;
    const second = sourceOf(statement, [counted]).source;
    expect(second).to.deep.equal(first);
    expect(first).to.include({ odsCode: 'Y01234', type: 'gp' });
    expect(reads).to.equal(afterFirst);
  });

  it('reads an organisation that can change every time', () => {
    const org = organization('riverside', 'Riverside Surgery', { type: [{ coding: [{ system: ODS_ROLE_R4, code: 'RO76' }] }] });
    expect(sourceOf(statement, [org]).source.type).to.equal('gp');
    (org as { type?: unknown }).type = [{ coding: [{ system: SOURCE_TYPE_SYSTEM, code: 'community' }] }];
    expect(sourceOf(statement, [org]).source.type).to.equal('community');
  });
});

describe('source type', () => {
  const typed = (system: string, code: string, name = 'Anywhere') =>
    organization('o', name, { type: [{ coding: [{ system, code }] }] });

  it('reads ODS role codes from both role systems', () => {
    const expected: Record<string, string> = {
      RO76: 'gp', RO177: 'gp', RO80: 'out-of-hours', RO247: 'community',
      RO141: 'social-care', RO104: 'social-care', RO101: 'social-care', RO269: 'social-care', RO270: 'social-care',
    };
    for (const [code, type] of Object.entries(expected)) {
      expect(sourceTypeOf(typed(ODS_ROLE_R4, code)), code).to.equal(type);
      expect(sourceTypeOf(typed(ODS_ROLE_STU3, code)), code).to.equal(type);
    }
  });

  it('does not type NHS trusts from ODS, nor codes from other systems', () => {
    expect(sourceTypeOf(typed(ODS_ROLE_R4, 'RO197'))).to.equal(undefined);
    expect(sourceTypeOf(typed('urn:other', 'RO76'))).to.equal(undefined);
    expect(sourceTypeOf(typed(SOURCE_TYPE_SYSTEM, 'pharmacy'))).to.equal(undefined);
  });

  it('prefers the contract code to an ODS role', () => {
    const both = organization('o', 'X', {
      type: [{ coding: [{ system: ODS_ROLE_R4, code: 'RO76' }] }, { coding: [{ system: SOURCE_TYPE_SYSTEM, code: 'mental-health' }] }],
    });
    expect(sourceTypeOf(both)).to.equal('mental-health');
  });

  it('never infers a type from the name', () => {
    expect(sourceTypeOf(organization('o', 'Riverside GP Surgery'))).to.equal(undefined);
    expect(sourceTypeOf(organization('o', 'St Elsewhere Hospital', { type: [{ text: 'Hospital' }] }))).to.equal(undefined);
  });

  it('labels every type', () => {
    expect(SOURCE_TYPE_LABELS).to.deep.equal({
      gp: 'GP practice',
      acute: 'Acute hospital',
      ambulance: 'Ambulance service',
      'social-care': 'Social care',
      community: 'Community services',
      'out-of-hours': 'Out of hours / 111',
      'mental-health': 'Mental health',
    });
    expect(sourceTypeLabel('ambulance')).to.equal('Ambulance service');
    expect(sourceTypeLabel(undefined)).to.equal('organisation type not recorded');
    expect(sourceTypeLabel('pharmacy')).to.equal('pharmacy');
  });
});
