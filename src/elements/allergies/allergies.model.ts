import type { Resource } from '@medplum/fhirtypes';
import type { ModelInput, RecordModel, RecordRow } from '../../model/record-types.js';
import { codeKey } from '../../model/coding.js';
import { compareIsoDesc } from '../../model/format.js';
import { resolveFreshness } from '../../model/freshness.js';
import { securityLabels } from '../../model/security-labels.js';
import { asArray, asRecord, asRecords, asString, type JsonRecord, lookupTable } from '../../model/json-guards.js';
import { clinicalTime, clinicalTimeDate, type ClinicalTime } from '../../model/clinical-time.js';
import { clinicalOf, isNotShown, verificationOf, type StatusVocabulary } from '../../model/clinical-status.js';
import { conceptTextOf, validDate } from '../../model/datatypes.js';
import { recorderAndAsserter } from '../../model/person-text.js';
import { compareText, conceptKeyOf, mapMatches, notesOf, rowKey, safeSource } from '../../model/record-rows.js';
import { noKnownAllergy, withinScope, type NoKnownScope } from './allergies.no-known.js';

export interface AllergyReaction {
  /** e.g. "Anaphylaxis"; empty when none was sent. */
  manifestations: string[];
  severity: 'mild' | 'moderate' | 'severe' | undefined;
  description: string | undefined;
  onset: string | undefined;
  /** The specific substance of this reaction, when it differs from the item's. */
  substance: string | undefined;
}

export interface AllergyRow extends RecordRow {
  /** `no-known`: a recorded statement that the patient has no known allergies of some kind, not a substance. */
  kind: 'allergy' | 'no-known';
  /** The substance; for a no-known statement, what it states, e.g. "No known drug allergies". */
  name: string;
  /** The same substance across sources: SNOMED CT/dm+d code, else its name. */
  conceptKey: string;
  noKnownScope: NoKnownScope | undefined;
  /** Shown in the default view: active, or a clinical status not recorded. */
  current: boolean;
  typeLabel: string | undefined;
  /** e.g. "Medication", "Food". */
  categories: string[];
  criticality: string | undefined;
  criticalityLabel: string;
  highCriticality: boolean;
  verification: string | undefined;
  verificationLabel: string | undefined;
  /** Unconfirmed or an unrecognised verification: shown marked. */
  uncertain: boolean;
  reactions: AllergyReaction[];
  onset: ClinicalTime | undefined;
  lastOccurrence: string | undefined;
  recordedDate: string | undefined;
  recordedBy: string | undefined;
  assertedBy: string | undefined;
  /** UK Core AllergyIntoleranceEnd: when and why it stopped applying. */
  ended: { date: string | undefined; reason: string | undefined } | undefined;
  notes: string[];
  /**
   * For a current no-known statement: current allergies elsewhere in the record that it contradicts
   * (their names). Both are shown; the clinician must check.
   */
  contradictedBy: string[];
}

export const SUBSTANCE_NOT_RECORDED = 'Substance not recorded';

export const ALLERGY_END_URL = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AllergyIntoleranceEnd';

const CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const VERIFICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';

const CLINICAL: Record<string, { label: string; current: boolean }> = lookupTable({
  active: { label: 'Active', current: true },
  inactive: { label: 'Inactive', current: false },
  resolved: { label: 'Resolved', current: false },
});

const VERIFICATION: Record<string, { label: string; uncertain: boolean }> = lookupTable({
  confirmed: { label: 'Confirmed', uncertain: false },
  unconfirmed: { label: 'Unconfirmed', uncertain: true },
});

const WORDS: StatusVocabulary = {
  clinicalSystem: CLINICAL_SYSTEM,
  verificationSystem: VERIFICATION_SYSTEM,
  clinical: CLINICAL,
  verification: VERIFICATION,
};


const CRITICALITY: Record<string, string> = lookupTable({
  high: 'High criticality',
  low: 'Low criticality',
  'unable-to-assess': 'Criticality unable to assess',
});

const TYPES: Record<string, string> = lookupTable({ allergy: 'Allergy', intolerance: 'Intolerance' });

const CATEGORIES: Record<string, string> = lookupTable({
  food: 'Food',
  medication: 'Medication',
  environment: 'Environment',
  biologic: 'Biologic',
});

const SEVERITIES = new Set(['mild', 'moderate', 'severe']);

function criticalityOf(value: unknown): Pick<AllergyRow, 'criticality' | 'criticalityLabel' | 'highCriticality'> {
  const code = asString(value);
  if (code === undefined) return { criticality: undefined, criticalityLabel: 'Criticality not recorded', highCriticality: false };
  return { criticality: code, criticalityLabel: CRITICALITY[code] ?? `Criticality: ${code}`, highCriticality: code === 'high' };
}

function categoriesOf(value: unknown): string[] {
  const labels = asArray(value).flatMap((c) => {
    const code = asString(c);
    return code ? [CATEGORIES[code] ?? code] : [];
  });
  return [...new Set(labels)];
}

function reactionsOf(value: unknown, substance: string): AllergyReaction[] {
  return asRecords(value).map((reaction) => {
    const severity = asString(reaction['severity']);
    const own = conceptTextOf(reaction['substance']);
    return {
      manifestations: asArray(reaction['manifestation']).flatMap((m) => conceptTextOf(m) ?? []),
      severity: severity && SEVERITIES.has(severity) ? (severity as AllergyReaction['severity']) : undefined,
      description: asString(reaction['description']),
      onset: validDate(reaction['onset']),
      substance: own && own !== substance ? own : undefined,
    };
  });
}

function endOf(resource: JsonRecord): AllergyRow['ended'] {
  const holders = [asRecord(resource['clinicalStatus']), resource];
  for (const holder of holders) {
    const extension = asRecords(holder?.['extension']).find((e) => asString(e['url']) === ALLERGY_END_URL);
    if (!extension) continue;
    const parts = asRecords(extension['extension']);
    const part = (url: string) => parts.find((p) => asString(p['url']) === url);
    const date = validDate(part('endDate')?.['valueDateTime']);
    const reason = asString(part('reasonEnded')?.['valueString']);
    if (date || reason) return { date, reason };
  }
  return undefined;
}

function mapOne(resource: JsonRecord, input: ModelInput, position: number): AllergyRow | undefined {
  if (asString(resource['resourceType']) !== 'AllergyIntolerance' || isNotShown(resource, WORDS)) return undefined;
  const fhir = resource as unknown as Resource;
  const id = asString(resource['id']);
  const key = rowKey('AllergyIntolerance', id, position);
  const noKnown = noKnownAllergy(resource['code']);
  const reactionSubstance = asRecords(resource['reaction']).map((r) => conceptTextOf(r['substance'])).find((s) => s !== undefined);
  const name = noKnown?.label ?? conceptTextOf(resource['code']) ?? reactionSubstance ?? SUBSTANCE_NOT_RECORDED;
  const onset = clinicalTime(resource, 'onset');
  const recordedDate = validDate(resource['recordedDate']);
  const lastOccurrence = validDate(resource['lastOccurrence']);
  const { source, organization } = safeSource(fhir, input);
  return {
    key,
    resourceType: 'AllergyIntolerance',
    id,
    ...clinicalOf(resource['clinicalStatus'], WORDS),
    ...verificationOf(resource['verificationStatus'], WORDS),
    ...criticalityOf(resource['criticality']),
    date: noKnown ? (recordedDate ?? clinicalTimeDate(onset)) : (clinicalTimeDate(onset) ?? recordedDate ?? lastOccurrence),
    source,
    freshness: resolveFreshness(fhir, organization, input.now),
    securityLabels: securityLabels(fhir),
    kind: noKnown ? 'no-known' : 'allergy',
    name,
    conceptKey: conceptKeyOf(codeKey(asRecord(resource['code'])), name, SUBSTANCE_NOT_RECORDED, key),
    noKnownScope: noKnown?.scope,
    typeLabel: TYPES[asString(resource['type']) ?? ''],
    categories: categoriesOf(resource['category']),
    reactions: reactionsOf(resource['reaction'], name),
    onset,
    lastOccurrence,
    recordedDate,
    ...recorderAndAsserter(resource, input.index, resource['patient']),
    ended: endOf(resource),
    notes: notesOf(resource['note']),
    contradictedBy: [],
  };
}

function withContradictions(rows: AllergyRow[]): AllergyRow[] {
  const allergies = rows.filter((r) => r.kind === 'allergy' && r.current);
  return rows.map((row) => {
    if (row.kind !== 'no-known' || !row.current || !row.noKnownScope) return row;
    const scope = row.noKnownScope;
    const names = allergies.filter((a) => withinScope(scope, a.categories, a.name)).map((a) => a.name);
    return names.length > 0 ? { ...row, contradictedBy: [...new Set(names)] } : row;
  });
}

/** Allergies first, high criticality first, newest first; "no known" statements after them. */
function compareRows(a: AllergyRow, b: AllergyRow): number {
  return (
    Number(a.kind === 'no-known') - Number(b.kind === 'no-known') ||
    Number(b.highCriticality) - Number(a.highCriticality) ||
    compareIsoDesc(a.date, b.date) ||
    compareText(a.name.toLowerCase(), b.name.toLowerCase()) ||
    compareText(a.key, b.key)
  );
}

/** Rows for AllergyIntolerance matches; refuted and entered-in-error items are never shown. */
export const mapAllergies: RecordModel<AllergyRow> = (input) =>
  withContradictions(mapMatches(input, (resource, position) => mapOne(resource, input, position))).sort(compareRows);
