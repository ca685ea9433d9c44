import { expect } from '@open-wc/testing';
import { CORPORA, CORPUS_NOW, loadCorpus, resourcesOf, type Corpus } from '../../support/corpus.js';
import { mapCarePlans, type CarePlanRow } from '../../../src/elements/care-plans/care-plans.model.js';

/**
 * Counted by hand in /work/shared/fhir-examples: hl7-r4 has 11 CarePlan files (none entered in
 * error; no bundle holds a CarePlan); uk-core 1; the Synthea bundles hold none.
 */
const EXPECTED_FOUND: Record<Corpus, number> = { 'hl7-r4': 11, 'uk-core': 1, synthea: 0 };

/** People named in the corpus's author and performer fields: never a source organisation. */
const PEOPLE = ['Dr Adam Careful', 'Peter James Chalmers', 'P. Voigt', 'Dokter Bronsig'];

describe('mapCarePlans over the FHIR example corpus', () => {
  const rows: Record<Corpus, CarePlanRow[]> = { 'hl7-r4': [], 'uk-core': [], synthea: [] };
  const found: Record<Corpus, number> = { 'hl7-r4': 0, 'uk-core': 0, synthea: 0 };

  before(async function loadFiles(this: { timeout(ms: number): void }) {
    this.timeout(120_000);
    const files = await loadCorpus(['CarePlan']);
    expect(files.length, 'corpus files found').to.be.greaterThan(12);
    for (const file of files) {
      const matches = resourcesOf(file, ['CarePlan']);
      found[file.corpus] += matches.length;
      let mapped: CarePlanRow[] = [];
      expect(() => {
        mapped = mapCarePlans({ matches, index: file.index, now: CORPUS_NOW });
      }, file.path).to.not.throw();
      rows[file.corpus].push(...mapped);
    }
    console.log(`Care plans corpus: ${CORPORA.map((c) => `${c} ${rows[c].length} rows of ${found[c]} resources`).join('; ')}`);
  });

  for (const corpus of CORPORA) {
    it(`maps every ${corpus} care plan`, () => {
      expect(found[corpus]).to.equal(EXPECTED_FOUND[corpus]);
      expect(rows[corpus]).to.have.length(EXPECTED_FOUND[corpus]);
    });

    it(`gives every ${corpus} row its status, an honest source, and text or "not recorded" for the rest`, () => {
      for (const row of rows[corpus]) {
        expect(row.statusLabel, row.key).to.be.a('string').and.not.equal('');
        expect(row.status, row.key).to.not.equal('entered-in-error');
        for (const field of [row.title, row.author, row.description]) {
          expect(field === undefined || (typeof field === 'string' && field !== ''), row.key).to.equal(true);
        }
        for (const activity of row.activities) {
          expect(activity.statusLabel, `${row.key} ${activity.key}`).to.be.a('string').and.not.equal('');
          expect(activity.text === undefined || activity.text !== '', `${row.key} ${activity.key}`).to.equal(true);
        }
        expect(row.source.name !== undefined || row.source.via === 'none', row.key).to.equal(true);
        expect(PEOPLE, `${row.key} source`).to.not.include(row.source.name);
      }
    });
  }

  it('reads the HL7 weight management plan: category, period end, author, activity outcome', () => {
    const row = rows['hl7-r4'].find((r) => r.key === 'CarePlan/example')!;
    expect(row).to.deep.include({
      title: undefined,
      description: 'Manage obesity and weight loss',
      categories: ['Weight management plan'],
      end: '2017-06-01',
      author: 'Dr Adam Careful',
      addresses: ['obesity'],
      status: 'active',
    });
    expect(row.source.via).to.equal('none');
    expect(row.activities[0]).to.deep.include({ text: 'Weight Measured', statusLabel: 'Completed' });
    expect(row.activities[0]!.outcomes).to.deep.equal(['Progressive weight loss', 'Weight Measured']);
  });

  it('reads statuses, prohibitions, schedules and performers from the other HL7 plans', () => {
    const byKey = new Map(rows['hl7-r4'].map((r) => [r.key, r]));
    expect(byKey.get('CarePlan/f201')).to.include({ status: 'draft', attention: true, intentLabel: 'Proposal' });
    expect(byKey.get('CarePlan/f001')).to.include({ status: 'completed', current: false });
    const heart = byKey.get('CarePlan/f001')!.activities[0]!;
    expect(heart).to.deep.include({ text: 'Operation on heart', doNotPerform: true, performers: ['P. Voigt'] });
    expect(heart.schedule?.text).to.equal('2011-06-27T09:30:10+01:00');
    const antenatal = byKey.get('CarePlan/preg')!.activities;
    expect(antenatal[0]!.text).to.equal('Prenatal vitamin MedicationRequest');
    expect(antenatal[1]!.schedule).to.deep.include({ start: '2013-02-14', end: '2013-02-28' });
    expect(antenatal[1]!.performers).to.deep.equal(['Mavis Midwife']);
    expect(byKey.get('CarePlan/integrate')!.activities).to.have.length(12);
  });

  it('reads the UK Core wellness plan with its daily activity and patient performer', () => {
    const [row] = rows['uk-core'];
    expect(row).to.deep.include({ categories: ['Weight management plan'], end: '2020-01-01', created: '2020-02-01', author: undefined });
    expect(row!.activities[0]).to.deep.include({ text: 'Body weight', statusLabel: 'Completed', performers: ['The patient'] });
    expect(row!.activities[0]!.schedule?.text).to.equal('once a day');
  });
});
