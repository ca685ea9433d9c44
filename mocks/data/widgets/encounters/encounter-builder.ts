import type { CodeableConcept, Coding, Encounter, Location, Meta, Provenance } from '@medplum/fhirtypes';
import { hoursAgo } from '../../../clock.js';
import type { BuiltItem } from '../../medication-items.js';
import { ORG_IDS, metaSourceUri, SOURCE_ORG_SPECS, type SourceOrgKey } from '../../organisations.js';
import { snomed, type Concept } from './codes.js';

export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const ADMISSION_METHOD_URL = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AdmissionMethod';
const ADMISSION_METHOD_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-AdmissionMethodEngland';

const CLASS_DISPLAYS: Record<string, string> = {
  AMB: 'ambulatory',
  EMER: 'emergency',
  FLD: 'field',
  HH: 'home health',
  IMP: 'inpatient encounter',
  SS: 'short stay',
  VR: 'virtual',
};

/** How an item names its source: each route the elements must understand. */
export type SourceRoute =
  | { via: 'resource'; org: SourceOrgKey }
  | { via: 'meta.source'; org: SourceOrgKey }
  | { via: 'provenance'; org: SourceOrgKey }
  | { via: 'none' };

export interface MockLocation {
  id: string;
  name: string;
  org: SourceOrgKey;
}

export interface EncounterSpec {
  id: string;
  patientId: string;
  status: Encounter['status'];
  classCode: keyof typeof CLASS_DISPLAYS;
  type?: Concept;
  typeText?: string;
  serviceType?: Concept;
  start?: string;
  end?: string;
  source: SourceRoute;
  /** Locations resolved from `record.related`; a string is a display-only location. */
  locations?: (MockLocation | string)[];
  /** UK Core admission method (England), e.g. `21` emergency via the emergency department. */
  admissionMethod?: { code: string; display: string };
  discharge?: Concept | string;
  reason?: Concept | string;
  lengthMinutes?: number;
  practitioner?: string;
  lastUpdatedHoursAgo: number;
  security?: Coding[];
}

function concept(value: Concept | string): CodeableConcept {
  return typeof value === 'string' ? { text: value } : snomed(value);
}

function meta(spec: EncounterSpec, now: Date): Meta {
  return {
    lastUpdated: hoursAgo(now, spec.lastUpdatedHoursAgo),
    ...(spec.source.via === 'meta.source' ? { source: metaSourceUri(ORG_IDS[spec.source.org]) } : {}),
    ...(spec.security ? { security: spec.security } : {}),
  };
}

export function provenanceFor(target: string, org: SourceOrgKey, recorded: string): Provenance {
  return {
    resourceType: 'Provenance',
    id: `prov-${target.replace('/', '-').toLowerCase()}`,
    target: [{ reference: target }],
    recorded,
    agent: [
      {
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'custodian' }],
        },
        who: { reference: `Organization/${ORG_IDS[org]}` },
      },
    ],
  };
}

function locationEntry(location: MockLocation | string): NonNullable<Encounter['location']>[number] {
  if (typeof location === 'string') return { location: { display: location } };
  return { location: { reference: `Location/${location.id}`, display: location.name } };
}

export function buildLocation(location: MockLocation): Location {
  return {
    resourceType: 'Location',
    id: location.id,
    status: 'active',
    name: location.name,
    managingOrganization: { reference: `Organization/${ORG_IDS[location.org]}` },
  };
}

function hospitalization(spec: EncounterSpec): Encounter['hospitalization'] | undefined {
  if (!spec.admissionMethod && !spec.discharge) return undefined;
  return {
    ...(spec.admissionMethod
      ? {
          extension: [
            {
              url: ADMISSION_METHOD_URL,
              valueCodeableConcept: { coding: [{ system: ADMISSION_METHOD_SYSTEM, ...spec.admissionMethod }] },
            },
          ],
        }
      : {}),
    ...(spec.discharge ? { dischargeDisposition: concept(spec.discharge) } : {}),
  };
}

export function encounter(spec: EncounterSpec, now: Date): BuiltItem<Encounter> {
  const hosp = hospitalization(spec);
  const item: Encounter = {
    resourceType: 'Encounter',
    id: spec.id,
    meta: meta(spec, now),
    status: spec.status,
    class: { system: ACT_CODE, code: spec.classCode, display: CLASS_DISPLAYS[spec.classCode] },
    ...(spec.type ? { type: [snomed(spec.type, spec.typeText)] } : {}),
    ...(spec.serviceType ? { serviceType: snomed(spec.serviceType) } : {}),
    subject: { reference: `Patient/${spec.patientId}` },
    ...(spec.practitioner ? { participant: [{ individual: { display: spec.practitioner } }] } : {}),
    ...(spec.start || spec.end ? { period: { ...(spec.start ? { start: spec.start } : {}), ...(spec.end ? { end: spec.end } : {}) } } : {}),
    ...(spec.lengthMinutes ? { length: { value: spec.lengthMinutes, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' } } : {}),
    ...(spec.reason ? { reasonCode: [concept(spec.reason)] } : {}),
    ...(hosp ? { hospitalization: hosp } : {}),
    ...(spec.locations ? { location: spec.locations.map(locationEntry) } : {}),
    ...(spec.source.via === 'resource'
      ? {
          serviceProvider: {
            reference: `Organization/${ORG_IDS[spec.source.org]}`,
            display: SOURCE_ORG_SPECS[spec.source.org].name,
          },
        }
      : {}),
  };
  const provenance =
    spec.source.via === 'provenance'
      ? provenanceFor(`Encounter/${spec.id}`, spec.source.org, hoursAgo(now, spec.lastUpdatedHoursAgo))
      : undefined;
  return provenance ? { item, provenance } : { item };
}
