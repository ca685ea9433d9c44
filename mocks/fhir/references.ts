import type { Provenance, Reference, Resource } from '@medplum/fhirtypes';

/** Search parameter → element, for `_include=<Type>:<param>` where the names differ. */
const INCLUDE_FIELDS: Record<string, string> = {
  medication: 'medicationReference',
  source: 'informationSource',
  'service-provider': 'serviceProvider',
  'managing-organization': 'managingOrganization',
  'has-member': 'hasMember',
};

/** `_include`s whose reference sits inside a backbone element or under another name, as paths. */
const INCLUDE_PATHS: Record<string, string[]> = {
  'CareTeam:participant': ['participant', 'member'],
  'Appointment:actor': ['participant', 'actor'],
  'Encounter:location': ['location', 'location'],
  'Location:organization': ['managingOrganization'],
  'HealthcareService:organization': ['providedBy'],
  'Provenance:agent': ['agent', 'who'],
  'Immunization:performer': ['performer', 'actor'],
};

/** References found by following `path` through objects and arrays from `resource`. */
export function referencesAlong(resource: Resource, path: string[]): Reference[] {
  let values: unknown[] = [resource];
  for (const step of path) {
    values = values.flatMap((v) => {
      const next = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[step] : undefined;
      return Array.isArray(next) ? next : next === undefined ? [] : [next];
    });
  }
  return asReferences(values);
}

/** The element path an `_include` value (`Type:param[:Target]`) follows on `resource`, if it applies. */
export function includePath(include: string, resourceType: string): string[] | undefined {
  const [type, param] = include.split(':');
  if (type !== resourceType || !param) return undefined;
  return INCLUDE_PATHS[`${type}:${param}`] ?? [includeField(include, resourceType)!];
}

/** Elements through which a clinical item can name its source organisation (domain notes §4). */
const SOURCE_FIELDS = [
  'informationSource',
  'requester',
  'performer',
  'custodian',
  'author',
  'serviceProvider',
  'managingOrganization',
  'recorder',
  'asserter',
];

function asReferences(value: unknown): Reference[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter(
    (v): v is Reference => typeof v === 'object' && v !== null && typeof (v as Reference).reference === 'string',
  );
}

export function referencesIn(resource: Resource, field: string): Reference[] {
  return asReferences((resource as unknown as Record<string, unknown>)[field]);
}

/** `_include` value `Type:param[:TargetType]` → the element to follow, when it applies to `resource`. */
export function includeField(include: string, resourceType: string): string | undefined {
  const [type, param] = include.split(':');
  if (type !== resourceType || !param) return undefined;
  return INCLUDE_FIELDS[param] ?? param.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** `Type/id` from a relative or absolute reference; contained (`#…`) references give undefined. */
export function referenceKey(reference: string | undefined): string | undefined {
  if (!reference || reference.startsWith('#')) return undefined;
  const match = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

export function provenanceTargets(provenance: Provenance): string[] {
  return (provenance.target ?? []).map((t) => referenceKey(t.reference)).filter((k): k is string => !!k);
}

/**
 * `Organization/<id>` keys that name where `item` came from, by any route the contract allows:
 * its own fields (directly or via PractitionerRole.organization), a known `meta.source` system, or a Provenance.
 */
export function sourceOrganisationKeys(
  item: Resource,
  lookup: (key: string) => Resource | undefined,
  provenances: Provenance[],
  metaSourceOrgKey: (uri: string | undefined) => string | undefined,
): string[] {
  const keys = new Set<string>();
  const addOrg = (key: string | undefined) => {
    if (!key) return;
    if (key.startsWith('Organization/')) keys.add(key);
    const target = lookup(key);
    if (target?.resourceType === 'PractitionerRole') addOrg(referenceKey(target.organization?.reference));
  };
  for (const field of SOURCE_FIELDS) for (const ref of referencesIn(item, field)) addOrg(referenceKey(ref.reference));
  addOrg(metaSourceOrgKey(item.meta?.source));
  const itemKey = `${item.resourceType}/${item.id}`;
  for (const provenance of provenances) {
    if (!provenanceTargets(provenance).includes(itemKey)) continue;
    for (const agent of provenance.agent ?? []) {
      addOrg(referenceKey(agent.who?.reference));
      addOrg(referenceKey(agent.onBehalfOf?.reference));
    }
  }
  return [...keys];
}
