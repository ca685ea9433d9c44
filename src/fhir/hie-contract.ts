/**
 * Identifiers of the HIE API contract (docs/hie-api.md). An HIE that uses these lets the elements
 * show each item's source type and feed freshness; without them the elements say "not recorded".
 */
export const CONTRACT_BASE = 'https://fhir.care-record-elements.org';

/** Organization.type coding system for the source type of a contributing organisation. */
export const SOURCE_TYPE_SYSTEM = `${CONTRACT_BASE}/CodeSystem/source-type`;

export const SOURCE_TYPES = [
  'gp',
  'acute',
  'ambulance',
  'social-care',
  'community',
  'out-of-hours',
  'mental-health',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/**
 * Extension on Organization (or on the searchset Bundle's `meta`) describing the organisation's feed
 * into the HIE. Sub-extensions: `mode` (valueCode `live` | `batch`), `lastReceived` (valueDateTime:
 * when the HIE last loaded this source), `expectedInterval` (valueDuration: how often a batch is
 * expected, e.g. 12 h), `schedule` (valueString: human wording, e.g. "twice daily").
 */
export const FEED_EXTENSION_URL = `${CONTRACT_BASE}/StructureDefinition/source-feed`;

/**
 * Organization.identifier system whose value is the source system URI an item names in `meta.source`;
 * an HIE that includes such an Organization lets `meta.source` resolve to a named, typed source.
 */
export const SOURCE_SYSTEM_IDENTIFIER = `${CONTRACT_BASE}/Id/source-system`;

/** ODS organisation codes and role codes (domain notes §4). */
export const ODS_ORG_CODE_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
export const ODS_SITE_CODE_SYSTEM = 'https://fhir.nhs.uk/Id/ods-site-code';
export const ODS_ROLE_SYSTEMS = [
  'https://fhir.nhs.uk/England/CodeSystem/England-ODSOrganisationRoleCode',
  'https://directory.spineservices.nhs.uk/STU3/CodeSystem/ODSAPI-OrganizationRole-1',
];

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

/** Outcome codes the elements recognise in `search.mode = outcome` entries. */
export const OUTCOME_CODE_SYSTEM = `${CONTRACT_BASE}/CodeSystem/outcome`;
export const OUTCOME_CODES = {
  withheld: 'records-withheld',
  sourceUnavailable: 'source-unavailable',
  roleRestricted: 'role-restricted',
} as const;
export const SDHR_WITHHELD =
  'https://fhir-ig.digital.health.nz/sdhr/CodeSystem/sdhr-outcome-codes#sdhr-records-withheld-at-source';
