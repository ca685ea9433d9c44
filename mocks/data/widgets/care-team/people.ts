import type {
  CodeableConcept,
  ContactPoint,
  Organization,
  Practitioner,
  PractitionerRole,
  Reference,
  RelatedPerson,
} from '@medplum/fhirtypes';
import { ORG_IDS, SOURCE_ORG_SPECS, type SourceOrgKey } from '../../organisations.js';

/**
 * Fictional people and services for care teams and care plans. Phone numbers are Ofcom drama
 * numbers (020 7946 0xxx, 07700 900xxx, 0808 157 0xxx); addresses use the reserved `.example` domain.
 */
export const SNOMED = 'http://snomed.info/sct';

export function snomed(code: string, display: string, text?: string): CodeableConcept {
  return { coding: [{ system: SNOMED, code, display }], ...(text ? { text } : {}) };
}

export const text = (words: string): CodeableConcept => ({ text: words });

export const phone = (value: string, use: ContactPoint['use'] = 'work'): ContactPoint => ({ system: 'phone', value, use });
export const mobile = (value: string): ContactPoint => ({ system: 'phone', value, use: 'mobile' });
export const email = (value: string): ContactPoint => ({ system: 'email', value, use: 'work' });
export const website = (value: string): ContactPoint => ({ system: 'url', value, use: 'work' });

export function organisationRef(key: SourceOrgKey): Reference {
  return { reference: `Organization/${ORG_IDS[key]}`, display: SOURCE_ORG_SPECS[key].name };
}

export function practitioner(
  id: string,
  name: { prefix?: string; given: string; family: string },
  telecom: ContactPoint[] = [],
): Practitioner {
  return {
    resourceType: 'Practitioner',
    id,
    name: [{ use: 'official', family: name.family, given: [name.given], ...(name.prefix ? { prefix: [name.prefix] } : {}) }],
    ...(telecom.length > 0 ? { telecom } : {}),
  };
}

export function practitionerRole(
  id: string,
  practitionerDisplay: string,
  organisation: SourceOrgKey,
  role: CodeableConcept,
  telecom: ContactPoint[] = [],
): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id,
    active: true,
    practitioner: { display: practitionerDisplay },
    organization: { reference: `Organization/${ORG_IDS[organisation]}` },
    code: [role],
    ...(telecom.length > 0 ? { telecom } : {}),
  };
}

export function relatedPerson(
  id: string,
  patientId: string,
  name: { given: string; family: string },
  relationship: CodeableConcept,
  telecom: ContactPoint[],
): RelatedPerson {
  return {
    resourceType: 'RelatedPerson',
    id,
    active: true,
    patient: { reference: `Patient/${patientId}` },
    relationship: [relationship],
    name: [{ use: 'usual', family: name.family, given: [name.given] }],
    telecom,
  };
}

export function serviceOrganisation(id: string, name: string, telecom: ContactPoint[]): Organization {
  return { resourceType: 'Organization', id, active: true, name, telecom };
}

/** PractitionerRoles shared across patients' care teams and plans (pushed to `record.related`). */
export const CARE_ROLE_IDS = {
  mentalHealthCareCoordinator: 'pr-care-nelmht-care-coordinator',
  socialWorker: 'pr-care-riverside-social-worker',
} as const;

export function buildCareRoles(): PractitionerRole[] {
  return [
    practitionerRole(
      CARE_ROLE_IDS.mentalHealthCareCoordinator,
      'Femi Adebayo',
      'mentalHealth',
      text('Community psychiatric nurse, care coordinator'),
      [phone('020 7946 0672')],
    ),
    practitionerRole(
      CARE_ROLE_IDS.socialWorker,
      'Joanna Pike',
      'socialCare',
      snomed('106328005', 'Social worker', 'Social worker, care coordinator'),
      [phone('020 7946 0518'), email('joanna.pike@riverside-asc.example')],
    ),
  ];
}

export const CARE_PRACTITIONER_IDS = {
  usualGp: 'prac-care-helen-oduya',
  psychiatrist: 'prac-care-ruth-lindqvist',
} as const;

export function buildCarePractitioners(): Practitioner[] {
  return [
    practitioner(CARE_PRACTITIONER_IDS.usualGp, { prefix: 'Dr', given: 'Helen', family: 'Oduya' }, [phone('020 7946 0101')]),
    practitioner(CARE_PRACTITIONER_IDS.psychiatrist, { prefix: 'Dr', given: 'Ruth', family: 'Lindqvist' }),
  ];
}
