import type { Organization, Provenance, Resource } from '@medplum/fhirtypes';
import {
  ODS_ORG_CODE_SYSTEM,
  ODS_ROLE_SYSTEMS,
  ODS_SITE_CODE_SYSTEM,
  SOURCE_SYSTEM_IDENTIFIER,
  SOURCE_TYPES,
  SOURCE_TYPE_SYSTEM,
  type SourceType,
} from '../fhir/hie-contract.js';
import type { ReferenceResolver, SourceInfo } from './record-types.js';
import { compareIsoDesc } from './format.js';
import { asArray, asRecord, asRecords, asString, pick, type JsonRecord, lookupTable } from './json-guards.js';

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  gp: 'GP practice',
  acute: 'Acute hospital',
  ambulance: 'Ambulance service',
  'social-care': 'Social care',
  community: 'Community services',
  'out-of-hours': 'Out of hours / 111',
  'mental-health': 'Mental health',
};

export const UNKNOWN_SOURCE_TYPE_LABEL = 'organisation type not recorded';

/** Words for a source type; a string that is not a known type is returned as given. */
export function sourceTypeLabel(type: SourceType | string | undefined): string {
  if (type === undefined) return UNKNOWN_SOURCE_TYPE_LABEL;
  return SOURCE_TYPES.includes(type as SourceType) ? SOURCE_TYPE_LABELS[type as SourceType] : type;
}

/** ODS roles that name a setting (domain notes §4); NHS trust roles do not, so they are absent. */
const ODS_ROLE_TYPES: Record<string, SourceType> = lookupTable({
  RO76: 'gp',
  RO177: 'gp',
  RO80: 'out-of-hours',
  RO247: 'community',
  RO141: 'social-care',
  RO104: 'social-care',
  RO101: 'social-care',
  RO269: 'social-care',
  RO270: 'social-care',
});

/** From coded `Organization.type` only: the contract's code wins over an ODS role; names are never read. */
export function sourceTypeOf(organization: Organization | undefined): SourceType | undefined {
  const codings = asRecords(asRecord(organization)?.['type']).flatMap((cc) => asRecords(cc['coding']));
  for (const coding of codings) {
    const code = asString(coding['code']);
    if (asString(coding['system']) === SOURCE_TYPE_SYSTEM && SOURCE_TYPES.includes(code as SourceType)) {
      return code as SourceType;
    }
  }
  for (const coding of codings) {
    const system = asString(coding['system']);
    const code = asString(coding['code']);
    if (system && code && ODS_ROLE_SYSTEMS.includes(system) && ODS_ROLE_TYPES[code]) return ODS_ROLE_TYPES[code];
  }
  return undefined;
}

/** A field that may name the source, and whether FHIR lets it point at an Organization directly. */
interface SourceField {
  ref: unknown;
  organizationAllowed: boolean;
}

/** A field and the resource it sits in (contained references resolve against that resource). */
interface Candidate {
  field: SourceField;
  from: Resource;
}

function fields(values: unknown, organizationAllowed: boolean): SourceField[] {
  return asArray(values).map((ref) => ({ ref, organizationAllowed }));
}

function ownSourceFields(resource: JsonRecord): SourceField[] {
  const r = (name: string): unknown => resource[name];
  switch (asString(resource['resourceType'])) {
    case 'MedicationStatement':
      return fields(r('informationSource'), true);
    case 'MedicationRequest':
      return [...fields(r('requester'), true), ...fields(r('performer'), true)];
    case 'Condition':
    case 'AllergyIntolerance':
      return [...fields(r('recorder'), false), ...fields(r('asserter'), false)];
    case 'Observation':
    case 'DiagnosticReport':
      return fields(r('performer'), true);
    case 'DocumentReference':
    case 'Composition':
      return [...fields(r('custodian'), true), ...fields(r('author'), true)];
    case 'Encounter':
      return fields(r('serviceProvider'), true);
    case 'CarePlan':
      return fields(r('author'), true);
    case 'CareTeam':
      return fields(r('managingOrganization'), true);
    case 'Appointment':
      return fields(asRecords(r('participant')).map((p) => p['actor']), false);
    case 'Immunization':
      return fields(asRecords(r('performer')).map((p) => p['actor']), true);
    default:
      return [];
  }
}

/** What one reference says about an organisation. `name` undefined: an organisation with no usable name. */
interface FoundOrganisation {
  organization: Organization | undefined;
  name: string | undefined;
  odsCode: string | undefined;
  key: string;
  type: SourceType | undefined;
}

function odsCodeOf(identifiers: unknown): string | undefined {
  const list = asRecords(identifiers);
  for (const system of [ODS_ORG_CODE_SYSTEM, ODS_SITE_CODE_SYSTEM]) {
    const match = list.find((identifier) => asString(identifier['system']) === system);
    const value = asString(match?.['value']);
    if (value) return value;
  }
  return undefined;
}

function odsName(odsCode: string | undefined): string | undefined {
  return odsCode === undefined ? undefined : `ODS code ${odsCode}`;
}

/** The resource type a literal reference names (`Type/id`, `Type?…`, or an absolute URL ending in Type/id). */
function referencedType(ref: JsonRecord): string | undefined {
  const declared = asString(ref['type']);
  if (declared) return declared;
  const literal = asString(ref['reference']);
  if (!literal || literal.startsWith('#') || /^urn:/i.test(literal)) return undefined;
  const m = /(?:^|\/)([A-Z][A-Za-z]+)(?:\/[^/?]+(?:\/_history\/[^/]+)?|\?.*)$/.exec(literal);
  return m?.[1];
}

/**
 * What an Organization says about itself, read once per Organization (records repeat the same few).
 * Only frozen objects (HIE responses are frozen) are remembered, so a changed object is never read stale.
 */
const organisationFacts = new WeakMap<object, { odsCode: string | undefined; type: SourceType | undefined }>();

function factsOf(organization: Organization): { odsCode: string | undefined; type: SourceType | undefined } {
  let facts = organisationFacts.get(organization);
  if (!facts) {
    facts = { odsCode: odsCodeOf(organization.identifier), type: sourceTypeOf(organization) };
    if (typeof organization === 'object' && Object.isFrozen(organization)) organisationFacts.set(organization, facts);
  }
  return facts;
}

function fromOrganization(organization: Organization, ref: JsonRecord): FoundOrganisation {
  const { odsCode, type } = factsOf(organization);
  const name = asString(organization.name) ?? asString(ref['display']) ?? odsName(odsCode);
  const id = asString(organization.id);
  const contained = asString(ref['reference'])?.startsWith('#') ?? false;
  const key =
    odsCode ?? (id && !contained ? `Organization/${id}` : name ? `name:${name.toLowerCase()}` : 'unknown');
  return { organization, name, odsCode, key, type };
}

const MAX_CHAIN = 3;

function organisationFrom(
  field: SourceField,
  from: Resource,
  index: ReferenceResolver,
  depth = 0,
): FoundOrganisation | undefined {
  const ref = asRecord(field.ref);
  if (!ref || depth > MAX_CHAIN) return undefined;
  const resolved = index.resolve<Resource>(ref, from);
  if (resolved) {
    const next = (value: unknown): FoundOrganisation | undefined =>
      organisationFrom({ ref: value, organizationAllowed: true }, resolved, index, depth + 1);
    switch (resolved.resourceType) {
      case 'Organization':
        return fromOrganization(resolved, ref);
      case 'PractitionerRole':
        return next(resolved.organization);
      case 'Location':
        return next(resolved.managingOrganization);
      case 'HealthcareService':
        return next(resolved.providedBy);
      default:
        // A person or device is not an organisation; the caller keeps looking.
        return undefined;
    }
  }
  const targetType = referencedType(ref);
  if (targetType ? targetType !== 'Organization' : !field.organizationAllowed) return undefined;
  const odsCode = odsCodeOf(ref['identifier']);
  const display = asString(ref['display']);
  const name = display ?? odsName(odsCode);
  if (!name) return undefined;
  return { organization: undefined, name, odsCode, key: odsCode ?? `name:${name.toLowerCase()}`, type: undefined };
}

function toSourceInfo(found: FoundOrganisation, via: SourceInfo['via']): SourceInfo {
  return {
    key: found.key,
    name: found.name,
    odsCode: found.odsCode,
    type: found.type,
    typeLabel: sourceTypeLabel(found.type),
    via,
  };
}

function metaSourceName(uri: string): string {
  try {
    const url = new URL(uri);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host) return url.host;
  } catch {
    // Not a URL (e.g. a bare system name): show it as sent.
  }
  return uri;
}

/** Newest Provenance first; in each, every agent's `onBehalfOf` before any agent's `who`. */
function provenanceCandidates(provenances: Provenance[]): Candidate[] {
  const newestFirst = [...provenances].sort((a, b) =>
    compareIsoDesc(asString(asRecord(a)?.['recorded']), asString(asRecord(b)?.['recorded'])),
  );
  return newestFirst.flatMap((provenance) => {
    const agents = asRecords(asRecord(provenance)?.['agent']);
    return [...fields(agents.map((a) => a['onBehalfOf']), true), ...fields(agents.map((a) => a['who']), true)].map(
      (field) => ({ field, from: provenance as Resource }),
    );
  });
}

export const UNKNOWN_SOURCE: Readonly<SourceInfo> = Object.freeze({
  key: 'unknown',
  name: undefined,
  odsCode: undefined,
  type: undefined,
  typeLabel: UNKNOWN_SOURCE_TYPE_LABEL,
  via: 'none',
});

/**
 * Who an item came from: the resource's own fields; then `meta.source` when it resolves to an
 * Organization (identifier system SOURCE_SYSTEM_IDENTIFIER); then Provenance agents; last a bare
 * `meta.source` URI, the weakest evidence. Nothing found gives {@link UNKNOWN_SOURCE}: never a
 * guess. `organization` is the resolved Organization (for feed freshness), possibly an unnamed one
 * even when the source is unknown.
 */
export function resolveSource(
  resource: Resource,
  index: ReferenceResolver,
): { source: SourceInfo; organization: Organization | undefined } {
  const record = asRecord(resource);
  if (!record) return { source: { ...UNKNOWN_SOURCE }, organization: undefined };
  let unnamed: Organization | undefined;
  const firstNamed = (candidates: Candidate[]): FoundOrganisation | undefined => {
    for (const { field, from } of candidates) {
      const found = organisationFrom(field, from, index);
      if (found?.name) return found;
      unnamed ??= found?.organization;
    }
    return undefined;
  };

  const own = firstNamed(ownSourceFields(record).map((field) => ({ field, from: resource })));
  if (own) return { source: toSourceInfo(own, 'resource'), organization: own.organization };

  const metaSource = asString(pick(record, 'meta', 'source'));
  const system = metaSource
    ? firstNamed([
        {
          field: {
            ref: { type: 'Organization', identifier: { system: SOURCE_SYSTEM_IDENTIFIER, value: metaSource } },
            organizationAllowed: true,
          },
          from: resource,
        },
      ])
    : undefined;
  if (system) return { source: toSourceInfo(system, 'meta.source'), organization: system.organization };

  const viaProvenance = firstNamed(provenanceCandidates(safeProvenance(index, resource)));
  if (viaProvenance) {
    return { source: toSourceInfo(viaProvenance, 'provenance'), organization: viaProvenance.organization };
  }

  if (metaSource) {
    const name = metaSourceName(metaSource);
    return {
      source: {
        key: `meta.source:${name.toLowerCase()}`,
        name,
        odsCode: undefined,
        type: undefined,
        typeLabel: UNKNOWN_SOURCE_TYPE_LABEL,
        via: 'meta.source',
      },
      organization: unnamed,
    };
  }
  return { source: { ...UNKNOWN_SOURCE }, organization: unnamed };
}

function safeProvenance(index: ReferenceResolver, resource: Resource): Provenance[] {
  return asRecords(index.provenanceFor(resource)) as unknown as Provenance[];
}
