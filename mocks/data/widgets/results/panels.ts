import type { DiagnosticReport, Observation } from '@medplum/fhirtypes';
import type { BuiltItem } from '../../medication-items.js';
import type { PatientRecord } from '../../record.js';
import { diagnosticReport, observation, type ObservationSpec, type ReportSpec, type ResultValueSpec } from './builders.js';
import type { TestDef } from './tests.js';

export interface MemberSpec {
  /** Suffix of the member's id, e.g. `k` gives `<report id>-k`. */
  suffix: string;
  test: TestDef;
  value: ResultValueSpec;
  status?: Observation['status'];
  note?: string;
}

/**
 * A report and its results, taken together from the same source. The results are Observations of
 * the patient (found by the Observation search too) and includable by `DiagnosticReport:result`.
 */
export function reportWithResults(
  report: Omit<ReportSpec, 'results'>,
  members: MemberSpec[],
  now: Date,
): { report: BuiltItem<DiagnosticReport>; results: BuiltItem<Observation>[] } {
  const results = members.map((m) => {
    const spec: ObservationSpec = {
      id: `${report.id}-${m.suffix}`,
      patientId: report.patientId,
      status: m.status ?? (report.status === 'cancelled' ? 'cancelled' : 'final'),
      takenHoursAgo: report.takenHoursAgo,
      ...(report.turnaroundHours !== undefined ? { turnaroundHours: report.turnaroundHours } : {}),
      source: report.source,
      lastUpdatedHoursAgo: report.lastUpdatedHoursAgo,
      test: m.test,
      value: m.value,
      ...(m.note ? { note: m.note } : {}),
    };
    return observation(spec, now);
  });
  return {
    report: diagnosticReport({ ...report, results: results.map((r) => r.item.id!) }, now),
    results,
  };
}

/** Adds items (and their Provenance) to the record; report results are also includable resources. */
export function addResultItems(record: PatientRecord, items: BuiltItem<DiagnosticReport | Observation>[], includable = false): void {
  for (const { item, provenance } of items) {
    record.items.push(item);
    if (includable) record.related.push(item);
    if (provenance) record.related.push(provenance);
  }
}

export function addReports(
  record: PatientRecord,
  reports: { report: BuiltItem<DiagnosticReport>; results: BuiltItem<Observation>[] }[],
): void {
  for (const { report, results } of reports) {
    addResultItems(record, [report]);
    addResultItems(record, results, true);
  }
}
