import { expect } from '@open-wc/testing';
import { CORPORA, CORPUS_NOW, loadCorpus, type Corpus } from '../../support/corpus.js';
import { mapAppointments, type AppointmentRow } from '../../../src/elements/appointments/appointments.model.js';

/**
 * Maps every Appointment (and Encounter, of which only planned ones become rows) in the shared
 * example corpus, one file at a time as if each file were one HIE response.
 *
 * Counted by hand in /work/shared/fhir-examples: hl7-r4 has 3 Appointment files (2 booked, 1
 * proposed), uk-core 3 (all booked, 2022); Synthea has none. No corpus Encounter is planned (hl7-r4
 * 11, uk-core 6, synthea 231), so none of them may become an appointment.
 */
const APPOINTMENTS: Record<Corpus, number> = { 'hl7-r4': 3, 'uk-core': 3, synthea: 0 };
const ENCOUNTERS: Record<Corpus, number> = { 'hl7-r4': 11, 'uk-core': 6, synthea: 231 };

describe('mapAppointments over the FHIR example corpus', () => {
  const rows: Record<Corpus, AppointmentRow[]> = { 'hl7-r4': [], 'uk-core': [], synthea: [] };
  const appointments: Record<Corpus, number> = { 'hl7-r4': 0, 'uk-core': 0, synthea: 0 };
  const encounters: Record<Corpus, number> = { 'hl7-r4': 0, 'uk-core': 0, synthea: 0 };

  before(async function loadFiles(this: { timeout(ms: number): void }) {
    this.timeout(120_000);
    const files = await loadCorpus(['Appointment', 'Encounter']);
    for (const file of files) {
      const matches = file.resources.filter((r) => r.resourceType === 'Appointment' || r.resourceType === 'Encounter');
      appointments[file.corpus] += matches.filter((r) => r.resourceType === 'Appointment').length;
      encounters[file.corpus] += matches.filter((r) => r.resourceType === 'Encounter').length;
      let mapped: AppointmentRow[] = [];
      expect(() => {
        mapped = mapAppointments({ matches, index: file.index, now: CORPUS_NOW });
      }, file.path).to.not.throw();
      rows[file.corpus].push(...mapped);
    }
  });

  for (const corpus of CORPORA) {
    it(`maps the ${APPOINTMENTS[corpus]} ${corpus} appointments and none of its ${ENCOUNTERS[corpus]} encounters`, () => {
      expect(appointments[corpus]).to.equal(APPOINTMENTS[corpus]);
      expect(encounters[corpus]).to.equal(ENCOUNTERS[corpus]);
      expect(rows[corpus]).to.have.length(APPOINTMENTS[corpus]);
      for (const row of rows[corpus]) expect(row.kind, row.key).to.equal('appointment');
    });

    it(`gives every ${corpus} row a status in words and an honest source`, () => {
      for (const row of rows[corpus]) {
        expect(row.statusLabel, row.key).to.be.a('string').and.not.equal('');
        // A missing service is undefined, which the element words as "Service not recorded".
        expect(row.service, row.key).to.not.equal('');
        expect(row.source.name !== undefined || row.source.via === 'none', row.key).to.equal(true);
        expect(row.people, row.key).to.not.include('Peter James Chalmers');
      }
    });
  }

  it('reads the HL7 examples: past booked ones flagged, a lapsed proposal not upcoming, participants sorted', () => {
    const byKey = new Map(rows['hl7-r4'].map((r) => [r.key, r]));
    expect(byKey.get('Appointment/example')).to.deep.include({
      service: 'General Discussion',
      upcoming: false,
      outcomeMissing: true,
      locations: ['South Wing, second floor'],
      people: ['Dr Adam Careful'],
      reasons: ['Severe burn of left ear'],
    });
    expect(byKey.get('Appointment/2docs')?.people).to.deep.equal(['Dr Adam Careful', 'Luigi Maas', 'Phone Call']);
    expect(byKey.get('Appointment/examplereq')).to.deep.include({
      statusLabel: 'Proposed (not yet booked)',
      start: undefined,
      requestedStart: '2016-06-02',
      upcoming: false,
      service: 'General practice',
    });
    for (const row of rows['hl7-r4']) expect(row.source.via, row.key).to.equal('none');
  });

  it('reads UK Core: the booking organisation names the source when nothing else does', () => {
    const byKey = new Map(rows['uk-core'].map((r) => [r.key, r]));
    expect(byKey.get('Appointment/Extension-UKCore-BookingOrganization-Example')?.source).to.include({
      via: 'resource',
      name: 'ODS code GP8D7',
      odsCode: 'GP8D7',
    });
    expect(byKey.get('Appointment/Extension-UKCore-DeliveryChannel-Example')).to.deep.include({ channel: 'In person' });
    expect(byKey.get('Appointment/UKCore-Appointment-OrthopaedicSurgery-Example')).to.deep.include({
      service: 'Orthopaedic Surgery',
      appointmentType: 'A follow up visit from a previous appointment',
      description: 'Appointment to investigate the pain in both hips',
      reasons: ['Pain in both hips'],
      locations: ["Orthopaedic Trauma Department, St James' University Hospital, Leeds"],
    });
    expect(byKey.get('Appointment/UKCore-Appointment-OrthopaedicSurgery-Example')?.source.via).to.equal('none');
    for (const row of rows['uk-core']) expect(row, row.key).to.include({ upcoming: false, outcomeMissing: true });
    expect(rows['uk-core'].filter((r) => r.service === undefined)).to.have.length(2);
  });
});
