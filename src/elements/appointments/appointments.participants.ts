import type { ReferenceResolver } from '../../model/record-types.js';
import { asRecord, asRecords, asString, type JsonRecord } from '../../model/json-guards.js';
import { firstConceptText, referencedType } from '../../model/datatypes.js';
import { referenceName, resolveRecord } from '../../model/references.js';

export interface Participants {
  /** Where: Location actors. */
  locations: string[];
  /** HealthcareService actors, e.g. "Echocardiography service". */
  services: string[];
  /** Who: practitioners (with their role when known) and other named actors; never the patient. */
  people: string[];
}

function humanName(value: unknown): string | undefined {
  const name = asRecords(value)[0];
  if (!name) return undefined;
  const text = asString(name['text']);
  if (text) return text;
  const parts = [...strings(name['prefix']), ...strings(name['given']), asString(name['family'])].filter(
    (part): part is string => part !== undefined,
  );
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function strings(value: unknown): (string | undefined)[] {
  return Array.isArray(value) ? value.map(asString) : [asString(value)];
}

function personName(ref: JsonRecord, resolved: JsonRecord | undefined, type: string | undefined): string | undefined {
  if (type === 'PractitionerRole' && resolved) {
    const who = asString(asRecord(resolved['practitioner'])?.['display']) ?? asString(ref['display']);
    const role = firstConceptText(resolved['code']);
    if (who && role) return `${who} (${role})`;
    return who ?? role;
  }
  if (type === 'Practitioner' && resolved) return humanName(resolved['name']) ?? asString(ref['display']);
  return asString(ref['display']);
}

function pushOnce(list: string[], value: string | undefined): void {
  if (value && !list.includes(value)) list.push(value);
}

/** Appointment.participant actors sorted into where, which service and who, by the type they point to. */
export function appointmentParticipants(appointment: JsonRecord, index: ReferenceResolver): Participants {
  const found: Participants = { locations: [], services: [], people: [] };
  for (const participant of asRecords(appointment['participant'])) {
    const ref = asRecord(participant['actor']);
    if (!ref) continue;
    const resolved = resolveRecord(index, ref, appointment);
    const type = referencedType(ref, resolved);
    if (type === 'Patient') continue;
    if (type === 'Location') pushOnce(found.locations, referenceName(ref, resolved));
    else if (type === 'HealthcareService') pushOnce(found.services, referenceName(ref, resolved));
    else pushOnce(found.people, personName(ref, resolved, type));
  }
  return found;
}

/** Encounter.participant individuals of a planned encounter, by name. */
export function encounterPeople(encounter: JsonRecord, index: ReferenceResolver): string[] {
  const people: string[] = [];
  for (const participant of asRecords(encounter['participant'])) {
    const ref = asRecord(participant['individual']);
    if (!ref) continue;
    const resolved = resolveRecord(index, ref, encounter);
    pushOnce(people, personName(ref, resolved, referencedType(ref, resolved)));
  }
  return people;
}
