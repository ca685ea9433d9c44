import type { Patient } from '@medplum/fhirtypes';
import { NHS_NUMBER_SYSTEM } from '../src/fhir/hie-contract.js';
import type { MockScenario } from './scenarios.js';

/** A synthetic patient served by the mock HIE. No real people: NHS numbers are 999 test numbers. */
export interface MockPatient {
  id: string;
  /** 10 digits, no spaces, valid Modulus 11 check digit. */
  nhsNumber: string;
  name: { prefix?: string; given: string[]; family: string };
  birthDate: string;
  gender: 'male' | 'female' | 'other' | 'unknown';
  /** What this record demonstrates, for the demo picker and test names. */
  description: string;
  /** Scenario used for this patient's requests unless a request or `setScenario()` chooses another. */
  defaultScenario?: MockScenario;
}

export const MOCK_PATIENT_IDS = {
  rich: 'mock-rich-record',
  objection: 'mock-objection',
  empty: 'mock-empty-record',
  large: 'mock-large-record',
  badHie: 'mock-bad-hie',
} as const;

export const MOCK_PATIENTS: readonly MockPatient[] = [
  {
    id: MOCK_PATIENT_IDS.rich,
    nhsNumber: '9990000018',
    name: { prefix: 'Mrs', given: ['Margaret', 'Anne'], family: 'Ellwood' },
    birthDate: '1946-03-14',
    gender: 'female',
    description:
      'Rich record: 8 sources (GP, two acute trusts, ambulance, social care, community, 111/out of hours, mental health), live and batch feeds, one stale batch feed, a duplicate medicine across sources, items withheld at source',
  },
  {
    id: MOCK_PATIENT_IDS.objection,
    nhsNumber: '9990000026',
    name: { prefix: 'Mr', given: ['Tobias'], family: 'Quarrington' },
    birthDate: '1979-11-02',
    gender: 'male',
    description: 'Objection: the patient has objected to sharing, every clinical search is refused (403)',
  },
  {
    id: MOCK_PATIENT_IDS.empty,
    nhsNumber: '9990000034',
    name: { prefix: 'Ms', given: ['Priya'], family: 'Venkataraman' },
    birthDate: '2001-07-23',
    gender: 'female',
    description: 'Empty record: every search answers with no items (total 0)',
  },
  {
    id: MOCK_PATIENT_IDS.large,
    nhsNumber: '9990000050',
    name: { prefix: 'Mr', given: ['Desmond', 'Clive'], family: 'Hartigan-Moss' },
    birthDate: '1938-01-30',
    gender: 'male',
    description: 'Large record: 1,650 medication items (1,050 statements + 600 requests) over many pages',
  },
  {
    id: MOCK_PATIENT_IDS.badHie,
    nhsNumber: '9998765439',
    name: { given: ['Sam'], family: 'Okonjo-Lindqvist' },
    birthDate: '1990-05-05',
    gender: 'unknown',
    description:
      'Misbehaving HIE: by default answers with an HTML page (status 200); choose another failure with the scenario selector',
    defaultScenario: 'html-200',
  },
];

export function findMockPatient(idOrNhsNumber: string): MockPatient | undefined {
  return MOCK_PATIENTS.find((p) => p.id === idOrNhsNumber || p.nhsNumber === idOrNhsNumber);
}

export function toFhirPatient(patient: MockPatient, generalPractitionerOrgId?: string): Patient {
  return {
    resourceType: 'Patient',
    id: patient.id,
    identifier: [
      {
        system: NHS_NUMBER_SYSTEM,
        value: patient.nhsNumber,
        extension: [
          {
            url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus',
            valueCodeableConcept: {
              coding: [
                {
                  system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland',
                  code: '01',
                  display: 'Number present and verified',
                },
              ],
            },
          },
        ],
      },
    ],
    name: [
      {
        use: 'official',
        family: patient.name.family,
        given: patient.name.given,
        ...(patient.name.prefix ? { prefix: [patient.name.prefix] } : {}),
      },
    ],
    gender: patient.gender,
    birthDate: patient.birthDate,
    ...(generalPractitionerOrgId
      ? { generalPractitioner: [{ reference: `Organization/${generalPractitionerOrgId}` }] }
      : {}),
  };
}
