import type { Practitioner, PractitionerRole, RelatedPerson, Resource } from '@medplum/fhirtypes';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import { ORG_IDS, type SourceOrgKey } from '../../organisations.js';
import type { PatientRecord } from '../../record.js';

/**
 * Fictional clinicians who record problems and allergies, one per source organisation. A Condition
 * or AllergyIntolerance cannot point at an Organization: its recorder's PractitionerRole names it.
 */
const CLINICIANS: Record<SourceOrgKey, { prefix?: string; given: string; family: string; job: string }> = {
  gp: { prefix: 'Dr', given: 'Chidi', family: 'Okafor', job: 'GP partner' },
  acuteLive: { prefix: 'Dr', given: 'Eleanor', family: 'Pryce', job: 'Consultant in acute medicine' },
  acuteStale: { prefix: 'Dr', given: 'Farid', family: 'Haddad', job: 'Consultant geriatrician' },
  ambulance: { given: 'Sam', family: 'Whitfield', job: 'Paramedic' },
  socialCare: { given: 'Joanne', family: 'Ashby', job: 'Social worker' },
  community: { given: 'Bridget', family: 'Lamb', job: 'District nurse' },
  outOfHours: { prefix: 'Dr', given: 'Helen', family: 'Marsh', job: 'Out-of-hours GP' },
  mentalHealth: { prefix: 'Dr', given: 'Ravi', family: 'Menon', job: 'Consultant old age psychiatrist' },
};

export const ORG_KEYS = Object.keys(CLINICIANS) as SourceOrgKey[];

export function practitionerId(org: SourceOrgKey): string {
  return `prac-pa-${ORG_IDS[org].replace(/^org-/, '')}`;
}

export function roleId(org: SourceOrgKey): string {
  return `pr-pa-${ORG_IDS[org].replace(/^org-/, '')}`;
}

export const RICH_DAUGHTER_ID = 'rp-pa-ellwood-daughter';

function displayName(org: SourceOrgKey): string {
  const c = CLINICIANS[org];
  return [c.prefix, c.given, c.family].filter(Boolean).join(' ');
}

function practitioner(org: SourceOrgKey): Practitioner {
  const c = CLINICIANS[org];
  return {
    resourceType: 'Practitioner',
    id: practitionerId(org),
    name: [{ use: 'official', family: c.family, given: [c.given], ...(c.prefix ? { prefix: [c.prefix] } : {}) }],
  };
}

function role(org: SourceOrgKey): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: roleId(org),
    active: true,
    // The display too: an HIE may not follow PractitionerRole:practitioner (the mock does not).
    practitioner: { reference: `Practitioner/${practitionerId(org)}`, display: displayName(org) },
    organization: { reference: `Organization/${ORG_IDS[org]}` },
    code: [{ text: CLINICIANS[org].job }],
  };
}

function daughter(): RelatedPerson {
  return {
    resourceType: 'RelatedPerson',
    id: RICH_DAUGHTER_ID,
    patient: { reference: `Patient/${MOCK_PATIENT_IDS.rich}` },
    relationship: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'DAU', display: 'Daughter' }], text: 'Daughter' },
    ],
    name: [{ given: ['Claire'], family: 'Ellwood' }],
  };
}

/** Adds the resources to a record's related ones, once even when both widgets add them. */
export function addRelatedOnce(record: PatientRecord, resources: Resource[]): void {
  const keys = new Set(record.related.map((r) => `${r.resourceType}/${r.id}`));
  for (const resource of resources) {
    const key = `${resource.resourceType}/${resource.id}`;
    if (!keys.has(key)) record.related.push(resource);
    keys.add(key);
  }
}

export function buildClinicians(): Resource[] {
  return [...ORG_KEYS.flatMap((org) => [practitioner(org), role(org)]), daughter()];
}
