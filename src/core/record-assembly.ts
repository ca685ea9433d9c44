import type { Resource } from '@medplum/fhirtypes';
import { patientGuard, patientReferencesOf } from '../fhir/index.js';
import type { SearchResult } from '../fhir/types.js';
import { noticesFromSearch } from '../model/notices.js';
import { RecordIndex } from '../model/record-index.js';
import type { RecordModel, RecordNotice, RecordRow } from '../model/record-types.js';

/** One FHIR search a widget needs, e.g. MedicationStatement with its Medications included. */
export interface QuerySpec {
  resourceType: string;
  params: Record<string, string | string[]>;
  /** Types accepted as matches, when the search can return more than one (default: resourceType). */
  matchTypes?: string[];
}

/** What a widget tells the controller: which searches to run and how to turn resources into rows. */
export interface WidgetDataSpec<Row extends RecordRow> {
  queries: (patient: string) => QuerySpec[];
  model: RecordModel<Row>;
}

export interface LoadedRecord<Row extends RecordRow> {
  /** Identifies the configuration (HIE + patient) this data was loaded for. */
  configKey: string;
  /** `Patient/<id>` on the HIE. */
  patient: string;
  rows: Row[];
  notices: RecordNotice[];
  resourceTypes: string[];
  truncated: boolean;
  fetchedAt: Date;
}

export interface RecordParts<Row extends RecordRow> {
  configKey: string;
  /** `Patient/<id>` on the HIE. */
  patient: string;
  baseUrl: string;
  nhsNumber: string | undefined;
  queries: QuerySpec[];
  results: SearchResult[];
  model: RecordModel<Row>;
}

/**
 * A widget's searches made into its record: only this patient's items (the others are counted in a
 * notice), the searches' notices once each, and rows from the widget's model. No DOM, no Lit.
 */
export function assembleRecord<Row extends RecordRow>(parts: RecordParts<Row>): LoadedRecord<Row> {
  const { patient, baseUrl, nhsNumber, queries, results } = parts;
  let matches: Resource[] = [];
  let included: Resource[] = [];
  const notices: RecordNotice[] = [];
  let otherPatient = 0;
  const belongs = patientGuard(patient, baseUrl, nhsNumber);
  for (const result of results) {
    const own = result.matches.filter(belongs);
    // Included clinical items (e.g. a report's results) must be this patient's too; organisations,
    // medicines and people name no patient and are kept.
    const ownIncluded = result.included.filter((r) => patientReferencesOf(r).length === 0 || belongs(r));
    otherPatient += result.matches.length - own.length + result.included.length - ownIncluded.length;
    // concat, not push(...): spreading a very long search's items overflows the argument stack.
    matches = matches.concat(own);
    included = included.concat(ownIncluded);
    for (const notice of noticesFromSearch({ ...result, shown: own.length, received: result.matches.length })) {
      // Several searches of one widget often carry the same outcome (e.g. a source outage).
      if (!notices.some((n) => n.kind === notice.kind && n.message === notice.message)) notices.push(notice);
    }
  }
  if (otherPatient > 0) {
    notices.push({
      kind: 'other-patient-dropped',
      count: otherPatient,
      message: `${otherPatient} item${otherPatient === 1 ? '' : 's'} sent by the HIE did not belong to this patient and ${otherPatient === 1 ? 'was' : 'were'} not shown.`,
    });
  }
  const index = new RecordIndex(matches.concat(included), { baseUrl });
  const rows = parts.model({ matches, index, now: new Date(), notices });
  return {
    configKey: parts.configKey,
    patient,
    rows,
    notices,
    resourceTypes: [...new Set(queries.map((q) => q.resourceType))],
    truncated: results.some((r) => r.truncated),
    fetchedAt: new Date(Math.max(...results.map((r) => r.fetchedAt.getTime()), 0)),
  };
}
