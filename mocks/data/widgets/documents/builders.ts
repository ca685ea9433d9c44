import type {
  Attachment,
  CodeableConcept,
  Coding,
  Composition,
  DocumentReference,
  Meta,
  Organization,
  Practitioner,
  Provenance,
  Reference,
} from '@medplum/fhirtypes';
import { dateDaysAgo, hoursAgo } from '../../../clock.js';
import { metaSourceUri } from '../../organisations.js';
import type { BuiltItem, SourceLink } from '../../medication-items.js';

export const SNOMED = 'http://snomed.info/sct';

/** SNOMED CT record artifact types used for the synthetic documents. */
export const DOCUMENT_TYPES = {
  dischargeSummary: { code: '373942005', display: 'Discharge summary' },
  consultationReport: { code: '371530004', display: 'Clinical consultation report' },
  radiologyReport: { code: '371527006', display: 'Radiology report' },
  encounterReport: { code: '371531000', display: 'Report of clinical encounter' },
  referralNote: { code: '721927009', display: 'Referral note' },
  procedureReport: { code: '371525003', display: 'Clinical procedure report' },
  recordArtifact: { code: '419891008', display: 'Record artifact' },
} as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[keyof typeof DOCUMENT_TYPES];

export interface DocumentSpec {
  id: string;
  patientId: string;
  description: string;
  type: DocumentType;
  /** Local wording sent as `type.text`, e.g. "Clinic letter". */
  typeText?: string;
  status: DocumentReference['status'];
  docStatus?: DocumentReference['docStatus'];
  dateHoursAgo: number;
  periodDaysAgo?: { start: number; end: number };
  /** `via: 'resource'` puts the reference in `custodian`. */
  source: SourceLink;
  authors?: DocumentReference['author'];
  lastUpdatedHoursAgo: number;
  content?: Attachment[];
  security?: Coding[];
  masterIdentifier?: string;
  replaces?: string;
}

export const DOCUMENT_ID_SYSTEM = 'https://hie.example/Id/document';

function itemMeta(source: SourceLink, lastUpdatedHoursAgo: number, now: Date, security?: Coding[]): Meta {
  return {
    lastUpdated: hoursAgo(now, lastUpdatedHoursAgo),
    ...(source.via === 'meta.source' ? { source: metaSourceUri(source.orgId) } : {}),
    ...(security ? { security } : {}),
  };
}

export function provenanceFor(
  target: string,
  source: SourceLink,
  recordedHoursAgo: number,
  now: Date,
): Provenance | undefined {
  if (source.via !== 'provenance') return undefined;
  return {
    resourceType: 'Provenance',
    id: `prov-${target.split('/')[1]}`,
    target: [{ reference: target }],
    recorded: hoursAgo(now, recordedHoursAgo),
    agent: [
      {
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'custodian' }],
        },
        who: { reference: `Organization/${source.orgId}` },
      },
    ],
  };
}

function typeConcept(type: DocumentType, text?: string): CodeableConcept {
  return { coding: [{ system: SNOMED, code: type.code, display: type.display }], ...(text ? { text } : {}) };
}

export function documentReference(spec: DocumentSpec, now: Date): BuiltItem<DocumentReference> {
  const item: DocumentReference = {
    resourceType: 'DocumentReference',
    id: spec.id,
    meta: itemMeta(spec.source, spec.lastUpdatedHoursAgo, now, spec.security),
    ...(spec.masterIdentifier ? { masterIdentifier: { system: DOCUMENT_ID_SYSTEM, value: spec.masterIdentifier } } : {}),
    status: spec.status,
    ...(spec.docStatus ? { docStatus: spec.docStatus } : {}),
    type: typeConcept(spec.type, spec.typeText),
    subject: { reference: `Patient/${spec.patientId}` },
    date: hoursAgo(now, spec.dateHoursAgo),
    ...(spec.authors ? { author: spec.authors } : {}),
    ...(spec.source.via === 'resource' ? { custodian: { reference: spec.source.reference } as Reference<Organization> } : {}),
    ...(spec.replaces ? { relatesTo: [{ code: 'replaces', target: { reference: `DocumentReference/${spec.replaces}` } }] } : {}),
    description: spec.description,
    content: (spec.content ?? []).map((attachment) => ({ attachment })),
    ...(spec.periodDaysAgo
      ? {
          context: {
            period: { start: dateDaysAgo(now, spec.periodDaysAgo.start), end: dateDaysAgo(now, spec.periodDaysAgo.end) },
          },
        }
      : {}),
  };
  const provenance = provenanceFor(`DocumentReference/${spec.id}`, spec.source, spec.lastUpdatedHoursAgo, now);
  return provenance ? { item, provenance } : { item };
}

export interface CompositionSpec {
  id: string;
  patientId: string;
  title: string;
  type: DocumentType;
  status: Composition['status'];
  dateHoursAgo: number;
  lastUpdatedHoursAgo: number;
  custodian: Composition['custodian'];
  authors: Composition['author'];
  sections: { title: string; div: string }[];
}

export function composition(spec: CompositionSpec, now: Date): Composition {
  return {
    resourceType: 'Composition',
    id: spec.id,
    meta: { lastUpdated: hoursAgo(now, spec.lastUpdatedHoursAgo) },
    status: spec.status,
    type: typeConcept(spec.type),
    subject: { reference: `Patient/${spec.patientId}` },
    date: hoursAgo(now, spec.dateHoursAgo),
    author: spec.authors,
    title: spec.title,
    custodian: spec.custodian,
    section: spec.sections.map((s) => ({ title: s.title, text: { status: 'additional', div: s.div } })),
  };
}

export function practitioner(id: string, prefix: string | undefined, given: string, family: string): Practitioner {
  return {
    resourceType: 'Practitioner',
    id,
    active: true,
    name: [{ family, given: [given], ...(prefix ? { prefix: [prefix] } : {}) }],
  };
}

export function textAttachment(contentType: string, data: string, title?: string, creationHoursAgo?: number, now?: Date): Attachment {
  return {
    contentType,
    data,
    ...(title ? { title } : {}),
    ...(creationHoursAgo !== undefined && now ? { creation: hoursAgo(now, creationHoursAgo) } : {}),
  };
}
