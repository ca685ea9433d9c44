import type { Reference, Resource } from '@medplum/fhirtypes';
import { NHS_NUMBER_SYSTEM } from './hie-contract.js';
import { isRecord } from './json.js';
import { isValidNhsNumber, normaliseNhsNumber } from './nhs-number.js';

/**
 * The references by which `resource` says whose record it belongs to: `subject` and `patient`
 * (every clinical type, CareTeam.subject included), `beneficiary`, and Appointment participants
 * whose actor is a Patient. `subject` is returned whatever it points to, so that a Group or
 * Device subject is seen as "not this patient" rather than ignored.
 */
export function patientReferencesOf(resource: Resource): Reference[] {
  if (!isRecord(resource)) return [];
  const fields = resource as unknown as Record<string, unknown>;
  const refs: Reference[] = [];
  for (const field of ['subject', 'patient', 'beneficiary']) {
    const value = fields[field];
    if (isRecord(value)) refs.push(value as Reference);
  }
  if (resource.resourceType === 'Appointment' && Array.isArray(fields['participant'])) {
    for (const participant of fields['participant']) {
      const actor = isRecord(participant) ? participant['actor'] : undefined;
      if (isRecord(actor) && isPatientActor(actor)) refs.push(actor as Reference);
    }
  }
  return refs;
}

/**
 * True only when `resource` names at least one patient and every patient it names is the current
 * one: `patientRef` (`Patient/<id>`), the same reference as an absolute URL on `baseUrl`, or a
 * logical reference by `nhsNumber`. Anything that cannot be checked (`urn:uuid:`, `#contained`,
 * display only, another server) counts as not this patient.
 */
export function referencesPatient(
  resource: Resource,
  patientRef: string,
  baseUrl?: string,
  nhsNumber?: string,
): boolean {
  return patientGuard(patientRef, baseUrl, nhsNumber)(resource);
}

/**
 * `referencesPatient` for one patient, with the patient's reference, the base URL and the NHS number
 * read once: a record of thousands of items is checked item by item.
 */
export function patientGuard(patientRef: string, baseUrl?: string, nhsNumber?: string): (resource: Resource) => boolean {
  const base = baseUrl?.trim().replace(/\/+$/, '') || undefined;
  const expected = relativeReference(patientRef, base);
  if (expected === undefined || !expected.startsWith('Patient/')) return () => false;
  const nhs = nhsNumber === undefined ? undefined : normaliseNhsNumber(nhsNumber);
  // A record's items name the same patient reference thousands of times: read each text once.
  const readReferences = new Map<string, string | undefined>();
  const relative = (reference: string): string | undefined => {
    if (readReferences.has(reference)) return readReferences.get(reference);
    const read = relativeReference(reference, base);
    readReferences.set(reference, read);
    return read;
  };
  return (resource) => {
    if (isRecord(resource) && resource.resourceType === 'Patient') {
      return typeof resource.id === 'string' && `Patient/${resource.id}` === expected;
    }
    const refs = patientReferencesOf(resource);
    return refs.length > 0 && refs.every((ref) => isSamePatient(ref, expected, relative, nhs));
  };
}

/** `relative` reads a reference against the HIE's base; `nhs` normalised (or undefined when the widget has none). */
function isSamePatient(
  ref: Reference,
  expected: string,
  relative: (reference: string) => string | undefined,
  nhs: string | undefined,
): boolean {
  if (ref.type !== undefined && ref.type !== 'Patient') return false;
  const literal = typeof ref.reference === 'string' ? relative(ref.reference) : undefined;
  if (typeof ref.reference === 'string' && literal !== expected) return false;
  const nhsOnRef = nhsNumberOf(ref);
  if (nhsOnRef !== undefined) {
    if (nhs === undefined) return literal !== undefined;
    return isValidNhsNumber(nhsOnRef) && nhs === nhsOnRef;
  }
  return literal !== undefined;
}

/** `Type/id` for a relative or base-absolute reference (version suffix removed), else undefined. */
function relativeReference(reference: string, base: string | undefined): string | undefined {
  let ref = reference.trim();
  if (base && ref.startsWith(`${base}/`)) ref = ref.slice(base.length + 1);
  const match = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/.exec(ref);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

function nhsNumberOf(ref: Reference): string | undefined {
  const { identifier } = ref;
  if (!isRecord(identifier) || identifier.system !== NHS_NUMBER_SYSTEM) return undefined;
  return typeof identifier.value === 'string' ? normaliseNhsNumber(identifier.value) : undefined;
}

function isPatientActor(actor: Record<string, unknown>): boolean {
  if (actor['type'] === 'Patient') return true;
  const reference = actor['reference'];
  if (typeof reference === 'string') return /(^|\/)Patient\/[^/]+(\/_history\/[^/]+)?$/.test(reference);
  return isRecord(actor['identifier']) && actor['identifier']['system'] === NHS_NUMBER_SYSTEM;
}
