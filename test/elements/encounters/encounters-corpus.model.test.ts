import { expect } from '@open-wc/testing';
import { CORPORA, CORPUS_NOW, loadCorpus, type Corpus } from '../../support/corpus.js';
import { mapEncounters, type EncounterRow } from '../../../src/elements/encounters/encounters.model.js';

/**
 * Maps every Encounter in the shared example corpus (HL7 R4, UK Core, Synthea), one file at a time
 * as if each file were one HIE response.
 *
 * Counted by hand in /work/shared/fhir-examples: hl7-r4 has 10 Encounter files plus one Encounter in
 * Bundle/document-example-dischargesummary (9 finished, 2 in-progress); uk-core 6 files (all
 * finished, all inpatient); synthea 110 + 45 + 76 in the three patient bundles. None is
 * entered-in-error and none is planned.
 */
const EXPECTED: Record<Corpus, number> = { 'hl7-r4': 11, 'uk-core': 6, synthea: 231 };

describe('mapEncounters over the FHIR example corpus', () => {
  const rows: Record<Corpus, EncounterRow[]> = { 'hl7-r4': [], 'uk-core': [], synthea: [] };
  const found: Record<Corpus, number> = { 'hl7-r4': 0, 'uk-core': 0, synthea: 0 };

  before(async function loadFiles(this: { timeout(ms: number): void }) {
    this.timeout(120_000);
    const files = await loadCorpus(['Encounter']);
    for (const file of files) {
      const matches = file.resources.filter((r) => r.resourceType === 'Encounter');
      found[file.corpus] += matches.length;
      let mapped: EncounterRow[] = [];
      expect(() => {
        mapped = mapEncounters({ matches, index: file.index, now: CORPUS_NOW });
      }, file.path).to.not.throw();
      rows[file.corpus].push(...mapped);
    }
  });

  for (const corpus of CORPORA) {
    it(`maps all ${EXPECTED[corpus]} ${corpus} encounters`, () => {
      expect(found[corpus]).to.equal(EXPECTED[corpus]);
      expect(rows[corpus]).to.have.length(EXPECTED[corpus]);
    });

    it(`gives every ${corpus} row a class, a status and an honest source`, () => {
      for (const row of rows[corpus]) {
        expect(row.classLabel, row.key).to.be.a('string').and.not.equal('');
        expect(row.statusLabel, row.key).to.be.a('string').and.not.equal('');
        expect(row.happened, row.key).to.equal(true);
        expect(row.source.name !== undefined || row.source.via === 'none', row.key).to.equal(true);
        expect(row.locations.every((l) => typeof l === 'string' && l !== ''), row.key).to.equal(true);
      }
    });
  }

  it('reads the HL7 examples: class in words, duration, discharge, locations in order', () => {
    const byKey = new Map(rows['hl7-r4'].map((r) => [r.key, r]));
    expect(byKey.get('Encounter/f001')).to.deep.include({
      classLabel: 'Outpatient or clinic',
      type: 'Patient-initiated encounter',
      duration: '2 hours 20 minutes',
      discharge: 'Discharge to home',
      serviceProvider: 'Burgers University Medical Center',
    });
    expect(byKey.get('Encounter/f001')?.source).to.include({ name: 'Burgers University Medical Center', via: 'resource' });
    expect(byKey.get('Encounter/emerg')?.locations.slice(0, 3)).to.deep.equal(['Emergency Waiting Room', 'Emergency', 'Ward 1, Room 42, Bed 1']);
    // Still in-progress years after it started: flagged as a status that may be stale, never counted "so far".
    expect(byKey.get('Encounter/emerg')).to.deep.include({ staleStatus: true, lengthOfStay: undefined });
    expect(byKey.get('Encounter/f203')).to.deep.include({ classCode: 'IMP', lengthOfStay: '9 days', start: '2013-03-11' });
    expect(byKey.get('Encounter/home')).to.deep.include({ classLabel: 'Home visit', locations: ["Client's home"] });
    expect(byKey.get('Encounter/example')).to.deep.include({ type: undefined, start: undefined, status: 'in-progress' });
  });

  it('reads the UK Core inpatient example: admission method, discharge destination, length of stay', () => {
    const row = rows['uk-core'].find((r) => r.key === 'Encounter/UKCore-Encounter-InpatientEncounter-Example');
    expect(row).to.deep.include({ admission: 'Elective Admission: Planned', lengthOfStay: '1 day', type: 'Seen in hospital ward' });
    expect(row?.discharge).to.match(/^Usual place of residence/);
    expect(rows['uk-core'].filter((r) => r.admission === 'Elective Admission: Planned')).to.have.length(2);
  });

  it('names every Synthea encounter by its service provider and sorts newest first', () => {
    for (const row of rows.synthea) {
      expect(row.source.via, row.key).to.equal('resource');
      expect(row.source.name, row.key).to.be.a('string');
      expect(row.start, row.key).to.be.a('string');
      expect(row.group, row.key).to.be.a('string');
    }
    expect(rows.synthea.filter((r) => r.lengthOfStay !== undefined).length).to.be.greaterThan(0);
  });
});
