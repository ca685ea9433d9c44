import { MOCK_PATIENT_IDS } from '../patients.js';
import { seededRandom } from '../clock.js';
import { MEDICINES, type Medicine } from './medicines.js';
import { medicationRequest, medicationStatement, type MedicationItemSpec, type SourceLink } from './medication-items.js';
import { ORG_IDS } from './organisations.js';
import { addBuilt, emptyRecord, type PatientRecord } from './record.js';

export const LARGE_STATEMENT_COUNT = 1050;
export const LARGE_REQUEST_COUNT = 600;

const patientId = MOCK_PATIENT_IDS.large;
const medicines: Medicine[] = Object.values(MEDICINES);
const sourceOrgIds = Object.values(ORG_IDS);

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function randomSource(random: () => number): SourceLink {
  const roll = random();
  const orgId = pick(random, sourceOrgIds);
  if (roll < 0.8) return { via: 'resource', reference: `Organization/${orgId}` };
  if (roll < 0.9) return { via: 'provenance', orgId };
  if (roll < 0.97) return { via: 'meta.source', orgId };
  return { via: 'none' };
}

/** Mostly finished courses spread over 15 years, as in a long life with many admissions. */
function randomSpec(random: () => number, id: string, statuses: readonly string[]): MedicationItemSpec {
  const startDaysAgo = Math.floor(random() * 365 * 15);
  const status = pick(random, statuses);
  const finished = status !== 'active' && status !== 'on-hold';
  const spec: MedicationItemSpec = {
    id,
    patientId,
    medication: { medicine: pick(random, medicines) },
    status,
    startDaysAgo,
    source: randomSource(random),
    lastUpdatedHoursAgo: Math.floor(random() * 24 * 30) + 1,
  };
  if (finished) spec.endDaysAgo = Math.max(0, startDaysAgo - 1 - Math.floor(random() * 90));
  return spec;
}

const STATEMENT_STATUSES = ['completed', 'completed', 'completed', 'stopped', 'active', 'on-hold', 'unknown'] as const;
const REQUEST_STATUSES = ['completed', 'completed', 'stopped', 'cancelled', 'active', 'on-hold'] as const;

export function buildLargeRecord(now: Date): PatientRecord {
  const random = seededRandom(20240611);
  const record = emptyRecord(patientId);
  const pad = (n: number) => String(n).padStart(4, '0');
  addBuilt(
    record,
    Array.from({ length: LARGE_STATEMENT_COUNT }, (_, i) =>
      medicationStatement(randomSpec(random, `ms-large-${pad(i + 1)}`, STATEMENT_STATUSES), now),
    ),
  );
  addBuilt(
    record,
    Array.from({ length: LARGE_REQUEST_COUNT }, (_, i) =>
      medicationRequest(randomSpec(random, `mr-large-${pad(i + 1)}`, REQUEST_STATUSES), now),
    ),
  );
  return record;
}
