import type { Resource } from '@medplum/fhirtypes';
import type { ModelInput } from '../../model/record-types.js';
import { normaliseSystem, SNOMED_SYSTEM } from '../../model/coding.js';
import { partyText, resolveParty } from '../../model/parties.js';
import { asArray, asRecord, asRecords, asString, type JsonRecord } from '../../model/json-guards.js';
import { toAttachment, type DocumentAttachment } from '../documents/documents.attachments.js';

/** What a report says beyond its results: who made it, whether it is an imaging report, and its text. */
export interface ReportReading {
  /** Category RAD (HL7 v2 0074 and its imaging kinds), `imaging`, or a LOINC/SNOMED imaging class. */
  imaging: boolean;
  /** Who performed or issued the report, in words; "contact <performer> for a copy" names the first. */
  performers: readonly string[];
  /** The report's own text (presentedForm): read with the documents widget's reader. */
  presentedForm: readonly DocumentAttachment[];
}

const V2_0074 = 'http://terminology.hl7.org/CodeSystem/v2-0074';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const LOINC = 'http://loinc.org';
/** v2 diagnostic service sections that are imaging: radiology, CT, MRI, ultrasound, nuclear medicine, X-ray. */
const V2_IMAGING = new Set(['RAD', 'CT', 'NMR', 'NMS', 'RX', 'US', 'VUS', 'CUS', 'OUS', 'XRC']);
/** LOINC part "Radiology" and the document classes of imaging reports. */
const LOINC_IMAGING = new Set(['LP29684-5', '18748-4', '18726-0', '85430-7']);
/** SNOMED CT "Imaging" (procedure) and "Radiology report" (record artifact). */
const SNOMED_IMAGING = new Set(['363679005', '4201000179104']);

function isImagingCoding(coding: JsonRecord): boolean {
  const code = asString(coding['code']);
  if (!code) return false;
  const system = normaliseSystem(coding['system']);
  if (system === V2_0074) return V2_IMAGING.has(code.toUpperCase());
  if (system === OBSERVATION_CATEGORY || system === undefined) return code === 'imaging' || code === 'RAD';
  if (system === LOINC) return LOINC_IMAGING.has(code);
  if (system === SNOMED_SYSTEM) return SNOMED_IMAGING.has(code);
  return false;
}

export function isImagingReport(resource: JsonRecord): boolean {
  const concepts = [...asRecords(resource['category']), asRecord(resource['code'])];
  return concepts.some((concept) => asRecords(concept?.['coding']).some(isImagingCoding));
}

function performersOf(resource: JsonRecord, input: ModelInput): string[] {
  const names = [...asArray(resource['performer']), ...asArray(resource['resultsInterpreter'])].map((ref) =>
    partyText(resolveParty(ref, resource as unknown as Resource, input)),
  );
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

export function readReport(resource: JsonRecord, input: ModelInput): ReportReading {
  return {
    imaging: isImagingReport(resource),
    performers: performersOf(resource, input),
    presentedForm: asRecords(resource['presentedForm']).flatMap((a) => toAttachment(a) ?? []),
  };
}
