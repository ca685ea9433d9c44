import type { PatientRecord } from '../../record.js';
import { buildCarePractitioners, buildCareRoles } from './people.js';

/**
 * The shared Practitioners and PractitionerRoles that care teams and care plans reference, added
 * once to a record however many of the two contributions ask for them.
 */
export function addCareRelatedOnce(record: PatientRecord): void {
  for (const resource of [...buildCareRoles(), ...buildCarePractitioners()]) {
    const present = record.related.some((r) => r.resourceType === resource.resourceType && r.id === resource.id);
    if (!present) record.related.push(resource);
  }
}
