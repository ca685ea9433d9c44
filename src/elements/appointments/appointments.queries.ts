import type { QuerySpec } from '../../core/record-controller.js';
import { sourceIncludes } from '../../core/queries.js';

/**
 * Participants name an appointment's source through a Location, HealthcareService or
 * PractitionerRole, so their organisations are included too (sourceIncludes only iterates
 * PractitionerRole and Provenance by itself).
 */
const PARTICIPANT_ORGANISATIONS = ['Location:organization', 'HealthcareService:organization'];

/**
 * Appointments with their participants and those participants' organisations, and the planned
 * Encounters some HIEs send instead of Appointments.
 */
export function appointmentsQueries(patient: string): QuerySpec[] {
  return [
    { resourceType: 'Appointment', params: sourceIncludes(patient, ['Appointment:actor'], {}, PARTICIPANT_ORGANISATIONS) },
    {
      resourceType: 'Encounter',
      params: sourceIncludes(patient, ['Encounter:service-provider', 'Encounter:location'], { status: 'planned' }),
    },
  ];
}
