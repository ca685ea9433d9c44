import type { Coding, Condition, Meta } from '@medplum/fhirtypes';
import type { BuiltItem } from '../../medication-items.js';
import { metaOf, provenanceOf, recorderOf, type ItemSource, type RecorderReference } from './item-source.js';

export const SNOMED = 'http://snomed.info/sct';
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';

export type Concept = { code: string; display: string } | { text: string };

export interface ConditionSpec {
  id: string;
  patientId: string;
  problem: Concept;
  /** Omitted for entered-in-error (con-5). */
  clinical?: 'active' | 'recurrence' | 'relapse' | 'inactive' | 'remission' | 'resolved';
  verification?: 'unconfirmed' | 'provisional' | 'differential' | 'confirmed' | 'refuted' | 'entered-in-error';
  category: 'problem-list-item' | 'encounter-diagnosis';
  /** onset[x] / abatement[x] fields as sent, e.g. `{ onsetDateTime: '2004' }`. */
  timing?: Partial<Pick<Condition, 'onsetDateTime' | 'onsetAge' | 'onsetPeriod' | 'onsetRange' | 'onsetString' | 'abatementDateTime' | 'abatementString' | 'abatementPeriod'>>;
  recordedDate?: string;
  source: ItemSource;
  asserter?: RecorderReference;
  lastUpdatedHoursAgo: number;
  severity?: { code: string; display: string };
  note?: string;
  security?: Meta['security'];
}

export function codeableConcept(concept: Concept): Condition['code'] {
  return 'text' in concept ? { text: concept.text } : { coding: [{ system: SNOMED, code: concept.code, display: concept.display }] };
}

function coded(system: string, code: string, display?: string): { coding: Coding[] } {
  return { coding: [{ system, code, ...(display ? { display } : {}) }] };
}

const CATEGORY_DISPLAY = { 'problem-list-item': 'Problem List Item', 'encounter-diagnosis': 'Encounter Diagnosis' };

export function condition(spec: ConditionSpec, now: Date): BuiltItem<Condition> {
  const recorder = recorderOf(spec.source);
  const item: Condition = {
    resourceType: 'Condition',
    id: spec.id,
    meta: metaOf(spec.source, now, spec.lastUpdatedHoursAgo, spec.security),
    ...(spec.clinical ? { clinicalStatus: coded(CLINICAL, spec.clinical) } : {}),
    ...(spec.verification ? { verificationStatus: coded(VERIFICATION, spec.verification) } : {}),
    category: [coded(CATEGORY, spec.category, CATEGORY_DISPLAY[spec.category])],
    ...(spec.severity ? { severity: coded(SNOMED, spec.severity.code, spec.severity.display) } : {}),
    code: codeableConcept(spec.problem),
    subject: { reference: `Patient/${spec.patientId}` },
    ...spec.timing,
    ...(spec.recordedDate ? { recordedDate: spec.recordedDate } : {}),
    ...(recorder ? { recorder } : {}),
    ...(spec.asserter ? { asserter: spec.asserter } : {}),
    ...(spec.note ? { note: [{ text: spec.note }] } : {}),
  };
  const provenance = provenanceOf(spec.source, `Condition/${spec.id}`, now, spec.lastUpdatedHoursAgo);
  return provenance ? { item, provenance } : { item };
}
