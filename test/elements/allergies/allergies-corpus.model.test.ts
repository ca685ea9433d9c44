import { expect } from '@open-wc/testing';
import { CORPORA, CORPUS_NOW, loadCorpus, type Corpus } from '../../support/corpus.js';
import { mapAllergies, type AllergyRow } from '../../../src/elements/allergies/allergies.model.js';

/**
 * Maps every AllergyIntolerance in the shared example corpus, one file at a time as if each file
 * were one HIE response.
 *
 * Counted by hand in /work/shared/fhir-examples: hl7-r4 has 6 AllergyIntolerance files (nka, nkda and
 * nkla are "no known" statements) and 1 more inside Bundle/document-example-dischargesummary.json;
 * uk-core 9 files (one entered-in-error, one "No known drug allergy") and 1 more inside
 * Bundle/UKCore-Bundle-AllergyList-Example.json; Synthea has none.
 */
const EXPECTED: Record<Corpus, number> = { 'hl7-r4': 7, 'uk-core': 10, synthea: 0 };
const ENTERED_IN_ERROR: Record<Corpus, number> = { 'hl7-r4': 0, 'uk-core': 1, synthea: 0 };
const NO_KNOWN: Record<Corpus, number> = { 'hl7-r4': 3, 'uk-core': 1, synthea: 0 };

describe('mapAllergies over the FHIR example corpus', () => {
  const rows: Record<Corpus, AllergyRow[]> = { 'hl7-r4': [], 'uk-core': [], synthea: [] };
  const found: Record<Corpus, number> = { 'hl7-r4': 0, 'uk-core': 0, synthea: 0 };
  let filesRead = 0;

  before(async function loadFiles(this: { timeout(ms: number): void }) {
    this.timeout(120_000);
    const files = await loadCorpus(['AllergyIntolerance']);
    filesRead = files.length;
    for (const { corpus, path, index, resources } of files) {
      const matches = resources.filter((r) => r.resourceType === 'AllergyIntolerance');
      found[corpus] += matches.length;
      let mapped: AllergyRow[] = [];
      expect(() => {
        mapped = mapAllergies({ matches, index, now: CORPUS_NOW });
      }, path).to.not.throw();
      rows[corpus].push(...mapped);
    }
    console.log(`Allergies corpus: ${CORPORA.map((c) => `${c} ${rows[c].length} rows of ${found[c]} AllergyIntolerances`).join('; ')}`);
  });

  it('read the corpus files', () => {
    expect(filesRead).to.be.greaterThan(30);
  });

  for (const corpus of CORPORA) {
    it(`maps every ${corpus} AllergyIntolerance that is not entered-in-error`, () => {
      expect(found[corpus]).to.equal(EXPECTED[corpus]);
      expect(rows[corpus]).to.have.length(EXPECTED[corpus] - ENTERED_IN_ERROR[corpus]);
      expect(rows[corpus].filter((r) => r.kind === 'no-known')).to.have.length(NO_KNOWN[corpus]);
    });

    it(`gives every ${corpus} row its main fields or an explicit "not recorded"`, () => {
      for (const row of rows[corpus]) {
        expect(row.name, row.key).to.be.a('string').and.not.equal('');
        expect(row.statusLabel, row.key).to.be.a('string').and.not.equal('');
        expect(row.criticalityLabel, row.key).to.be.a('string').and.not.equal('');
        expect(row.source.name !== undefined || row.source.via === 'none', row.key).to.equal(true);
        for (const reaction of row.reactions) expect(reaction.manifestations, row.key).to.be.an('array');
      }
    });
  }

  it('shows the HL7 "no known" examples as statements, not substances', () => {
    const byKey = new Map(rows['hl7-r4'].map((r) => [r.key, r]));
    expect(byKey.get('AllergyIntolerance/nka')).to.include({ kind: 'no-known', name: 'No known allergies', noKnownScope: 'all' });
    expect(byKey.get('AllergyIntolerance/nkda')).to.include({ kind: 'no-known', name: 'No known drug allergies' });
    expect(byKey.get('AllergyIntolerance/nkla')).to.include({ kind: 'no-known', name: 'No known latex allergy' });
    expect(byKey.get('AllergyIntolerance/example')).to.deep.include({ kind: 'allergy', name: 'Cashew nuts', criticalityLabel: 'High criticality', categories: ['Food'], typeLabel: 'Allergy' });
    expect(byKey.get('AllergyIntolerance/example')?.reactions.map((r) => r.severity)).to.include('severe');
    expect(byKey.get('AllergyIntolerance/medication')).to.include({ uncertain: true, verificationLabel: 'Unconfirmed' });
  });

  it('reads the UK Core examples: end extension, transfer-degraded text, no entered-in-error', () => {
    const byKey = new Map(rows['uk-core'].map((r) => [r.key, r]));
    expect(byKey.has('AllergyIntolerance/UKCore-AllergyIntolerance-EnteredInError-Example')).to.equal(false);
    expect(byKey.get('AllergyIntolerance/Extension-UKCore-AllergyIntolEnd-Example')).to.deep.include({
      current: false,
      ended: {
        date: '2021-07-20T17:10:00+00:00',
        reason: 'Administrative error corrected on patient record - confirmed that allergy not experienced with the patient.',
      },
    });
    expect(byKey.get('AllergyIntolerance/UKCore-AllergyIntolerance-Sn-TransferDegradedDrugAllergy-Example')?.name).to.equal('Amoxicillin 250mg capsules');
    expect(byKey.get('AllergyIntolerance/UKCore-AllergyIntolerance-Sn-NegHandlNoKnownAllergies-Example')).to.include({ kind: 'no-known', name: 'No known drug allergies', date: undefined });
    expect(byKey.get('AllergyIntolerance/UKCore-AllergyIntolerance-Amoxicillin-Example')?.reactions).to.deep.equal([
      { manifestations: ['Urticarial rash'], severity: 'mild', description: undefined, onset: undefined, substance: undefined },
    ]);
  });
});
