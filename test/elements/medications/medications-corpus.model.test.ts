import { expect } from '@open-wc/testing';
import type { Organization, Provenance } from '@medplum/fhirtypes';
import { RecordIndex } from '../../../src/model/record-index.js';
import { CORPORA, CORPUS_NOW, loadCorpus, readCorpusFile, type Corpus } from '../../support/corpus.js';
import { mapMedications, type MedicationRow } from '../../../src/elements/medications/medications.model.js';

/**
 * Maps every MedicationStatement and MedicationRequest in the shared example corpus (HL7 R4, UK Core,
 * Synthea), one file at a time as if each file were one HIE response.
 */

const MEDICATION_TYPES = new Set(['MedicationStatement', 'MedicationRequest']);

/**
 * Counted by hand in /work/shared/fhir-examples: hl7-r4 has 7 MedicationStatement files (one
 * entered-in-error), 15 MedicationRequest files and 3 more inside bundle-example and
 * document-example-dischargesummary; uk-core 5 + 9 files; synthea 2 + 4 + 4 MedicationRequests
 * in the three patient bundles.
 */
const EXPECTED_FOUND: Record<Corpus, number> = { 'hl7-r4': 25, 'uk-core': 14, synthea: 10 };
const ENTERED_IN_ERROR: Record<Corpus, number> = { 'hl7-r4': 1, 'uk-core': 0, synthea: 0 };

/** Names of people in the corpus who appear in source fields: never an organisation. */
const PEOPLE = ['Donald Duck', 'Peter Chalmers', 'Patrick Pump'];

describe('mapMedications over the FHIR example corpus', () => {
  const rows: Record<Corpus, MedicationRow[]> = { 'hl7-r4': [], 'uk-core': [], synthea: [] };
  const found: Record<Corpus, number> = { 'hl7-r4': 0, 'uk-core': 0, synthea: 0 };
  const enteredInError: Record<Corpus, number> = { 'hl7-r4': 0, 'uk-core': 0, synthea: 0 };
  /** Synthea row key → the organisation its file's Provenance acts on behalf of. */
  const provenanceOrganisation = new Map<string, string | undefined>();

  before(async function loadFiles(this: { timeout(ms: number): void }) {
    this.timeout(120_000);
    const files = await loadCorpus([...MEDICATION_TYPES]);
    expect(files.length, 'corpus files found').to.be.greaterThan(40);
    for (const contents of files) {
      const { corpus, path, index: recordIndex } = contents;
      const matches = contents.resources.filter((r) => MEDICATION_TYPES.has(r.resourceType));
      found[corpus] += matches.length;
      enteredInError[corpus] += matches.filter((r) => (r as { status?: string }).status === 'entered-in-error').length;
      let mapped: MedicationRow[] = [];
      expect(() => {
        mapped = mapMedications({ matches, index: recordIndex, now: CORPUS_NOW });
      }, path).to.not.throw();
      rows[corpus].push(...mapped);
      if (corpus === 'synthea') {
        const provenance = contents.resources.find((r) => r.resourceType === 'Provenance') as Provenance | undefined;
        for (const row of mapped) provenanceOrganisation.set(row.key, provenance?.agent[0]?.onBehalfOf?.display);
      }
    }
    console.log(
      `Medications corpus: ${CORPORA.map((c) => `${c} ${rows[c].length} rows of ${found[c]} resources`).join('; ')}`,
    );
  });

  for (const corpus of CORPORA) {
    it(`maps every ${corpus} medication that is not entered-in-error`, () => {
      expect(found[corpus]).to.be.at.least(EXPECTED_FOUND[corpus]);
      expect(enteredInError[corpus]).to.equal(ENTERED_IN_ERROR[corpus]);
      expect(rows[corpus].length).to.equal(found[corpus] - enteredInError[corpus]);
      expect(rows[corpus].length).to.be.at.least(EXPECTED_FOUND[corpus] - ENTERED_IN_ERROR[corpus]);
    });

    it(`gives every ${corpus} row a name, a status and an honest source`, () => {
      for (const row of rows[corpus]) {
        expect(row.name, row.key).to.be.a('string').and.not.equal('');
        expect(row.status, row.key).to.be.a('string').and.not.equal('');
        expect(row.statusLabel, row.key).to.be.a('string').and.not.equal('');
        expect(row.status, row.key).to.not.equal('entered-in-error');
        expect(row.source.name !== undefined || row.source.via === 'none', row.key).to.equal(true);
        expect(PEOPLE, `${row.key} source`).to.not.include(row.source.name);
      }
    });
  }

  it('names contained and coded medicines from the HL7 examples', () => {
    const byKey = new Map(rows['hl7-r4'].map((r) => [r.key, r]));
    expect(byKey.get('MedicationStatement/example001')?.name).to.equal('Tylenol PM');
    expect(byKey.get('MedicationStatement/example003')?.name).to.equal('Little Pink Pill for water retention');
    expect(byKey.has('MedicationStatement/example005'), 'entered-in-error dropped').to.equal(false);
  });

  it('reads UK Core dosage text, dates and the last issue date', () => {
    const byKey = new Map(rows['uk-core'].map((r) => [r.key, r]));
    expect(byKey.get('MedicationStatement/UKCore-MedicationStatement-Amoxicillin-Example')).to.deep.include({
      name: 'Amoxicillin 250mg capsules',
      dosage: '2 capsules 4 times a day.',
      start: '2021-02-15T13:50:00+00:00',
      codeKey: 'https://dmd.nhs.uk|39732311000001104',
    });
    expect(byKey.get('MedicationStatement/Extension-UKCore-MedicationStatementLastIssueDate-Example')?.lastIssued).to.equal('2017-02-24');
  });

  it('names the Synthea source from Provenance.onBehalfOf, not the prescriber', () => {
    expect(rows.synthea.length).to.be.greaterThan(0);
    for (const row of rows.synthea) {
      const expected = provenanceOrganisation.get(row.key);
      expect(expected, row.key).to.be.a('string');
      expect(row.source, row.key).to.include({ via: 'provenance', name: expected, type: undefined });
      expect(row.source.name, row.key).to.not.match(/^Dr\. /);
    }
  });

  it('resolves Synthea\'s conditional organisation references when the support bundle is loaded', async () => {
    const load = (name: string) => readCorpusFile(`synthea/${name}`);
    const patient = await load('Tobias236_Weimann465_4f4f93f9-5f61-7656-c9f2-21c98f6015e0.json');
    const hospitals = await load('hospitalInformation1631543164888.json');
    const index = new RecordIndex([...hospitals.resources, ...patient.resources], { fullUrls: patient.fullUrls });
    const matches = patient.resources.filter((r) => MEDICATION_TYPES.has(r.resourceType));
    const mapped = mapMedications({ matches, index, now: CORPUS_NOW });
    expect(mapped).to.have.length(4);
    const organisation = hospitals.resources.find((r) => r.id === '75bdb2ec-cbd0-35af-b0fe-18b111890b67') as Organization;
    expect(organisation?.name).to.be.a('string');
    for (const row of mapped) {
      expect(row.source).to.include({ via: 'provenance', name: organisation.name, key: `Organization/${organisation.id}` });
    }
  });
});
