import type { CodeableConcept } from '@medplum/fhirtypes';

export const SNOMED = 'http://snomed.info/sct';

export interface Concept {
  code?: string;
  display: string;
}

/** A SNOMED CT concept, or text only when no code is given (as many feeds send). */
export function snomed(concept: Concept, text?: string): CodeableConcept {
  return concept.code
    ? { coding: [{ system: SNOMED, code: concept.code, display: concept.display }], ...(text ? { text } : {}) }
    : { text: text ?? concept.display };
}

/** Encounter and appointment types (SNOMED CT procedures). */
export const CONTACT_TYPES = {
  emergencyDepartmentVisit: { code: '4525004', display: 'Emergency department patient visit' },
  emergencyAdmission: { code: '183452005', display: 'Emergency hospital admission' },
  hospitalAdmission: { code: '32485007', display: 'Hospital admission' },
  emergencyMedicalServices: { code: '409971007', display: 'Emergency medical services' },
  telephoneEncounter: { code: '185317003', display: 'Telephone encounter' },
  homeVisit: { code: '439708006', display: 'Home visit' },
  consultation: { code: '11429006', display: 'Consultation' },
  followUpVisit: { code: '185389009', display: 'Follow-up visit' },
  socialCareNeedsAssessment: { code: '710824005', display: 'Assessment of health and social care needs' },
  cardioversion: { code: '250980009', display: 'Cardioversion' },
  echocardiography: { code: '40701008', display: 'Echocardiography' },
  boneDensityScan: { code: '312681000', display: 'Bone density scan' },
  diabeticRetinopathyScreening: { code: '134395001', display: 'Diabetic retinopathy screening' },
  diabeticFootExamination: { code: '401191002', display: 'Diabetic foot examination' },
} as const satisfies Record<string, Concept>;

/** Clinical specialties (SNOMED CT qualifier values). */
export const SPECIALTIES = {
  cardiology: { code: '394579002', display: 'Cardiology' },
  respiratory: { code: '418112009', display: 'Respiratory medicine' },
  psychiatry: { code: '394587001', display: 'Psychiatry' },
  generalPractice: { code: '394814009', display: 'General practice' },
  ophthalmology: { code: '394594003', display: 'Ophthalmology' },
} as const satisfies Record<string, Concept>;

export const DISCHARGE = {
  home: { code: '306689006', display: 'Discharge to home' },
  ward: { code: '306706006', display: 'Discharge to ward' },
} as const satisfies Record<string, Concept>;
