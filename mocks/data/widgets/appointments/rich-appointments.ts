import type { Appointment } from '@medplum/fhirtypes';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import type { BuiltItem } from '../../medication-items.js';
import { PRACTITIONER_ROLE_IDS } from '../../organisations.js';
import { CONTACT_TYPES, SPECIALTIES } from '../encounters/codes.js';
import { dayAt } from '../encounters/when.js';
import { appointment, type AppointmentSpec } from './appointment-builder.js';

const patientId = MOCK_PATIENT_IDS.rich;

const MENTAL_HEALTH = [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY', display: 'psychiatry disorder information sensitivity' }];
const AF = { code: '49436004', display: 'Atrial fibrillation' };

type Spec = Omit<AppointmentSpec, 'patientId'>;

/**
 * Mrs Ellwood's bookings after her admission with new atrial fibrillation: cardiology (sent by the
 * hospital and by her GP), an echo, a DEXA scan the hospital cancelled, St Anselm's respiratory
 * clinic (stale feed) and a spirometry slot whose outcome never arrived, district nursing, social
 * care, the memory service, a cataract referral on the waiting list; and past ones, including a
 * missed eye screening.
 */
function upcoming(now: Date): Spec[] {
  return [
    { id: 'appt-rich-district-nurse', status: 'booked', start: dayAt(now, 2, 9, 30), end: dayAt(now, 2, 10, 0), serviceType: { display: 'District nursing visit: leg ulcer dressing' }, source: { via: 'meta.source', org: 'community' }, locationDisplay: "Patient's home", channel: 'In-person', lastUpdatedHoursAgo: 4 },
    { id: 'appt-rich-gp-diabetes-review', status: 'booked', start: dayAt(now, 3, 9, 10), end: dayAt(now, 3, 9, 30), specialty: SPECIALTIES.generalPractice, description: 'Diabetes annual review with the practice nurse', source: { via: 'location', org: 'gp', name: 'Riverside Medical Practice, Main Surgery' }, practitioner: { display: 'Joy Adeyemi, Practice Nurse' }, appointmentType: 'CHECKUP', lastUpdatedHoursAgo: 30 },
    { id: 'appt-rich-echo', status: 'booked', start: dayAt(now, 5, 11, 0), end: dayAt(now, 5, 11, 45), serviceType: CONTACT_TYPES.echocardiography, source: { via: 'service', org: 'acuteLive', name: 'Echocardiography Service, Riverside General Hospital' }, reason: AF, lastUpdatedHoursAgo: 0.5 },
    { id: 'appt-rich-dexa-cancelled', status: 'cancelled', start: dayAt(now, 8, 14, 0), end: dayAt(now, 8, 14, 30), serviceType: CONTACT_TYPES.boneDensityScan, source: { via: 'location', org: 'acuteStale', name: "Radiology Department, St Anselm's Hospital" }, cancellationReason: 'Cancelled by the hospital: scanner out of service. A new date will be sent', lastUpdatedHoursAgo: 21 },
    { id: 'appt-rich-cardiology-clinic', status: 'booked', start: dayAt(now, 12, 10, 30), end: dayAt(now, 12, 11, 0), specialty: SPECIALTIES.cardiology, appointmentType: 'FOLLOWUP', description: 'New atrial fibrillation: review after admission', source: { via: 'location', org: 'acuteLive', name: 'Cardiology Outpatients, Riverside General Hospital' }, practitioner: { display: 'Dr Aisha Rahman', roleId: PRACTITIONER_ROLE_IDS.riversideCardiology }, bookedBy: 'gp', reason: AF, channel: 'In-person', lastUpdatedHoursAgo: 0.5 },
    { id: 'appt-rich-cardiology-clinic-gp-record', status: 'booked', start: dayAt(now, 12, 10, 30), end: dayAt(now, 12, 11, 0), specialty: SPECIALTIES.cardiology, description: 'Cardiology follow-up (e-Referral)', source: { via: 'meta.source', org: 'gp' }, locationDisplay: 'Riverside General Hospital', lastUpdatedHoursAgo: 30 },
    { id: 'appt-rich-social-care-review', status: 'booked', start: dayAt(now, 15, 14, 0), end: dayAt(now, 15, 15, 0), serviceType: { display: 'Care and support plan review' }, source: { via: 'service', org: 'socialCare', name: 'Adult Social Care Review Team' }, locationDisplay: "Patient's home", channel: 'In-person', lastUpdatedHoursAgo: 8 },
    { id: 'appt-rich-respiratory-clinic', status: 'booked', start: dayAt(now, 20, 9, 0), end: dayAt(now, 20, 9, 30), specialty: SPECIALTIES.respiratory, appointmentType: 'FOLLOWUP', description: 'COPD follow-up after admission', source: { via: 'location', org: 'acuteStale', name: "Respiratory Outpatients, St Anselm's Hospital" }, practitioner: { display: 'Dr Tomasz Nowak', roleId: PRACTITIONER_ROLE_IDS.stAnselmsRespiratory }, lastUpdatedHoursAgo: 21 },
    { id: 'appt-rich-foot-check', status: 'booked', start: dayAt(now, 25, 11, 20), end: dayAt(now, 25, 11, 40), serviceType: CONTACT_TYPES.diabeticFootExamination, source: { via: 'none' }, locationDisplay: 'Riverside Health Centre', lastUpdatedHoursAgo: 100 },
    { id: 'appt-rich-memory-service', status: 'booked', start: dayAt(now, 35, 14, 0), end: dayAt(now, 35, 14, 45), specialty: SPECIALTIES.psychiatry, serviceType: { display: 'Memory service review' }, source: { via: 'provenance', org: 'mentalHealth' }, channel: 'Video', security: MENTAL_HEALTH, lastUpdatedHoursAgo: 7 },
    { id: 'appt-rich-audiology-pending', status: 'pending', start: dayAt(now, 40, 15, 30), end: dayAt(now, 40, 16, 0), serviceType: { display: 'Hearing assessment (audiology)' }, source: { via: 'meta.source', org: 'acuteLive' }, lastUpdatedHoursAgo: 2 },
    { id: 'appt-rich-cataract-waitlist', status: 'waitlist', requested: { start: dayAt(now, 30, 0, 0).slice(0, 10), end: dayAt(now, 90, 0, 0).slice(0, 10) }, specialty: SPECIALTIES.ophthalmology, description: 'Cataract assessment (right eye)', source: { via: 'booking', org: 'gp' }, lastUpdatedHoursAgo: 300 },
    { id: 'appt-rich-entered-in-error', status: 'entered-in-error', start: dayAt(now, 12, 10, 30), specialty: SPECIALTIES.cardiology, source: { via: 'location', org: 'acuteLive', name: 'Cardiology Outpatients, Riverside General Hospital' }, lastUpdatedHoursAgo: 3 },
  ];
}

function past(now: Date): Spec[] {
  return [
    { id: 'appt-rich-spirometry-no-outcome', status: 'booked', start: dayAt(now, -4, 13, 0), end: dayAt(now, -4, 13, 30), serviceType: { display: 'Spirometry (lung function test)' }, source: { via: 'location', org: 'acuteStale', name: "Lung Function Unit, St Anselm's Hospital" }, lastUpdatedHoursAgo: 21 },
    { id: 'appt-rich-ooh-gp', status: 'fulfilled', start: dayAt(now, -20, 3, 30), end: dayAt(now, -20, 3, 45), serviceType: { display: 'Out-of-hours GP appointment (booked by NHS 111)' }, source: { via: 'location', org: 'outOfHours', name: 'Riverside Out of Hours Primary Care Centre' }, lastUpdatedHoursAgo: 480 },
    { id: 'appt-rich-respiratory-cancelled', status: 'cancelled', start: dayAt(now, -25, 10, 0), end: dayAt(now, -25, 10, 30), specialty: SPECIALTIES.respiratory, source: { via: 'location', org: 'acuteStale', name: "Respiratory Outpatients, St Anselm's Hospital" }, cancellationReason: 'Cancelled by the hospital: clinician unavailable', lastUpdatedHoursAgo: 21 },
    { id: 'appt-rich-memory-service-past', status: 'fulfilled', start: dayAt(now, -45, 14, 0), end: dayAt(now, -45, 14, 45), specialty: SPECIALTIES.psychiatry, serviceType: { display: 'Memory service review' }, source: { via: 'provenance', org: 'mentalHealth' }, security: MENTAL_HEALTH, lastUpdatedHoursAgo: 1000 },
    { id: 'appt-rich-gp-review-past', status: 'fulfilled', start: dayAt(now, -50, 9, 10), end: dayAt(now, -50, 9, 25), specialty: SPECIALTIES.generalPractice, description: 'Breathlessness review after discharge', source: { via: 'location', org: 'gp', name: 'Riverside Medical Practice, Main Surgery' }, lastUpdatedHoursAgo: 1190 },
    { id: 'appt-rich-eye-screening-dna', status: 'noshow', start: dayAt(now, -65, 10, 20), end: dayAt(now, -65, 10, 35), serviceType: CONTACT_TYPES.diabeticRetinopathyScreening, source: { via: 'service', org: 'community', name: 'Riverside Diabetic Eye Screening Programme' }, lastUpdatedHoursAgo: 1500 },
  ];
}

export function richAppointments(now: Date): BuiltItem<Appointment>[] {
  return [...upcoming(now), ...past(now)].map((spec) => appointment({ ...spec, patientId }, now));
}
