import { expect } from '@open-wc/testing';
import { CORPORA, CORPUS_NOW, loadCorpus, resourcesOf, type Corpus } from '../../support/corpus.js';
import { mapDocuments, TITLE_NOT_RECORDED, type DocumentRow } from '../../../src/elements/documents/documents.model.js';

/**
 * Maps every DocumentReference and Composition in the shared example corpus (HL7 R4, UK Core,
 * Synthea), one file at a time as if each file were one HIE response.
 */

const DOCUMENT_TYPES = ['DocumentReference', 'Composition'];

/**
 * Counted by hand in /work/shared/fhir-examples: hl7-r4 has documentreference-example, the
 * DocumentReference in Bundle/xds-example and the Composition in Bundle/document-example-dischargesummary;
 * uk-core has the ECG and care plan PDF DocumentReferences; synthea has one DocumentReference per
 * encounter: 110 (Heath320) + 45 (Joni720) + 76 (Tobias236), one current per patient, the rest
 * superseded. None is entered in error.
 */
const EXPECTED: Record<Corpus, { DocumentReference: number; Composition: number }> = {
  'hl7-r4': { DocumentReference: 2, Composition: 1 },
  'uk-core': { DocumentReference: 2, Composition: 0 },
  synthea: { DocumentReference: 231, Composition: 0 },
};

describe('mapDocuments over the FHIR example corpus', () => {
  const rows: Record<Corpus, DocumentRow[]> = { 'hl7-r4': [], 'uk-core': [], synthea: [] };
  const found: Record<Corpus, Record<string, number>> = { 'hl7-r4': {}, 'uk-core': {}, synthea: {} };

  before(async function loadFiles(this: { timeout(ms: number): void }) {
    this.timeout(120_000);
    const files = await loadCorpus(DOCUMENT_TYPES);
    for (const file of files) {
      const matches = resourcesOf(file, DOCUMENT_TYPES);
      for (const m of matches) found[file.corpus][m.resourceType] = (found[file.corpus][m.resourceType] ?? 0) + 1;
      let mapped: DocumentRow[] = [];
      expect(() => {
        mapped = mapDocuments({ matches, index: file.index, now: CORPUS_NOW });
      }, file.path).to.not.throw();
      rows[file.corpus].push(...mapped);
    }
    console.log(`Documents corpus: ${CORPORA.map((c) => `${c} ${rows[c].length} rows`).join('; ')}`);
  });

  for (const corpus of CORPORA) {
    it(`finds and maps every ${corpus} document`, () => {
      expect(found[corpus]['DocumentReference'] ?? 0).to.equal(EXPECTED[corpus].DocumentReference);
      expect(found[corpus]['Composition'] ?? 0).to.equal(EXPECTED[corpus].Composition);
      expect(rows[corpus]).to.have.length(EXPECTED[corpus].DocumentReference + EXPECTED[corpus].Composition);
    });

    it(`gives every ${corpus} row a title, status, date or an explicit "not recorded", and an honest source`, () => {
      for (const row of rows[corpus]) {
        expect(row.title, row.key).to.be.a('string').and.not.equal('');
        expect(row.statusLabel, row.key).to.be.a('string').and.not.equal('');
        expect(row.status, row.key).to.not.equal('entered-in-error');
        expect(row.date, `${row.key} date`).to.be.a('string');
        expect(row.source.name !== undefined || row.source.via === 'none', row.key).to.equal(true);
        for (const attachment of row.attachments) {
          expect(attachment.formatLabel, row.key).to.be.a('string').and.not.equal('');
          expect(Boolean(attachment.data || attachment.url || attachment.title), row.key).to.equal(true);
        }
      }
    });
  }

  it('reads the HL7 example: preliminary, very restricted, contained author, custodian not in the file', () => {
    const row = rows['hl7-r4'].find((r) => r.key === 'DocumentReference/example')!;
    expect(row).to.deep.include({
      title: 'Physical',
      typeText: 'Outpatient Note',
      status: 'current',
      docStatusLabel: 'Preliminary',
      docStatusAttention: true,
      date: '2005-12-24T09:43:41+11:00',
      custodian: undefined,
      authors: ['Gerald Smitty'],
    });
    expect(row.securityLabels).to.include('Very restricted');
    expect(row.attachments[0]).to.include({ kind: 'text', url: 'http://example.org/xds/mhd/Binary/07a6483f-732b-461e-86b6-edb665c45510' });
  });

  it('reads the HL7 discharge summary Composition with its section narratives', () => {
    const row = rows['hl7-r4'].find((r) => r.resourceType === 'Composition')!;
    expect(row).to.deep.include({ title: 'Discharge Summary', typeText: 'Discharge Summary from Responsible Clinician', statusLabel: 'Final' });
    // The bundle holds Practitioner/example, whose name wins over the reference's display "Doctor Dave".
    expect(row.authors).to.deep.equal(['Dr Adam Careful']);
    expect(row.sections.map((s) => s.title)).to.include.members(['Reason for admission', 'Medications on Discharge']);
    for (const section of row.sections) expect(section.narrative, section.title).to.contain('<div');
  });

  it('reads the UK Core PDFs, one on a relative address', () => {
    const byKey = new Map(rows['uk-core'].map((r) => [r.key, r]));
    const ecg = byKey.get('DocumentReference/UKCore-DocumentReference-ECG-Example')!;
    expect(ecg).to.deep.include({
      title: 'Electrocardiogram (ECG) Report',
      typeText: 'Electrocardiographic procedure',
      docStatusLabel: 'Preliminary',
      custodian: undefined,
    });
    expect(ecg.attachments[0]).to.include({ kind: 'pdf', url: 'DocumentReference/UKCore-DocumentReference-ECG-Example.pdf' });
    const carePlan = byKey.get('DocumentReference/UKCore-DocumentReference-CarePlanReportPDF-Example')!;
    expect(carePlan.title).to.equal('Care Plan Report');
    expect(carePlan.attachments[0]).to.include({ kind: 'pdf', url: 'https://health.trust.uk/CarePlanReport_44301kfgd.pdf' });
  });

  it('reads Synthea notes: the latest current and 228 superseded, inline base64 text, custodian by display', () => {
    expect(rows.synthea.filter((r) => r.superseded)).to.have.length(228);
    expect(rows.synthea.filter((r) => r.status === 'current')).to.have.length(3);
    for (const row of rows.synthea) {
      expect(row.custodian, row.key).to.be.a('string');
      expect(row.title, row.key).to.not.equal(TITLE_NOT_RECORDED);
      expect(row.attachments[0], row.key).to.include({ kind: 'text', charset: 'utf-8' });
      expect(atob(row.attachments[0]!.data!), row.key).to.match(/\S/);
      expect(row.authors[0], row.key).to.match(/^Dr\. /);
    }
  });
});
