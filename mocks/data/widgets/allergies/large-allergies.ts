import type { AllergyIntolerance } from '@medplum/fhirtypes';
import { dateDaysAgo, seededRandom } from '../../../clock.js';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import type { BuiltItem } from '../../medication-items.js';
import { ORG_KEYS } from '../problems/clinicians.js';
import type { ItemSource } from '../problems/item-source.js';
import { allergy, type AllergySpec } from './allergy-items.js';
import { MANIFESTATIONS } from './rich-allergies.js';

export const LARGE_ALLERGY_COUNT = 320;

type Category = NonNullable<AllergySpec['category']>[number];

const SUBSTANCES: { code: string; display: string; category: Category }[] = [
  { code: '91936005', display: 'Allergy to penicillin', category: 'medication' },
  { code: '387179001', display: 'Trimethoprim', category: 'medication' },
  { code: '387494007', display: 'Codeine', category: 'medication' },
  { code: '293586001', display: 'Allergy to aspirin', category: 'medication' },
  { code: '386837002', display: 'Haloperidol', category: 'medication' },
  { code: '373568007', display: 'Chlorhexidine', category: 'medication' },
  { code: '91935009', display: 'Allergy to peanuts', category: 'food' },
  { code: '91930004', display: 'Allergy to eggs', category: 'food' },
  { code: '300913006', display: 'Shellfish allergy', category: 'food' },
  { code: '300916003', display: 'Latex allergy', category: 'environment' },
  { code: '424213003', display: 'Allergy to bee venom', category: 'environment' },
  { code: '232347008', display: 'Dander (animal) allergy', category: 'environment' },
];

const MANIFESTATION_LIST = Object.values(MANIFESTATIONS);
const CLINICAL = ['active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'inactive', 'resolved'] as const;
const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
const CRITICALITIES = ['low', 'low', 'high', 'unable-to-assess'] as const;

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

/** The same few allergies recorded again and again by every source over 25 years; most still active. */
function randomSpec(random: () => number, index: number, now: Date): AllergySpec {
  const substance = pick(random, SUBSTANCES);
  const error = random() < 0.03;
  const recordedDaysAgo = Math.floor(random() * 365 * 25);
  return {
    id: `ai-large-${String(index + 1).padStart(4, '0')}`,
    patientId: MOCK_PATIENT_IDS.large,
    substance: { code: substance.code, display: substance.display },
    ...(error ? {} : { clinical: pick(random, CLINICAL) }),
    verification: error ? 'entered-in-error' : random() < 0.9 ? 'confirmed' : 'unconfirmed',
    type: random() < 0.8 ? 'allergy' : 'intolerance',
    category: [substance.category],
    criticality: pick(random, CRITICALITIES),
    recordedDate: dateDaysAgo(now, recordedDaysAgo),
    source: randomSource(random),
    reactions: [{ manifestations: [pick(random, MANIFESTATION_LIST)], severity: pick(random, SEVERITIES) }],
    lastUpdatedHoursAgo: Math.floor(random() * 24 * 30) + 1,
  };
}

export function largeAllergies(now: Date): BuiltItem<AllergyIntolerance>[] {
  const random = seededRandom(20250302);
  return Array.from({ length: LARGE_ALLERGY_COUNT }, (_, i) => allergy(randomSpec(random, i, now), now));
}
