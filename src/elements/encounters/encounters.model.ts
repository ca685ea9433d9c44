import type { CodeableConcept, Resource } from '@medplum/fhirtypes';
import type { ModelInput, RecordModel, RecordRow } from '../../model/record-types.js';
import { codeKey, conceptText } from '../../model/coding.js';
import { compareIsoDesc, parseFhirDate } from '../../model/format.js';
import { durationMs, resolveFreshness } from '../../model/freshness.js';
import { securityLabels } from '../../model/security-labels.js';
import { asRecord, asRecords, asString, pick, type JsonRecord, lookupTable } from '../../model/json-guards.js';
import { encounterClass, type EncounterGroup } from '../../model/encounter-class.js';
import { otherReporters } from '../../model/also-recorded.js';
import { conceptTexts, firstConceptText, validDate } from '../../model/datatypes.js';
import { mapMatches, safeSource } from '../../model/record-rows.js';
import { encounterLocations, referenceName, resolveRecord } from '../../model/references.js';
import { lengthOfStay } from './encounters.length-of-stay.js';

export interface EncounterRow extends RecordRow {
  classCode: string | undefined;
  classLabel: string;
  /** Undefined for a missing or unrecognised class: such rows appear only under "All contacts". */
  group: EncounterGroup | undefined;
  /** What kind of contact, e.g. "Emergency department patient visit". */
  type: string | undefined;
  /** SNOMED CT `system|code` of the type, to recognise the same contact sent by two sources. */
  typeCode: string | undefined;
  serviceType: string | undefined;
  reasons: string[];
  start: string | undefined;
  end: string | undefined;
  /** Admissions only, in words, e.g. "6 days" or "3 days so far". */
  lengthOfStay: string | undefined;
  /** Encounter.length for other contacts, in words, e.g. "20 minutes". */
  duration: string | undefined;
  locations: string[];
  /** Encounter.serviceProvider's name, resolved or as displayed. */
  serviceProvider: string | undefined;
  /** How the patient was admitted (UK Core admission method, else admit source). */
  admission: string | undefined;
  /** hospitalization.dischargeDisposition in words. */
  discharge: string | undefined;
  /** False for planned and cancelled encounters: contacts that did not (yet) happen. */
  happened: boolean;
  /** Other sources that sent the same contact (same class, type and day). */
  alsoReportedBy: string[];
}

export const ADMISSION_METHOD_URL = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AdmissionMethod';

const STATUS_LABELS: Record<string, string> = lookupTable({
  planned: 'Planned',
  arrived: 'Arrived',
  triaged: 'Triaged',
  'in-progress': 'In progress',
  onleave: 'On leave',
  finished: 'Finished',
  cancelled: 'Cancelled',
  unknown: 'Status unknown',
});

const NOT_HAPPENED = new Set(['planned', 'cancelled']);

function statusOf(raw: unknown): { status: string; statusLabel: string; happened: boolean } {
  const status = asString(raw);
  if (status === undefined) return { status: 'unknown', statusLabel: 'Status not recorded', happened: true };
  const label = Object.hasOwn(STATUS_LABELS, status) ? STATUS_LABELS[status] : undefined;
  // An unrecognised status stays with the contacts: hiding it could hide a real attendance.
  return { status, statusLabel: label ?? `Status: ${status}`, happened: !NOT_HAPPENED.has(status) };
}

function durationWords(value: unknown): string | undefined {
  const ms = durationMs(value);
  if (ms === undefined) return undefined;
  const total = Math.round(ms / 60_000);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return plural(minutes, 'minute');
  return minutes === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(minutes, 'minute')}`;
}

function admissionOf(hospitalization: JsonRecord | undefined): string | undefined {
  const method = asRecords(hospitalization?.['extension']).find((e) => asString(e['url']) === ADMISSION_METHOD_URL);
  return (
    conceptText(asRecord(method?.['valueCodeableConcept']) as CodeableConcept | undefined) ??
    conceptText(asRecord(hospitalization?.['admitSource']) as CodeableConcept | undefined)
  );
}

function serviceProviderName(encounter: JsonRecord, input: ModelInput): string | undefined {
  const ref = asRecord(encounter['serviceProvider']);
  return ref ? referenceName(ref, resolveRecord(input.index, ref, encounter)) : undefined;
}

function mapOne(encounter: JsonRecord, input: ModelInput, position: number): EncounterRow | undefined {
  if (asString(encounter['resourceType']) !== 'Encounter') return undefined;
  if (encounter['status'] === 'entered-in-error') return undefined;
  const resource = encounter as unknown as Resource;
  const { source, organization } = safeSource(resource, input);
  const id = asString(encounter['id']);
  const status = statusOf(encounter['status']);
  const klass = encounterClass(encounter['class']);
  const start = validDate(pick(encounter, 'period', 'start'));
  const end = validDate(pick(encounter, 'period', 'end'));
  const hospitalization = asRecord(encounter['hospitalization']);
  const admitted = klass.group === 'admission';
  return {
    key: id ? `Encounter/${id}` : `Encounter/#${position}`,
    resourceType: 'Encounter',
    id,
    status: status.status,
    statusLabel: status.statusLabel,
    date: start ?? end,
    source,
    freshness: resolveFreshness(resource, organization, input.now),
    securityLabels: securityLabels(resource),
    classCode: klass.code,
    classLabel: klass.label,
    group: klass.group,
    type: firstConceptText(encounter['type']),
    typeCode: asRecords(encounter['type']).map((t) => codeKey(t as CodeableConcept)).find(Boolean),
    serviceType: conceptText(asRecord(encounter['serviceType']) as CodeableConcept | undefined),
    reasons: conceptTexts(encounter['reasonCode']),
    start,
    end,
    lengthOfStay: admitted && status.happened ? lengthOfStay(start, end, status.status, input.now) : undefined,
    duration: admitted ? undefined : durationWords(encounter['length']),
    locations: encounterLocations(encounter, input.index),
    serviceProvider: serviceProviderName(encounter, input),
    admission: admissionOf(hospitalization),
    discharge: conceptText(asRecord(hospitalization?.['dischargeDisposition']) as CodeableConcept | undefined),
    happened: status.happened,
    alsoReportedBy: [],
  };
}

/** Same class, same type and same day: two sources describing one contact. */
function sameContactKey(row: EncounterRow): string | undefined {
  const precision = parseFhirDate(row.start)?.precision;
  const day = precision === 'day' || precision === 'time' ? row.start?.slice(0, 10) : undefined;
  const type = row.typeCode ?? row.type?.toLowerCase();
  return day && type && row.classCode ? `${row.classCode}|${type}|${day}` : undefined;
}

/** Newest first; same start falls back to the key so the order never depends on arrival order. */
export function compareEncounters(a: EncounterRow, b: EncounterRow): number {
  return compareIsoDesc(a.date, b.date) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Rows for Encounter matches, newest first; entered-in-error encounters are dropped. */
export const mapEncounters: RecordModel<EncounterRow> = (input) => {
  const unique = mapMatches(input, (resource, position) => mapOne(resource, input, position));
  const reporters = otherReporters(unique, sameContactKey);
  return unique
    .map((row) => ({ ...row, alsoReportedBy: reporters.get(row.key) ?? [] }))
    .sort(compareEncounters);
};
