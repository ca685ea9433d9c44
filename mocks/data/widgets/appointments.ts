import { MOCK_PATIENT_IDS } from '../../patients.js';
import { withheldOutcome } from '../../fhir/outcomes.js';
import { addBuilt, type PatientRecord } from '../record.js';
import { appointment } from './appointments/appointment-builder.js';
import { largeAppointments } from './appointments/large-appointments.js';
import { richAppointments } from './appointments/rich-appointments.js';
import { SPECIALTIES } from './encounters/codes.js';
import { dayAt } from './encounters/when.js';

function addBadHieAppointments(record: PatientRecord, now: Date): void {
  const patientId = record.patientId;
  addBuilt(record, [
    appointment({ id: 'appt-bad-gp', patientId, status: 'booked', start: dayAt(now, 6, 9, 0), end: dayAt(now, 6, 9, 10), specialty: SPECIALTIES.generalPractice, source: { via: 'location', org: 'gp', name: 'Riverside Medical Practice, Main Surgery' }, lastUpdatedHoursAgo: 20 }, now),
    appointment({ id: 'appt-bad-respiratory', patientId, status: 'fulfilled', start: dayAt(now, -40, 10, 0), end: dayAt(now, -40, 10, 20), specialty: SPECIALTIES.respiratory, source: { via: 'location', org: 'acuteStale', name: "Respiratory Outpatients, St Anselm's Hospital" }, lastUpdatedHoursAgo: 21 }, now),
  ]);
}

/**
 * Appointments for the mock patients: the rich record's bookings from every kind of source (one
 * withheld at source), a long list for the large record, two for the bad-HIE patient. Planned
 * Encounters, which the appointments widget shows too, come from encounters.ts. The empty and
 * objection records stay empty.
 */
export function addAppointments(records: Map<string, PatientRecord>, now: Date): void {
  const rich = records.get(MOCK_PATIENT_IDS.rich);
  if (rich) {
    addBuilt(rich, richAppointments(now));
    rich.notices['Appointment'] = [withheldOutcome(1, 'sensitive appointment', 'withheld-rich-appointments')];
    rich.redactedTypes.push('Appointment');
  }
  const large = records.get(MOCK_PATIENT_IDS.large);
  if (large) addBuilt(large, largeAppointments(now));
  const bad = records.get(MOCK_PATIENT_IDS.badHie);
  if (bad) addBadHieAppointments(bad, now);
}
