import type { QuerySpec } from '../../core/record-controller.js';
import { sourceIncludes } from '../../core/queries.js';

/**
 * Participants name an appointment's source through a Location, HealthcareService or
 * PractitionerRole, so their organisations are included too (sourceIncludes only iterates
 * PractitionerRole and Provenance).
 */
const PARTICIPANT_ORGANISATIONS = ['Location:organization', 'HealthcareService:organization'];

/**
 * Appointments with their participants and those participants' organisations, and the planned
 * Encounters some HIEs send instead of Appointments.
 */
export function appointmentsQueries(patient: string): QuerySpec[] {
  const appointments = sourceIncludes(patient, ['Appointment:actor']);
  appointments['_include:iterate'] = [...[appointments['_include:iterate'] ?? []].flat(), ...PARTICIPANT_ORGANISATIONS];
  return [
    { resourceType: 'Appointment', params: appointments },
    {
      resourceType: 'Encounter',
      params: sourceIncludes(patient, ['Encounter:service-provider', 'Encounter:location'], { status: 'planned' }),
    },
  ];
}
