import { dateDaysAgo } from '../../clock.js';
import { withheldOutcome } from '../../fhir/outcomes.js';
import { MOCK_PATIENT_IDS } from '../../patients.js';
import { addBuilt, type PatientRecord } from '../record.js';
import { allergy } from './allergies/allergy-items.js';
import { largeAllergies } from './allergies/large-allergies.js';
import { MANIFESTATIONS, richAllergies } from './allergies/rich-allergies.js';
import { addRelatedOnce, buildClinicians } from './problems/clinicians.js';

/** The GP records "No known drug allergy"; the hospital a peanut allergy: a coherent pair. */
function badHieAllergies(now: Date) {
  const patientId = MOCK_PATIENT_IDS.badHie;
  return [
    allergy({ id: 'ai-bad-nkda', patientId, substance: { code: '409137002', display: 'No known drug allergy' }, clinical: 'active', verification: 'confirmed', recordedDate: dateDaysAgo(now, 700), source: { via: 'recorder', org: 'gp' }, lastUpdatedHoursAgo: 20 }, now),
    allergy({ id: 'ai-bad-peanut', patientId, substance: { code: '91935009', display: 'Allergy to peanuts' }, clinical: 'active', verification: 'confirmed', type: 'allergy', category: ['food'], criticality: 'high', timing: { onsetString: 'Childhood' }, recordedDate: dateDaysAgo(now, 200), source: { via: 'recorder', org: 'acuteLive' }, reactions: [{ manifestations: [MANIFESTATIONS.angioedema, MANIFESTATIONS.wheeze], severity: 'severe' }], lastUpdatedHoursAgo: 150 }, now),
  ];
}

/**
 * AllergyIntolerances: the rich patient's from several sources (with a "No known food allergy"
 * statement from social care), 320 for the large patient, a "No known drug allergy" statement and
 * a peanut allergy for the bad-HIE patient; the empty and objection patients have none.
 */
export function addAllergies(records: Map<string, PatientRecord>, now: Date): void {
  const clinicians = buildClinicians();
  const rich = records.get(MOCK_PATIENT_IDS.rich);
  if (rich) {
    addBuilt(rich, richAllergies(now));
    addRelatedOnce(rich, clinicians);
    rich.notices['AllergyIntolerance'] = [withheldOutcome(1, 'sensitive', 'withheld-rich-allergies')];
    rich.redactedTypes.push('AllergyIntolerance');
  }
  const large = records.get(MOCK_PATIENT_IDS.large);
  if (large) {
    addBuilt(large, largeAllergies(now));
    addRelatedOnce(large, clinicians);
  }
  const bad = records.get(MOCK_PATIENT_IDS.badHie);
  if (bad) {
    addBuilt(bad, badHieAllergies(now));
    addRelatedOnce(bad, clinicians);
  }
}
