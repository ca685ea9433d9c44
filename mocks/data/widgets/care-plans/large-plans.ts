import type { CarePlan, CodeableConcept } from '@medplum/fhirtypes';
import { seededRandom } from '../../../clock.js';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import type { BuiltItem } from '../../medication-items.js';
import { ORG_IDS } from '../../organisations.js';
import type { SourceLink } from '../care-team/item-source.js';
import { snomed, text } from '../care-team/people.js';
import { carePlan, type ActivitySpec } from './plan-items.js';

export const LARGE_CARE_PLAN_COUNT = 320;

const PLANS: { title: string; category: CodeableConcept; activities: string[] }[] = [
  { title: 'Diabetes self-management plan', category: snomed('735985000', 'Diabetes self management plan'), activities: ['Foot check', 'HbA1c review', 'Structured education'] },
  { title: 'Heart failure self-management plan', category: snomed('735984001', 'Heart failure self management plan'), activities: ['Daily weights', 'Fluid restriction advice'] },
  { title: 'Physiotherapy care plan', category: snomed('773513001', 'Physiotherapy care plan'), activities: ['Strength and balance exercises', 'Walking aid review'] },
  { title: 'Community nursing care plan', category: snomed('773130005', 'Nursing care plan'), activities: ['Wound care', 'Pressure area care'] },
  { title: 'Care and support plan', category: snomed('734163000', 'Care plan'), activities: ['Domiciliary care', 'Meals at home'] },
  { title: 'Mental health care plan', category: snomed('718347000', 'Mental health care plan'), activities: ['Care coordinator visit', 'Medication review'] },
  { title: 'Hospital discharge plan', category: snomed('736372004', 'Discharge care plan'), activities: ['Medication reconciliation', 'Outpatient follow-up'] },
  { title: 'COPD management plan', category: snomed('736283006', 'Chronic obstructive pulmonary disease clinical management plan'), activities: ['Inhaler technique check', 'Pulmonary rehabilitation'] },
];

/** Mostly current, as in a long life with many services still involved. */
const STATUSES: CarePlan['status'][] = ['active', 'active', 'active', 'active', 'active', 'on-hold', 'draft', 'completed', 'revoked'];
const ACTIVITY_STATUSES: ActivitySpec['status'][] = ['not-started', 'scheduled', 'in-progress', 'completed'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function randomSource(random: () => number): SourceLink {
  const roll = random();
  const orgId = pick(random, Object.values(ORG_IDS));
  if (roll < 0.8) return { via: 'resource', reference: `Organization/${orgId}` };
  if (roll < 0.9) return { via: 'provenance', orgId };
  if (roll < 0.97) return { via: 'meta.source', orgId };
  return { via: 'none' };
}

export function largeCarePlans(now: Date): BuiltItem<CarePlan>[] {
  const random = seededRandom(20261128);
  const patientId = MOCK_PATIENT_IDS.large;
  return Array.from({ length: LARGE_CARE_PLAN_COUNT }, (_, i) => {
    const plan = pick(random, PLANS);
    const status = pick(random, STATUSES);
    const startDaysAgo = Math.floor(random() * 365 * 15);
    const finished = status === 'completed' || status === 'revoked';
    return carePlan(
      {
        id: `cp-large-${String(i + 1).padStart(4, '0')}`,
        patientId,
        title: plan.title,
        status,
        category: plan.category,
        startDaysAgo,
        ...(finished ? { endDaysAgo: Math.max(0, startDaysAgo - 1 - Math.floor(random() * 365)) } : {}),
        source: randomSource(random),
        lastUpdatedHoursAgo: Math.floor(random() * 24 * 30) + 1,
        activities: plan.activities.map((name) => ({
          code: text(name),
          status: finished ? 'completed' : pick(random, ACTIVITY_STATUSES),
          fromDaysAgo: startDaysAgo,
        })),
      },
      now,
    );
  });
}
