import { dateDaysAgo, hoursAgo } from '../../../clock.js';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import { PRACTITIONER_ROLE_IDS } from '../../organisations.js';
import { RICH_DAUGHTER_ID } from './clinicians.js';
import { condition, type ConditionSpec } from './condition-items.js';
import type { BuiltItem } from '../../medication-items.js';
import type { Condition } from '@medplum/fhirtypes';

const patientId = MOCK_PATIENT_IDS.rich;
const year = (now: Date, days: number) => dateDaysAgo(now, days).slice(0, 4);
const month = (now: Date, days: number) => dateDaysAgo(now, days).slice(0, 7);
const age = (value: number) => ({ value, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' });

type Spec = Omit<ConditionSpec, 'patientId'>;

/**
 * Mrs Ellwood's problems as each source records them: a GP problem list, two acute trusts (one the
 * stale St Anselm's batch), an ambulance impression, 111, community, mental health and social care.
 * Diabetes is on both the GP's and Riverside's lists; one problem names no source at all.
 */
function specs(now: Date): Spec[] {
  const gp = { via: 'recorder', org: 'gp' } as const;
  return [
    { id: 'cond-rich-hypertension', problem: { code: '59621000', display: 'Essential hypertension' }, clinical: 'active', verification: 'confirmed', category: 'problem-list-item', timing: { onsetDateTime: year(now, 8000) }, recordedDate: dateDaysAgo(now, 7950), source: gp, lastUpdatedHoursAgo: 30 },
    { id: 'cond-rich-t2dm-gp', problem: { code: '44054006', display: 'Type 2 diabetes mellitus' }, clinical: 'active', verification: 'confirmed', category: 'problem-list-item', timing: { onsetDateTime: month(now, 1100) }, recordedDate: dateDaysAgo(now, 1095), source: gp, lastUpdatedHoursAgo: 30 },
    { id: 'cond-rich-t2dm-riverside', problem: { code: '44054006', display: 'Type 2 diabetes mellitus' }, clinical: 'active', verification: 'confirmed', category: 'encounter-diagnosis', recordedDate: dateDaysAgo(now, 8), source: { via: 'role', roleId: PRACTITIONER_ROLE_IDS.riversideCardiology }, lastUpdatedHoursAgo: 0.5, note: 'Comorbidity noted on admission' },
    { id: 'cond-rich-hypothyroidism', problem: { code: '40930008', display: 'Hypothyroidism' }, clinical: 'active', verification: 'confirmed', category: 'problem-list-item', timing: { onsetDateTime: dateDaysAgo(now, 400) }, recordedDate: dateDaysAgo(now, 400), source: gp, lastUpdatedHoursAgo: 30 },
    { id: 'cond-rich-copd', problem: { code: '13645005', display: 'Chronic obstructive lung disease' }, clinical: 'active', verification: 'confirmed', category: 'problem-list-item', timing: { onsetAge: age(71) }, recordedDate: dateDaysAgo(now, 3200), severity: { code: '6736007', display: 'Moderate' }, source: gp, lastUpdatedHoursAgo: 30 },
    { id: 'cond-rich-knee-oa', problem: { code: '239873007', display: 'Osteoarthritis of knee' }, clinical: 'active', verification: 'confirmed', category: 'problem-list-item', timing: { onsetString: 'Since her sixties' }, recordedDate: dateDaysAgo(now, 5000), source: gp, lastUpdatedHoursAgo: 30 },
    { id: 'cond-rich-osa', problem: { code: '78275009', display: 'Obstructive sleep apnoea syndrome' }, clinical: 'active', verification: 'unconfirmed', category: 'problem-list-item', recordedDate: dateDaysAgo(now, 60), source: gp, lastUpdatedHoursAgo: 30, note: 'Awaiting sleep study' },
    { id: 'cond-rich-gallstones', problem: { code: '235919008', display: 'Gallstones' }, clinical: 'resolved', verification: 'confirmed', category: 'problem-list-item', timing: { onsetPeriod: { start: month(now, 5600), end: month(now, 5500) }, abatementDateTime: dateDaysAgo(now, 5480) }, recordedDate: dateDaysAgo(now, 5590), source: gp, lastUpdatedHoursAgo: 2000, note: 'Laparoscopic cholecystectomy' },
    { id: 'cond-rich-t1dm-error', problem: { code: '46635009', display: 'Type 1 diabetes mellitus' }, verification: 'entered-in-error', category: 'problem-list-item', recordedDate: dateDaysAgo(now, 1095), source: gp, lastUpdatedHoursAgo: 1000, note: 'Entered in error: type 2 diabetes' },
    { id: 'cond-rich-af', problem: { code: '49436004', display: 'Atrial fibrillation' }, clinical: 'active', verification: 'confirmed', category: 'encounter-diagnosis', timing: { onsetDateTime: hoursAgo(now, 9 * 24 - 2) }, recordedDate: dateDaysAgo(now, 8), source: { via: 'role', roleId: PRACTITIONER_ROLE_IDS.riversideCardiology }, lastUpdatedHoursAgo: 0.5 },
    { id: 'cond-rich-nstemi-refuted', problem: { code: '401314000', display: 'Acute non-ST segment elevation myocardial infarction' }, clinical: 'resolved', verification: 'refuted', category: 'encounter-diagnosis', recordedDate: dateDaysAgo(now, 9), source: { via: 'recorder', org: 'acuteLive' }, lastUpdatedHoursAgo: 170, note: 'Serial troponins normal' },
    { id: 'cond-rich-heart-failure', problem: { code: '84114007', display: 'Heart failure' }, clinical: 'active', verification: 'provisional', category: 'encounter-diagnosis', timing: { onsetDateTime: dateDaysAgo(now, 40) }, recordedDate: dateDaysAgo(now, 40), source: { via: 'role', roleId: PRACTITIONER_ROLE_IDS.stAnselmsRespiratory }, lastUpdatedHoursAgo: 21, note: 'Echocardiogram requested' },
    { id: 'cond-rich-copd-exacerbation', problem: { code: '195951007', display: 'Acute exacerbation of chronic obstructive airways disease' }, clinical: 'resolved', verification: 'confirmed', category: 'encounter-diagnosis', timing: { onsetDateTime: dateDaysAgo(now, 40), abatementDateTime: dateDaysAgo(now, 22) }, recordedDate: dateDaysAgo(now, 40), source: { via: 'recorder', org: 'acuteStale' }, lastUpdatedHoursAgo: 21 },
    { id: 'cond-rich-chest-pain', problem: { code: '29857009', display: 'Chest pain' }, clinical: 'active', verification: 'provisional', category: 'encounter-diagnosis', timing: { onsetDateTime: hoursAgo(now, 9 * 24 + 3) }, recordedDate: hoursAgo(now, 9 * 24 + 2), source: { via: 'meta.source', org: 'ambulance' }, lastUpdatedHoursAgo: 215, note: 'Ambulance clinical impression; conveyed to Riverside' },
    { id: 'cond-rich-uti', problem: { code: '68566005', display: 'Urinary tract infectious disease' }, clinical: 'resolved', verification: 'confirmed', category: 'encounter-diagnosis', timing: { onsetDateTime: dateDaysAgo(now, 21), abatementString: 'Symptoms settled after antibiotics' }, recordedDate: dateDaysAgo(now, 20), source: { via: 'meta.source', org: 'outOfHours' }, lastUpdatedHoursAgo: 480 },
    { id: 'cond-rich-constipation', problem: { code: '14760008', display: 'Constipation' }, clinical: 'active', verification: 'confirmed', category: 'problem-list-item', timing: { onsetDateTime: dateDaysAgo(now, 45) }, recordedDate: dateDaysAgo(now, 45), source: { via: 'provenance', org: 'community' }, lastUpdatedHoursAgo: 4 },
    { id: 'cond-rich-alzheimers', problem: { code: '26929004', display: "Alzheimer's disease" }, clinical: 'active', verification: 'confirmed', category: 'problem-list-item', timing: { onsetRange: { low: age(76), high: age(78) } }, recordedDate: dateDaysAgo(now, 300), source: { via: 'provenance', org: 'mentalHealth' }, lastUpdatedHoursAgo: 7 },
    { id: 'cond-rich-depression', problem: { code: '35489007', display: 'Depressive disorder' }, clinical: 'remission', verification: 'confirmed', category: 'problem-list-item', timing: { onsetDateTime: month(now, 420) }, recordedDate: dateDaysAgo(now, 410), source: { via: 'provenance', org: 'mentalHealth' }, lastUpdatedHoursAgo: 7, security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY', display: 'psychiatry disorder information sensitivity' }] },
    { id: 'cond-rich-falls-risk', problem: { code: '129839007', display: 'At risk for falls' }, clinical: 'active', verification: 'confirmed', category: 'problem-list-item', timing: { onsetDateTime: dateDaysAgo(now, 300) }, recordedDate: dateDaysAgo(now, 298), source: { via: 'recorder', org: 'socialCare' }, asserter: { reference: `RelatedPerson/${RICH_DAUGHTER_ID}` }, lastUpdatedHoursAgo: 8 },
    { id: 'cond-rich-osteoporosis', problem: { code: '64859006', display: 'Osteoporosis' }, clinical: 'active', verification: 'confirmed', category: 'problem-list-item', timing: { onsetDateTime: year(now, 2500) }, source: { via: 'none' }, lastUpdatedHoursAgo: 2000 },
  ];
}

export function richProblems(now: Date): BuiltItem<Condition>[] {
  return specs(now).map((spec) => condition({ ...spec, patientId }, now));
}
