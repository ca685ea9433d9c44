import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { hospital, modelInput, NOW, organisation, stale } from '../../support/fixtures.js';
import { ADMISSION_METHOD_URL, mapEncounters, type EncounterRow } from '../../../src/elements/encounters/encounters.model.js';
import { CLASS_NOT_RECORDED, encounterClass } from '../../../src/model/encounter-class.js';
import { lengthOfStay } from '../../../src/elements/encounters/encounters.length-of-stay.js';

const ACT = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

const ambulance = organisation('amb', 'Capital Ambulance Service NHS Trust', 'ambulance', { sourceSystem: true });
const community = organisation('comm', 'Riverside Community Health Services', 'community', { sourceSystem: true });
const ward = { resourceType: 'Location', id: 'ward', name: 'Ward 7B', managingOrganization: { reference: 'Organization/hosp' } } as Resource;

function enc(id: string, body: Record<string, unknown> = {}): Resource {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { system: ACT, code: 'AMB' },
    subject: { reference: 'Patient/p1' },
    ...body,
  } as unknown as Resource;
}

function map(matches: Resource[], included: Resource[] = [hospital, stale, ambulance, community, ward]): EncounterRow[] {
  return mapEncounters(modelInput(matches, included));
}

function one(resource: Resource, included?: Resource[]): EncounterRow {
  const rows = map([resource], included);
  expect(rows).to.have.length(1);
  return rows[0] as EncounterRow;
}

describe('mapEncounters', () => {
  it('maps a full admission: class, type, period, length of stay, locations, admission and discharge', () => {
    const row = one(
      enc('adm', {
        class: { system: ACT, code: 'IMP', display: 'inpatient encounter' },
        type: [{ coding: [{ system: 'http://snomed.info/sct', code: '183452005', display: 'Emergency hospital admission' }] }],
        serviceType: { text: 'Cardiology' },
        period: { start: '2026-11-18T12:40:00Z', end: '2026-11-24T11:15:00Z' },
        location: [{ location: { display: 'Acute Medical Unit' } }, { location: { reference: 'Location/ward', display: 'old name' } }],
        serviceProvider: { reference: 'Organization/hosp' },
        reasonCode: [{ text: 'Atrial fibrillation' }],
        hospitalization: {
          extension: [{ url: ADMISSION_METHOD_URL, valueCodeableConcept: { coding: [{ code: '21', display: 'Emergency Admission: Emergency Care Department' }] } }],
          dischargeDisposition: { coding: [{ system: 'http://snomed.info/sct', code: '306689006', display: 'Discharge to home' }] },
        },
        meta: { lastUpdated: '2026-11-27T13:30:00Z', security: [{ system: ACT, code: 'PSY' }] },
      }),
    );
    expect(row).to.deep.include({
      key: 'Encounter/adm',
      status: 'finished',
      statusLabel: 'Finished',
      classCode: 'IMP',
      classLabel: 'Inpatient admission',
      group: 'admission',
      type: 'Emergency hospital admission',
      typeCode: 'http://snomed.info/sct|183452005',
      serviceType: 'Cardiology',
      date: '2026-11-18T12:40:00Z',
      lengthOfStay: '6 days',
      duration: undefined,
      serviceProvider: 'Riverside University Hospitals NHS Trust',
      admission: 'Emergency Admission: Emergency Care Department',
      discharge: 'Discharge to home',
      happened: true,
    });
    expect(row.locations).to.deep.equal(['Acute Medical Unit', 'Ward 7B']);
    expect(row.reasons).to.deep.equal(['Atrial fibrillation']);
    expect(row.securityLabels).to.deep.equal(['Mental health']);
    expect(row.source).to.include({ name: 'Riverside University Hospitals NHS Trust', type: 'acute', via: 'resource' });
    expect(row.freshness).to.include({ feed: 'live', possiblyOutOfDate: false, lastUpdated: '2026-11-27T13:30:00Z' });
  });

  it('names every class in words and groups it for the filter', () => {
    const codes = ['AMB', 'EMER', 'FLD', 'HH', 'IMP', 'ACUTE', 'NONAC', 'OBSENC', 'PRENC', 'SS', 'VR'];
    const rows = map(codes.map((code) => enc(code, { class: { system: ACT, code } })));
    const byCode = new Map(rows.map((r) => [r.classCode, r]));
    expect(codes.map((c) => byCode.get(c)?.group)).to.deep.equal([
      'outpatient', 'emergency', 'emergency', 'outpatient', 'admission', 'admission', 'admission', 'admission', 'outpatient', 'admission', 'virtual',
    ]);
    for (const row of rows) expect(row.classLabel, row.classCode).to.not.match(/^Class|undefined/);
    expect(byCode.get('FLD')?.classLabel).to.match(/ambulance/i);
    expect(byCode.get('VR')?.classLabel).to.match(/telephone or video/i);
  });

  it('never guesses a group for an unknown, foreign or missing class', () => {
    expect(encounterClass({ system: 'http://example.org/classes', code: 'IMP', display: 'Inpatient (local)' })).to.deep.equal({ code: 'IMP', label: 'Inpatient (local)', group: undefined });
    expect(encounterClass({ code: 'XYZ' })).to.deep.equal({ code: 'XYZ', label: 'Class code XYZ', group: undefined });
    expect(encounterClass({ code: 'constructor' })).to.include({ group: undefined });
    expect(encounterClass(undefined)).to.deep.equal({ code: undefined, label: CLASS_NOT_RECORDED, group: undefined });
    expect(encounterClass('IMP')).to.include({ label: CLASS_NOT_RECORDED });
  });

  it('labels every status, drops entered-in-error, and marks planned and cancelled as not happened', () => {
    const statuses = ['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'unknown', 'entered-in-error'];
    const rows = map(statuses.map((status) => enc(status, { status })));
    const byStatus = new Map(rows.map((r) => [r.status, r]));
    expect([...byStatus.keys()].sort()).to.deep.equal(statuses.filter((s) => s !== 'entered-in-error').sort());
    expect(statuses.slice(0, 8).map((s) => [byStatus.get(s)?.statusLabel, byStatus.get(s)?.happened])).to.deep.equal([
      ['Planned', false],
      ['Arrived', true],
      ['Triaged', true],
      ['In progress', true],
      ['On leave', true],
      ['Finished', true],
      ['Cancelled', false],
      ['Status unknown', true],
    ]);
  });

  it('keeps a missing or unrecognised status with the contacts', () => {
    const [missing, odd] = map([enc('a', { status: undefined, period: { start: '2026-01-02' } }), enc('b', { status: 'paused', period: { start: '2026-01-01' } })]);
    expect(missing).to.include({ status: 'unknown', statusLabel: 'Status not recorded', happened: true });
    expect(odd).to.include({ status: 'paused', statusLabel: 'Status: paused', happened: true });
  });

  it('sorts newest first, undated last, ties by key whatever the input order', () => {
    const resources = [
      enc('old', { period: { start: '2020-05' } }),
      enc('b-new', { period: { start: '2026-11-01T10:00:00Z' } }),
      enc('undated'),
      enc('a-new', { period: { start: '2026-11-01T10:00:00Z' } }),
      enc('mid', { period: { start: '2024-02-03' } }),
    ];
    for (const order of [resources, [...resources].reverse()]) {
      expect(map(order).map((r) => r.id)).to.deep.equal(['a-new', 'b-new', 'mid', 'old', 'undated']);
    }
  });

  it('keeps partial dates as sent and ignores unreadable ones', () => {
    const [partial, bad] = map([enc('p', { period: { start: '2019-03', end: '2019' } }), enc('q', { period: { start: '2024-02-30', end: 'soon' } })]);
    expect(partial).to.include({ start: '2019-03', end: '2019', date: '2019-03' });
    expect(bad).to.include({ start: undefined, end: undefined, date: undefined });
  });

  it('counts length of stay in midnights, so far for an admission still in progress', () => {
    expect(lengthOfStay('2026-11-20', '2026-11-20', 'finished', NOW)).to.equal('0 days (discharged the same day)');
    expect(lengthOfStay('2026-11-20', '2026-11-21', 'finished', NOW)).to.equal('1 day');
    expect(lengthOfStay('2026-11-20', undefined, 'in-progress', NOW)).to.equal('7 days so far (not yet discharged)');
    expect(lengthOfStay('2026-11-20', undefined, 'finished', NOW)).to.equal(undefined);
    expect(lengthOfStay('2026-11', '2026-11-21', 'finished', NOW)).to.equal(undefined);
    expect(lengthOfStay('2026-11-22', '2026-11-21', 'finished', NOW)).to.equal(undefined);
    expect(lengthOfStay(undefined, '2026-11-21', 'finished', NOW)).to.equal(undefined);
  });

  it('gives length of stay to admissions only, and a duration to other contacts', () => {
    const [planned, visit, admission] = map([
      enc('visit', { period: { start: '2026-11-01T10:00:00Z', end: '2026-11-03T10:00:00Z' }, length: { value: 40, unit: 'min', code: 'min' } }),
      enc('adm', { class: { code: 'IMP' }, period: { start: '2026-10-01', end: '2026-10-04' }, length: { value: 3, code: 'd' } }),
      enc('plan', { status: 'planned', class: { code: 'SS' }, period: { start: '2026-12-27T08:00:00Z', end: '2026-12-27T16:00:00Z' } }),
    ]);
    expect(visit).to.include({ lengthOfStay: undefined, duration: '40 minutes' });
    expect(admission).to.include({ lengthOfStay: '3 days', duration: undefined });
    expect(planned).to.include({ lengthOfStay: undefined });
    expect(one(enc('long', { length: { value: 3, code: 'h' } })).duration).to.equal('3 hours');
    expect(one(enc('nounit', { length: { value: 3 } })).duration).to.equal(undefined);
  });

  it('names the source by each route, and flags the stale batch feed', () => {
    const provenance = {
      resourceType: 'Provenance',
      id: 'prov',
      target: [{ reference: 'Encounter/by-provenance' }],
      recorded: '2026-11-01T00:00:00Z',
      agent: [{ who: { reference: 'Organization/comm' } }],
    } as unknown as Resource;
    const rows = map(
      [
        enc('by-field', { serviceProvider: { reference: 'Organization/stale' }, period: { start: '2026-11-05' } }),
        enc('by-meta', { meta: { source: 'https://amb.example/fhir' }, period: { start: '2026-11-04' } }),
        enc('by-provenance', { period: { start: '2026-11-03' } }),
        enc('by-display', { serviceProvider: { display: 'Riverside Walk-in Centre' }, period: { start: '2026-11-02' } }),
        enc('none', { period: { start: '2026-11-01' } }),
      ],
      [hospital, stale, ambulance, community, provenance],
    );
    expect(rows.map((r) => [r.id, r.source.via, r.source.name])).to.deep.equal([
      ['by-field', 'resource', "St Anselm's Hospital NHS Foundation Trust"],
      ['by-meta', 'meta.source', 'Capital Ambulance Service NHS Trust'],
      ['by-provenance', 'provenance', 'Riverside Community Health Services'],
      ['by-display', 'resource', 'Riverside Walk-in Centre'],
      ['none', 'none', undefined],
    ]);
    expect(rows[0]?.freshness.possiblyOutOfDate).to.equal(true);
    expect(rows[3]?.serviceProvider).to.equal('Riverside Walk-in Centre');
    expect(rows[4]?.serviceProvider).to.equal(undefined);
  });

  it('says which other source sent the same contact (same class, type and day)', () => {
    const ed = { coding: [{ system: 'http://snomed.info/sct', code: '4525004', display: 'Emergency department patient visit' }] };
    const rows = map([
      enc('hospital', { class: { code: 'EMER' }, type: [ed], period: { start: '2026-11-18T14:05:00Z' }, serviceProvider: { reference: 'Organization/hosp' } }),
      enc('gp-copy', { class: { code: 'EMER' }, type: [ed], period: { start: '2026-11-18' }, serviceProvider: { display: 'Riverside Medical Practice' } }),
      enc('other-day', { class: { code: 'EMER' }, type: [ed], period: { start: '2026-11-19' }, serviceProvider: { display: 'Riverside Medical Practice' } }),
      enc('same-source', { class: { code: 'EMER' }, type: [ed], period: { start: '2026-11-18T15:00:00Z' }, serviceProvider: { reference: 'Organization/hosp' } }),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('hospital')?.alsoReportedBy).to.deep.equal(['Riverside Medical Practice']);
    expect(byId.get('gp-copy')?.alsoReportedBy).to.deep.equal(['Riverside University Hospitals NHS Trust']);
    expect(byId.get('other-day')?.alsoReportedBy).to.deep.equal([]);
  });

  it('gives rows without an id, or with a repeated id, unique keys', () => {
    const noId = { ...enc('x', { period: { start: '2026-01-03' } }), id: undefined } as unknown as Resource;
    const rows = map([noId, enc('dup', { period: { start: '2026-01-02' } }), enc('dup', { period: { start: '2026-01-01' } })]);
    expect(rows.map((r) => r.key)).to.deep.equal(['Encounter/#0', 'Encounter/dup', 'Encounter/dup~2']);
  });

  it('ignores resources of other types', () => {
    expect(map([hospital, ward, { resourceType: 'Appointment', id: 'a', status: 'booked' } as Resource])).to.deep.equal([]);
  });

  it('never throws on malformed input', () => {
    const messy = [
      null,
      'Encounter',
      7,
      enc('a', { class: 'IMP', type: 'A&E', period: 'yesterday', location: 'Ward', serviceProvider: 5, hospitalization: [], reasonCode: { text: 3 }, length: 'long', meta: null }),
      enc('b', { class: [{ code: 'IMP' }], type: [null, { coding: 'x' }], period: { start: 20240101 }, location: [null, { location: 'Ward' }, { location: { reference: 42 } }], status: 5 }),
      enc('c', { hospitalization: { extension: 'x', dischargeDisposition: 'home', admitSource: [1] }, contained: 'x', serviceProvider: { reference: '#missing' } }),
    ] as unknown as Resource[];
    let rows: EncounterRow[] = [];
    expect(() => (rows = map(messy))).to.not.throw();
    expect(rows).to.have.length(3);
    for (const row of rows) {
      expect(row.classLabel).to.be.a('string').and.not.equal('');
      expect(row.statusLabel).to.be.a('string').and.not.equal('');
      expect(row.locations).to.be.an('array');
    }
  });

  it('keeps rows whose resolver throws, with an unknown source', () => {
    const throwing = {
      resolve: () => {
        throw new Error('resolver failed');
      },
      provenanceFor: () => [],
    };
    const rows = mapEncounters({ matches: [enc('a', { serviceProvider: { reference: 'Organization/hosp' }, location: [{ location: { reference: 'Location/ward', display: 'Ward' } }] })], index: throwing, now: NOW });
    expect(rows[0]?.source.via).to.equal('none');
    expect(rows[0]?.locations).to.deep.equal(['Ward']);
  });
});
