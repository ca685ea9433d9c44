import type { Condition } from '@medplum/fhirtypes';
import { dateDaysAgo, seededRandom } from '../../../clock.js';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import type { BuiltItem } from '../../medication-items.js';
import { ORG_KEYS } from './clinicians.js';
import { condition, type ConditionSpec } from './condition-items.js';
import type { ItemSource } from './item-source.js';

export const LARGE_CONDITION_COUNT = 340;

const PROBLEMS = [
  { code: '38341003', display: 'Hypertensive disorder' },
  { code: '44054006', display: 'Type 2 diabetes mellitus' },
  { code: '13645005', display: 'Chronic obstructive lung disease' },
  { code: '49436004', display: 'Atrial fibrillation' },
  { code: '84114007', display: 'Heart failure' },
  { code: '709044004', display: 'Chronic kidney disease' },
  { code: '396275006', display: 'Osteoarthritis' },
  { code: '64859006', display: 'Osteoporosis' },
  { code: '40930008', display: 'Hypothyroidism' },
  { code: '35489007', display: 'Depressive disorder' },
  { code: '68566005', display: 'Urinary tract infectious disease' },
  { code: '233604007', display: 'Pneumonia' },
  { code: '128045006', display: 'Cellulitis' },
  { code: '230690007', display: 'Cerebrovascular accident' },
  { code: '22298006', display: 'Myocardial infarction' },
  { code: '5913000', display: 'Fracture of neck of femur' },
  { code: '193570009', display: 'Cataract' },
  { code: '267036007', display: 'Dyspnoea' },
  { code: '271737000', display: 'Anaemia' },
  { code: '52448006', display: 'Dementia' },
  { code: '399211009', display: 'History of myocardial infarction' },
  { code: '161891005', display: 'Back pain' },
  { code: '235595009', display: 'Gastro-oesophageal reflux disease' },
  { code: '90560007', display: 'Gout' },
];

const CLINICAL = ['active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'remission', 'resolved', 'inactive'] as const;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function randomSource(random: () => number): ItemSource {
  const roll = random();
  const org = pick(random, ORG_KEYS);
  if (roll < 0.8) return { via: 'recorder', org };
  if (roll < 0.9) return { via: 'provenance', org };
  if (roll < 0.97) return { via: 'meta.source', org };
  return { via: 'none' };
}

/** A long life's problems over 20 years, most still current, a few entered in error. */
function randomSpec(random: () => number, index: number, now: Date): ConditionSpec {
  const onsetDaysAgo = Math.floor(random() * 365 * 20);
  const clinical = pick(random, CLINICAL);
  const error = random() < 0.02;
  const ended = clinical === 'resolved' || clinical === 'inactive';
  return {
    id: `cond-large-${String(index + 1).padStart(4, '0')}`,
    patientId: MOCK_PATIENT_IDS.large,
    problem: pick(random, PROBLEMS),
    ...(error ? {} : { clinical }),
    verification: error ? 'entered-in-error' : 'confirmed',
    category: random() < 0.6 ? 'problem-list-item' : 'encounter-diagnosis',
    timing: {
      onsetDateTime: dateDaysAgo(now, onsetDaysAgo),
      ...(ended ? { abatementDateTime: dateDaysAgo(now, Math.max(0, onsetDaysAgo - 30)) } : {}),
    },
    recordedDate: dateDaysAgo(now, Math.max(0, onsetDaysAgo - 2)),
    source: randomSource(random),
    lastUpdatedHoursAgo: Math.floor(random() * 24 * 30) + 1,
  };
}

export function largeProblems(now: Date): BuiltItem<Condition>[] {
  const random = seededRandom(20250301);
  return Array.from({ length: LARGE_CONDITION_COUNT }, (_, i) => condition(randomSpec(random, i, now), now));
}
