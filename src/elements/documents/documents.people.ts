import type { CodeableConcept, Resource } from '@medplum/fhirtypes';
import type { ReferenceResolver } from '../../model/record-types.js';
import { conceptText } from '../../model/coding.js';
import { ODS_ORG_CODE_SYSTEM } from '../../fhir/hie-contract.js';
import { asArray, asRecord, asRecords, asString, type JsonRecord } from '../../model/json-guards.js';

/** "Dr Aisha Rahman" from `HumanName.text`, else prefix, given and family names. */
export function humanName(names: unknown): string | undefined {
  for (const name of asRecords(names)) {
    const text = asString(name['text']);
    if (text) return text;
    const parts = [
      ...asArray(name['prefix']).map(asString),
      ...asArray(name['given']).map(asString),
      asString(name['family']),
    ].filter((p): p is string => p !== undefined);
    if (parts.length > 0) return parts.join(' ');
  }
  return undefined;
}

function safeResolve(index: ReferenceResolver, ref: JsonRecord, from: Resource): Resource | undefined {
  try {
    return asRecord(index.resolve<Resource>(ref, from)) as Resource | undefined;
  } catch {
    // A host-supplied resolver may throw; the reference's display is still shown.
    return undefined;
  }
}

function odsCodeOf(ref: JsonRecord): string | undefined {
  const identifier = asRecord(ref['identifier']);
  return asString(identifier?.['system']) === ODS_ORG_CODE_SYSTEM ? asString(identifier?.['value']) : undefined;
}

function organisationName(ref: unknown, from: Resource, index: ReferenceResolver): string | undefined {
  const record = asRecord(ref);
  if (!record) return undefined;
  const resolved = safeResolve(index, record, from);
  const resolvedName = resolved?.resourceType === 'Organization' ? asString(asRecord(resolved)?.['name']) : undefined;
  const ods = odsCodeOf(record);
  return resolvedName ?? asString(record['display']) ?? (ods ? `ODS code ${ods}` : undefined);
}

/** A PractitionerRole in words: "Dr Aisha Rahman, Consultant cardiologist, Riverside University Hospitals". */
function roleName(role: JsonRecord, index: ReferenceResolver): string | undefined {
  const from = role as unknown as Resource;
  const practitionerRef = asRecord(role['practitioner']);
  const practitioner = practitionerRef ? safeResolve(index, practitionerRef, from) : undefined;
  const person =
    (practitioner?.resourceType === 'Practitioner' ? humanName(asRecord(practitioner)?.['name']) : undefined) ??
    asString(practitionerRef?.['display']);
  const job = asRecords(role['code']).map((c) => conceptText(c as CodeableConcept)).find((t) => t !== undefined);
  const organisation = organisationName(role['organization'], from, index);
  const parts = [person, job, organisation].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** One author reference in words, whatever it points to; undefined when nothing names it. */
function authorName(ref: JsonRecord, from: Resource, index: ReferenceResolver): string | undefined {
  const resolved = safeResolve(index, ref, from);
  const record = asRecord(resolved);
  const display = asString(ref['display']);
  switch (resolved?.resourceType) {
    case 'Practitioner':
    case 'Patient':
    case 'RelatedPerson':
      return humanName(record?.['name']) ?? display;
    case 'PractitionerRole':
      return (record && roleName(record, index)) ?? display;
    case 'Organization':
    case 'CareTeam':
      return asString(record?.['name']) ?? display;
    case 'Device':
      return asString(asRecords(record?.['deviceName'])[0]?.['name']) ?? display;
    default:
      return display ?? (odsCodeOf(ref) ? `ODS code ${odsCodeOf(ref)}` : undefined);
  }
}

export function authorNames(resource: JsonRecord, index: ReferenceResolver): string[] {
  const from = resource as unknown as Resource;
  const names = asRecords(resource['author']).map((ref) => authorName(ref, from, index));
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

/** The organisation that holds the original: resolved Organization name, else display, else ODS code. */
export function custodianName(resource: JsonRecord, index: ReferenceResolver): string | undefined {
  return organisationName(resource['custodian'], resource as unknown as Resource, index);
}
