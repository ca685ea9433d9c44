import { MOCK_PATIENT_IDS } from '../../patients.js';
import { ORG_IDS } from '../organisations.js';
import type { PatientRecord } from '../record.js';
import { observation } from './results/builders.js';
import { addLargeResults } from './results/large.js';
import { addResultItems } from './results/panels.js';
import { addRichResults } from './results/rich.js';
import { TESTS } from './results/tests.js';

function addBadHieResults(record: PatientRecord, now: Date): void {
  const patientId = record.patientId;
  const gp = { via: 'resource', reference: `Organization/${ORG_IDS.gp}` } as const;
  addResultItems(record, [
    observation({ id: 'obs-bad-hba1c', patientId, test: TESTS.hba1c, value: { number: 48 }, takenHoursAgo: 24 * 60, source: gp, lastUpdatedHoursAgo: 24 * 59 }, now),
    observation({
      id: 'obs-bad-bp', patientId, test: TESTS.bloodPressure, takenHoursAgo: 24 * 60, source: gp, lastUpdatedHoursAgo: 24 * 60,
      components: [{ test: TESTS.systolic, value: { number: 124 } }, { test: TESTS.diastolic, value: { number: 76 } }],
    }, now),
  ]);
}

/**
 * DiagnosticReports and Observations (laboratory and vital signs) for the mock patients: a
 * multi-source set for the rich record, 460 Observations for the large one, two for the bad HIE.
 */
export function addResults(records: Map<string, PatientRecord>, now: Date): void {
  const rich = records.get(MOCK_PATIENT_IDS.rich);
  if (rich) addRichResults(rich, now);
  const large = records.get(MOCK_PATIENT_IDS.large);
  if (large) addLargeResults(large, now);
  const bad = records.get(MOCK_PATIENT_IDS.badHie);
  if (bad) addBadHieResults(bad, now);
}
