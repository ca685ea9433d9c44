import type { Resource } from '@medplum/fhirtypes';
import { dateDaysAgo } from '../../clock.js';
import { withheldOutcome } from '../../fhir/outcomes.js';
import { MOCK_PATIENT_IDS } from '../../patients.js';
import { addBuilt, type PatientRecord } from '../record.js';
import { addRelatedOnce, buildClinicians } from './problems/clinicians.js';
import { condition } from './problems/condition-items.js';
import { largeProblems } from './problems/large-problems.js';
import { richProblems } from './problems/rich-problems.js';

function badHieProblems(now: Date) {
  const patientId = MOCK_PATIENT_IDS.badHie;
  const gp = { via: 'recorder', org: 'gp' } as const;
  return [
    condition({ id: 'cond-bad-asthma', patientId, problem: { code: '195967001', display: 'Asthma' }, clinical: 'active', verification: 'confirmed', category: 'problem-list-item', timing: { onsetDateTime: dateDaysAgo(now, 6000).slice(0, 4) }, recordedDate: dateDaysAgo(now, 5900), source: gp, lastUpdatedHoursAgo: 20 }, now),
    condition({ id: 'cond-bad-anxiety', patientId, problem: { code: '197480006', display: 'Anxiety disorder' }, clinical: 'active', verification: 'confirmed', category: 'problem-list-item', timing: { onsetDateTime: dateDaysAgo(now, 400) }, recordedDate: dateDaysAgo(now, 90), source: gp, lastUpdatedHoursAgo: 20 }, now),
  ];
}

/**
 * Conditions (problems and diagnoses): the rich patient's from every kind of source, 340 for the
 * large patient, two for the bad-HIE patient; the empty and objection patients have none.
 */
export function addProblems(records: Map<string, PatientRecord>, now: Date): void {
  const clinicians: Resource[] = buildClinicians();
  const rich = records.get(MOCK_PATIENT_IDS.rich);
  if (rich) {
    addBuilt(rich, richProblems(now));
    addRelatedOnce(rich, clinicians);
    rich.notices['Condition'] = [withheldOutcome(1, 'sensitive', 'withheld-rich-conditions')];
    rich.redactedTypes.push('Condition');
  }
  const large = records.get(MOCK_PATIENT_IDS.large);
  if (large) {
    addBuilt(large, largeProblems(now));
    addRelatedOnce(large, clinicians);
  }
  const bad = records.get(MOCK_PATIENT_IDS.badHie);
  if (bad) {
    addBuilt(bad, badHieProblems(now));
    addRelatedOnce(bad, clinicians);
  }
}
