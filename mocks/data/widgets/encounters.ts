import { MOCK_PATIENT_IDS } from '../../patients.js';
import { withheldOutcome } from '../../fhir/outcomes.js';
import { addBuilt, type PatientRecord } from '../record.js';
import { encounter } from './encounters/encounter-builder.js';
import { CONTACT_TYPES } from './encounters/codes.js';
import { largeEncounters } from './encounters/large-encounters.js';
import { richEncounters } from './encounters/rich-encounters.js';
import { dayAt } from './encounters/when.js';

function addBadHieEncounters(record: PatientRecord, now: Date): void {
  const patientId = record.patientId;
  addBuilt(record, [
    encounter({ id: 'enc-bad-gp', patientId, status: 'finished', classCode: 'AMB', type: CONTACT_TYPES.consultation, start: dayAt(now, -12, 10, 0), end: dayAt(now, -12, 10, 15), source: { via: 'resource', org: 'gp' }, lastUpdatedHoursAgo: 20 }, now),
    encounter({ id: 'enc-bad-111', patientId, status: 'finished', classCode: 'VR', type: CONTACT_TYPES.telephoneEncounter, start: dayAt(now, -30, 22, 5), end: dayAt(now, -30, 22, 20), source: { via: 'resource', org: 'outOfHours' }, lastUpdatedHoursAgo: 700 }, now),
  ]);
}

/**
 * Encounters for the mock patients: the rich record's contacts from every kind of source (one
 * withheld at source), fifteen years of contacts for the large record, two for the bad-HIE
 * patient. The empty and objection records stay empty.
 */
export function addEncounters(records: Map<string, PatientRecord>, now: Date): void {
  const rich = records.get(MOCK_PATIENT_IDS.rich);
  if (rich) {
    const { built, locations } = richEncounters(now);
    addBuilt(rich, built);
    rich.related.push(...locations);
    rich.notices['Encounter'] = [withheldOutcome(1, 'confidential', 'withheld-rich-encounters')];
    rich.redactedTypes.push('Encounter');
  }
  const large = records.get(MOCK_PATIENT_IDS.large);
  if (large) addBuilt(large, largeEncounters(now));
  const bad = records.get(MOCK_PATIENT_IDS.badHie);
  if (bad) addBadHieEncounters(bad, now);
}
