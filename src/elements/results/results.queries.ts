import type { QuerySpec } from '../../core/record-controller.js';
import { sourceIncludes } from '../../core/queries.js';
import { asArray } from '../../model/json-guards.js';

/** Laboratory and vital-signs observations: the categories a results view shows. */
export const OBSERVATION_CATEGORIES = 'laboratory,vital-signs';

/**
 * DiagnosticReports with their results and performers, and Observations with their performers and
 * panel members: two searches, whatever the number of results.
 */
export function resultsQueries(patient: string): QuerySpec[] {
  const reports = sourceIncludes(patient, ['DiagnosticReport:result', 'DiagnosticReport:performer']);
  return [
    {
      resourceType: 'DiagnosticReport',
      params: {
        ...reports,
        // A report's results may be panels themselves, from a performer not otherwise included.
        '_include:iterate': [
          ...asArray(reports['_include:iterate']).map(String),
          'Observation:has-member',
          'Observation:performer',
        ],
      },
    },
    {
      resourceType: 'Observation',
      params: sourceIncludes(patient, ['Observation:performer', 'Observation:has-member'], {
        category: OBSERVATION_CATEGORIES,
      }),
    },
  ];
}
