import { expect } from '@open-wc/testing';
import { CORPORA, CORPUS_NOW, loadCorpus, type Corpus } from '../../support/corpus.js';
import { mapResults, type ResultEntry, type ResultRow } from '../../../src/elements/results/results.model.js';

/**
 * Maps every DiagnosticReport and Observation in the shared example corpus (HL7 R4, UK Core,
 * Synthea), one file at a time as if each file were one HIE response.
 */

const RESULT_TYPES = ['DiagnosticReport', 'Observation'];

/**
 * Counted by hand in /work/shared/fhir-examples (files in the Observation and DiagnosticReport
 * folders, and inside every Bundle): hl7-r4 15 Observation files + 37 in bundles (lipids,
 * micro1, references, discharge summary), 6 DiagnosticReport files + 4 in bundles; uk-core 15 + 13
 * Observations (batch POST, NEWS2) and 8 DiagnosticReports; synthea 604 + 253 Observations and
 * 110 + 45 + 76 DiagnosticReports in the three patient bundles. None is entered-in-error.
 */
const EXPECTED: Record<Corpus, { Observation: number; DiagnosticReport: number }> = {
  'hl7-r4': { Observation: 52, DiagnosticReport: 10 },
  'uk-core': { Observation: 28, DiagnosticReport: 8 },
  synthea: { Observation: 857, DiagnosticReport: 231 },
};

function walk(entries: readonly ResultEntry[], visit: (entry: ResultEntry, depth: number) => void, depth = 0): void {
  for (const entry of entries) {
    visit(entry, depth);
    walk(entry.members, visit, depth + 1);
  }
}

describe('mapResults over the FHIR example corpus', () => {
  const rows: Record<Corpus, ResultRow[]> = { 'hl7-r4': [], 'uk-core': [], synthea: [] };
  const found: Record<Corpus, { Observation: number; DiagnosticReport: number }> = {
    'hl7-r4': { Observation: 0, DiagnosticReport: 0 },
    'uk-core': { Observation: 0, DiagnosticReport: 0 },
    synthea: { Observation: 0, DiagnosticReport: 0 },
  };
  /** Keys of resources that carry an id, per corpus, and the keys shown (as rows or inside them). */
  const withId: Record<Corpus, Set<string>> = { 'hl7-r4': new Set(), 'uk-core': new Set(), synthea: new Set() };
  const shown: Record<Corpus, Set<string>> = { 'hl7-r4': new Set(), 'uk-core': new Set(), synthea: new Set() };
  const byFile = new Map<string, ResultRow[]>();

  before(async function loadFiles(this: { timeout(ms: number): void }) {
    this.timeout(120_000);
    const files = await loadCorpus(RESULT_TYPES);
    expect(files.length, 'corpus files found').to.be.greaterThan(40);
    for (const file of files) {
      const { corpus, path, index } = file;
      const matches = file.resources.filter((r) => RESULT_TYPES.includes(r.resourceType));
      for (const m of matches) {
        found[corpus][m.resourceType as 'Observation' | 'DiagnosticReport']++;
        // Keys are per file (each file is one response); the path keeps files apart.
        if (m.id) withId[corpus].add(`${path}#${m.resourceType}/${m.id}`);
      }
      let mapped: ResultRow[] = [];
      expect(() => {
        mapped = mapResults({ matches, index, now: CORPUS_NOW });
      }, path).to.not.throw();
      walk(mapped, (entry) => shown[corpus].add(`${path}#${entry.key}`));
      rows[corpus].push(...mapped);
      byFile.set(path, mapped);
    }
    console.log(
      `Results corpus: ${CORPORA.map((c) => `${c} ${rows[c].length} rows of ${found[c].Observation} Observations + ${found[c].DiagnosticReport} DiagnosticReports`).join('; ')}`,
    );
  });

  for (const corpus of CORPORA) {
    it(`finds every ${corpus} result and shows each one, as a row or inside its report`, () => {
      expect(found[corpus]).to.deep.equal(EXPECTED[corpus]);
      const missing = [...withId[corpus]].filter((key) => !shown[corpus].has(key));
      expect(missing, 'results with an id that are shown nowhere').to.deep.equal([]);
      expect(rows[corpus].length).to.be.greaterThan(0);
    });

    it(`gives every ${corpus} result a name, a status, a value or "not recorded", and an honest source`, () => {
      walk(rows[corpus], (entry) => {
        expect(entry.name, entry.key).to.be.a('string').and.not.equal('');
        expect(entry.statusLabel, entry.key).to.be.a('string').and.not.equal('');
        expect(entry.status, entry.key).to.not.equal('entered-in-error');
        expect(entry.source.name !== undefined || entry.source.via === 'none', entry.key).to.equal(true);
        if (entry.resourceType === 'Observation') {
          const values = [...(entry.main ? [entry.main] : []), ...entry.components];
          const grouping = entry.members.length + entry.unavailableMembers + entry.unverifiedMembers > 0;
          expect(values.length > 0 || grouping, `${entry.key} has a value, components or members`).to.equal(true);
          for (const m of values) {
            expect(m.value.text, entry.key).to.be.a('string').and.not.equal('');
            // A bare number is never shown as if complete.
            if (/^[<>=\s\d.]+$/.test(m.value.text)) expect(m.value.unitMissing, `${entry.key} ${m.value.text}`).to.equal(true);
          }
        }
      });
    });
  }

  it('nests the HL7 lipid and microbiology results in their reports', () => {
    const lipids = byFile.get('hl7-r4/Bundle/diagnosticreport-example-lipids.json')!;
    expect(lipids.map((r) => r.key)).to.deep.equal(['DiagnosticReport/lipids']);
    expect(lipids[0]!.members.map((m) => m.key)).to.deep.equal([
      'Observation/cholesterol',
      'Observation/triglyceride',
      'Observation/hdlcholesterol',
      'Observation/ldlcholesterol',
    ]);
    const micro = byFile.get('hl7-r4/Bundle/diagnosticreport-micro1.json')!;
    expect(micro.map((r) => r.key)).to.deep.equal(['DiagnosticReport/micro']);
    let deepest = 0;
    walk(micro, (_, depth) => (deepest = Math.max(deepest, depth)));
    expect(deepest).to.equal(3);
  });

  it('reads HL7 blood pressure components, interpretations and the cancelled example', () => {
    const bp = byFile.get('hl7-r4/Observation/observation-example-bloodpressure.json')![0]!;
    expect(bp.components.map((c) => `${c.name}: ${c.value.text}`)).to.deep.equal([
      'Systolic blood pressure: 107 mmHg',
      'Diastolic blood pressure: 60 mmHg',
    ]);
    expect(bp.main).to.equal(undefined);
    expect(bp.flagged.map((f) => f.interpretation.label)).to.include('Low');
    const cancelled = byFile.get('hl7-r4/Observation/observation-example-bloodpressure-cancel.json')![0]!;
    expect(cancelled).to.include({ status: 'cancelled', statusLabel: 'Cancelled' });
  });

  it('reads UK Core absent data, ranges without units and unresolved panel members', () => {
    const absent = byFile.get('uk-core/Observation/UKCore-Observation-Lab-Sn-AbsentData-Example.json')![0]!;
    expect(absent.main!.value.text).to.equal('Not recorded: Specimen unsatisfactory for evaluation');
    // Its performer is a bare reference to an Organization not in the file: no guess.
    expect(absent.source).to.include({ name: undefined, via: 'none' });
    const wcc = byFile.get('uk-core/Observation/UKCore-Observation-Lab-WhiteCellCount-Example.json')![0]!;
    expect(wcc.main!.value.text).to.equal('11.2 10*9/L');
    expect(wcc.main!.range!.text).to.equal('4 to 17');
    const fbc = byFile.get('uk-core/Observation/UKCore-Observation-Group-FullBloodCount-Example.json')![0]!;
    expect(fbc).to.include({ kind: 'panel', unavailableMembers: 2 });
  });

  it('names Synthea results by their Provenance or performer, never a person', () => {
    expect(rows.synthea.length).to.be.greaterThan(100);
    for (const row of rows.synthea) {
      expect(row.source.via, row.key).to.be.oneOf(['resource', 'provenance']);
      expect(row.source.name, row.key).to.be.a('string');
      expect(row.source.name!, row.key).to.not.match(/^Dr\. /);
    }
  });
});
