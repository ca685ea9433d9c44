import { expect } from '@open-wc/testing';
import type { MedicationStatement, Organization, Resource } from '@medplum/fhirtypes';
import { assembleRecord, type QuerySpec } from '../../src/core/record-assembly.js';
import type { ModelInput, RecordModel, RecordRow } from '../../src/model/record-types.js';
import type { SearchResult } from '../../src/fhir/types.js';

const BASE = 'https://hie.example/fhir';
const PATIENT = 'Patient/p1';

const statement = (id: string, patient = PATIENT): MedicationStatement => ({
  resourceType: 'MedicationStatement',
  id,
  status: 'active',
  subject: { reference: patient },
  medicationCodeableConcept: { text: `Medicine ${id}` },
});

function result(matches: Resource[], extra: Partial<SearchResult> = {}): SearchResult {
  return {
    matches,
    included: [],
    outcomes: [],
    bundleSecurity: undefined,
    truncated: false,
    skipped: [],
    fetchedAt: new Date('2026-11-20T10:00:00Z'),
    ...extra,
  };
}

const queries: QuerySpec[] = [
  { resourceType: 'MedicationStatement', params: { patient: PATIENT } },
  { resourceType: 'MedicationRequest', params: { patient: PATIENT } },
];

/** A model that keeps what it was given, so tests can see what reached it. */
function recordingModel(): { model: RecordModel<RecordRow>; seen: ModelInput[] } {
  const seen: ModelInput[] = [];
  const model: RecordModel<RecordRow> = (input) => {
    seen.push(input);
    return input.matches.map((m, i) => ({
      key: `${m.resourceType}/${m.id ?? i}`,
      resourceType: m.resourceType,
      id: m.id,
      status: 'active',
      statusLabel: 'Active',
      current: true,
      date: undefined,
      source: { key: 'unknown', name: 'Source not recorded', type: undefined, typeLabel: undefined, ods: undefined, recorded: false },
      freshness: { kind: 'unknown' },
      securityLabels: [],
    }) as unknown as RecordRow);
  };
  return { model, seen };
}

function assemble(results: SearchResult[], model: RecordModel<RecordRow>) {
  return assembleRecord({ configKey: 'k', patient: PATIENT, baseUrl: BASE, nhsNumber: undefined, queries, results, model });
}

describe('assembleRecord', () => {
  it('passes only this patient\'s items to the model and counts the others in one notice', () => {
    const { model, seen } = recordingModel();
    const record = assemble(
      [result([statement('a'), statement('b', 'Patient/other')]), result([statement('c'), statement('d', 'Patient/p2')])],
      model,
    );
    expect(seen[0]!.matches.map((m) => m.id)).to.deep.equal(['a', 'c']);
    expect(record.rows.map((r) => r.id)).to.deep.equal(['a', 'c']);
    const dropped = record.notices.filter((n) => n.kind === 'other-patient-dropped');
    expect(dropped).to.have.length(1);
    expect(dropped[0]!.message).to.equal('2 items sent by the HIE did not belong to this patient and were not shown.');
  });

  it('drops included clinical items of another patient but keeps organisations, which name no patient', () => {
    const { model, seen } = recordingModel();
    const gp: Organization = { resourceType: 'Organization', id: 'gp' };
    const foreign = statement('x', 'Patient/other');
    assemble([result([statement('a')], { included: [gp, foreign] })], model);
    const index = seen[0]!.index;
    expect(index.resolve({ reference: 'Organization/gp' })).to.equal(gp);
    expect(index.resolve({ reference: 'MedicationStatement/x' })).to.equal(undefined);
    expect(index.resolve({ reference: 'MedicationStatement/a' })?.id).to.equal('a');
  });

  it('keeps the newest fetch time of its searches and whether any was cut short', () => {
    const { model } = recordingModel();
    const record = assemble(
      [result([], { fetchedAt: new Date('2026-11-20T10:00:00Z') }), result([], { truncated: true, fetchedAt: new Date('2026-11-20T10:05:00Z') })],
      model,
    );
    expect(record.fetchedAt.toISOString()).to.equal('2026-11-20T10:05:00.000Z');
    expect(record.truncated).to.equal(true);
    expect(record.resourceTypes).to.deep.equal(['MedicationStatement', 'MedicationRequest']);
  });

  it('assembles a search with more items than a call can take as arguments', () => {
    // Spreading this many items into push() throws RangeError in Chromium (the argument stack).
    const many = 300_000;
    const subject = { reference: PATIENT };
    const matches = Array.from({ length: many }, (_, i) => ({ resourceType: 'Observation', id: `o${i}`, subject }) as Resource);
    const model: RecordModel<RecordRow> = (input) => {
      expect(input.matches.length).to.equal(many);
      return [];
    };
    const record = assemble([result(matches, { included: matches.slice(0, 10) })], model);
    expect(record.rows).to.deep.equal([]);
    expect(record.notices.filter((n) => n.kind === 'other-patient-dropped')).to.deep.equal([]);
  });
});
