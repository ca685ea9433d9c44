import type { QuerySpec } from '../../core/record-controller.js';
import { sourceIncludes } from '../../core/queries.js';

/** MedicationStatements and MedicationRequests with their medicines and source organisations. */
export function medicationsQueries(patient: string): QuerySpec[] {
  return [
    {
      resourceType: 'MedicationStatement',
      params: sourceIncludes(patient, ['MedicationStatement:medication', 'MedicationStatement:source']),
    },
    {
      resourceType: 'MedicationRequest',
      params: sourceIncludes(patient, ['MedicationRequest:medication', 'MedicationRequest:requester']),
    },
  ];
}
