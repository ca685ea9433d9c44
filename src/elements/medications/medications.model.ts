import type { CodeableConcept, Resource } from '@medplum/fhirtypes';
import type { ModelInput, RecordModel, RecordRow } from '../../model/record-types.js';
import { codeKey, conceptText } from '../../model/coding.js';
import { resolveFreshness } from '../../model/freshness.js';
import { securityLabels } from '../../model/security-labels.js';
import { validDate } from '../../model/datatypes.js';
import { mapMatches, safeSource } from '../../model/record-rows.js';
import { newestFirst } from '../../model/row-order.js';
import { asNumber, asRecord, asRecords, asString, pick, type JsonRecord, lookupTable } from '../../model/json-guards.js';

export interface MedicationRow extends RecordRow {
  name: string;
  codeKey: string | undefined;
  dosage: string | undefined;
  start: string | undefined;
  end: string | undefined;
  lastIssued: string | undefined;
  current: boolean;
  kind: 'statement' | 'request';
  /** Groups the same medicine across sources: its SNOMED/dm+d code, else its name. */
  medicineKey: string;
}

export interface MedicationGroup {
  key: string;
  name: string;
  rows: MedicationRow[];
}

export const MEDICINE_NOT_RECORDED = 'Medicine not recorded';

export const LAST_ISSUE_DATE_URL =
  'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate';

const STATUS_LABELS: Record<string, { label: string; current: boolean }> = lookupTable({
  active: { label: 'Active', current: true },
  'on-hold': { label: 'On hold', current: true },
  intended: { label: 'Intended', current: true },
  draft: { label: 'Draft', current: true },
  unknown: { label: 'Status unknown', current: true },
  stopped: { label: 'Stopped', current: false },
  completed: { label: 'Completed', current: false },
  cancelled: { label: 'Cancelled', current: false },
  'not-taken': { label: 'Not taken', current: false },
  revoked: { label: 'Revoked', current: false },
});

/** Unknown or missing statuses stay with current medicines: hiding them could hide a live medicine. */
function statusOf(raw: unknown): { status: string; statusLabel: string; current: boolean } {
  const status = asString(raw);
  if (status === undefined) return { status: 'unknown', statusLabel: 'Status not recorded', current: true };
  const known = Object.hasOwn(STATUS_LABELS, status) ? STATUS_LABELS[status] : undefined;
  return known
    ? { status, statusLabel: known.label, current: known.current }
    : { status, statusLabel: `Status: ${status}`, current: true };
}

function medicineConcept(resource: JsonRecord, input: ModelInput): {
  concept: CodeableConcept | undefined;
  display: string | undefined;
} {
  const direct = asRecord(resource['medicationCodeableConcept']);
  if (direct) return { concept: direct as CodeableConcept, display: undefined };
  const reference = asRecord(resource['medicationReference']);
  if (!reference) return { concept: undefined, display: undefined };
  const medication = input.index.resolve<Resource>(reference, resource as unknown as Resource);
  const code = medication?.resourceType === 'Medication' ? asRecord(pick(medication, 'code')) : undefined;
  return { concept: code as CodeableConcept | undefined, display: asString(reference['display']) };
}

const PERIOD_UNITS: Record<string, [string, string]> = lookupTable({
  s: ['second', 'seconds'],
  min: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  wk: ['week', 'weeks'],
  mo: ['month', 'months'],
  a: ['year', 'years'],
});

function frequencyWords(frequency: number): string {
  return frequency === 1 ? 'once' : frequency === 2 ? 'twice' : `${frequency} times`;
}

/** "3 times a day", "once every 2 weeks"; undefined for anything but a plain frequency per period. */
function timingText(timing: unknown): string | undefined {
  const repeat = asRecord(pick(timing, 'repeat'));
  if (!repeat || repeat['frequencyMax'] !== undefined || repeat['periodMax'] !== undefined) return undefined;
  const frequency = asNumber(repeat['frequency']);
  const period = asNumber(repeat['period']);
  const unit = PERIOD_UNITS[asString(repeat['periodUnit']) ?? ''];
  if (frequency === undefined || period === undefined || !unit || frequency <= 0 || period <= 0) return undefined;
  const per = period === 1 ? `a${unit[0] === 'hour' ? 'n' : ''} ${unit[0]}` : `every ${period} ${unit[1]}`;
  return `${frequencyWords(frequency)} ${per}`;
}

function doseText(doseAndRate: unknown): string | undefined {
  const entries = asRecords(doseAndRate);
  if (entries.length !== 1) return undefined;
  const quantity = asRecord(entries[0]?.['doseQuantity']);
  const value = asNumber(quantity?.['value']);
  const unit = asString(quantity?.['unit']) ?? asString(quantity?.['code']);
  if (value === undefined) return undefined;
  return unit ? `${value} ${unit}` : String(value);
}

/** One dosage's words: its text, else a plain dose and frequency; undefined when not simple. */
function dosageText(dosage: JsonRecord): string | undefined {
  const text = asString(dosage['text']);
  if (text) return text;
  const dose = doseText(dosage['doseAndRate']);
  const timing = dosage['timing'] === undefined ? undefined : timingText(dosage['timing']);
  if (dosage['timing'] !== undefined && timing === undefined) return undefined;
  if (dosage['doseAndRate'] !== undefined && dose === undefined) return undefined;
  const parts = [dose, timing].filter((part): part is string => part !== undefined);
  if (parts.length === 0) return undefined;
  if (dosage['asNeededBoolean'] === true) parts.push('when required');
  return parts.join(', ');
}

function dosagesText(value: unknown): string | undefined {
  const dosages = asRecords(value);
  const texts = dosages.map(dosageText);
  // If any part cannot be put in words, showing the rest would misstate the dose.
  if (texts.length === 0 || texts.some((text) => text === undefined)) return undefined;
  return texts.join('; ');
}

function lastIssuedOf(resource: JsonRecord): string | undefined {
  const extension = asRecords(resource['extension']).find((e) => asString(e['url']) === LAST_ISSUE_DATE_URL);
  return validDate(extension?.['valueDateTime']);
}

function mapOne(resource: JsonRecord, input: ModelInput, position: number): MedicationRow | undefined {
  const resourceType = asString(resource['resourceType']);
  if (resourceType !== 'MedicationStatement' && resourceType !== 'MedicationRequest') return undefined;
  if (resource['status'] === 'entered-in-error') return undefined;
  const isStatement = resourceType === 'MedicationStatement';
  const { concept, display } = medicineConcept(resource, input);
  const name = conceptText(concept) ?? display ?? MEDICINE_NOT_RECORDED;
  const key = codeKey(concept);
  const start = isStatement
    ? (validDate(pick(resource, 'effectivePeriod', 'start')) ?? validDate(resource['effectiveDateTime']))
    : validDate(resource['authoredOn']);
  const end = isStatement
    ? validDate(pick(resource, 'effectivePeriod', 'end'))
    : validDate(pick(resource, 'dispenseRequest', 'validityPeriod', 'end'));
  const lastIssued = lastIssuedOf(resource);
  const fhirResource = resource as unknown as Resource;
  const { source, organization } = safeSource(fhirResource, input);
  const id = asString(resource['id']);
  const rowKey = id ? `${resourceType}/${id}` : `${resourceType}/#${position}`;
  return {
    key: rowKey,
    resourceType,
    id,
    ...statusOf(resource['status']),
    date: start ?? lastIssued ?? validDate(pick(resource, 'meta', 'lastUpdated')),
    source,
    freshness: resolveFreshness(fhirResource, organization, input.now),
    securityLabels: securityLabels(fhirResource),
    name,
    codeKey: key,
    dosage: dosagesText(isStatement ? resource['dosage'] : resource['dosageInstruction']),
    start,
    end,
    lastIssued,
    kind: isStatement ? 'statement' : 'request',
    // Unnamed medicines must never be grouped together as if they were one medicine.
    medicineKey: key ?? (name === MEDICINE_NOT_RECORDED ? `row:${rowKey}` : `name:${name.toLowerCase()}`),
  };
}

/** Rows for MedicationStatement and MedicationRequest matches; entered-in-error items are dropped. */
export const mapMedications: RecordModel<MedicationRow> = (input) =>
  mapMatches(input, (resource, position) => mapOne(resource, input, position));

/**
 * The same medicine from every source together. Groups are ordered by their newest row, rows newest
 * first; ties fall back to name then key so the order never depends on arrival order. Rows are
 * sorted once; each group keeps that order, and groups appear in the order of their newest row.
 */
export function groupMedications(rows: readonly MedicationRow[]): MedicationGroup[] {
  const groups = new Map<string, MedicationGroup>();
  for (const row of newestFirst(rows, (r) => r.name)) {
    const group = groups.get(row.medicineKey);
    if (group) group.rows.push(row);
    else groups.set(row.medicineKey, { key: row.medicineKey, name: row.name, rows: [row] });
  }
  return [...groups.values()];
}
