import type { CodeableConcept, Coding, Resource } from '@medplum/fhirtypes';
import type { ModelInput, RecordModel, RecordRow } from '../../model/record-types.js';
import { conceptText } from '../../model/coding.js';
import { compareIsoDesc } from '../../model/format.js';
import { resolveFreshness } from '../../model/freshness.js';
import { securityLabels } from '../../model/security-labels.js';
import { validDate } from '../../model/datatypes.js';
import { compareText, mapMatches, safeSource } from '../../model/record-rows.js';
import { asArray, asRecord, asRecords, asString, pick, type JsonRecord } from '../../model/json-guards.js';
import { attachmentsOf, type DocumentAttachment } from './documents.attachments.js';
import { authorNames, custodianName } from './documents.people.js';
import { statusOf, type DocumentStatus } from './documents.status.js';

export type { DocumentAttachment } from './documents.attachments.js';

/** One section of a Composition: its title and XHTML narrative (sanitised when shown), and sub-sections. */
export interface DocumentSection {
  title: string | undefined;
  /** The narrative XHTML exactly as sent; never put into the page without sanitising. */
  narrative: string | undefined;
  sections: DocumentSection[];
}

export interface DocumentRow extends RecordRow, DocumentStatus {
  title: string;
  typeText: string | undefined;
  categoryText: string | undefined;
  authors: string[];
  custodian: string | undefined;
  periodStart: string | undefined;
  periodEnd: string | undefined;
  attachments: DocumentAttachment[];
  /** Composition sections; empty for a DocumentReference. */
  sections: DocumentSection[];
  /** Composition narrative, used when it has no sections. */
  narrative: string | undefined;
  /** `system|value` of the master identifier: the same document shared by more than one source. */
  documentId: string | undefined;
  /** Names of other sources that shared the same document. */
  alsoSharedBy: string[];
}

export const TITLE_NOT_RECORDED = 'Document title not recorded';

function concept(value: unknown): string | undefined {
  const record = asRecord(value);
  return record ? conceptText(record as CodeableConcept) : undefined;
}

function narrativeOf(value: unknown): string | undefined {
  return asString(pick(value, 'div'));
}

const MAX_SECTION_DEPTH = 5;

function sectionsOf(value: unknown, depth = 0): DocumentSection[] {
  if (depth > MAX_SECTION_DEPTH) return [];
  return asRecords(value).map((section) => ({
    title: asString(section['title']) ?? concept(section['code']),
    narrative: narrativeOf(section['text']),
    sections: sectionsOf(section['section'], depth + 1),
  }));
}

/** `meta.security`, plus the document's own `securityLabel` codings or Composition `confidentiality`. */
function labelsOf(resource: JsonRecord): string[] {
  const own: Coding[] = asRecords(resource['securityLabel']).flatMap(
    (label) => asRecords(label['coding']) as unknown as Coding[],
  );
  const confidentiality = asString(resource['confidentiality']);
  if (confidentiality) {
    own.push({ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: confidentiality });
  }
  const metaLabels = securityLabels(resource as unknown as Resource);
  const documentLabels = securityLabels({ resourceType: 'Basic', meta: { security: own } } as unknown as Resource);
  return [...new Set([...metaLabels, ...documentLabels])];
}

/**
 * The version-specific identity of a document: DocumentReference.masterIdentifier, or the one
 * Composition.identifier. Other DocumentReference identifiers may be shared by different documents.
 */
function documentIdOf(resource: JsonRecord): string | undefined {
  const identifier = asRecord(resource[resource['resourceType'] === 'Composition' ? 'identifier' : 'masterIdentifier']);
  const system = asString(identifier?.['system']);
  const value = asString(identifier?.['value']);
  return value ? `${system ?? ''}|${value}` : undefined;
}

function mapOne(resource: JsonRecord, input: ModelInput, position: number): DocumentRow | undefined {
  const resourceType = asString(resource['resourceType']);
  if (resourceType !== 'DocumentReference' && resourceType !== 'Composition') return undefined;
  const status = statusOf(resourceType, resource);
  if (!status) return undefined;
  const isReference = resourceType === 'DocumentReference';
  const attachments = isReference ? attachmentsOf(resource) : [];
  const typeText = concept(resource['type']);
  const categoryText = asArray(resource['category']).map(concept).find((t) => t !== undefined);
  const title =
    (isReference ? asString(resource['description']) : asString(resource['title'])) ??
    attachments.find((a) => a.title)?.title ??
    typeText ??
    TITLE_NOT_RECORDED;
  const period = isReference
    ? pick(resource, 'context', 'period')
    : asRecords(resource['event']).find((event) => asRecord(event['period']))?.['period'];
  const periodStart = validDate(pick(period, 'start'));
  const periodEnd = validDate(pick(period, 'end'));
  const fhirResource = resource as unknown as Resource;
  const { source, organization } = safeSource(fhirResource, input);
  const id = asString(resource['id']);
  return {
    key: id ? `${resourceType}/${id}` : `${resourceType}/#${position}`,
    resourceType,
    id,
    ...status,
    date:
      validDate(resource['date']) ??
      periodEnd ??
      periodStart ??
      attachments.map((a) => a.creation).find((d) => d !== undefined) ??
      validDate(pick(resource, 'meta', 'lastUpdated')),
    source,
    freshness: resolveFreshness(fhirResource, organization, input.now),
    securityLabels: labelsOf(resource),
    title,
    typeText,
    categoryText,
    authors: authorNames(resource, input.index),
    custodian: custodianName(resource, input.index),
    periodStart,
    periodEnd,
    attachments,
    sections: isReference ? [] : sectionsOf(resource['section']),
    narrative: isReference ? undefined : narrativeOf(resource['text']),
    documentId: documentIdOf(resource),
    alsoSharedBy: [],
  };
}

/** Fills `alsoSharedBy` for documents that more than one source shared (same master identifier). */
function linkCopies(rows: DocumentRow[]): DocumentRow[] {
  const byDocument = new Map<string, DocumentRow[]>();
  for (const row of rows) {
    if (!row.documentId) continue;
    byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
  }
  return rows.map((row) => {
    const copies = row.documentId ? (byDocument.get(row.documentId) ?? []) : [];
    const others = copies
      .filter((other) => other !== row && other.source.key !== row.source.key && other.source.name)
      .map((other) => other.source.name as string);
    return others.length > 0 ? { ...row, alsoSharedBy: [...new Set(others)] } : row;
  });
}

/** Newest first; ties by title then key, so the order never depends on arrival order. */
export function compareDocuments(a: DocumentRow, b: DocumentRow): number {
  return (
    compareIsoDesc(a.date, b.date) ||
    compareText(a.title.toLowerCase(), b.title.toLowerCase()) ||
    compareText(a.key, b.key)
  );
}

/** Rows for DocumentReference and Composition matches, newest first; entered-in-error is dropped. */
export const mapDocuments: RecordModel<DocumentRow> = (input) =>
  linkCopies(mapMatches(input, (resource, position) => mapOne(resource, input, position))).sort(compareDocuments);
