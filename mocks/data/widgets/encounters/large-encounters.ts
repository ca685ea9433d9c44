import type { Encounter } from '@medplum/fhirtypes';
import { seededRandom } from '../../../clock.js';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import type { BuiltItem } from '../../medication-items.js';
import type { SourceOrgKey } from '../../organisations.js';
import { CONTACT_TYPES, DISCHARGE, SPECIALTIES, type Concept } from './codes.js';
import { encounter, type EncounterSpec, type SourceRoute } from './encounter-builder.js';
import { dayAt } from './when.js';

export const LARGE_ENCOUNTER_COUNT = 340;
/** Of which planned in the coming months (they also appear as appointments). */
export const LARGE_PLANNED_ENCOUNTER_COUNT = 12;

const patientId = MOCK_PATIENT_IDS.large;

interface Kind {
  classCode: EncounterSpec['classCode'];
  type: Concept;
  org: SourceOrgKey;
  hours: number;
  discharge?: Concept | string;
  serviceType?: Concept;
}

const KINDS: Kind[] = [
  { classCode: 'AMB', type: CONTACT_TYPES.consultation, org: 'gp', hours: 0.25, serviceType: SPECIALTIES.generalPractice },
  { classCode: 'AMB', type: CONTACT_TYPES.consultation, org: 'gp', hours: 0.25, serviceType: SPECIALTIES.generalPractice },
  { classCode: 'AMB', type: CONTACT_TYPES.followUpVisit, org: 'acuteLive', hours: 0.5, serviceType: SPECIALTIES.cardiology },
  { classCode: 'AMB', type: CONTACT_TYPES.followUpVisit, org: 'acuteStale', hours: 0.5, serviceType: SPECIALTIES.respiratory },
  { classCode: 'EMER', type: CONTACT_TYPES.emergencyDepartmentVisit, org: 'acuteLive', hours: 5, discharge: DISCHARGE.home },
  { classCode: 'FLD', type: CONTACT_TYPES.emergencyMedicalServices, org: 'ambulance', hours: 1, discharge: 'Conveyed to emergency department' },
  { classCode: 'IMP', type: CONTACT_TYPES.emergencyAdmission, org: 'acuteStale', hours: 24 * 5, discharge: DISCHARGE.home },
  { classCode: 'IMP', type: CONTACT_TYPES.hospitalAdmission, org: 'acuteLive', hours: 24 * 3, discharge: DISCHARGE.home },
  { classCode: 'HH', type: CONTACT_TYPES.homeVisit, org: 'community', hours: 0.5 },
  { classCode: 'HH', type: CONTACT_TYPES.socialCareNeedsAssessment, org: 'socialCare', hours: 1.5 },
  { classCode: 'VR', type: CONTACT_TYPES.telephoneEncounter, org: 'outOfHours', hours: 0.3 },
  { classCode: 'AMB', type: CONTACT_TYPES.followUpVisit, org: 'mentalHealth', hours: 0.75, serviceType: SPECIALTIES.psychiatry },
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function route(random: () => number, org: SourceOrgKey): SourceRoute {
  const roll = random();
  if (roll < 0.8) return { via: 'resource', org };
  if (roll < 0.9) return { via: 'provenance', org };
  if (roll < 0.97) return { via: 'meta.source', org };
  return { via: 'none' };
}

function spec(random: () => number, index: number, now: Date): EncounterSpec {
  const kind = pick(random, KINDS);
  const planned = index < LARGE_PLANNED_ENCOUNTER_COUNT;
  const days = planned ? 7 + Math.floor(random() * 120) : -(1 + Math.floor(random() * 365 * 15));
  const start = dayAt(now, days, 8 + Math.floor(random() * 10), Math.floor(random() * 4) * 15);
  const end = new Date(Date.parse(start) + kind.hours * 3_600_000).toISOString();
  const cancelled = !planned && random() < 0.03;
  return {
    id: `enc-large-${String(index + 1).padStart(4, '0')}`,
    patientId,
    status: planned ? 'planned' : cancelled ? 'cancelled' : 'finished',
    classCode: kind.classCode,
    type: kind.type,
    ...(kind.serviceType ? { serviceType: kind.serviceType } : {}),
    start,
    ...(planned || cancelled ? {} : { end }),
    source: route(random, kind.org),
    ...(kind.discharge && !planned && !cancelled ? { discharge: kind.discharge } : {}),
    lastUpdatedHoursAgo: Math.floor(random() * 24 * 30) + 1,
  };
}

/** Fifteen years of contacts over many pages, mostly finished; a few planned and cancelled. */
export function largeEncounters(now: Date): BuiltItem<Encounter>[] {
  const random = seededRandom(20250307);
  return Array.from({ length: LARGE_ENCOUNTER_COUNT }, (_, i) => encounter(spec(random, i, now), now));
}
