import type { Resource } from '@medplum/fhirtypes';
import type { ModelInput } from './record-types.js';
import { conceptTexts, referencedType } from './datatypes.js';
import { resolveResource } from './references.js';
import { asRecord, asRecords, asString, type JsonRecord, lookup, lookupTable } from './json-guards.js';
import { contactsOf, mergeContacts, type Contact } from './contacts.js';

export type PartyKind =
  | 'practitioner'
  | 'practitioner-role'
  | 'organization'
  | 'related-person'
  | 'patient'
  | 'care-team'
  | 'other';

/** A person, role, organisation or team named by a reference (a team member, a plan's author…). */
export interface Party {
  kind: PartyKind;
  /** Undefined when nothing names them: shown as "not recorded". */
  name: string | undefined;
  /** What they do or are to the patient: PractitionerRole code and specialty, RelatedPerson relationship. */
  roles: string[];
  /** The organisation a PractitionerRole works for. */
  organisation: string | undefined;
  contacts: Contact[];
}

export const THE_PATIENT = 'The patient';
/** A patient reference that is not the record's subject: its details must never appear here. */
export const ANOTHER_PATIENT = 'A patient not confirmed as this patient (details not shown)';

const KINDS: Record<string, PartyKind> = lookupTable({
  Practitioner: 'practitioner',
  PractitionerRole: 'practitioner-role',
  Organization: 'organization',
  RelatedPerson: 'related-person',
  Patient: 'patient',
  CareTeam: 'care-team',
});

function pickName(names: JsonRecord[]): JsonRecord | undefined {
  for (const use of ['usual', 'official']) {
    const match = names.find((n) => asString(n['use']) === use);
    if (match) return match;
  }
  return names.find((n) => asString(n['use']) !== 'old') ?? names[0];
}

/** "Dr Helen Oduya" from a HumanName list: its text, else prefix, given names and family name. */
export function humanName(value: unknown): string | undefined {
  const name = pickName(asRecords(value));
  if (!name) return undefined;
  const text = asString(name['text']);
  if (text) return text;
  const words = [
    ...asArrayOfStrings(name['prefix']),
    ...asArrayOfStrings(name['given']),
    ...asArrayOfStrings(name['family']),
  ];
  return words.length > 0 ? words.join(' ') : undefined;
}

function asArrayOfStrings(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).flatMap((v) => {
    const text = asString(v);
    return text ? [text] : [];
  });
}

function sameReference(a: unknown, b: unknown): boolean {
  const left = asString(asRecord(a)?.['reference']);
  const right = asString(asRecord(b)?.['reference']);
  return left !== undefined && left === right;
}

function organisationName(input: ModelInput, ref: unknown, from: Resource): string | undefined {
  const organisation = resolveResource(input, ref, from);
  const resolvedName =
    organisation?.resourceType === 'Organization' ? asString((organisation as unknown as JsonRecord)['name']) : undefined;
  return resolvedName ?? asString(asRecord(ref)?.['display']);
}

function fromPractitionerRole(role: JsonRecord, ref: JsonRecord, input: ModelInput, now: Date): Party {
  const roleResource = role as unknown as Resource;
  const practitionerRef = asRecord(role['practitioner']);
  const practitioner = resolveResource(input, practitionerRef, roleResource);
  const person = practitioner?.resourceType === 'Practitioner' ? (practitioner as unknown as JsonRecord) : undefined;
  return {
    kind: 'practitioner-role',
    name: humanName(person?.['name']) ?? asString(practitionerRef?.['display']) ?? asString(ref['display']),
    roles: [...conceptTexts(role['code']), ...conceptTexts(role['specialty'])],
    organisation: organisationName(input, role['organization'], roleResource),
    contacts: mergeContacts(contactsOf(role['telecom'], now), contactsOf(person?.['telecom'], now)),
  };
}

/**
 * Who a reference names, resolved through included or contained resources, else by its `display`.
 * A Patient is named only when it is `subject` itself ("The patient"); any other patient is not shown.
 */
export function resolveParty(ref: unknown, from: Resource, input: ModelInput, subject?: unknown): Party | undefined {
  const reference = asRecord(ref);
  if (!reference) return undefined;
  const now = input.now;
  const resolved = resolveResource(input, reference, from);
  const record = resolved as unknown as JsonRecord | undefined;
  const type = resolved?.resourceType ?? referencedType(reference);
  const kind = lookup(KINDS, type) ?? 'other';
  const display = asString(reference['display']);
  const none: Party = { kind, name: display, roles: [], organisation: undefined, contacts: [] };
  if (kind === 'patient') {
    const subjectResource = resolveResource(input, subject, from);
    const isSubject = sameReference(reference, subject) || (resolved !== undefined && resolved === subjectResource);
    return { ...none, name: isSubject ? THE_PATIENT : ANOTHER_PATIENT };
  }
  if (!record) return none;
  switch (kind) {
    case 'practitioner':
      return { ...none, name: humanName(record['name']) ?? display, contacts: contactsOf(record['telecom'], now) };
    case 'practitioner-role':
      return fromPractitionerRole(record, reference, input, now);
    case 'organization':
      return { ...none, name: asString(record['name']) ?? display, contacts: contactsOf(record['telecom'], now) };
    case 'related-person':
      return {
        ...none,
        name: humanName(record['name']) ?? display,
        roles: conceptTexts(record['relationship']),
        contacts: contactsOf(record['telecom'], now),
      };
    case 'care-team':
      return { ...none, name: asString(record['name']) ?? display, contacts: contactsOf(record['telecom'], now) };
    default:
      return none;
  }
}

/** "Dr Aisha Rahman (Consultant cardiologist), Riverside University Hospitals NHS Trust". */
export function partyText(party: Party | undefined): string | undefined {
  if (!party?.name) return party?.organisation;
  const roles = party.roles.length > 0 ? ` (${party.roles.join(', ')})` : '';
  const organisation = party.organisation && party.organisation !== party.name ? `, ${party.organisation}` : '';
  return `${party.name}${roles}${organisation}`;
}
