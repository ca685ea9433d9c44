/**
 * The data path of a widget without the DOM, for bench/model.mjs: the real client (parse, freeze,
 * searchset) on a stubbed fetch, assembleRecord (patient guard, index, model), then the view
 * preparation a widget does before it renders (grouping medicines, building trends).
 */
import { HieClient } from '../../src/fhir/index.js';
import { assembleRecord } from '../../src/core/record-assembly.js';
import type { RecordModel, RecordRow } from '../../src/model/record-types.js';
import { groupMedications, mapMedications, type MedicationRow } from '../../src/elements/medications/medications.model.js';
import { medicationsQueries } from '../../src/elements/medications/medications.queries.js';
import { mapResults, type ResultRow } from '../../src/elements/results/results.model.js';
import { resultsQueries } from '../../src/elements/results/results.queries.js';
import { buildTrends } from '../../src/elements/results/results.trends.js';

const kinds = {
  medications: {
    queries: medicationsQueries,
    model: mapMedications as RecordModel<RecordRow>,
    view: (rows: RecordRow[]) => groupMedications(rows as MedicationRow[]).length,
  },
  results: {
    queries: resultsQueries,
    model: mapResults as RecordModel<RecordRow>,
    view: (rows: RecordRow[]) => buildTrends(rows as ResultRow[]).size,
  },
};

export interface Timing {
  client: number;
  assemble: number;
  view: number;
  rows: number;
}

/** One load of `text` as the answer to the kind's data-carrying search (other searches are empty). */
export async function runOnce(
  kind: keyof typeof kinds,
  text: string,
  matchType: string,
  base: string,
  patientId: string,
): Promise<Timing> {
  const spec = kinds[kind];
  const empty = JSON.stringify({ resourceType: 'Bundle', type: 'searchset', total: 0, entry: [] });
  const headers = { 'content-type': 'application/fhir+json' };
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    return new Response(url.pathname.endsWith(`/${matchType}`) ? text : empty, { status: 200, headers });
  };
  const client = new HieClient({ baseUrl: base, tokenProvider: () => 'bench-token', maxEntries: 1_000_000, fetch: fetch as typeof globalThis.fetch });
  const patient = `Patient/${patientId}`;
  const queries = spec.queries(patient);
  const t0 = performance.now();
  const results = await Promise.all(queries.map((q) => client.search(q.resourceType, q.params)));
  const t1 = performance.now();
  const record = assembleRecord({ configKey: '', patient, baseUrl: client.baseUrl, nhsNumber: undefined, queries, results, model: spec.model });
  const t2 = performance.now();
  spec.view(record.rows);
  const t3 = performance.now();
  return { client: t1 - t0, assemble: t2 - t1, view: t3 - t2, rows: record.rows.length };
}
