import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { modelInput, NOW, organisation, OVERDUE_BATCH } from '../../support/fixtures.js';
import { mapCareTeams, type CareTeamRow } from '../../../src/elements/care-team/care-team.model.js';
import { ANOTHER_PATIENT, THE_PATIENT } from '../../../src/model/parties.js';

const SUBJECT = { reference: 'Patient/p1' };

const socialCare = organisation('sc1', 'Riverside Adult Social Care', 'social-care', { sourceSystem: 'https://asc.example/fhir' });
const stale = organisation('acute1', "St Anselm's Hospital", 'acute', { feed: OVERDUE_BATCH });
const community = organisation('com1', 'Riverside Community Health', 'community');
const role = {
  resourceType: 'PractitionerRole',
  id: 'role1',
  practitioner: { reference: 'Practitioner/prac1' },
  organization: { reference: 'Organization/acute1' },
  code: [{ text: 'Consultant respiratory physician' }],
  specialty: [{ coding: [{ system: 'http://snomed.info/sct', code: '418112009', display: 'Pulmonary medicine' }] }],
  telecom: [{ system: 'phone', value: '020 7946 0700' }],
} as Resource;
const practitioner = {
  resourceType: 'Practitioner',
  id: 'prac1',
  name: [
    { use: 'old', family: 'Smith', given: ['Ann'] },
    { use: 'official', family: 'Nowak', given: ['Tomasz'], prefix: ['Dr'] },
  ],
  telecom: [{ system: 'email', value: 't.nowak@stanselms.example' }, { system: 'phone', value: '020 7946 0700' }],
} as Resource;
const INCLUDED = [socialCare, stale, community, role, practitioner];

function team(id: string, body: Record<string, unknown> = {}): Resource {
  return { resourceType: 'CareTeam', id, status: 'active', subject: SUBJECT, ...body } as unknown as Resource;
}

function map(matches: Resource[], included: Resource[] = INCLUDED): CareTeamRow[] {
  return mapCareTeams(modelInput(matches, included));
}

function one(resource: Resource, included?: Resource[]): CareTeamRow {
  const rows = map([resource], included);
  expect(rows).to.have.length(1);
  return rows[0]!;
}

describe('mapCareTeams', () => {
  it('maps a full CareTeam with its members resolved through included resources', () => {
    const row = one(
      team('t1', {
        name: 'Respiratory team',
        category: [{ coding: [{ system: 'http://loinc.org', code: 'LA27978-8', display: 'Condition-focused care team' }] }],
        reasonCode: [{ text: 'COPD' }],
        reasonReference: [{ reference: 'Condition/c1', display: 'Bronchiectasis' }],
        period: { start: '2026-10-18', end: '2027-04' },
        managingOrganization: [{ reference: 'Organization/acute1' }],
        telecom: [{ system: 'phone', value: '020 7946 0744', use: 'work' }],
        note: [{ text: 'Reviewed monthly' }],
        participant: [
          { role: [{ text: 'Lead clinician' }], member: { reference: 'PractitionerRole/role1' }, period: { start: '2026-10-18' } },
        ],
        meta: {
          lastUpdated: '2026-11-26T17:00:00Z',
          security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }],
        },
      }),
    );
    expect(row).to.deep.include({
      key: 'CareTeam/t1',
      resourceType: 'CareTeam',
      id: 't1',
      status: 'active',
      statusLabel: 'Active',
      current: true,
      attention: false,
      name: 'Respiratory team',
      categories: ['Condition-focused care team'],
      reasons: ['COPD', 'Bronchiectasis'],
      start: '2026-10-18',
      end: '2027-04',
      date: '2026-10-18',
      notes: ['Reviewed monthly'],
      securityLabels: ['Restricted'],
    });
    expect(row.contacts.map((c) => [c.label, c.value, c.href])).to.deep.equal([['Phone', '020 7946 0744', 'tel:02079460744']]);
    expect(row.source).to.include({ name: "St Anselm's Hospital", typeLabel: 'Acute hospital', via: 'resource' });
    expect(row.freshness).to.include({ feed: 'batch', possiblyOutOfDate: true });
    const [lead] = row.members;
    expect(lead).to.deep.include({
      kind: 'practitioner-role',
      name: 'Dr Tomasz Nowak',
      roles: ['Lead clinician', 'Consultant respiratory physician', 'Pulmonary medicine'],
      organisation: "St Anselm's Hospital",
      onBehalfOf: undefined,
      start: '2026-10-18',
      end: undefined,
      left: false,
    });
    expect(lead!.contacts.map((c) => c.href)).to.deep.equal(['tel:02079460700', 'mailto:t.nowak@stanselms.example']);
  });

  it('names every kind of member, contained or by display, and the patient only as "The patient"', () => {
    const row = one(
      team('t2', {
        contained: [
          { resourceType: 'Practitioner', id: 'dn', name: [{ given: ['Bernadette'], family: 'Kelly' }], telecom: [{ system: 'phone', value: '07700 900451' }] },
          { resourceType: 'RelatedPerson', id: 'son', patient: SUBJECT, name: [{ text: 'Daniel Ellwood' }], relationship: [{ text: 'Son' }], telecom: [{ system: 'phone', value: '07700 900123' }] },
          { resourceType: 'Organization', id: 'home-care', name: 'Brightwater Home Care Ltd', telecom: [{ system: 'url', value: 'https://brightwater.example' }] },
          { resourceType: 'CareTeam', id: 'sub', name: 'Night sitting service' },
        ],
        participant: [
          { member: { reference: '#dn' }, onBehalfOf: { reference: 'Organization/com1' } },
          { member: { reference: '#son' }, role: [{ coding: [{ system: 'http://snomed.info/sct', code: '133932002', display: 'Caregiver' }], text: 'Family carer' }] },
          { member: { reference: '#home-care' }, role: [{ text: 'Domiciliary care provider' }] },
          { member: { reference: '#sub' } },
          { member: { reference: 'PractitionerRole/elsewhere', display: 'Dr Aisha Rahman' }, onBehalfOf: { display: 'Riverside University Hospitals' } },
          { member: { reference: 'Patient/p1' }, role: [{ text: 'Patient' }] },
          { member: { reference: 'Patient/p2', display: 'Someone Else' } },
          { member: { type: 'Patient', display: 'Someone Else' } },
          { member: { reference: 'Device/d1', display: 'Telecare hub' } },
          { role: [{ text: 'Interpreter' }] },
        ],
      }),
    );
    const summary = row.members.map((m) => [m.kind, m.name, m.roles, m.organisation, m.onBehalfOf]);
    expect(summary).to.deep.equal([
      ['practitioner', 'Bernadette Kelly', [], undefined, 'Riverside Community Health'],
      ['related-person', 'Daniel Ellwood', ['Family carer', 'Son'], undefined, undefined],
      ['organization', 'Brightwater Home Care Ltd', ['Domiciliary care provider'], undefined, undefined],
      ['care-team', 'Night sitting service', [], undefined, undefined],
      ['practitioner-role', 'Dr Aisha Rahman', [], undefined, 'Riverside University Hospitals'],
      ['patient', THE_PATIENT, ['Patient'], undefined, undefined],
      ['patient', ANOTHER_PATIENT, [], undefined, undefined],
      ['patient', ANOTHER_PATIENT, [], undefined, undefined],
      ['other', 'Telecare hub', [], undefined, undefined],
      ['other', undefined, ['Interpreter'], undefined, undefined],
    ]);
    expect(JSON.stringify(row.members)).to.not.contain('Someone Else');
    expect(row.members[1]!.contacts.map((c) => c.href)).to.deep.equal(['tel:07700900123']);
    expect(row.members[2]!.contacts.map((c) => c.href)).to.deep.equal(['https://brightwater.example/']);
  });

  it('says when a member has left: a date-only end lasts the whole of that day', () => {
    const row = one(
      team('t3', {
        participant: [
          { member: { display: 'A' }, period: { end: '2026-11-26' } },
          { member: { display: 'B' }, period: { end: '2026-11-27' } },
          { member: { display: 'C' }, period: { end: '2026-11-27T13:00:00Z' } },
          { member: { display: 'D' }, period: { end: '2026' } },
          { member: { display: 'E' }, period: { end: 'soon' } },
        ],
      }),
    );
    expect(row.members.map((m) => [m.name, m.left])).to.deep.equal([
      ['A', true],
      ['B', false],
      ['C', true],
      ['D', false],
      ['E', false],
    ]);
    expect(row.members[4]!.end).to.equal(undefined);
  });

  it('drops entered-in-error and words every other status; proposed and suspended are marked', () => {
    const statuses = ['proposed', 'active', 'suspended', 'inactive', 'entered-in-error'];
    const rows = map(statuses.map((status, i) => team(status, { status, period: { start: `2026-0${i + 1}-01` } })));
    expect(rows.map((r) => [r.status, r.statusLabel, r.current, r.attention])).to.deep.equal([
      ['inactive', 'Inactive', false, false],
      ['suspended', 'Suspended', true, true],
      ['active', 'Active', true, false],
      ['proposed', 'Proposed', true, true],
    ]);
  });

  it('keeps a missing or unrecognised status in the default view, marked', () => {
    const [missing, odd, proto] = map([
      team('a', { status: undefined, period: { start: '2026-03-01' } }),
      team('b', { status: 'paused', period: { start: '2026-02-01' } }),
      team('c', { status: 'constructor', period: { start: '2026-01-01' } }),
    ]);
    expect(missing).to.include({ status: 'unknown', statusLabel: 'Status not recorded', current: true, attention: true });
    expect(odd).to.include({ status: 'paused', statusLabel: 'Status: paused', current: true, attention: true });
    expect(proto).to.include({ status: 'constructor', statusLabel: 'Status: constructor', current: true });
  });

  it('names its source by managingOrganization, meta.source, Provenance, or not at all', () => {
    const provenance = {
      resourceType: 'Provenance',
      id: 'prov1',
      target: [{ reference: 'CareTeam/by-provenance' }],
      recorded: '2026-11-20T10:00:00Z',
      agent: [{ who: { reference: 'Organization/com1' } }],
    } as Resource;
    const rows = map(
      [
        team('by-field', { managingOrganization: [{ reference: 'Organization/sc1' }], period: { start: '2026-04-01' } }),
        team('by-meta', { meta: { source: 'https://asc.example/fhir' }, period: { start: '2026-03-01' } }),
        team('by-provenance', { period: { start: '2026-02-01' } }),
        team('by-nothing', { period: { start: '2026-01-01' } }),
      ],
      [...INCLUDED, provenance],
    );
    expect(rows.map((r) => [r.id, r.source.name, r.source.via])).to.deep.equal([
      ['by-field', 'Riverside Adult Social Care', 'resource'],
      ['by-meta', 'Riverside Adult Social Care', 'meta.source'],
      ['by-provenance', 'Riverside Community Health', 'provenance'],
      ['by-nothing', undefined, 'none'],
    ]);
  });

  it('dates a team by its start, then its end, then meta.lastUpdated, keeping partial dates as sent', () => {
    const rows = map([
      team('a', { period: { start: '2024' } }),
      team('b', { period: { end: '2025-06' } }),
      team('c', { meta: { lastUpdated: '2026-02-02T10:00:00Z' } }),
      team('d', { period: { start: '2024-02-30' } }),
    ]);
    expect(rows.map((r) => [r.id, r.date])).to.deep.equal([
      ['c', '2026-02-02T10:00:00Z'],
      ['b', '2025-06'],
      ['a', '2024'],
      ['d', undefined],
    ]);
  });

  it('gives rows without an id, or with a repeated id, unique keys', () => {
    const rows = map([{ ...team('x'), id: undefined } as unknown as Resource, team('dup'), team('dup')]);
    expect(rows.map((r) => r.key).sort()).to.deep.equal(['CareTeam/#0', 'CareTeam/dup', 'CareTeam/dup~2']);
  });

  it('ignores resources of other types', () => {
    expect(map([socialCare, practitioner, { resourceType: 'CarePlan', id: 'p', status: 'active' } as Resource])).to.deep.equal([]);
  });

  it('never throws on malformed input', () => {
    const messy = [
      null,
      'CareTeam',
      team('a', { name: 7, category: 'x', period: 'x', participant: 'x', telecom: 5, managingOrganization: 'x', meta: null, note: [null] }),
      team('b', { participant: [null, 3, { member: 'x', role: 'x', period: 3 }, { member: { reference: 5, display: [] } }], reasonCode: [{ text: 3 }] }),
      team('c', { contained: 'x', participant: [{ member: { reference: '#nothing' } }], subject: null }),
      team('d', { status: 5, participant: [{ member: { reference: 'PractitionerRole/role1' }, onBehalfOf: 'x' }] }),
    ] as unknown as Resource[];
    let rows: CareTeamRow[] = [];
    expect(() => (rows = map(messy))).to.not.throw();
    expect(rows).to.have.length(4);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('a')).to.include({ name: undefined, start: undefined });
    expect(byId.get('a')!.members).to.deep.equal([]);
    expect(byId.get('b')!.members.map((m) => m.name)).to.deep.equal([undefined, undefined]);
    expect(byId.get('d')).to.include({ status: 'unknown', statusLabel: 'Status not recorded' });
  });

  it('keeps rows whose resolver throws, with an unknown source and unresolved members', () => {
    const throwing = {
      resolve: () => {
        throw new Error('resolver failed');
      },
      provenanceFor: () => [],
    };
    const rows = mapCareTeams({
      matches: [team('a', { managingOrganization: [{ reference: 'Organization/sc1' }], participant: [{ member: { reference: 'Practitioner/x', display: 'Dr X' } }] })],
      index: throwing,
      now: NOW,
    });
    expect(rows[0]!.source.via).to.equal('none');
    expect(rows[0]!.members[0]).to.include({ kind: 'practitioner', name: 'Dr X' });
  });
});
