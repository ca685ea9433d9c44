import type { OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { BuiltItem } from './medication-items.js';

/**
 * One patient's data in the mock HIE. Clinical items of any resource type go in `items`; adding
 * Conditions or Observations later means pushing them here, the search code is generic.
 */
export interface PatientRecord {
  patientId: string;
  items: Resource[];
  /** Resources that searches may `_include`/`_revinclude`: Medications, PractitionerRoles, Provenance. */
  related: Resource[];
  /** OperationOutcomes returned as `search.mode = outcome` on the first page, per searched type. */
  notices: Partial<Record<string, OperationOutcome[]>>;
  /** Searched types whose searchset Bundle carries `meta.security` REDACTED (items were removed). */
  redactedTypes: string[];
  /** The patient objected to sharing: every clinical search is refused with 403. */
  objected: boolean;
}

export function emptyRecord(patientId: string): PatientRecord {
  return { patientId, items: [], related: [], notices: {}, redactedTypes: [], objected: false };
}

export function addBuilt(record: PatientRecord, built: BuiltItem<Resource>[]): void {
  for (const { item, provenance } of built) {
    record.items.push(item);
    if (provenance) record.related.push(provenance);
  }
}
