import type { Bundle, Provenance, Resource } from '@medplum/fhirtypes';
import { NHS_NUMBER_SYSTEM } from '../src/fhir/hie-contract.js';
import type { MockDataset } from './data/dataset.js';
import { ORG_IDS, orgKeyFromMetaSource, SOURCE_ORG_SPECS } from './data/organisations.js';
import { errorOutcome, objectionOutcome, sourceUnavailableOutcome } from './fhir/outcomes.js';
import { sourceOrganisationKeys } from './fhir/references.js';
import { fhirResponse, outcomeResponse } from './fhir/responses.js';
import { capIncludes, includesPage } from './fhir/capped-includes.js';
import { buildSearchset } from './fhir/searchset.js';
import { sortMatches } from './fhir/sort.js';
import { MOCK_PATIENT_IDS } from './patients.js';

export interface SearchContext {
  url: URL;
  base: string;
  dataset: MockDataset;
  now: Date;
  /** Drop one source's items and say so (scenario `source-outage`). */
  sourceOutage: boolean;
  /** Slip in an item of another patient (scenario `other-patient`), which clients must drop. */
  otherPatientItem: boolean;
  /** Leave out `entry.search` (optional in R4; some servers never send it): scenario `no-search-mode`. */
  omitSearchMode: boolean;
  /** Page the includes apart, as the Microsoft FHIR server does: scenario `capped-includes`. */
  capIncludes: boolean;
}

/** The organisation that "did not respond" in the `source-outage` scenario. */
export const OUTAGE_ORG_KEY = `Organization/${ORG_IDS.mentalHealth}`;

/** `Patient/<id>`, an absolute URL ending so, or a bare id → the id. */
export function patientIdFromParam(value: string | null): string | undefined {
  if (!value) return undefined;
  const match = /(?:^|\/)Patient\/([^/?#]+)$/.exec(value);
  return match ? match[1] : value.includes('/') ? undefined : value;
}

function allProvenance(dataset: MockDataset): Provenance[] {
  return [...dataset.byReference.values()].filter((r): r is Provenance => r.resourceType === 'Provenance');
}

function searchsetFor(ctx: SearchContext, matches: Resource[], extra: Partial<Parameters<typeof buildSearchset>[0]> = {}): Bundle {
  return buildSearchset({
    requestUrl: ctx.url,
    base: ctx.base,
    matches,
    outcomes: [],
    redacted: false,
    lookup: (key) => ctx.dataset.byReference.get(key),
    provenances: allProvenance(ctx.dataset),
    now: ctx.now,
    orgKeyForMetaSource: orgKeyFromMetaSource,
    ...extra,
  });
}

export function searchPatients(ctx: SearchContext): Response {
  const identifier = ctx.url.searchParams.get('identifier');
  const id = ctx.url.searchParams.get('_id');
  if (!identifier && !id) {
    return outcomeResponse(400, errorOutcome('required', 'Search by identifier (NHS number) or _id'));
  }
  const [system, value] = identifier?.includes('|') ? identifier.split('|') : [undefined, identifier];
  const matches = ctx.dataset.patients.filter((patient) => {
    if (id && patient.id !== id) return false;
    if (!identifier) return true;
    if (system && system !== NHS_NUMBER_SYSTEM) return false;
    return patient.resourceType === 'Patient' && (patient.identifier ?? []).some((i) => i.value === value);
  });
  return fhirResponse(searchsetFor(ctx, matches));
}

function foreignItem(ctx: SearchContext, resourceType: string, patientId: string): Resource | undefined {
  const donorId = patientId === MOCK_PATIENT_IDS.rich ? MOCK_PATIENT_IDS.large : MOCK_PATIENT_IDS.rich;
  return ctx.dataset.records.get(donorId)?.items.find((item) => item.resourceType === resourceType);
}

/** A clinical search: `<Type>?patient=…` for any type held in the patient's record. */
export function searchClinical(ctx: SearchContext, resourceType: string): Response {
  const answer = clinicalSearchset(ctx, resourceType);
  if (answer instanceof Response) return answer;
  const bundle = ctx.capIncludes ? capIncludes(answer, ctx.url, ctx.base, resourceType) : answer;
  return fhirResponse(ctx.omitSearchMode ? withoutSearchModes(bundle) : bundle);
}

/** `GET <Type>/$includes?<the search>&includesCt=<n>`: the rest of a capped page's includes. */
export function searchIncludes(ctx: SearchContext, resourceType: string): Response {
  const searchUrl = new URL(`${ctx.base}/${resourceType}`);
  for (const [name, value] of ctx.url.searchParams) if (name !== 'includesCt') searchUrl.searchParams.append(name, value);
  const answer = clinicalSearchset({ ...ctx, url: searchUrl }, resourceType);
  if (answer instanceof Response) return answer;
  return fhirResponse(includesPage(answer, ctx.url, ctx.base, resourceType));
}

function clinicalSearchset(ctx: SearchContext, resourceType: string): Bundle | Response {
  const patientId = patientIdFromParam(ctx.url.searchParams.get('patient') ?? ctx.url.searchParams.get('subject'));
  if (!patientId) {
    return outcomeResponse(400, errorOutcome('required', `${resourceType} searches need patient=Patient/<id>`));
  }
  const record = ctx.dataset.records.get(patientId);
  if (record?.objected) return outcomeResponse(403, objectionOutcome());
  const statuses = ctx.url.searchParams.get('status')?.split(',').filter(Boolean);
  const categories = ctx.url.searchParams.get('category')?.split(',').filter(Boolean);
  let matches =
    record?.items.filter(
      (item) =>
        item.resourceType === resourceType &&
        (!statuses || statuses.includes((item as { status?: string }).status ?? '')) &&
        (!categories || categoryCodes(item).some((code) => categories.includes(code))),
    ) ?? [];
  const outcomes = [...(record?.notices[resourceType] ?? [])];
  if (ctx.sourceOutage) {
    const lookup = (key: string) => ctx.dataset.byReference.get(key);
    const provenances = allProvenance(ctx.dataset);
    matches = matches.filter((item) => !sourceOrganisationKeys(item, lookup, provenances, orgKeyFromMetaSource).includes(OUTAGE_ORG_KEY));
    outcomes.push(sourceUnavailableOutcome(SOURCE_ORG_SPECS.mentalHealth.name, SOURCE_ORG_SPECS.mentalHealth.odsCode));
  }
  if (ctx.otherPatientItem) {
    const foreign = foreignItem(ctx, resourceType, patientId);
    if (foreign) matches = [...matches, foreign];
  }
  const sort = ctx.url.searchParams.get('_sort');
  if (sort) {
    const sorted = sortMatches(resourceType, matches, sort);
    if (!sorted) return outcomeResponse(400, errorOutcome('not-supported', `Unknown _sort parameter value "${sort}" for ${resourceType}`));
    matches = sorted;
  }
  const redacted = record?.redactedTypes.includes(resourceType) ?? false;
  return searchsetFor(ctx, matches, { outcomes, redacted });
}

function withoutSearchModes(bundle: Bundle): Bundle {
  return { ...bundle, entry: bundle.entry?.map(({ search: _search, ...entry }) => entry) };
}

/** `GET <Type>/<id>`: patients, organisations, medications and clinical items (unless objected). */
export function readResource(ctx: SearchContext, resourceType: string, id: string): Response {
  const key = `${resourceType}/${id}`;
  if (resourceType === 'Patient') {
    const patient = ctx.dataset.patients.find((p) => p.id === id);
    if (patient) return fhirResponse(patient);
  } else {
    const shared = ctx.dataset.byReference.get(key);
    if (shared) return fhirResponse(shared);
    for (const record of ctx.dataset.records.values()) {
      const item = record.items.find((r) => r.resourceType === resourceType && r.id === id);
      if (!item) continue;
      return record.objected ? outcomeResponse(403, objectionOutcome()) : fhirResponse(item);
    }
  }
  return outcomeResponse(404, errorOutcome('not-found', `${key} is not known`));
}

/** Codes of an item's `category` (one CodeableConcept or a list), for `category=` searches. */
function categoryCodes(item: Resource): string[] {
  const value = (item as { category?: unknown }).category;
  const concepts = (Array.isArray(value) ? value : value ? [value] : []) as Array<{ coding?: Array<{ code?: string }> }>;
  return concepts.flatMap((c) => (c.coding ?? []).map((coding) => coding.code ?? ''));
}
