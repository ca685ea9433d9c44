import type { Appointment, AppointmentParticipant, Coding, Extension, Meta, Resource } from '@medplum/fhirtypes';
import { ODS_ORG_CODE_SYSTEM } from '../../../../src/fhir/hie-contract.js';
import { hoursAgo } from '../../../clock.js';
import type { BuiltItem } from '../../medication-items.js';
import { ORG_IDS, metaSourceUri, SOURCE_ORG_SPECS, type SourceOrgKey } from '../../organisations.js';
import { snomed, type Concept } from '../encounters/codes.js';
import { provenanceFor } from '../encounters/encounter-builder.js';

export const BOOKING_ORGANIZATION_URL = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-BookingOrganization';
export const DELIVERY_CHANNEL_URL = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-DeliveryChannel';

const CHANNELS = {
  'In-person': 'In person',
  Telephone: 'Telephone',
  Video: 'Video',
} as const;

const APPOINTMENT_TYPES = {
  ROUTINE: 'Routine appointment - default if not valued',
  FOLLOWUP: 'A follow up visit from a previous appointment',
  CHECKUP: 'A routine check-up, such as an annual physical',
} as const;

/**
 * How an appointment names its source. The mock HIE does not follow `_include`s through
 * `participant.actor` to Locations and HealthcareServices, so those are contained, as the HIE
 * contract allows; the item's `meta.source` names the same system, which makes the HIE include
 * the Organization they point to. `booking` names only the UK Core booking organisation.
 */
export type AppointmentSource =
  | { via: 'location'; org: SourceOrgKey; name: string }
  | { via: 'service'; org: SourceOrgKey; name: string }
  | { via: 'meta.source'; org: SourceOrgKey }
  | { via: 'provenance'; org: SourceOrgKey }
  | { via: 'booking'; org: SourceOrgKey }
  | { via: 'none' };

export interface AppointmentSpec {
  id: string;
  patientId: string;
  status: Appointment['status'];
  start?: string;
  end?: string;
  requested?: { start: string; end: string };
  serviceType?: Concept;
  specialty?: Concept;
  appointmentType?: keyof typeof APPOINTMENT_TYPES;
  description?: string;
  source: AppointmentSource;
  /** A location named only by display (it cannot name a source). */
  locationDisplay?: string;
  practitioner?: { display: string; roleId?: string };
  channel?: keyof typeof CHANNELS;
  cancellationReason?: string;
  /** The booking organisation, when another organisation booked it. */
  bookedBy?: SourceOrgKey;
  reason?: Concept | string;
  lastUpdatedHoursAgo: number;
  security?: Coding[];
}

function orgReference(org: SourceOrgKey) {
  return { reference: `Organization/${ORG_IDS[org]}` };
}

function bookingExtension(org: SourceOrgKey): Extension {
  return {
    url: BOOKING_ORGANIZATION_URL,
    valueReference: {
      ...orgReference(org),
      type: 'Organization',
      display: SOURCE_ORG_SPECS[org].name,
      identifier: { system: ODS_ORG_CODE_SYSTEM, value: SOURCE_ORG_SPECS[org].odsCode },
    },
  };
}

function channelExtension(channel: keyof typeof CHANNELS): Extension {
  return {
    url: DELIVERY_CHANNEL_URL,
    valueCodeableConcept: {
      coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-DeliveryChannel', code: channel, display: CHANNELS[channel] }],
    },
  };
}

function contained(source: AppointmentSource): { resources: Resource[]; actor?: AppointmentParticipant['actor'] } {
  if (source.via === 'location') {
    return {
      resources: [{ resourceType: 'Location', id: 'location', name: source.name, managingOrganization: orgReference(source.org) }],
      actor: { reference: '#location', display: source.name },
    };
  }
  if (source.via === 'service') {
    return {
      resources: [{ resourceType: 'HealthcareService', id: 'service', name: source.name, providedBy: orgReference(source.org) }],
      actor: { reference: '#service', display: source.name },
    };
  }
  return { resources: [] };
}

function meta(spec: AppointmentSpec, now: Date): Meta {
  const { source } = spec;
  const system = source.via === 'location' || source.via === 'service' || source.via === 'meta.source' ? source.org : undefined;
  return {
    lastUpdated: hoursAgo(now, spec.lastUpdatedHoursAgo),
    ...(system ? { source: metaSourceUri(ORG_IDS[system]) } : {}),
    ...(spec.security ? { security: spec.security } : {}),
  };
}

function participants(spec: AppointmentSpec, actor: AppointmentParticipant['actor'] | undefined): AppointmentParticipant[] {
  const list: AppointmentParticipant[] = [
    { actor: { reference: `Patient/${spec.patientId}` }, required: 'required', status: 'accepted' },
  ];
  if (spec.practitioner) {
    list.push({
      type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'ATND' }] }],
      actor: {
        ...(spec.practitioner.roleId ? { reference: `PractitionerRole/${spec.practitioner.roleId}` } : {}),
        display: spec.practitioner.display,
      },
      required: 'required',
      status: 'accepted',
    });
  }
  if (actor) list.push({ actor, required: 'required', status: 'accepted' });
  if (spec.locationDisplay) list.push({ actor: { display: spec.locationDisplay, type: 'Location' }, required: 'required', status: 'accepted' });
  return list;
}

export function appointment(spec: AppointmentSpec, now: Date): BuiltItem<Appointment> {
  const { resources, actor } = contained(spec.source);
  const bookedBy = spec.source.via === 'booking' ? spec.source.org : spec.bookedBy;
  const extension = [...(bookedBy ? [bookingExtension(bookedBy)] : []), ...(spec.channel ? [channelExtension(spec.channel)] : [])];
  const item: Appointment = {
    resourceType: 'Appointment',
    id: spec.id,
    meta: meta(spec, now),
    ...(resources.length > 0 ? { contained: resources } : {}),
    ...(extension.length > 0 ? { extension } : {}),
    status: spec.status,
    ...(spec.cancellationReason ? { cancelationReason: { text: spec.cancellationReason } } : {}),
    ...(spec.serviceType ? { serviceType: [snomed(spec.serviceType)] } : {}),
    ...(spec.specialty ? { specialty: [snomed(spec.specialty)] } : {}),
    ...(spec.appointmentType
      ? {
          appointmentType: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0276', code: spec.appointmentType, display: APPOINTMENT_TYPES[spec.appointmentType] }],
          },
        }
      : {}),
    ...(spec.reason ? { reasonCode: [typeof spec.reason === 'string' ? { text: spec.reason } : snomed(spec.reason)] } : {}),
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.start ? { start: spec.start } : {}),
    ...(spec.end ? { end: spec.end } : {}),
    ...(spec.requested ? { requestedPeriod: [spec.requested] } : {}),
    created: hoursAgo(now, spec.lastUpdatedHoursAgo + 24 * 14).slice(0, 10),
    participant: participants(spec, actor),
  };
  const provenance =
    spec.source.via === 'provenance'
      ? provenanceFor(`Appointment/${spec.id}`, spec.source.org, hoursAgo(now, spec.lastUpdatedHoursAgo))
      : undefined;
  return provenance ? { item, provenance } : { item };
}
