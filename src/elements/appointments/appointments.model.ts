import type { CodeableConcept, Resource } from '@medplum/fhirtypes';
import type { ModelInput, RecordModel, RecordRow } from '../../model/record-types.js';
import { codeKey, conceptText } from '../../model/coding.js';
import { parseFhirDate } from '../../model/format.js';
import { resolveFreshness } from '../../model/freshness.js';
import { securityLabels } from '../../model/security-labels.js';
import { asRecord, asRecords, asString, pick, type JsonRecord } from '../../model/json-guards.js';
import { encounterClass } from '../../model/encounter-class.js';
import { otherReporters } from '../../model/also-recorded.js';
import { conceptTexts, firstConceptText, validDate } from '../../model/datatypes.js';
import { mapMatches, safeSource } from '../../model/record-rows.js';
import { encounterLocations } from '../../model/references.js';
import { appointmentParticipants, encounterPeople } from './appointments.participants.js';
import { appointmentStatus, isUpcoming, outcomeMissing } from './appointments.status.js';
import { appointmentSource } from './appointments.booking.js';

export interface AppointmentRow extends RecordRow {
  /** An Appointment, or a planned Encounter the HIE sends in its place. */
  kind: 'appointment' | 'booked-encounter';
  /** The clinic or service, e.g. "Cardiology"; undefined when nothing names it. */
  service: string | undefined;
  appointmentType: string | undefined;
  description: string | undefined;
  reasons: string[];
  start: string | undefined;
  end: string | undefined;
  /** When no date is set: the period the appointment was requested for. */
  requestedStart: string | undefined;
  requestedEnd: string | undefined;
  locations: string[];
  people: string[];
  /** UK Core delivery channel, e.g. "Telephone". */
  channel: string | undefined;
  /** The booking organisation, when it is not the source shown. */
  bookedBy: string | undefined;
  cancellationReason: string | undefined;
  upcoming: boolean;
  /** Past and still "booked" or "planned": the source has not said what happened. */
  outcomeMissing: boolean;
  /** Other sources that sent the same appointment (same start and service). */
  alsoReportedBy: string[];
  /** Groups one appointment across sources: its service code or name. */
  serviceKey: string | undefined;
}

export const DELIVERY_CHANNEL_URL = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-DeliveryChannel';

function extensionConcept(resource: JsonRecord, url: string): string | undefined {
  const extension = asRecords(resource['extension']).find((e) => asString(e['url']) === url);
  return conceptText(asRecord(extension?.['valueCodeableConcept']) as CodeableConcept | undefined);
}

function firstCodeKey(...values: unknown[]): string | undefined {
  for (const value of values) {
    for (const concept of asRecords(value)) {
      const key = codeKey(concept as CodeableConcept);
      if (key) return key;
    }
  }
  return undefined;
}

function common(resource: JsonRecord, position: number): Pick<AppointmentRow, 'key' | 'id' | 'securityLabels'> {
  const type = asString(resource['resourceType']) ?? 'Appointment';
  const id = asString(resource['id']);
  return { key: id ? `${type}/${id}` : `${type}/#${position}`, id, securityLabels: securityLabels(resource as unknown as Resource) };
}

function fromAppointment(appointment: JsonRecord, input: ModelInput, position: number): AppointmentRow {
  const { source, organization, bookedBy } = appointmentSource(appointment, input);
  const { status, statusLabel } = appointmentStatus(appointment['status']);
  const start = validDate(appointment['start']);
  const end = validDate(appointment['end']);
  const requested = asRecords(appointment['requestedPeriod'])[0];
  const requestedStart = validDate(requested?.['start']);
  const requestedEnd = validDate(requested?.['end']);
  const participants = appointmentParticipants(appointment, input.index);
  // An undated request whose requested period is over is no longer upcoming.
  const upcoming = isUpcoming(status, start, end ?? (start ? undefined : requestedEnd), input.now);
  const service =
    firstConceptText(appointment['serviceType']) ??
    firstConceptText(appointment['specialty']) ??
    participants.services[0] ??
    firstConceptText(appointment['serviceCategory']);
  return {
    ...common(appointment, position),
    resourceType: 'Appointment',
    status,
    statusLabel,
    date: start ?? requestedStart ?? end,
    source,
    freshness: resolveFreshness(appointment as unknown as Resource, organization, input.now),
    kind: 'appointment',
    service,
    appointmentType: conceptText(asRecord(appointment['appointmentType']) as CodeableConcept | undefined),
    description: asString(appointment['description']),
    reasons: [
      ...conceptTexts(appointment['reasonCode']),
      ...asRecords(appointment['reasonReference']).flatMap((r) => asString(r['display']) ?? []),
    ],
    start,
    end,
    requestedStart,
    requestedEnd,
    locations: participants.locations,
    people: participants.people,
    channel: extensionConcept(appointment, DELIVERY_CHANNEL_URL),
    bookedBy,
    cancellationReason: conceptText(asRecord(appointment['cancelationReason']) as CodeableConcept | undefined),
    upcoming,
    outcomeMissing: outcomeMissing(status, upcoming, start),
    alsoReportedBy: [],
    serviceKey:
      firstCodeKey(appointment['serviceType'], appointment['specialty']) ?? service?.toLowerCase(),
  };
}

function fromPlannedEncounter(encounter: JsonRecord, input: ModelInput, position: number): AppointmentRow {
  const { source, organization } = safeSource(encounter as unknown as Resource, input);
  const start = validDate(pick(encounter, 'period', 'start'));
  const end = validDate(pick(encounter, 'period', 'end'));
  const upcoming = isUpcoming('planned', start, end, input.now);
  // The type says what will happen ("Cardioversion"); the service type only which service ("Cardiology").
  const type = firstConceptText(encounter['type']);
  const serviceType = conceptText(asRecord(encounter['serviceType']) as CodeableConcept | undefined);
  const service = type ?? serviceType ?? encounterClass(encounter['class']).label;
  return {
    ...common(encounter, position),
    resourceType: 'Encounter',
    status: 'planned',
    statusLabel: 'Planned',
    date: start ?? end,
    source,
    freshness: resolveFreshness(encounter as unknown as Resource, organization, input.now),
    kind: 'booked-encounter',
    service,
    appointmentType: undefined,
    description: type ? serviceType : undefined,
    reasons: conceptTexts(encounter['reasonCode']),
    start,
    end,
    requestedStart: undefined,
    requestedEnd: undefined,
    locations: encounterLocations(encounter, input.index),
    people: encounterPeople(encounter, input.index),
    channel: undefined,
    bookedBy: undefined,
    cancellationReason: undefined,
    upcoming,
    outcomeMissing: outcomeMissing('planned', upcoming, start),
    alsoReportedBy: [],
    serviceKey: firstCodeKey(encounter['serviceType'], encounter['type']) ?? service.toLowerCase(),
  };
}

function mapOne(resource: JsonRecord, input: ModelInput, position: number): AppointmentRow | undefined {
  const type = asString(resource['resourceType']);
  // Only planned Encounters are appointments; the rest belong to <care-record-encounters>.
  if (type === 'Encounter') return resource['status'] === 'planned' ? fromPlannedEncounter(resource, input, position) : undefined;
  if (type !== 'Appointment' || resource['status'] === 'entered-in-error') return undefined;
  return fromAppointment(resource, input, position);
}

function instant(iso: string | undefined): number | undefined {
  return parseFhirDate(iso)?.date.getTime();
}

function compareKeys(a: AppointmentRow, b: AppointmentRow): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Upcoming first, soonest first, those without a start (waiting list, proposals) after the dated
 * ones; then past ones, most recent first.
 */
export function compareAppointments(a: AppointmentRow, b: AppointmentRow): number {
  if (a.upcoming !== b.upcoming) return a.upcoming ? -1 : 1;
  if (a.upcoming) {
    const byStart = compareInstants(instant(a.start), instant(b.start), 1);
    return byStart || compareInstants(instant(a.date), instant(b.date), 1) || compareKeys(a, b);
  }
  return compareInstants(instant(a.date), instant(b.date), -1) || compareKeys(a, b);
}

/** Ascending (1) or descending (-1); a missing instant always goes last. */
function compareInstants(a: number | undefined, b: number | undefined, direction: 1 | -1): number {
  if (a === undefined || b === undefined) return a !== undefined ? -1 : b !== undefined ? 1 : 0;
  return (a - b) * direction;
}

/** Same start instant and same service: two sources describing one appointment. */
function sameAppointmentKey(row: AppointmentRow): string | undefined {
  const start = parseFhirDate(row.start);
  return start?.precision === 'time' && row.serviceKey ? `${start.date.getTime()}|${row.serviceKey}` : undefined;
}

/**
 * Rows for Appointments and planned Encounters, upcoming soonest first then past most recent
 * first. Entered-in-error appointments are dropped; cancelled ones are kept and marked.
 */
export const mapAppointments: RecordModel<AppointmentRow> = (input) => {
  const unique = mapMatches(input, (resource, position) => mapOne(resource, input, position));
  const reporters = otherReporters(unique, sameAppointmentKey);
  return unique
    .map((row) => ({ ...row, alsoReportedBy: reporters.get(row.key) ?? [] }))
    .sort(compareAppointments);
};
