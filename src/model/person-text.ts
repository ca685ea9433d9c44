import type { Reference, Resource } from '@medplum/fhirtypes';
import { conceptTextOf, referencedType } from './datatypes.js';
import type { ReferenceResolver } from './record-types.js';
import { asArray, asRecord, asRecords, asString, type JsonRecord, lookupTable } from './json-guards.js';

function words(values: unknown): string[] {
  return asArray(values).flatMap((v) => asString(v) ?? []);
}

/** A person's name as written: `text`, else prefix, given and family names; official names first. */
export function humanName(names: unknown): string | undefined {
  const list = asRecords(names);
  const ordered = [...list.filter((n) => n['use'] === 'official' || n['use'] === 'usual'), ...list];
  for (const name of ordered) {
    const text = asString(name['text']);
    if (text) return text;
    const parts = [...words(name['prefix']), ...words(name['given']), ...words(name['family'])];
    if (parts.length > 0) return parts.join(' ');
  }
  return undefined;
}

const TYPE_WORDS: Record<string, string> = lookupTable({
  Practitioner: 'A practitioner',
  PractitionerRole: 'A practitioner',
  RelatedPerson: 'A relative or carer',
  Patient: 'A patient',
  Organization: 'An organisation',
  Device: 'A device',
});

function safeResolve(index: ReferenceResolver, ref: JsonRecord, from: Resource): Resource | undefined {
  try {
    return index.resolve<Resource>(ref as Reference, from);
  } catch {
    return undefined;
  }
}

function isSubject(ref: JsonRecord, resolved: Resource | undefined, subject: unknown, from: Resource, index: ReferenceResolver): boolean {
  const subjectRef = asRecord(subject);
  if (!subjectRef) return false;
  const literal = asString(ref['reference']);
  if (literal && literal === asString(subjectRef['reference'])) return true;
  return resolved !== undefined && resolved === safeResolve(index, subjectRef, from);
}

function roleText(role: JsonRecord, index: ReferenceResolver): string | undefined {
  const practitionerRef = asRecord(role['practitioner']);
  const practitioner = practitionerRef ? safeResolve(index, practitionerRef, role as unknown as Resource) : undefined;
  const person =
    (practitioner?.resourceType === 'Practitioner' ? humanName(asRecord(practitioner)?.['name']) : undefined) ??
    asString(practitionerRef?.['display']);
  const job = asArray(role['code']).map(conceptTextOf).find((t) => t !== undefined);
  const parts = [person, job].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function relatedPersonText(person: JsonRecord): string | undefined {
  const name = humanName(person['name']);
  const relationship = asArray(person['relationship']).map(conceptTextOf).find((t) => t !== undefined);
  if (name && relationship) return `${name} (${relationship.toLowerCase()})`;
  return name ?? (relationship ? `The patient's ${relationship.toLowerCase()}` : undefined);
}

/**
 * Who recorded or asserted an item (`recorder`, `asserter`), in words: "Dr Aisha Rahman, Consultant
 * cardiologist", "the patient", "Claire Ellwood (daughter)". A reference that names someone the HIE
 * did not send says so rather than guessing; undefined only when no one is referenced at all.
 */
export function personText(ref: unknown, from: Resource, index: ReferenceResolver, subject: unknown): string | undefined {
  const record = asRecord(ref);
  if (!record) return undefined;
  const resolved = safeResolve(index, record, from);
  const display = asString(record['display']);
  if (isSubject(record, resolved, subject, from, index)) return 'the patient';
  const body = asRecord(resolved);
  let text: string | undefined;
  switch (resolved?.resourceType) {
    case 'Practitioner':
    case 'Patient':
      text = humanName(body?.['name']);
      break;
    case 'PractitionerRole':
      text = body ? roleText(body, index) : undefined;
      break;
    case 'RelatedPerson':
      text = body ? relatedPersonText(body) : undefined;
      break;
    case 'Organization':
      text = asString(body?.['name']);
      break;
    case 'Device':
      text = asString(asRecords(body?.['deviceName'])[0]?.['name']) ?? conceptTextOf(body?.['type']);
      break;
    default:
      break;
  }
  if (text ?? display) return text ?? display;
  const type = resolved?.resourceType ?? referencedType(record);
  const who = (type && TYPE_WORDS[type]) ?? 'Someone';
  return `${who} (name not sent)`;
}

/** Who recorded an item, and who stated it when that was someone else (e.g. "the patient"). */
export function recorderAndAsserter(
  resource: JsonRecord,
  index: ReferenceResolver,
  subject: unknown,
): { recordedBy: string | undefined; assertedBy: string | undefined } {
  const from = resource as unknown as Resource;
  const recordedBy = personText(resource['recorder'], from, index, subject);
  const asserter = personText(resource['asserter'], from, index, subject);
  return { recordedBy, assertedBy: asserter !== recordedBy ? asserter : undefined };
}
