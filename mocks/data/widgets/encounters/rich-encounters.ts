import type { Encounter, Location } from '@medplum/fhirtypes';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import type { BuiltItem } from '../../medication-items.js';
import { CONTACT_TYPES, DISCHARGE, SPECIALTIES } from './codes.js';
import { buildLocation, encounter, type EncounterSpec, type MockLocation } from './encounter-builder.js';
import { dayAt } from './when.js';

const patientId = MOCK_PATIENT_IDS.rich;

export const RICH_LOCATIONS = {
  riversideEd: { id: 'loc-riverside-emergency-department', name: 'Emergency Department, Riverside General Hospital', org: 'acuteLive' },
  riversideAmu: { id: 'loc-riverside-acute-medical-unit', name: 'Acute Medical Unit, Riverside General Hospital', org: 'acuteLive' },
  riversideWard7b: { id: 'loc-riverside-ward-7b', name: 'Ward 7B (Cardiology), Riverside General Hospital', org: 'acuteLive' },
  riversideDayUnit: { id: 'loc-riverside-cardiac-day-unit', name: 'Cardiac Day Unit, Riverside General Hospital', org: 'acuteLive' },
  stAnselmsWard4: { id: 'loc-st-anselms-ward-4', name: "Ward 4 (Respiratory), St Anselm's Hospital", org: 'acuteStale' },
  oohCentre: { id: 'loc-riverside-ooh-primary-care-centre', name: 'Riverside Out of Hours Primary Care Centre', org: 'outOfHours' },
} as const satisfies Record<string, MockLocation>;

const EMERGENCY_VIA_ED = {
  code: '21',
  display: 'Emergency Admission: Emergency Care Department or dental casualty department of the Health Care Provider',
};

const MENTAL_HEALTH = [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY', display: 'psychiatry disorder information sensitivity' }];

type Spec = Omit<EncounterSpec, 'patientId'>;

/**
 * Mrs Ellwood's contacts: a COPD admission at St Anselm's (the stale batch feed), a 111 call and an
 * out-of-hours visit for a urine infection, then chest pain: ambulance, A&E (also recorded by her
 * GP) and a cardiology admission with new atrial fibrillation; district nursing, memory service,
 * social care and GP contacts around them.
 */
function specs(now: Date): Spec[] {
  const L = RICH_LOCATIONS;
  return [
    { id: 'enc-rich-ambulance-chest-pain', status: 'finished', classCode: 'FLD', type: CONTACT_TYPES.emergencyMedicalServices, typeText: 'Emergency ambulance response and conveyance', start: dayAt(now, -9, 13, 10), end: dayAt(now, -9, 14, 2), source: { via: 'meta.source', org: 'ambulance' }, locations: ["Patient's home"], reason: 'Central chest pain', discharge: 'Conveyed to Emergency Department, Riverside General Hospital', lastUpdatedHoursAgo: 215 },
    { id: 'enc-rich-ed-chest-pain', status: 'finished', classCode: 'EMER', type: CONTACT_TYPES.emergencyDepartmentVisit, start: dayAt(now, -9, 14, 5), end: dayAt(now, -9, 19, 40), source: { via: 'resource', org: 'acuteLive' }, locations: [L.riversideEd], reason: { code: '29857009', display: 'Chest pain' }, discharge: DISCHARGE.ward, lastUpdatedHoursAgo: 200 },
    { id: 'enc-rich-ed-chest-pain-gp-record', status: 'finished', classCode: 'EMER', type: CONTACT_TYPES.emergencyDepartmentVisit, start: dayAt(now, -9, 14, 5), source: { via: 'meta.source', org: 'gp' }, locations: ['Riverside General Hospital'], reason: 'Chest pain. Admitted under cardiology', lastUpdatedHoursAgo: 30 },
    { id: 'enc-rich-admission-af', status: 'finished', classCode: 'IMP', type: CONTACT_TYPES.emergencyAdmission, serviceType: SPECIALTIES.cardiology, start: dayAt(now, -9, 19, 40), end: dayAt(now, -3, 11, 15), source: { via: 'resource', org: 'acuteLive' }, locations: [L.riversideAmu, L.riversideWard7b], admissionMethod: EMERGENCY_VIA_ED, reason: { code: '49436004', display: 'Atrial fibrillation' }, discharge: DISCHARGE.home, practitioner: 'Dr Aisha Rahman', lastUpdatedHoursAgo: 0.5 },
    { id: 'enc-rich-district-nurse-1', status: 'finished', classCode: 'HH', type: CONTACT_TYPES.homeVisit, typeText: 'District nursing visit: leg ulcer dressing', start: dayAt(now, -14, 10, 0), end: dayAt(now, -14, 10, 40), source: { via: 'provenance', org: 'community' }, locations: ["Patient's home"], lengthMinutes: 40, lastUpdatedHoursAgo: 300 },
    { id: 'enc-rich-district-nurse-2', status: 'finished', classCode: 'HH', type: CONTACT_TYPES.homeVisit, typeText: 'District nursing visit: leg ulcer dressing', start: dayAt(now, -2, 9, 30), end: dayAt(now, -2, 10, 0), source: { via: 'resource', org: 'community' }, locations: ["Patient's home"], lengthMinutes: 30, lastUpdatedHoursAgo: 4 },
    { id: 'enc-rich-111-call', status: 'finished', classCode: 'VR', type: CONTACT_TYPES.telephoneEncounter, typeText: 'NHS 111 telephone assessment', start: dayAt(now, -20, 2, 14), end: dayAt(now, -20, 2, 32), source: { via: 'resource', org: 'outOfHours' }, reason: 'Burning when passing urine, feeling hot', discharge: 'Speak to a GP within 2 hours (out of hours)', lengthMinutes: 18, lastUpdatedHoursAgo: 480 },
    { id: 'enc-rich-ooh-gp', status: 'finished', classCode: 'AMB', type: CONTACT_TYPES.consultation, typeText: 'Out-of-hours GP consultation', start: dayAt(now, -20, 3, 30), end: dayAt(now, -20, 3, 45), source: { via: 'resource', org: 'outOfHours' }, locations: [L.oohCentre], reason: { code: '68566005', display: 'Urinary tract infectious disease' }, discharge: 'Home with antibiotics; see own GP if not improving', lengthMinutes: 15, lastUpdatedHoursAgo: 480 },
    { id: 'enc-rich-admission-copd', status: 'finished', classCode: 'IMP', type: CONTACT_TYPES.emergencyAdmission, serviceType: SPECIALTIES.respiratory, start: dayAt(now, -40, 16, 20), end: dayAt(now, -33, 12, 0), source: { via: 'resource', org: 'acuteStale' }, locations: [L.stAnselmsWard4], admissionMethod: EMERGENCY_VIA_ED, reason: { code: '195951007', display: 'Acute exacerbation of chronic obstructive airways disease' }, discharge: 'Usual place of residence', lastUpdatedHoursAgo: 21 },
    { id: 'enc-rich-memory-service', status: 'finished', classCode: 'AMB', type: CONTACT_TYPES.followUpVisit, serviceType: SPECIALTIES.psychiatry, typeText: 'Memory service follow-up (older adults mental health)', start: dayAt(now, -45, 14, 0), end: dayAt(now, -45, 14, 45), source: { via: 'resource', org: 'mentalHealth' }, locations: ['Memory Service, Riverside Resource Centre'], lengthMinutes: 45, security: MENTAL_HEALTH, lastUpdatedHoursAgo: 1000 },
    { id: 'enc-rich-social-care-assessment', status: 'finished', classCode: 'HH', type: CONTACT_TYPES.socialCareNeedsAssessment, typeText: 'Care Act needs assessment', start: dayAt(now, -60, 11, 0), end: dayAt(now, -60, 12, 30), source: { via: 'resource', org: 'socialCare' }, locations: ["Patient's home"], discharge: 'Eligible: twice-daily home care package', lastUpdatedHoursAgo: 1400 },
    { id: 'enc-rich-gp-review', status: 'finished', classCode: 'AMB', type: CONTACT_TYPES.consultation, serviceType: SPECIALTIES.generalPractice, start: dayAt(now, -50, 9, 10), end: dayAt(now, -50, 9, 25), source: { via: 'resource', org: 'gp' }, locations: ['Riverside Medical Practice'], reason: 'Breathlessness review after discharge', lastUpdatedHoursAgo: 1190 },
    { id: 'enc-rich-walk-in', status: 'finished', classCode: 'AMB', type: CONTACT_TYPES.consultation, typeText: 'Walk-in centre attendance', start: dayAt(now, -70, 17, 0), source: { via: 'none' }, locations: ['Riverside Walk-in Centre'], reason: 'Minor cut to left hand', lastUpdatedHoursAgo: 1680 },
    { id: 'enc-rich-respiratory-cancelled', status: 'cancelled', classCode: 'AMB', type: CONTACT_TYPES.followUpVisit, serviceType: SPECIALTIES.respiratory, start: dayAt(now, -25, 10, 0), source: { via: 'resource', org: 'acuteStale' }, locations: ["Respiratory Outpatients, St Anselm's Hospital"], lastUpdatedHoursAgo: 21 },
    { id: 'enc-rich-cardioversion-planned', status: 'planned', classCode: 'SS', type: CONTACT_TYPES.cardioversion, typeText: 'Day-case elective DC cardioversion', serviceType: SPECIALTIES.cardiology, start: dayAt(now, 30, 8, 0), end: dayAt(now, 30, 16, 0), source: { via: 'resource', org: 'acuteLive' }, locations: [L.riversideDayUnit], admissionMethod: { code: '13', display: 'Elective Admission: Planned' }, lastUpdatedHoursAgo: 1 },
    { id: 'enc-rich-entered-in-error', status: 'entered-in-error', classCode: 'AMB', type: CONTACT_TYPES.consultation, start: dayAt(now, -50, 9, 10), source: { via: 'resource', org: 'gp' }, lastUpdatedHoursAgo: 1100 },
  ];
}

export function richEncounters(now: Date): { built: BuiltItem<Encounter>[]; locations: Location[] } {
  return {
    built: specs(now).map((spec) => encounter({ ...spec, patientId }, now)),
    locations: Object.values(RICH_LOCATIONS).map(buildLocation),
  };
}
