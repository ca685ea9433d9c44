import type { Organization, Resource } from '@medplum/fhirtypes';
import type { ModelInput, SourceInfo } from '../../model/record-types.js';
import { asRecord, asRecords, asString, type JsonRecord } from '../../model/json-guards.js';
import { safeSource } from '../../model/record-rows.js';

export const BOOKING_ORGANIZATION_URL =
  'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-BookingOrganization';

export interface ResolvedSource {
  source: SourceInfo;
  organization: Organization | undefined;
}

/**
 * The UK Core booking organisation as a source, resolved exactly as an own source field would be
 * (type, ODS code, feed). model/source.ts reads no extensions, so the reference is put in a
 * field it does read (Encounter.serviceProvider, which may name an Organization) of a stand-in
 * that carries the appointment's contained resources.
 */
export function bookingOrganisation(appointment: JsonRecord, input: ModelInput): ResolvedSource | undefined {
  const extension = asRecords(appointment['extension']).find((e) => asString(e['url']) === BOOKING_ORGANIZATION_URL);
  const ref = asRecord(extension?.['valueReference']);
  if (!ref) return undefined;
  const standIn = { resourceType: 'Encounter', contained: appointment['contained'], serviceProvider: ref };
  const found = safeSource(standIn as unknown as Resource, input);
  return found.source.name ? found : undefined;
}

/** Only a bare `meta.source` URI (a host name, no organisation) or nothing named the source. */
function weakOrMissing(source: SourceInfo): boolean {
  return source.via === 'none' || (source.via === 'meta.source' && source.key.startsWith('meta.source:'));
}

/**
 * Who an appointment came from: its participants (Location, HealthcareService, PractitionerRole),
 * `meta.source` and Provenance as for every item; the booking organisation when those name no
 * organisation, since an appointment a GP booked at a hospital usually came from the hospital.
 */
export function appointmentSource(appointment: JsonRecord, input: ModelInput): ResolvedSource & { bookedBy: string | undefined } {
  const found = safeSource(appointment as unknown as Resource, input);
  const booking = bookingOrganisation(appointment, input);
  if (booking && weakOrMissing(found.source)) return { ...booking, bookedBy: undefined };
  const bookedBy = booking && booking.source.key !== found.source.key ? booking.source.name : undefined;
  return { ...found, bookedBy };
}
