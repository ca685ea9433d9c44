import type { AllergyIntolerance, Coding, Meta } from '@medplum/fhirtypes';
import type { BuiltItem } from '../../medication-items.js';
import { codeableConcept, type Concept } from '../problems/condition-items.js';
import { metaOf, provenanceOf, recorderOf, type ItemSource, type RecorderReference } from '../problems/item-source.js';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';
export const ALLERGY_END_URL = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AllergyIntoleranceEnd';

export interface ReactionSpec {
  manifestations: Concept[];
  severity?: 'mild' | 'moderate' | 'severe';
  description?: string;
}

export interface AllergySpec {
  id: string;
  patientId: string;
  substance: Concept;
  /** Omitted for entered-in-error (ait-2). */
  clinical?: 'active' | 'inactive' | 'resolved';
  verification: 'unconfirmed' | 'confirmed' | 'refuted' | 'entered-in-error';
  type?: 'allergy' | 'intolerance';
  category?: ('food' | 'medication' | 'environment' | 'biologic')[];
  criticality?: 'low' | 'high' | 'unable-to-assess';
  timing?: Partial<Pick<AllergyIntolerance, 'onsetDateTime' | 'onsetAge' | 'onsetString' | 'onsetPeriod'>>;
  recordedDate?: string;
  source: ItemSource;
  asserter?: RecorderReference;
  reactions?: ReactionSpec[];
  /** UK Core AllergyIntoleranceEnd on clinicalStatus. */
  ended?: { date: string; reason: string };
  lastUpdatedHoursAgo: number;
  note?: string;
  security?: Meta['security'];
}

function clinicalStatus(spec: AllergySpec): AllergyIntolerance['clinicalStatus'] {
  if (!spec.clinical) return undefined;
  const coding: Coding[] = [{ system: CLINICAL, code: spec.clinical }];
  if (!spec.ended) return { coding };
  return {
    coding,
    extension: [
      {
        url: ALLERGY_END_URL,
        extension: [
          { url: 'endDate', valueDateTime: spec.ended.date },
          { url: 'reasonEnded', valueString: spec.ended.reason },
        ],
      },
    ],
  };
}

export function allergy(spec: AllergySpec, now: Date): BuiltItem<AllergyIntolerance> {
  const recorder = recorderOf(spec.source);
  const status = clinicalStatus(spec);
  const item: AllergyIntolerance = {
    resourceType: 'AllergyIntolerance',
    id: spec.id,
    meta: metaOf(spec.source, now, spec.lastUpdatedHoursAgo, spec.security),
    ...(status ? { clinicalStatus: status } : {}),
    verificationStatus: { coding: [{ system: VERIFICATION, code: spec.verification }] },
    ...(spec.type ? { type: spec.type } : {}),
    ...(spec.category ? { category: spec.category } : {}),
    ...(spec.criticality ? { criticality: spec.criticality } : {}),
    code: codeableConcept(spec.substance),
    patient: { reference: `Patient/${spec.patientId}` },
    ...spec.timing,
    ...(spec.recordedDate ? { recordedDate: spec.recordedDate } : {}),
    ...(recorder ? { recorder } : {}),
    ...(spec.asserter ? { asserter: spec.asserter } : {}),
    ...(spec.note ? { note: [{ text: spec.note }] } : {}),
    ...(spec.reactions
      ? {
          reaction: spec.reactions.map((r) => ({
            manifestation: r.manifestations.map((m) => codeableConcept(m)!),
            ...(r.severity ? { severity: r.severity } : {}),
            ...(r.description ? { description: r.description } : {}),
          })),
        }
      : {}),
  };
  const provenance = provenanceOf(spec.source, `AllergyIntolerance/${spec.id}`, now, spec.lastUpdatedHoursAgo);
  return provenance ? { item, provenance } : { item };
}

