import type { QuerySpec } from '../../core/record-controller.js';
import { sourceIncludes } from '../../core/queries.js';

/**
 * Conditions (problem-list items and encounter diagnoses) with the people who recorded and asserted
 * them: a Condition cannot name an Organization itself, so its source is the recorder's
 * PractitionerRole.organization, and the practitioner's name comes with the role.
 */
export function problemsQueries(patient: string): QuerySpec[] {
  const params = sourceIncludes(patient, ['Condition:recorder', 'Condition:asserter'], {}, ['PractitionerRole:practitioner']);
  return [{ resourceType: 'Condition', params }];
}
