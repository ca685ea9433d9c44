/**
 * Shapes that Oracle Health (Cerner) Millennium, Epic and NHS England APIs send, written by hand for
 * these tests (no vendor payload is copied). Each is bound to every widget model that reads the field.
 */
import type { Resource } from '@medplum/fhirtypes';

const subject = { reference: 'Patient/p1' };
const DATA_ABSENT = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';

/** Oracle Health's way of saying the true date is only known to be after the value. */
export const afterPrecision = { extension: [{ url: 'https://fhir-ehr.example-vendor.com/r4/StructureDefinition/precision', valueCode: 'after' }] };

export const conditionOnsetAfter: Resource = {
  resourceType: 'Condition',
  id: 'onset-after',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  // A tenant code first, chosen by the user, then SNOMED CT spelt with https.
  code: {
    coding: [
      { system: 'urn:oid:2.16.840.1.113883.6.1000.tenant', code: 'T-4411', display: 'Asthma (tenant)', userSelected: true },
      { system: 'https://snomed.info/sct', code: '195967001', display: 'Asthma' },
    ],
  },
  subject,
  onsetDateTime: '2019-12-15',
  _onsetDateTime: afterPrecision,
} as unknown as Resource;

export const allergyOnsetAfter: Resource = {
  resourceType: 'AllergyIntolerance',
  id: 'onset-after',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
  code: { coding: [{ system: 'https://snomed.info/sct', code: '372687004', display: 'Amoxicillin' }] },
  patient: subject,
  onsetDateTime: '2019-12-15',
  _onsetDateTime: afterPrecision,
} as unknown as Resource;

export const immunisationAfter: Resource = {
  resourceType: 'Immunization',
  id: 'occurrence-after',
  status: 'completed',
  vaccineCode: { coding: [{ system: 'https://snomed.info/sct', code: '871751006', display: 'Hepatitis A vaccine' }] },
  patient: subject,
  occurrenceDateTime: '2019-12-15',
  _occurrenceDateTime: afterPrecision,
} as unknown as Resource;

/** A data-absent-reason code sent inside `coding`, and nothing else: names nothing. */
export const conditionCodeAbsent: Resource = {
  resourceType: 'Condition',
  id: 'code-absent',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  code: { coding: [{ system: DATA_ABSENT, code: 'unknown', display: 'Unknown' }] },
  subject,
  onsetDateTime: '2021-03-04',
} as unknown as Resource;

export const immunisationVaccineAbsent: Resource = {
  resourceType: 'Immunization',
  id: 'vaccine-absent',
  status: 'completed',
  vaccineCode: { coding: [{ system: DATA_ABSENT, code: 'asked-unknown', display: 'Asked But Unknown' }] },
  patient: subject,
  occurrenceDateTime: '2024-10-01',
} as unknown as Resource;

/** Open-ended periods written as a far-future end (Oracle Health: 2100-12-31). */
export const FAR_FUTURE_END = '2100-12-31T23:59:59Z';

export const medicationOpenEnded: Resource = {
  resourceType: 'MedicationStatement',
  id: 'open-ended',
  status: 'active',
  medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '39732411000001106', display: 'Ramipril 2.5mg capsules' }] },
  subject,
  effectivePeriod: { start: '2024-02-01', end: FAR_FUTURE_END },
} as unknown as Resource;

export const carePlanOpenEnded: Resource = {
  resourceType: 'CarePlan',
  id: 'open-ended',
  status: 'active',
  intent: 'plan',
  title: 'Heart failure plan',
  subject,
  period: { start: '2025-06-01', end: '9999-12-31' },
} as unknown as Resource;

export const careTeamOpenEnded: Resource = {
  resourceType: 'CareTeam',
  id: 'open-ended',
  status: 'active',
  name: 'Heart failure team',
  subject,
  period: { start: '2025-06-01', end: FAR_FUTURE_END },
  participant: [{ member: { display: 'Dr A Rahman' }, period: { start: '2025-06-01', end: FAR_FUTURE_END } }],
} as unknown as Resource;

/** An encounter left `in-progress` for years: its status was never closed at source. */
export const staleInProgressEncounter: Resource = {
  resourceType: 'Encounter',
  id: 'stale-in-progress',
  status: 'in-progress',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP', display: 'inpatient encounter' },
  type: [{ text: 'Emergency admission' }],
  subject,
  period: { start: '2021-03-02T10:00:00Z', end: FAR_FUTURE_END },
} as unknown as Resource;

export const currentInProgressEncounter: Resource = {
  ...(staleInProgressEncounter as object),
  id: 'current-in-progress',
  period: { start: '2026-11-25T10:00:00Z' },
} as unknown as Resource;

const DOSE_RATE_TYPE = 'http://terminology.hl7.org/CodeSystem/dose-rate-type';
const doseOf = (type: string, value: number) => ({
  type: { coding: [{ system: DOSE_RATE_TYPE, code: type }] },
  doseQuantity: { value, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' },
});

/** Several typed doses that disagree (Oracle Health sends calculated, admin-amount and ordered). */
export const medicationDosesDisagree: Resource = {
  resourceType: 'MedicationRequest',
  id: 'doses-disagree',
  status: 'active',
  intent: 'order',
  medicationCodeableConcept: { text: 'Enoxaparin injection' },
  subject,
  authoredOn: '2026-11-20',
  dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [doseOf('calculated', 42.5), doseOf('admin-amount', 40), doseOf('ordered', 40)] }],
} as unknown as Resource;

/** Dosage text with line breaks, as the prescriber wrote it; and a frequency sent only as timing.code. */
export const medicationTextWithBreaks: Resource = {
  resourceType: 'MedicationStatement',
  id: 'text-breaks',
  status: 'active',
  medicationCodeableConcept: { text: 'Prednisolone 5mg tablets' },
  subject,
  dosage: [{ text: 'Take 6 tablets each morning for 5 days\nthen 4 tablets for 5 days\nthen stop' }],
} as unknown as Resource;

export const medicationTimingCodeOnly: Resource = {
  resourceType: 'MedicationStatement',
  id: 'timing-code',
  status: 'active',
  medicationCodeableConcept: { text: 'Amoxicillin 500mg capsules' },
  subject,
  dosage: [{
    timing: { code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation', code: 'TID' }] } },
    doseAndRate: [{ doseQuantity: { value: 500, unit: 'mg' } }],
  }],
} as unknown as Resource;

/** Medication only as a `#contained` reference (Epic), and as a reference the HIE did not include (its display only). */
export const medicationContained: Resource = {
  resourceType: 'MedicationRequest',
  id: 'contained-medication',
  status: 'active',
  intent: 'order',
  contained: [{ resourceType: 'Medication', id: 'med1', code: { coding: [{ system: 'https://dmd.nhs.uk', code: '42109611000001109', display: 'Atorvastatin 20mg tablets' }] } }],
  medicationReference: { reference: '#med1' },
  subject,
  authoredOn: '2026-10-01',
} as unknown as Resource;

export const medicationReferenceNotIncluded: Resource = {
  resourceType: 'MedicationRequest',
  id: 'unresolved-medication',
  status: 'active',
  intent: 'order',
  medicationReference: { reference: 'Medication/not-sent', display: 'Metformin 500mg tablets' },
  subject,
  authoredOn: '2026-10-01',
} as unknown as Resource;

const suppressed = (mode: 'outcome' | 'include', text: string) => ({
  search: { mode },
  resource: {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'warning', code: 'suppressed', diagnostics: text }],
  },
});

/** A searchset with OperationOutcomes sent as `outcome` and as `include` (per-provider failures), and `total` left out. */
export function searchsetWithOutcomes(match: Resource): unknown {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: [
      { search: { mode: 'match' }, resource: match },
      suppressed('outcome', 'Some items were suppressed by the source'),
      suppressed('include', 'Provider Northgate Pathology did not respond'),
    ],
  };
}
