import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { ODS_ORG_CODE_SYSTEM } from '../../../src/fhir/hie-contract.js';
import { hospital, modelInput, NOW, organisation, stale } from '../../support/fixtures.js';
import {
  DELIVERY_CHANNEL_URL,
  mapAppointments,
  type AppointmentRow,
} from '../../../src/elements/appointments/appointments.model.js';
import { BOOKING_ORGANIZATION_URL } from '../../../src/elements/appointments/appointments.booking.js';
import { isUpcoming } from '../../../src/elements/appointments/appointments.status.js';

const SCT = 'http://snomed.info/sct';

const gp = organisation('gp', 'Riverside Medical Practice', 'gp', { sourceSystem: true });
const mentalHealth = organisation('mh', 'North East London Mental Health Trust', 'mental-health', { sourceSystem: true });
const clinic = { resourceType: 'Location', id: 'clinic', name: 'Cardiology Outpatients', managingOrganization: { reference: 'Organization/hosp' } } as Resource;
const echo = { resourceType: 'HealthcareService', id: 'echo', name: 'Echocardiography Service', providedBy: { reference: 'Organization/hosp' } } as Resource;
const registrar = {
  resourceType: 'PractitionerRole',
  id: 'reg',
  practitioner: { display: 'Dr Tomasz Nowak' },
  organization: { reference: 'Organization/stale' },
  code: [{ text: 'Respiratory registrar' }],
} as Resource;
const consultant = { resourceType: 'Practitioner', id: 'cons', name: [{ prefix: ['Dr'], given: ['Aisha'], family: 'Rahman' }] } as Resource;
const INCLUDED = [hospital, stale, gp, mentalHealth, clinic, echo, registrar, consultant];

const patient = { actor: { reference: 'Patient/p1', display: 'Margaret Ellwood' }, status: 'accepted' };

function appt(id: string, body: Record<string, unknown> = {}): Resource {
  return {
    resourceType: 'Appointment',
    id,
    status: 'booked',
    start: '2026-12-09T10:30:00Z',
    end: '2026-12-09T11:00:00Z',
    participant: [patient],
    ...body,
  } as unknown as Resource;
}

function withActors(...actors: Record<string, unknown>[]): { participant: unknown[] } {
  return { participant: [patient, ...actors.map((actor) => ({ actor, status: 'accepted' }))] };
}

function map(matches: Resource[], included: Resource[] = INCLUDED, now = NOW): AppointmentRow[] {
  return mapAppointments(modelInput(matches, included, now));
}

function one(resource: Resource, included?: Resource[]): AppointmentRow {
  const rows = map([resource], included);
  expect(rows).to.have.length(1);
  return rows[0] as AppointmentRow;
}

describe('mapAppointments', () => {
  it('maps a full appointment: service, when, where, who, channel, reason', () => {
    const row = one(
      appt('a1', {
        ...withActors({ reference: 'Location/clinic' }, { reference: 'Practitioner/cons', display: 'someone else' }),
        serviceType: [{ text: 'Cardiology outpatient clinic' }],
        specialty: [{ coding: [{ system: SCT, code: '394579002', display: 'Cardiology' }] }],
        appointmentType: { coding: [{ code: 'FOLLOWUP', display: 'A follow up visit from a previous appointment' }] },
        description: 'Review after admission',
        reasonCode: [{ coding: [{ system: SCT, code: '49436004', display: 'Atrial fibrillation' }] }],
        reasonReference: [{ reference: 'Condition/x', display: 'Palpitations' }],
        extension: [{ url: DELIVERY_CHANNEL_URL, valueCodeableConcept: { coding: [{ code: 'In-person', display: 'In person' }] } }],
        meta: { lastUpdated: '2026-11-27T13:30:00Z', security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
      }),
    );
    expect(row).to.deep.include({
      key: 'Appointment/a1',
      resourceType: 'Appointment',
      kind: 'appointment',
      status: 'booked',
      statusLabel: 'Booked',
      service: 'Cardiology outpatient clinic',
      appointmentType: 'A follow up visit from a previous appointment',
      description: 'Review after admission',
      start: '2026-12-09T10:30:00Z',
      end: '2026-12-09T11:00:00Z',
      date: '2026-12-09T10:30:00Z',
      channel: 'In person',
      upcoming: true,
      outcomeMissing: false,
      serviceKey: 'http://snomed.info/sct|394579002',
      bookedBy: undefined,
    });
    expect(row.locations).to.deep.equal(['Cardiology Outpatients']);
    expect(row.people).to.deep.equal(['Dr Aisha Rahman']);
    expect(row.reasons).to.deep.equal(['Atrial fibrillation', 'Palpitations']);
    expect(row.securityLabels).to.deep.equal(['Restricted']);
    expect(row.source).to.include({ name: 'Riverside University Hospitals NHS Trust', type: 'acute', via: 'resource' });
    expect(row.freshness).to.include({ feed: 'live', lastUpdated: '2026-11-27T13:30:00Z' });
  });

  it('labels every status in words, keeps cancelled ones and drops entered-in-error', () => {
    const statuses = ['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'checked-in', 'waitlist', 'entered-in-error'];
    const rows = map(statuses.map((status) => appt(status, { status })));
    const labels = new Map(rows.map((r) => [r.status, r.statusLabel]));
    expect([...labels.keys()].sort()).to.deep.equal(statuses.filter((s) => s !== 'entered-in-error').sort());
    expect(Object.fromEntries(labels)).to.deep.equal({
      proposed: 'Proposed (not yet booked)',
      pending: 'Pending confirmation',
      booked: 'Booked',
      arrived: 'Arrived',
      fulfilled: 'Attended',
      cancelled: 'Cancelled',
      noshow: 'Did not attend',
      'checked-in': 'Checked in',
      waitlist: 'On waiting list',
    });
  });

  it('never labels a cancelled appointment as booked, and keeps its reason', () => {
    const row = one(appt('c', { status: 'cancelled', cancelationReason: { text: 'Scanner out of service' } }));
    expect(row).to.include({ statusLabel: 'Cancelled', cancellationReason: 'Scanner out of service', upcoming: true });
  });

  it('says so when the status is missing or unknown', () => {
    const [missing, odd] = map([appt('a', { status: undefined }), appt('b', { status: 'rescheduled', start: '2026-12-10T10:00:00Z' })]);
    expect(missing).to.include({ status: 'unknown', statusLabel: 'Status not recorded', upcoming: true });
    expect(odd).to.include({ status: 'rescheduled', statusLabel: 'Status: rescheduled' });
  });

  it('is upcoming when it starts later or is in progress; past when it started before now', () => {
    const at = (start?: string, end?: string, status = 'booked') => isUpcoming(status, start, end, NOW);
    expect(at('2026-11-27T14:30:00Z')).to.equal(true);
    expect(at('2026-11-27T13:30:00Z')).to.equal(false);
    expect(at('2026-11-27T13:30:00Z', '2026-11-27T14:30:00Z')).to.equal(true);
    expect(at('2026-11-27T13:30:00Z', '2026-11-27T14:30:00Z', 'fulfilled')).to.equal(false);
    expect(at('2026-11-27')).to.equal(true);
    expect(at('2026-11-26')).to.equal(false);
    expect(at('2026-12')).to.equal(true);
    expect(at('2027-01-05T09:00:00Z', undefined, 'cancelled')).to.equal(true);
    expect(at('2026-10-05T09:00:00Z', undefined, 'cancelled')).to.equal(false);
  });

  it('treats an undated appointment as upcoming unless it is over', () => {
    const at = (status: string) => isUpcoming(status, undefined, undefined, NOW);
    expect(['proposed', 'pending', 'waitlist', 'booked', 'arrived', 'checked-in', 'unknown'].map(at)).to.deep.equal(Array(7).fill(true));
    expect(['fulfilled', 'noshow', 'cancelled'].map(at)).to.deep.equal([false, false, false]);
    expect(isUpcoming('booked', undefined, '2026-10-01T10:00:00Z', NOW)).to.equal(false);
    const row = one(appt('w', { status: 'waitlist', start: undefined, end: undefined, requestedPeriod: [{ start: '2027-01-01', end: '2027-03-31' }] }));
    expect(row).to.include({ upcoming: true, date: '2027-01-01', requestedStart: '2027-01-01', requestedEnd: '2027-03-31' });
    const lapsed = one(appt('lapsed', { status: 'proposed', start: undefined, end: undefined, requestedPeriod: [{ start: '2016-06-02', end: '2016-06-09' }] }));
    expect(lapsed).to.include({ upcoming: false, outcomeMissing: false, date: '2016-06-02' });
  });

  it('flags a past appointment still recorded as booked: its outcome never arrived', () => {
    const [open, done] = map([
      appt('done', { status: 'fulfilled', start: '2026-11-20T10:00:00Z', end: '2026-11-20T10:30:00Z' }),
      appt('open', { status: 'booked', start: '2026-11-23T10:00:00Z', end: '2026-11-23T10:30:00Z' }),
    ]);
    expect(open).to.include({ key: 'Appointment/open', outcomeMissing: true, upcoming: false });
    expect(done).to.include({ key: 'Appointment/done', outcomeMissing: false, upcoming: false });
  });

  it('orders upcoming soonest first (undated after), then past most recent first', () => {
    const resources = [
      appt('past-old', { status: 'fulfilled', start: '2025-01-01T10:00:00Z', end: undefined }),
      appt('later', { start: '2027-02-01T10:00:00Z', end: undefined }),
      appt('undated', { status: 'proposed', start: undefined, end: undefined }),
      appt('past-recent', { status: 'fulfilled', start: '2026-11-01T10:00:00Z', end: undefined }),
      appt('soon', { start: '2026-11-28T09:00:00Z', end: undefined }),
    ];
    for (const order of [resources, [...resources].reverse()]) {
      expect(map(order).map((r) => r.id)).to.deep.equal(['soon', 'later', 'undated', 'past-recent', 'past-old']);
    }
  });

  it('names the source through a Location, a HealthcareService or a PractitionerRole participant', () => {
    const rows = map([
      appt('loc', { ...withActors({ reference: 'Location/clinic' }), start: '2026-12-01T10:00:00Z' }),
      appt('svc', { ...withActors({ reference: 'HealthcareService/echo' }), start: '2026-12-02T10:00:00Z' }),
      appt('role', { ...withActors({ reference: 'PractitionerRole/reg' }), start: '2026-12-03T10:00:00Z' }),
    ]);
    expect(rows.map((r) => [r.id, r.source.via, r.source.name])).to.deep.equal([
      ['loc', 'resource', 'Riverside University Hospitals NHS Trust'],
      ['svc', 'resource', 'Riverside University Hospitals NHS Trust'],
      ['role', 'resource', "St Anselm's Hospital NHS Foundation Trust"],
    ]);
    expect(rows[1]?.service).to.equal('Echocardiography Service');
    expect(rows[2]?.people).to.deep.equal(['Dr Tomasz Nowak (Respiratory registrar)']);
    expect(rows[2]?.freshness.possiblyOutOfDate).to.equal(true);
  });

  it('resolves contained participants, as an HIE without _include sends them', () => {
    const row = one(
      appt('contained', {
        contained: [{ resourceType: 'Location', id: 'loc', name: 'Day Unit', managingOrganization: { reference: 'Organization/hosp' } }],
        ...withActors({ reference: '#loc' }),
      }),
    );
    expect(row.locations).to.deep.equal(['Day Unit']);
    expect(row.source).to.include({ via: 'resource', name: 'Riverside University Hospitals NHS Trust', type: 'acute' });
  });

  it('names the source by meta.source, by Provenance, or says it is not recorded', () => {
    const provenance = {
      resourceType: 'Provenance',
      id: 'prov',
      target: [{ reference: 'Appointment/by-provenance' }],
      recorded: '2026-11-01T00:00:00Z',
      agent: [{ who: { reference: 'Organization/mh' } }],
    } as unknown as Resource;
    const rows = map(
      [
        appt('by-meta', { meta: { source: 'https://gp.example/fhir' }, start: '2026-12-01T10:00:00Z' }),
        appt('by-provenance', { start: '2026-12-02T10:00:00Z' }),
        appt('none', { ...withActors({ display: 'Riverside Health Centre', type: 'Location' }), start: '2026-12-03T10:00:00Z' }),
      ],
      [...INCLUDED, provenance],
    );
    expect(rows.map((r) => [r.id, r.source.via, r.source.name])).to.deep.equal([
      ['by-meta', 'meta.source', 'Riverside Medical Practice'],
      ['by-provenance', 'provenance', 'North East London Mental Health Trust'],
      ['none', 'none', undefined],
    ]);
    expect(rows[2]?.locations).to.deep.equal(['Riverside Health Centre']);
  });

  it('falls back to the UK Core booking organisation when nothing else names the source', () => {
    const booking = (ref: Record<string, unknown>) => ({ extension: [{ url: BOOKING_ORGANIZATION_URL, valueReference: ref }] });
    const resolved = one(appt('resolved', booking({ reference: 'Organization/gp', type: 'Organization' })));
    expect(resolved.source).to.include({ via: 'resource', name: 'Riverside Medical Practice', type: 'gp' });
    expect(resolved.bookedBy).to.equal(undefined);
    const displayed = one(appt('displayed', booking({ reference: 'Organization/elsewhere', display: 'White Rose Medical Centre', identifier: { system: ODS_ORG_CODE_SYSTEM, value: 'B82005' } })));
    expect(displayed.source).to.include({ name: 'White Rose Medical Centre', odsCode: 'B82005', key: 'B82005', type: undefined });
    const weak = one(appt('weak', { ...booking({ reference: 'Organization/gp' }), meta: { source: 'urn:system:pas' } }));
    expect(weak.source).to.include({ via: 'resource', name: 'Riverside Medical Practice' });
    const notAnOrganisation = one(appt('person', booking({ reference: 'Practitioner/cons' })));
    expect(notAnOrganisation.source.via).to.equal('none');
  });

  it('keeps the participant source and shows the booking organisation as "booked by"', () => {
    const row = one(
      appt('both', {
        ...withActors({ reference: 'Location/clinic' }),
        extension: [{ url: BOOKING_ORGANIZATION_URL, valueReference: { reference: 'Organization/gp' } }],
      }),
    );
    expect(row.source.name).to.equal('Riverside University Hospitals NHS Trust');
    expect(row.bookedBy).to.equal('Riverside Medical Practice');
  });

  it('shows planned Encounters as booked encounters and ignores every other Encounter', () => {
    const encounter = (id: string, status: string, body: Record<string, unknown> = {}) =>
      ({ resourceType: 'Encounter', id, status, class: { code: 'SS' }, subject: { reference: 'Patient/p1' }, ...body }) as unknown as Resource;
    const rows = map([
      encounter('planned', 'planned', {
        type: [{ coding: [{ system: SCT, code: '250980009', display: 'Cardioversion' }] }],
        serviceType: { text: 'Cardiology' },
        period: { start: '2026-12-27T08:00:00Z', end: '2026-12-27T16:00:00Z' },
        serviceProvider: { reference: 'Organization/hosp' },
        location: [{ location: { display: 'Cardiac Day Unit' } }],
        participant: [{ individual: { reference: 'Practitioner/cons' } }],
      }),
      encounter('planned-bare', 'planned'),
      encounter('finished', 'finished', { period: { start: '2026-11-01' } }),
      encounter('cancelled', 'cancelled'),
    ]);
    expect(rows.map((r) => r.key)).to.deep.equal(['Encounter/planned', 'Encounter/planned-bare']);
    expect(rows[0]).to.deep.include({
      kind: 'booked-encounter',
      status: 'planned',
      statusLabel: 'Planned',
      service: 'Cardioversion',
      description: 'Cardiology',
      upcoming: true,
      locations: ['Cardiac Day Unit'],
      people: ['Dr Aisha Rahman'],
    });
    expect(rows[0]?.source).to.include({ via: 'resource', name: 'Riverside University Hospitals NHS Trust' });
    expect(rows[1]).to.include({ service: 'Short stay', description: undefined, upcoming: true, date: undefined });
  });

  it('says which other source sent the same appointment (same start and service)', () => {
    const cardiology = [{ coding: [{ system: SCT, code: '394579002', display: 'Cardiology' }] }];
    const rows = map([
      appt('hospital', { ...withActors({ reference: 'Location/clinic' }), specialty: cardiology }),
      appt('gp-copy', { meta: { source: 'https://gp.example/fhir' }, specialty: [{ coding: [{ system: 'https://snomed.info/sct/', code: '394579002' }] }] }),
      appt('other-time', { meta: { source: 'https://gp.example/fhir' }, specialty: cardiology, start: '2026-12-09T11:30:00Z' }),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('hospital')?.alsoReportedBy).to.deep.equal(['Riverside Medical Practice']);
    expect(byId.get('gp-copy')?.alsoReportedBy).to.deep.equal(['Riverside University Hospitals NHS Trust']);
    expect(byId.get('other-time')?.alsoReportedBy).to.deep.equal([]);
  });

  it('skips the patient and sorts other participants into location, service and people', () => {
    const row = one(
      appt('mixed', withActors(
        { reference: 'Location/unknown', display: 'South Wing' },
        { reference: 'HealthcareService/unknown', display: 'Falls clinic' },
        { display: 'Phone Call' },
        { reference: 'Patient/p1' },
        { reference: 'RelatedPerson/daughter', display: 'Jane Ellwood (daughter)' },
      )),
    );
    expect(row.locations).to.deep.equal(['South Wing']);
    expect(row.service).to.equal('Falls clinic');
    expect(row.people).to.deep.equal(['Phone Call', 'Jane Ellwood (daughter)']);
  });

  it('gives rows without an id, or with a repeated id, unique keys', () => {
    const noId = { ...appt('x', { start: '2026-12-01T10:00:00Z' }), id: undefined } as unknown as Resource;
    const rows = map([noId, appt('dup', { start: '2026-12-02T10:00:00Z' }), appt('dup', { start: '2026-12-03T10:00:00Z' })]);
    expect(rows.map((r) => r.key)).to.deep.equal(['Appointment/#0', 'Appointment/dup', 'Appointment/dup~2']);
  });

  it('never throws on malformed input', () => {
    const messy = [
      null,
      'Appointment',
      appt('a', { participant: 'Patient/p1', serviceType: 'Cardiology', start: 20261201, extension: { url: BOOKING_ORGANIZATION_URL, valueReference: 'GP' }, meta: null }),
      appt('b', { participant: [null, { actor: 'x' }, { actor: { reference: 7 } }], specialty: [null, { coding: 'x' }], requestedPeriod: 'soon', reasonReference: [3], status: 4 }),
      appt('c', { contained: 'x', cancelationReason: [], extension: [null, { url: BOOKING_ORGANIZATION_URL }], end: '2026-02-30' }),
      { resourceType: 'Encounter', id: 'e', status: 'planned', period: 'x', type: 'x', class: 5, location: 'x', participant: {} },
    ] as unknown as Resource[];
    let rows: AppointmentRow[] = [];
    expect(() => (rows = map(messy))).to.not.throw();
    expect(rows).to.have.length(4);
    for (const row of rows) {
      expect(row.statusLabel).to.be.a('string').and.not.equal('');
      expect(row.locations).to.be.an('array');
      expect(row.people).to.be.an('array');
    }
  });

  it('keeps rows whose resolver throws, with an unknown source', () => {
    const throwing = {
      resolve: () => {
        throw new Error('resolver failed');
      },
      provenanceFor: () => [],
    };
    const rows = mapAppointments({
      matches: [appt('a', { ...withActors({ reference: 'Location/clinic', display: 'Clinic' }), extension: [{ url: BOOKING_ORGANIZATION_URL, valueReference: { reference: 'Organization/gp' } }] })],
      index: throwing,
      now: NOW,
    });
    expect(rows[0]?.source.via).to.equal('none');
    expect(rows[0]?.locations).to.deep.equal(['Clinic']);
  });
});
