import type { QuerySpec } from '../../core/record-controller.js';
import { sourceIncludes } from '../../core/queries.js';

/**
 * Immunizations with their performers (the organisation that gave the vaccine, or the practitioner
 * and their role's organisation) and the location, so where it was given is named.
 */
export function immunisationsQueries(patient: string): QuerySpec[] {
  const params = sourceIncludes(patient, ['Immunization:performer', 'Immunization:location'], {}, ['PractitionerRole:practitioner']);
  return [{ resourceType: 'Immunization', params }];
}
