import type { QuerySpec } from '../../core/record-controller.js';
import { sourceIncludes } from '../../core/queries.js';

/**
 * AllergyIntolerances with the people who recorded and asserted them: the source organisation is
 * the recorder's PractitionerRole.organization (an allergy cannot name an Organization itself).
 */
export function allergiesQueries(patient: string): QuerySpec[] {
  const params = sourceIncludes(patient, ['AllergyIntolerance:recorder', 'AllergyIntolerance:asserter'], {}, ['PractitionerRole:practitioner']);
  return [{ resourceType: 'AllergyIntolerance', params }];
}
