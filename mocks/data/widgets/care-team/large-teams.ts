import type { CareTeam, CodeableConcept } from '@medplum/fhirtypes';
import { seededRandom } from '../../../clock.js';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import type { BuiltItem } from '../../medication-items.js';
import { ORG_IDS } from '../../organisations.js';
import type { SourceLink } from './item-source.js';
import { text } from './people.js';
import { careTeam, member, TEAM_CATEGORIES } from './team-items.js';

export const LARGE_CARE_TEAM_COUNT = 310;

const TEAMS: { name: string; category: CodeableConcept; roles: string[] }[] = [
  { name: 'Cardiology outpatients', category: TEAM_CATEGORIES.episode, roles: ['Consultant cardiologist', 'Heart failure nurse specialist'] },
  { name: 'Diabetes specialist team', category: TEAM_CATEGORIES.condition, roles: ['Diabetes specialist nurse', 'Dietitian'] },
  { name: 'District nursing', category: TEAM_CATEGORIES.community, roles: ['District nurse', 'Healthcare assistant'] },
  { name: 'Falls prevention service', category: TEAM_CATEGORIES.episode, roles: ['Physiotherapist', 'Occupational therapist'] },
  { name: 'Frailty multidisciplinary team', category: TEAM_CATEGORIES.longitudinal, roles: ['Geriatrician', 'Community matron', 'Pharmacist'] },
  { name: 'Home care and support', category: TEAM_CATEGORIES.community, roles: ['Care coordinator', 'Domiciliary care provider'] },
  { name: 'Memory clinic', category: TEAM_CATEGORIES.condition, roles: ['Old age psychiatrist', 'Memory nurse'] },
  { name: 'Orthopaedic ward team', category: TEAM_CATEGORIES.encounter, roles: ['Orthopaedic surgeon', 'Ward sister'] },
  { name: 'Practice team', category: TEAM_CATEGORIES.longitudinal, roles: ['Usual GP', 'Practice nurse'] },
  { name: 'Renal outpatients', category: TEAM_CATEGORIES.condition, roles: ['Consultant nephrologist', 'Renal nurse'] },
  { name: 'Stroke rehabilitation', category: TEAM_CATEGORIES.episode, roles: ['Stroke physician', 'Speech and language therapist'] },
  { name: 'Urgent community response', category: TEAM_CATEGORIES.episode, roles: ['Advanced clinical practitioner'] },
];

/** Mostly current: a long life with many services, most of them still involved. */
const STATUSES: CareTeam['status'][] = ['active', 'active', 'active', 'active', 'active', 'proposed', 'suspended', 'inactive'];

const SURNAMES = ['Ahmed', 'Baker', 'Chen', 'Davies', 'Evans', 'Fernandes', 'Green', 'Hussain', 'Iqbal', 'Jones', 'Kowalski', 'Lewis', 'Murphy', 'Nwosu', 'Patel', 'Quinn', 'Reid', 'Singh', 'Taylor', 'Walsh'];

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

export function largeCareTeams(now: Date): BuiltItem<CareTeam>[] {
  const random = seededRandom(20261127);
  const patientId = MOCK_PATIENT_IDS.large;
  return Array.from({ length: LARGE_CARE_TEAM_COUNT }, (_, i) => {
    const team = pick(random, TEAMS);
    const status = pick(random, STATUSES);
    const startDaysAgo = Math.floor(random() * 365 * 15);
    return careTeam(
      {
        id: `ct-large-${String(i + 1).padStart(4, '0')}`,
        patientId,
        name: team.name,
        status,
        category: team.category,
        startDaysAgo,
        ...(status === 'inactive' ? { endDaysAgo: Math.max(0, startDaysAgo - 1 - Math.floor(random() * 365)) } : {}),
        source: randomSource(random),
        lastUpdatedHoursAgo: Math.floor(random() * 24 * 30) + 1,
        members: team.roles.map((role) =>
          member({ type: 'Practitioner', display: `${pick(random, ['Alex', 'Sam', 'Jo', 'Chris', 'Morgan'])} ${pick(random, SURNAMES)}` }, text(role)),
        ),
      },
      now,
    );
  });
}
