import type { Resource } from '@medplum/fhirtypes';
import type { ModelInput, RecordModel, RecordRow } from '../../model/record-types.js';
import { codeKey, normaliseSystem, SNOMED_SYSTEM } from '../../model/coding.js';
import { resolveFreshness } from '../../model/freshness.js';
import { securityLabels } from '../../model/security-labels.js';
import { asRecord, asRecords, asString, type JsonRecord, lookupTable } from '../../model/json-guards.js';
import { clinicalTime, clinicalTimeDate, type ClinicalTime } from '../../model/clinical-time.js';
import { clinicalOf, isNotShown, verificationOf, type StatusVocabulary } from '../../model/clinical-status.js';
import { conceptTextOf, validDate } from '../../model/datatypes.js';
import { recorderAndAsserter } from '../../model/person-text.js';
import { conceptKeyOf, mapMatches, notesOf, rowKey, safeSource } from '../../model/record-rows.js';
import { newestFirst } from '../../model/row-order.js';

export interface ProblemRow extends RecordRow {
  name: string;
  /** The same problem across sources: SNOMED CT code, else its name. */
  conceptKey: string;
  /** Shown in the default view: active, recurrence, relapse, remission, or a status not recorded. */
  current: boolean;
  verification: string | undefined;
  verificationLabel: string | undefined;
  /** Unconfirmed, provisional, differential or an unrecognised verification: shown marked. */
  uncertain: boolean;
  /** e.g. "Problem list item", "Encounter diagnosis". */
  categories: string[];
  onset: ClinicalTime | undefined;
  abatement: ClinicalTime | undefined;
  severity: string | undefined;
  recordedBy: string | undefined;
  /** Who stated it, when not the person who recorded it (e.g. "the patient"). */
  assertedBy: string | undefined;
  recordedDate: string | undefined;
  notes: string[];
}

export const PROBLEM_NOT_RECORDED = 'Problem not recorded';

const CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-category';

const CLINICAL: Record<string, { label: string; current: boolean }> = lookupTable({
  active: { label: 'Active', current: true },
  recurrence: { label: 'Recurrence', current: true },
  relapse: { label: 'Relapse', current: true },
  // In remission is still part of the current picture (e.g. cancer, depression): never hidden by default.
  remission: { label: 'In remission', current: true },
  inactive: { label: 'Inactive', current: false },
  resolved: { label: 'Resolved', current: false },
});

const VERIFICATION: Record<string, { label: string; uncertain: boolean }> = lookupTable({
  confirmed: { label: 'Confirmed', uncertain: false },
  unconfirmed: { label: 'Unconfirmed', uncertain: true },
  provisional: { label: 'Provisional', uncertain: true },
  differential: { label: 'Differential diagnosis', uncertain: true },
});

const WORDS: StatusVocabulary = {
  clinicalSystem: CLINICAL_SYSTEM,
  verificationSystem: VERIFICATION_SYSTEM,
  clinical: CLINICAL,
  verification: VERIFICATION,
};

/** Never shown: a problem ruled out, or recorded by mistake. */

const CATEGORY_LABELS: Record<string, string> = lookupTable({
  'problem-list-item': 'Problem list item',
  'encounter-diagnosis': 'Encounter diagnosis',
  'health-concern': 'Health concern',
});

const SNOMED_CATEGORY_LABELS: Record<string, string> = lookupTable({
  '55607006': 'Problem',
  '439401001': 'Diagnosis',
});

function categoryLabel(category: JsonRecord): string | undefined {
  const codings = asRecords(category['coding']);
  for (const coding of codings) {
    const label = CATEGORY_LABELS[asString(coding['code']) ?? ''];
    if (label && asString(coding['system']) === CATEGORY_SYSTEM) return label;
  }
  for (const coding of codings) {
    const label = SNOMED_CATEGORY_LABELS[asString(coding['code']) ?? ''];
    if (label && normaliseSystem(coding['system']) === SNOMED_SYSTEM) return label;
  }
  return conceptTextOf(category);
}

function categoriesOf(value: unknown): string[] {
  const labels = asRecords(value).flatMap((c) => categoryLabel(c) ?? []);
  return [...new Set(labels)];
}

function mapOne(resource: JsonRecord, input: ModelInput, position: number): ProblemRow | undefined {
  if (asString(resource['resourceType']) !== 'Condition' || isNotShown(resource, WORDS)) return undefined;
  const fhir = resource as unknown as Resource;
  const id = asString(resource['id']);
  const key = rowKey('Condition', id, position);
  const name = conceptTextOf(resource['code']) ?? PROBLEM_NOT_RECORDED;
  const onset = clinicalTime(resource, 'onset');
  const recordedDate = validDate(resource['recordedDate']);
  const { source, organization } = safeSource(fhir, input);
  return {
    key,
    resourceType: 'Condition',
    id,
    ...clinicalOf(resource['clinicalStatus'], WORDS),
    ...verificationOf(resource['verificationStatus'], WORDS),
    date: clinicalTimeDate(onset) ?? recordedDate,
    source,
    freshness: resolveFreshness(fhir, organization, input.now),
    securityLabels: securityLabels(fhir),
    name,
    conceptKey: conceptKeyOf(codeKey(asRecord(resource['code'])), name, PROBLEM_NOT_RECORDED, key),
    categories: categoriesOf(resource['category']),
    onset,
    abatement: clinicalTime(resource, 'abatement'),
    severity: conceptTextOf(resource['severity']),
    ...recorderAndAsserter(resource, input.index, resource['subject']),
    recordedDate,
    notes: notesOf(resource['note']),
  };
}

/** Newest onset first; ties and undated problems by name, then key, so arrival order never matters. */
/** Rows for Condition matches; refuted and entered-in-error conditions are never shown. */
export const mapProblems: RecordModel<ProblemRow> = (input) =>
  newestFirst(
    mapMatches(input, (resource, position) => mapOne(resource, input, position)),
    (row) => row.name,
  );

