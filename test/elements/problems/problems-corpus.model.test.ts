import { expect } from '@open-wc/testing';
import type { Provenance } from '@medplum/fhirtypes';
import { CORPORA, CORPUS_NOW, loadCorpus, type Corpus } from '../../support/corpus.js';
import { mapProblems, type ProblemRow } from '../../../src/elements/problems/problems.model.js';

/**
 * Maps every Condition in the shared example corpus (HL7 R4, UK Core, Synthea), one file at a time
 * as if each file were one HIE response.
 *
 * Counted by hand in /work/shared/fhir-examples: hl7-r4 has 12 Condition files and 4 more inside
 * Bundle/bundle-response-simplesummary.json (none refuted or entered-in-error); uk-core 9 files
 * (7 of them extension examples without a clinical status); synthea 3 + 3 + 2 in the three patient
 * bundles, all encounter diagnoses.
 */
const EXPECTED: Record<Corpus, number> = { 'hl7-r4': 16, 'uk-core': 9, synthea: 8 };

/** People named in the corpus (asserters, Synthea's Provenance.who): never a source organisation. */
const PERSON = /van de Heuvel|^Dr\.? /;

describe('mapProblems over the FHIR example corpus', () => {
  const rows: Record<Corpus, ProblemRow[]> = { 'hl7-r4': [], 'uk-core': [], synthea: [] };
  const found: Record<Corpus, number> = { 'hl7-r4': 0, 'uk-core': 0, synthea: 0 };
  const provenanceOrganisation = new Map<string, string | undefined>();

  before(async function loadFiles(this: { timeout(ms: number): void }) {
    this.timeout(120_000);
    const files = await loadCorpus(['Condition']);
    for (const { corpus, path, index, resources } of files) {
      const matches = resources.filter((r) => r.resourceType === 'Condition');
      found[corpus] += matches.length;
      let mapped: ProblemRow[] = [];
      expect(() => {
        mapped = mapProblems({ matches, index, now: CORPUS_NOW });
      }, path).to.not.throw();
      rows[corpus].push(...mapped);
      if (corpus === 'synthea') {
        const provenance = resources.find((r) => r.resourceType === 'Provenance') as Provenance | undefined;
        for (const row of mapped) provenanceOrganisation.set(row.key, provenance?.agent[0]?.onBehalfOf?.display);
      }
    }
    console.log(`Problems corpus: ${CORPORA.map((c) => `${c} ${rows[c].length} rows of ${found[c]} Conditions`).join('; ')}`);
  });

  for (const corpus of CORPORA) {
    it(`maps every ${corpus} Condition`, () => {
      expect(found[corpus]).to.equal(EXPECTED[corpus]);
      expect(rows[corpus]).to.have.length(EXPECTED[corpus]);
    });

    it(`gives every ${corpus} row its main fields or an explicit "not recorded"`, () => {
      for (const row of rows[corpus]) {
        expect(row.name, row.key).to.be.a('string').and.not.equal('');
        expect(row.status, row.key).to.be.a('string').and.not.equal('');
        expect(row.statusLabel, row.key).to.be.a('string').and.not.equal('');
        expect(row.source.name !== undefined || row.source.via === 'none', row.key).to.equal(true);
        expect(row.source.name ?? '', `${row.key} source`).to.not.match(PERSON);
        if (row.onset?.kind === 'words') expect(row.onset.text, row.key).to.not.equal('');
      }
    });
  }

  it('reads the HL7 examples\' statuses, onsets and people', () => {
    const byKey = new Map(rows['hl7-r4'].map((r) => [r.key, r]));
    expect(byKey.get('Condition/f205')).to.include({ verificationLabel: 'Differential diagnosis', uncertain: true, current: true });
    expect(byKey.get('Condition/f204')).to.include({ status: 'inactive', current: false, uncertain: true });
    expect(byKey.get('Condition/f202')).to.deep.include({
      status: 'resolved',
      current: false,
      onset: { kind: 'words', text: 'Age 52 years' },
      abatement: { kind: 'words', text: 'Age 54 years' },
      severity: 'Severe',
    });
    expect(byKey.get('Condition/f201')).to.deep.include({ abatement: { kind: 'words', text: 'around April 9, 2013' }, recordedBy: 'A practitioner (name not sent)', assertedBy: undefined });
    expect(byKey.get('Condition/f001')).to.include({ assertedBy: 'the patient', recordedBy: undefined });
    expect(byKey.get('Condition/example2')).to.deep.include({ onset: { kind: 'words', text: 'approximately November 2012' }, categories: ['Problem list item'] });
    expect(byKey.get('Condition/f203')?.categories).to.deep.equal(['Problem list item']);
    expect(byKey.get('Condition/f003')?.categories).to.deep.equal(['Diagnosis']);
  });

  it('keeps UK Core examples without a clinical status in the default view, saying so', () => {
    const noStatus = rows['uk-core'].filter((r) => r.status === 'unknown');
    expect(noStatus).to.have.length(7);
    for (const row of noStatus) expect(row).to.include({ statusLabel: 'Clinical status not recorded', current: true });
    const ear = rows['uk-core'].find((r) => r.key === 'Condition/UKCore-Condition-BleedingFromEar-Example');
    expect(ear).to.deep.include({ name: 'Bleeding from ear', categories: ['Encounter diagnosis'], status: 'active' });
  });

  it('names the Synthea source from Provenance.onBehalfOf', () => {
    for (const row of rows.synthea) {
      const expected = provenanceOrganisation.get(row.key);
      expect(expected, row.key).to.be.a('string');
      expect(row.source, row.key).to.include({ via: 'provenance', name: expected });
      expect(row.categories, row.key).to.deep.equal(['Encounter diagnosis']);
    }
  });
});
