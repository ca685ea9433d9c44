import { expect } from '@open-wc/testing';
import { CORPORA, CORPUS_NOW, loadCorpus, resourcesOf, type Corpus } from '../../support/corpus.js';
import { mapImmunisations, VACCINE_NOT_RECORDED, type ImmunisationRow } from '../../../src/elements/immunisations/immunisations.model.js';

/**
 * Maps every Immunization in the shared example corpus (HL7 R4, UK Core, Synthea), one file at a time
 * as if each file were one HIE response. Counted by hand in /work/shared/fhir-examples: hl7-r4 has 5
 * (one refused: not-done with a reason), uk-core 13 (all completed), synthea 143 across its three
 * patients; none is entered in error, so every one is a row.
 */
const EXPECTED: Record<Corpus, number> = { 'hl7-r4': 5, 'uk-core': 13, synthea: 143 };
const TYPES = ['Immunization'];

describe('mapImmunisations over the FHIR example corpus', () => {
  const rows: Record<Corpus, ImmunisationRow[]> = { 'hl7-r4': [], 'uk-core': [], synthea: [] };
  const found: Record<Corpus, number> = { 'hl7-r4': 0, 'uk-core': 0, synthea: 0 };

  before(async function loadFiles(this: { timeout(ms: number): void }) {
    this.timeout(120_000);
    for (const file of await loadCorpus(TYPES)) {
      const matches = resourcesOf(file, TYPES);
      found[file.corpus] += matches.length;
      let mapped: ImmunisationRow[] = [];
      expect(() => {
        mapped = mapImmunisations({ matches, index: file.index, now: CORPUS_NOW });
      }, file.path).to.not.throw();
      rows[file.corpus].push(...mapped);
    }
    console.log(`Immunisations corpus: ${CORPORA.map((c) => `${c} ${found[c]} read, ${rows[c].length} rows`).join('; ')}`);
  });

  for (const corpus of CORPORA) {
    it(`finds and maps every ${corpus} immunisation`, () => {
      expect(found[corpus]).to.equal(EXPECTED[corpus]);
      expect(rows[corpus]).to.have.length(EXPECTED[corpus]);
    });

    it(`gives every ${corpus} row a vaccine, a status in words, a date and an honest source`, () => {
      for (const row of rows[corpus]) {
        expect(row.vaccine, row.key).to.be.a('string').and.not.equal(VACCINE_NOT_RECORDED);
        expect(row.statusLabel, row.key).to.be.oneOf(['Given', 'Not given']);
        // A date, or the words sent (e.g. "January 2012"): never silently undated.
        expect(row.date ?? (row.occurrence?.kind === 'words' ? row.occurrence.text : undefined), `${row.key} date`).to.be.a('string');
        expect(row.source.name !== undefined || row.source.via === 'none', row.key).to.equal(true);
        if (!row.given) expect(row.notGivenReason, row.key).to.be.a('string');
      }
    });
  }

  it('reads the HL7 examples field by field: refused with its reason, historical as reported, subpotent, protocol', () => {
    const byId = new Map(rows['hl7-r4'].map((r) => [r.id, r]));
    expect(byId.get('notGiven')).to.include({ given: false, statusLabel: 'Not given', notGivenReason: 'medical precaution' });
    expect(byId.get('historical')).to.include({ primarySource: false, reportOrigin: 'Written Record' });
    expect(byId.get('historical')!.occurrence).to.deep.equal({ kind: 'words', text: 'January 2012' });
    expect(byId.get('example')).to.include({ lotNumber: 'AAJN11K', route: 'Injection, intramuscular', doseQuantity: '5 mg' });
    expect(byId.get('example')!.subpotent).to.match(/^This dose does not count/);
    // A combined vaccine: one dose per protocol applied, each with its series.
    expect(byId.get('protocol')!.doses).to.deep.equal(['Dose 1 (series: 2-dose)', 'Dose 2 (series: 3-dose)']);
  });

  it('reads UK Core lot number, site, route and the vaccination procedure extension', () => {
    const uk = rows['uk-core'];
    expect(uk.some((r) => r.lotNumber)).to.equal(true);
    expect(uk.some((r) => r.site)).to.equal(true);
    expect(uk.some((r) => r.route)).to.equal(true);
    expect(uk.some((r) => r.procedure || r.vaccine.includes('vaccin'))).to.equal(true);
  });
});
