import type { AllergyIntolerance } from '@medplum/fhirtypes';
import { dateDaysAgo } from '../../../clock.js';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import type { BuiltItem } from '../../medication-items.js';
import { PRACTITIONER_ROLE_IDS } from '../../organisations.js';
import { allergy, type AllergySpec } from './allergy-items.js';

const patientId = MOCK_PATIENT_IDS.rich;
const year = (now: Date, days: number) => dateDaysAgo(now, days).slice(0, 4);

export const MANIFESTATIONS = {
  anaphylaxis: { code: '39579001', display: 'Anaphylaxis' },
  angioedema: { code: '41291007', display: 'Angioedema' },
  urticaria: { code: '126485001', display: 'Urticaria' },
  nausea: { code: '422587007', display: 'Nausea' },
  vomiting: { code: '422400008', display: 'Vomiting' },
  contactDermatitis: { code: '40275004', display: 'Contact dermatitis' },
  rash: { code: '271807003', display: 'Eruption of skin' },
  wheeze: { code: '56018004', display: 'Wheezing' },
  diarrhoea: { code: '62315008', display: 'Diarrhoea' },
} as const;

type Spec = Omit<AllergySpec, 'patientId'>;

/**
 * Mrs Ellwood's allergies as each source records them. Penicillin is recorded by the GP and by
 * Riverside; social care records "No known food allergy", which her drug and environmental
 * allergies do not contradict; a childhood egg allergy resolved long ago.
 */
function specs(now: Date): Spec[] {
  const gp = { via: 'recorder', org: 'gp' } as const;
  const m = MANIFESTATIONS;
  return [
    { id: 'ai-rich-penicillin-gp', substance: { code: '91936005', display: 'Allergy to penicillin' }, clinical: 'active', verification: 'confirmed', type: 'allergy', category: ['medication'], criticality: 'high', timing: { onsetDateTime: year(now, 14000) }, recordedDate: dateDaysAgo(now, 6000), source: gp, reactions: [{ manifestations: [m.urticaria], severity: 'moderate' }], lastUpdatedHoursAgo: 30 },
    { id: 'ai-rich-penicillin-riverside', substance: { code: '91936005', display: 'Allergy to penicillin' }, clinical: 'active', verification: 'confirmed', type: 'allergy', category: ['medication'], criticality: 'high', timing: { onsetString: 'In her forties' }, recordedDate: dateDaysAgo(now, 8), source: { via: 'role', roleId: PRACTITIONER_ROLE_IDS.riversideCardiology }, reactions: [{ manifestations: [m.anaphylaxis, m.angioedema], severity: 'severe' }], lastUpdatedHoursAgo: 0.5, note: 'Patient reports collapsing after a penicillin injection in her forties' },
    { id: 'ai-rich-trimethoprim', substance: { code: '387179001', display: 'Trimethoprim' }, clinical: 'active', verification: 'confirmed', type: 'intolerance', category: ['medication'], criticality: 'low', timing: { onsetDateTime: dateDaysAgo(now, 21) }, recordedDate: dateDaysAgo(now, 20), source: { via: 'meta.source', org: 'outOfHours' }, reactions: [{ manifestations: [m.nausea, m.vomiting], severity: 'moderate' }], lastUpdatedHoursAgo: 480 },
    { id: 'ai-rich-latex', substance: { code: '300916003', display: 'Latex allergy' }, clinical: 'active', verification: 'unconfirmed', type: 'allergy', category: ['environment'], criticality: 'unable-to-assess', recordedDate: dateDaysAgo(now, 40), source: { via: 'role', roleId: PRACTITIONER_ROLE_IDS.stAnselmsRespiratory }, reactions: [{ manifestations: [m.contactDermatitis], severity: 'mild', description: 'Redness under gloves during cannulation' }], lastUpdatedHoursAgo: 21 },
    { id: 'ai-rich-dressings', substance: { text: 'Adhesive dressings (Elastoplast)' }, clinical: 'active', verification: 'confirmed', type: 'intolerance', category: ['environment'], criticality: 'low', recordedDate: dateDaysAgo(now, 45), source: { via: 'provenance', org: 'community' }, reactions: [{ manifestations: [{ text: 'Blistering under adhesive dressing' }], severity: 'mild' }], lastUpdatedHoursAgo: 4, note: 'Use silicone dressings' },
    { id: 'ai-rich-nkfa', substance: { code: '429625007', display: 'No known food allergy' }, clinical: 'active', verification: 'confirmed', recordedDate: dateDaysAgo(now, 300), source: { via: 'recorder', org: 'socialCare' }, lastUpdatedHoursAgo: 8, note: 'From the care home admission assessment' },
    { id: 'ai-rich-bee-venom', substance: { code: '424213003', display: 'Allergy to bee venom' }, clinical: 'active', verification: 'confirmed', type: 'allergy', category: ['environment'], criticality: 'high', timing: { onsetDateTime: year(now, 22000) }, recordedDate: dateDaysAgo(now, 150), source: { via: 'none' }, asserter: { reference: `Patient/${patientId}` }, reactions: [{ manifestations: [m.anaphylaxis], severity: 'severe' }], lastUpdatedHoursAgo: 2000 },
    { id: 'ai-rich-haloperidol', substance: { code: '386837002', display: 'Haloperidol' }, clinical: 'active', verification: 'confirmed', type: 'intolerance', category: ['medication'], criticality: 'high', timing: { onsetDateTime: dateDaysAgo(now, 210) }, recordedDate: dateDaysAgo(now, 200), source: { via: 'provenance', org: 'mentalHealth' }, reactions: [{ manifestations: [{ text: 'Severe rigidity and falls' }], severity: 'severe' }], lastUpdatedHoursAgo: 7, note: 'Avoid antipsychotics where possible' },
    { id: 'ai-rich-codeine', substance: { code: '387494007', display: 'Codeine' }, clinical: 'inactive', verification: 'confirmed', type: 'intolerance', category: ['medication'], criticality: 'low', recordedDate: dateDaysAgo(now, 3000), source: gp, reactions: [{ manifestations: [m.nausea], severity: 'mild' }], ended: { date: dateDaysAgo(now, 3), reason: 'Tolerated co-codamol during hospital admission' }, lastUpdatedHoursAgo: 30 },
    { id: 'ai-rich-egg', substance: { code: '91930004', display: 'Allergy to eggs' }, clinical: 'resolved', verification: 'confirmed', type: 'allergy', category: ['food'], criticality: 'low', timing: { onsetString: 'Childhood' }, recordedDate: dateDaysAgo(now, 9000), source: gp, reactions: [{ manifestations: [m.rash], severity: 'mild' }], lastUpdatedHoursAgo: 5000 },
    { id: 'ai-rich-aspirin-error', substance: { code: '293586001', display: 'Allergy to aspirin' }, verification: 'entered-in-error', type: 'allergy', category: ['medication'], recordedDate: dateDaysAgo(now, 100), source: gp, lastUpdatedHoursAgo: 2000, note: 'Entered in error: wrong patient' },
    { id: 'ai-rich-contrast-refuted', substance: { text: 'Iodinated contrast media' }, clinical: 'inactive', verification: 'refuted', type: 'allergy', category: ['medication'], recordedDate: dateDaysAgo(now, 9), source: { via: 'recorder', org: 'acuteLive' }, lastUpdatedHoursAgo: 170, note: 'CT with contrast given without reaction' },
  ];
}

export function richAllergies(now: Date): BuiltItem<AllergyIntolerance>[] {
  return specs(now).map((spec) => allergy({ ...spec, patientId }, now));
}
