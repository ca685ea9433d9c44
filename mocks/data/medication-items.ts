import type {
  Medication,
  MedicationRequest,
  MedicationStatement,
  Meta,
  Provenance,
  Reference,
} from '@medplum/fhirtypes';
import { dateDaysAgo, hoursAgo } from '../clock.js';
import { medicineConcept, type Medicine } from './medicines.js';
import { metaSourceUri } from './organisations.js';

/** How an item names its source organisation: each route the elements must understand. */
export type SourceLink =
  | { via: 'resource'; reference: string }
  | { via: 'meta.source'; orgId: string }
  | { via: 'provenance'; orgId: string }
  | { via: 'none' };

export type MedicationChoice =
  | { medicine: Medicine }
  /** `medicationReference` to a shared Medication, returned by `_include=…:medication`. */
  | { medicationId: string }
  /** `medicationReference` to `#id` of a contained Medication. */
  | { contained: Medicine };

export interface MedicationItemSpec {
  id: string;
  patientId: string;
  medication: MedicationChoice;
  status: string;
  startDaysAgo: number;
  endDaysAgo?: number;
  source: SourceLink;
  lastUpdatedHoursAgo: number;
  dose?: string;
  statusReason?: string;
  note?: string;
}

export interface BuiltItem<T> {
  item: T;
  /** Present when the source is named only by a Provenance (`_revinclude=Provenance:target`). */
  provenance?: Provenance;
}

const CONTAINED_ID = 'med';

function itemMeta(spec: MedicationItemSpec, now: Date): Meta {
  const meta: Meta = { lastUpdated: hoursAgo(now, spec.lastUpdatedHoursAgo) };
  if (spec.source.via === 'meta.source') meta.source = metaSourceUri(spec.source.orgId);
  return meta;
}

function medicationFields(choice: MedicationChoice): {
  contained?: Medication[];
  medicationReference?: Reference<Medication>;
  medicationCodeableConcept?: MedicationStatement['medicationCodeableConcept'];
} {
  if ('medicine' in choice) return { medicationCodeableConcept: medicineConcept(choice.medicine) };
  if ('medicationId' in choice) return { medicationReference: { reference: `Medication/${choice.medicationId}` } };
  return {
    contained: [{ resourceType: 'Medication', id: CONTAINED_ID, code: medicineConcept(choice.contained) }],
    medicationReference: { reference: `#${CONTAINED_ID}` },
  };
}

function provenanceFor(spec: MedicationItemSpec, resourceType: string, now: Date): Provenance | undefined {
  if (spec.source.via !== 'provenance') return undefined;
  return {
    resourceType: 'Provenance',
    id: `prov-${spec.id}`,
    target: [{ reference: `${resourceType}/${spec.id}` }],
    recorded: hoursAgo(now, spec.lastUpdatedHoursAgo),
    agent: [
      {
        type: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'custodian' },
          ],
        },
        who: { reference: `Organization/${spec.source.orgId}` },
      },
    ],
  };
}

function withProvenance<T>(item: T, provenance: Provenance | undefined): BuiltItem<T> {
  return provenance ? { item, provenance } : { item };
}

function namedMedicine(choice: MedicationChoice): Medicine | undefined {
  if ('medicine' in choice) return choice.medicine;
  return 'contained' in choice ? choice.contained : undefined;
}

export function medicationStatement(spec: MedicationItemSpec, now: Date): BuiltItem<MedicationStatement> {
  const medicine = namedMedicine(spec.medication);
  const item: MedicationStatement = {
    resourceType: 'MedicationStatement',
    id: spec.id,
    meta: itemMeta(spec, now),
    ...medicationFields(spec.medication),
    status: spec.status as MedicationStatement['status'],
    subject: { reference: `Patient/${spec.patientId}` },
    effectivePeriod: {
      start: dateDaysAgo(now, spec.startDaysAgo),
      ...(spec.endDaysAgo !== undefined ? { end: dateDaysAgo(now, spec.endDaysAgo) } : {}),
    },
    dateAsserted: hoursAgo(now, spec.lastUpdatedHoursAgo + 1),
    dosage: [{ text: spec.dose ?? medicine?.dose ?? 'As directed' }],
    ...(spec.source.via === 'resource' ? { informationSource: { reference: spec.source.reference } } : {}),
    ...(spec.statusReason ? { statusReason: [{ text: spec.statusReason }] } : {}),
    ...(spec.note ? { note: [{ text: spec.note }] } : {}),
  };
  return withProvenance(item, provenanceFor(spec, 'MedicationStatement', now));
}

export function medicationRequest(spec: MedicationItemSpec, now: Date): BuiltItem<MedicationRequest> {
  const medicine = namedMedicine(spec.medication);
  const item: MedicationRequest = {
    resourceType: 'MedicationRequest',
    id: spec.id,
    meta: itemMeta(spec, now),
    ...medicationFields(spec.medication),
    status: spec.status as MedicationRequest['status'],
    intent: 'order',
    subject: { reference: `Patient/${spec.patientId}` },
    authoredOn: dateDaysAgo(now, spec.startDaysAgo),
    dosageInstruction: [{ text: spec.dose ?? medicine?.dose ?? 'As directed' }],
    ...(spec.endDaysAgo !== undefined
      ? { dispenseRequest: { validityPeriod: { start: dateDaysAgo(now, spec.startDaysAgo), end: dateDaysAgo(now, spec.endDaysAgo) } } }
      : {}),
    ...(spec.source.via === 'resource' ? { requester: { reference: spec.source.reference } } : {}),
    ...(spec.statusReason ? { statusReason: { text: spec.statusReason } } : {}),
    ...(spec.note ? { note: [{ text: spec.note }] } : {}),
  };
  return withProvenance(item, provenanceFor(spec, 'MedicationRequest', now));
}
