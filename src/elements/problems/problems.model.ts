import type { Resource } from '@medplum/fhirtypes';
import type { ModelInput, RecordModel, RecordRow } from '../../core/record-types.js';
import { codeKey, normaliseSystem, SNOMED_SYSTEM } from '../../core/coding.js';
import { compareIsoDesc } from '../../core/format.js';
import { resolveFreshness } from '../../core/freshness.js';
import { securityLabels } from '../../core/security.js';
import { asRecord, asRecords, asString, type JsonRecord, lookupTable } from '../../core/safe.js';
import { clinicalTime, clinicalTimeDate, validDate, type ClinicalTime } from './clinical-time.js';
import { personText } from './people.js';
import {
  compareText,
  concept,
  conceptKeyOf,
  mapMatches,
  notesOf,
  rowKey,
  safeSource,
  statusCode,
} from './record-support.js';

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

/** Never shown: a problem ruled out, or recorded by mistake. */
const NOT_SHOWN = new Set(['refuted', 'entered-in-error']);

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
  return concept(category);
}

function categoriesOf(value: unknown): string[] {
  const labels = asRecords(value).flatMap((c) => categoryLabel(c) ?? []);
  return [...new Set(labels)];
}

/** A missing or unrecognised clinical status stays in the default view: hiding it could hide a live problem. */
function clinicalOf(value: unknown): Pick<ProblemRow, 'status' | 'statusLabel' | 'current'> {
  const { code, text } = statusCode(value, CLINICAL_SYSTEM);
  if (code === undefined) {
    return text
      ? { status: 'unknown', statusLabel: `Clinical status: ${text}`, current: true }
      : { status: 'unknown', statusLabel: 'Clinical status not recorded', current: true };
  }
  const known = CLINICAL[code];
  return known
    ? { status: code, statusLabel: known.label, current: known.current }
    : { status: code, statusLabel: `Clinical status: ${code}`, current: true };
}

function verificationOf(value: unknown): Pick<ProblemRow, 'verification' | 'verificationLabel' | 'uncertain'> {
  const { code, text } = statusCode(value, VERIFICATION_SYSTEM);
  if (code === undefined) {
    return text
      ? { verification: undefined, verificationLabel: `Verification: ${text}`, uncertain: true }
      : { verification: undefined, verificationLabel: undefined, uncertain: false };
  }
  const known = VERIFICATION[code];
  return known
    ? { verification: code, verificationLabel: known.label, uncertain: known.uncertain }
    : { verification: code, verificationLabel: `Verification: ${code}`, uncertain: true };
}

function isNotShown(resource: JsonRecord): boolean {
  const verification = statusCode(resource['verificationStatus'], VERIFICATION_SYSTEM).code;
  const clinical = statusCode(resource['clinicalStatus'], CLINICAL_SYSTEM).code;
  return NOT_SHOWN.has(verification ?? '') || clinical === 'entered-in-error';
}

function mapOne(resource: JsonRecord, input: ModelInput, position: number): ProblemRow | undefined {
  if (asString(resource['resourceType']) !== 'Condition' || isNotShown(resource)) return undefined;
  const fhir = resource as unknown as Resource;
  const id = asString(resource['id']);
  const key = rowKey('Condition', id, position);
  const name = concept(resource['code']) ?? PROBLEM_NOT_RECORDED;
  const onset = clinicalTime(resource, 'onset');
  const recordedDate = validDate(resource['recordedDate']);
  const subject = resource['subject'];
  const recordedBy = personText(resource['recorder'], fhir, input.index, subject);
  const asserter = personText(resource['asserter'], fhir, input.index, subject);
  const { source, organization } = safeSource(fhir, input);
  return {
    key,
    resourceType: 'Condition',
    id,
    ...clinicalOf(resource['clinicalStatus']),
    ...verificationOf(resource['verificationStatus']),
    date: clinicalTimeDate(onset) ?? recordedDate,
    source,
    freshness: resolveFreshness(fhir, organization, input.now),
    securityLabels: securityLabels(fhir),
    name,
    conceptKey: conceptKeyOf(codeKey(asRecord(resource['code'])), name, PROBLEM_NOT_RECORDED, key),
    categories: categoriesOf(resource['category']),
    onset,
    abatement: clinicalTime(resource, 'abatement'),
    severity: concept(resource['severity']),
    recordedBy,
    assertedBy: asserter !== recordedBy ? asserter : undefined,
    recordedDate,
    notes: notesOf(resource['note']),
  };
}

/** Newest onset first; ties and undated problems by name, then key, so arrival order never matters. */
function compareRows(a: ProblemRow, b: ProblemRow): number {
  return compareIsoDesc(a.date, b.date) || compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.key, b.key);
}

/** Rows for Condition matches; refuted and entered-in-error conditions are never shown. */
export const mapProblems: RecordModel<ProblemRow> = (input) =>
  mapMatches(input, (resource, position) => mapOne(resource, input, position)).sort(compareRows);

