import type { Observation } from '@medplum/fhirtypes';
import { seededRandom } from '../../../clock.js';
import type { SourceLink } from '../../medication-items.js';
import { ORG_IDS } from '../../organisations.js';
import type { PatientRecord } from '../../record.js';
import { observation, type ObservationSpec, type ResultValueSpec } from './builders.js';
import { addReports, addResultItems, reportWithResults } from './panels.js';
import { REPORTS, TESTS, type TestDef } from './tests.js';

export const LARGE_STANDALONE_COUNT = 300;
export const LARGE_REPORT_COUNT = 40;

const DAY = 24;
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

/** Mostly in range, sometimes a little out, so trends show both. */
function around(random: () => number, low: number, high: number, decimals = 1): number {
  const span = high - low;
  const value = low - span * 0.15 + random() * span * 1.3;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

const REPEATED: { test: TestDef; low: number; high: number; decimals?: number }[] = [
  { test: TESTS.hba1c, low: 40, high: 70, decimals: 0 },
  { test: TESTS.tsh, low: 0.3, high: 4.5, decimals: 2 },
  { test: TESTS.crp, low: 1, high: 12, decimals: 0 },
  { test: TESTS.haemoglobin, low: 118, high: 150, decimals: 0 },
  { test: TESTS.weight, low: 70, high: 78 },
  { test: TESTS.heartRate, low: 58, high: 96, decimals: 0 },
  { test: TESTS.temperature, low: 36.2, high: 37.6 },
  { test: TESTS.oxygenSaturation, low: 93, high: 99, decimals: 0 },
  { test: TESTS.capillaryGlucose, low: 4.5, high: 9.5 },
];

/** Standalone results spread over 12 years; a few cancelled, amended or preliminary, one in a hundred entered in error. */
function standaloneSpec(random: () => number, index: number, patientId: string): ObservationSpec {
  const id = `obs-large-${String(index + 1).padStart(4, '0')}`;
  const roll = random();
  const status: Observation['status'] =
    roll < 0.03 ? 'cancelled' : roll < 0.04 ? 'entered-in-error' : roll < 0.07 ? 'amended' : roll < 0.09 ? 'preliminary' : 'final';
  const takenHoursAgo = Math.floor(random() * 365 * 12 * DAY) + 1;
  const common = { id, patientId, status, takenHoursAgo, source: randomSource(random), lastUpdatedHoursAgo: Math.floor(random() * 24 * 30) + 1 };
  if (random() < 0.2) {
    return {
      ...common,
      test: TESTS.bloodPressure,
      components: [
        { test: TESTS.systolic, value: { number: Math.round(around(random, 110, 160)) } },
        { test: TESTS.diastolic, value: { number: Math.round(around(random, 65, 95)) } },
      ],
    };
  }
  const choice = pick(random, REPEATED);
  const value: ResultValueSpec | undefined =
    status === 'cancelled' ? undefined : { number: around(random, choice.low, choice.high, choice.decimals ?? 1) };
  return { ...common, test: choice.test, ...(value ? { value } : {}) };
}

export function addLargeResults(record: PatientRecord, now: Date): void {
  const random = seededRandom(20260127);
  const patientId = record.patientId;
  addResultItems(
    record,
    Array.from({ length: LARGE_STANDALONE_COUNT }, (_, i) => observation(standaloneSpec(random, i, patientId), now)),
  );
  addReports(
    record,
    Array.from({ length: LARGE_REPORT_COUNT }, (_, i) => {
      const takenHoursAgo = (i + 1) * 90 * DAY + Math.floor(random() * DAY);
      const source = randomSource(random);
      return reportWithResults(
        { id: `dr-large-ue-${String(i + 1).padStart(3, '0')}`, patientId, report: REPORTS.ureaElectrolytes, takenHoursAgo, source, lastUpdatedHoursAgo: takenHoursAgo - 6 },
        [
          { suffix: 'na', test: TESTS.sodium, value: { number: Math.round(around(random, 134, 145)) } },
          { suffix: 'k', test: TESTS.potassium, value: { number: around(random, 3.6, 5.2) } },
          { suffix: 'creat', test: TESTS.creatinine, value: { number: Math.round(around(random, 70, 120)) } },
          { suffix: 'egfr', test: TESTS.egfr, value: { number: Math.round(around(random, 45, 80)) } },
        ],
        now,
      );
    }),
  );
}
