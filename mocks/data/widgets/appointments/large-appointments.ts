import type { Appointment } from '@medplum/fhirtypes';
import { seededRandom } from '../../../clock.js';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import type { BuiltItem } from '../../medication-items.js';
import type { SourceOrgKey } from '../../organisations.js';
import { CONTACT_TYPES, SPECIALTIES, type Concept } from '../encounters/codes.js';
import { dayAt } from '../encounters/when.js';
import { appointment, type AppointmentSource, type AppointmentSpec } from './appointment-builder.js';

export const LARGE_APPOINTMENT_COUNT = 320;
/** Share of the large record's appointments that are still to come. */
export const LARGE_UPCOMING_SHARE = 0.7;

const patientId = MOCK_PATIENT_IDS.large;

interface Clinic {
  org: SourceOrgKey;
  place: string;
  specialty?: Concept;
  serviceType?: Concept;
  minutes: number;
}

const CLINICS: Clinic[] = [
  { org: 'gp', place: 'Riverside Medical Practice, Main Surgery', specialty: SPECIALTIES.generalPractice, minutes: 10 },
  { org: 'acuteLive', place: 'Cardiology Outpatients, Riverside General Hospital', specialty: SPECIALTIES.cardiology, minutes: 20 },
  { org: 'acuteLive', place: 'Echocardiography Service, Riverside General Hospital', serviceType: CONTACT_TYPES.echocardiography, minutes: 45 },
  { org: 'acuteStale', place: "Respiratory Outpatients, St Anselm's Hospital", specialty: SPECIALTIES.respiratory, minutes: 20 },
  { org: 'acuteStale', place: "Eye Clinic, St Anselm's Hospital", specialty: SPECIALTIES.ophthalmology, minutes: 30 },
  { org: 'community', place: 'Riverside Health Centre', serviceType: CONTACT_TYPES.diabeticFootExamination, minutes: 20 },
  { org: 'mentalHealth', place: 'Memory Service, Riverside Resource Centre', specialty: SPECIALTIES.psychiatry, minutes: 45 },
  { org: 'socialCare', place: 'Adult Social Care Review Team', serviceType: { display: 'Care and support plan review' }, minutes: 60 },
];

const UPCOMING_STATUSES = ['booked', 'booked', 'booked', 'booked', 'pending', 'cancelled'] as const;
const PAST_STATUSES = ['fulfilled', 'fulfilled', 'fulfilled', 'noshow', 'cancelled'] as const;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function source(random: () => number, clinic: Clinic): AppointmentSource {
  const roll = random();
  if (roll < 0.45) return { via: 'location', org: clinic.org, name: clinic.place };
  if (roll < 0.6) return { via: 'service', org: clinic.org, name: clinic.place };
  if (roll < 0.75) return { via: 'meta.source', org: clinic.org };
  if (roll < 0.88) return { via: 'provenance', org: clinic.org };
  if (roll < 0.97) return { via: 'booking', org: clinic.org };
  return { via: 'none' };
}

function spec(random: () => number, index: number, now: Date): AppointmentSpec {
  const clinic = pick(random, CLINICS);
  const upcoming = random() < LARGE_UPCOMING_SHARE;
  const days = upcoming ? 1 + Math.floor(random() * 365) : -(1 + Math.floor(random() * 365 * 10));
  const start = dayAt(now, days, 8 + Math.floor(random() * 9), Math.floor(random() * 6) * 10);
  return {
    id: `appt-large-${String(index + 1).padStart(4, '0')}`,
    patientId,
    status: pick(random, upcoming ? UPCOMING_STATUSES : PAST_STATUSES),
    start,
    end: new Date(Date.parse(start) + clinic.minutes * 60_000).toISOString(),
    ...(clinic.specialty ? { specialty: clinic.specialty } : {}),
    ...(clinic.serviceType ? { serviceType: clinic.serviceType } : {}),
    source: source(random, clinic),
    lastUpdatedHoursAgo: Math.floor(random() * 24 * 30) + 1,
  };
}

/** Ten years of clinic appointments and a year of bookings ahead, over several pages. */
export function largeAppointments(now: Date): BuiltItem<Appointment>[] {
  const random = seededRandom(20250911);
  return Array.from({ length: LARGE_APPOINTMENT_COUNT }, (_, i) => appointment(spec(random, i, now), now));
}
