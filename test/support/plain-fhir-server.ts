import type { Bundle, BundleEntry, BundleLink, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { http, HttpResponse, type HttpHandler } from 'msw';

/**
 * A plain FHIR R4 server for tests, answering the way a HAPI FHIR JPA server does rather than the way
 * our HIE contract asks: no source-type codes, no feed extension, no withheld outcomes; `_include`s
 * limited to the search parameters R4 defines (400 with HAPI's words for any other); each page's
 * includes sent with that page; HAPI's `?_getpages=` next links on the base. Resources are stored as a
 * transaction would store them (see {@link storeAsTransaction}).
 */

/** The R4 reference search parameters the elements use, by type and name: the element path each reads. */
const REFERENCE_PATHS: Record<string, Record<string, readonly string[]>> = {
  AllergyIntolerance: { asserter: ['asserter'], recorder: ['recorder'] },
  Appointment: { actor: ['participant', 'actor'] },
  CareTeam: { participant: ['participant', 'member'] },
  Composition: { author: ['author'] },
  Condition: { asserter: ['asserter'] },
  DiagnosticReport: { performer: ['performer'], result: ['result'] },
  DocumentReference: { author: ['author'], custodian: ['custodian'] },
  Encounter: { 'service-provider': ['serviceProvider'], location: ['location', 'location'] },
  HealthcareService: { organization: ['providedBy'] },
  Location: { organization: ['managingOrganization'] },
  MedicationRequest: { medication: ['medicationReference'], requester: ['requester'] },
  MedicationStatement: { medication: ['medicationReference'], source: ['informationSource'] },
  Observation: { 'has-member': ['hasMember'], performer: ['performer'] },
  PractitionerRole: { organization: ['organization'], practitioner: ['practitioner'] },
  Provenance: { agent: ['agent', 'who'], target: ['target'] },
};

/** Where each type names its patient, for `patient=` searches. */
const PATIENT_PATHS: Record<string, readonly string[]> = {
  AllergyIntolerance: ['patient'],
  Appointment: ['participant', 'actor'],
};

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 200;
const FHIR_JSON = { 'Content-Type': 'application/fhir+json;charset=utf-8' };

type Json = Record<string, unknown>;

function valuesAt(node: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return Array.isArray(node) ? node : node === undefined ? [] : [node];
  if (Array.isArray(node)) return node.flatMap((item) => valuesAt(item, path));
  if (!node || typeof node !== 'object') return [];
  return valuesAt((node as Json)[path[0]!], path.slice(1));
}

function referencesAt(resource: Resource, path: readonly string[]): string[] {
  return valuesAt(resource, path).flatMap((ref) => {
    const text = (ref as { reference?: unknown } | undefined)?.reference;
    return typeof text === 'string' ? [text] : [];
  });
}

function keyOf(r: Resource): string {
  return `${r.resourceType}/${r.id}`;
}

function outcome(status: number, diagnostics: string): Response {
  const body: OperationOutcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing', diagnostics }] };
  return HttpResponse.json(body, { status, headers: FHIR_JSON });
}

/**
 * Every resource in `bundles`, as a FHIR transaction would store them: `urn:uuid:` references and
 * conditional ones (`Type?identifier=system|value`, as Synthea writes them) rewritten to `Type/id`.
 */
export function storeAsTransaction(bundles: readonly Bundle[]): Resource[] {
  // One resource per Type/id, the last one stored winning, as a server keeps it.
  const stored = new Map<string, Resource>();
  const byFullUrl = new Map<string, string>();
  for (const bundle of bundles) {
    for (const entry of bundle.entry ?? []) {
      const r = entry.resource;
      if (!r?.id) continue;
      stored.set(keyOf(r), structuredClone(r));
      if (entry.fullUrl) byFullUrl.set(entry.fullUrl, keyOf(r));
    }
  }
  const resources = [...stored.values()];
  const byIdentifier = new Map<string, string>();
  for (const r of resources) {
    for (const id of (r as { identifier?: Array<{ system?: string; value?: string }> }).identifier ?? []) {
      if (id.system && id.value) byIdentifier.set(`${r.resourceType}?identifier=${id.system}|${id.value}`, keyOf(r));
    }
  }
  const rewrite = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(rewrite);
    if (!node || typeof node !== 'object') return;
    const record = node as Json;
    const ref = record['reference'];
    if (typeof ref === 'string') record['reference'] = byFullUrl.get(ref) ?? byIdentifier.get(ref) ?? ref;
    for (const value of Object.values(record)) rewrite(value);
  };
  resources.forEach(rewrite);
  return resources;
}

interface Search {
  matches: Resource[];
  params: URLSearchParams;
}

export interface PlainServer {
  handlers: HttpHandler[];
  /** Every URL asked of the server, in order. */
  urls: string[];
}

export interface PlainServerOptions {
  /** Resource types the server does not offer: searching one gets HAPI's 404 "Unknown resource type". */
  withoutTypes?: readonly string[];
}

export function plainFhirServer(base: string, resources: readonly Resource[], opts: PlainServerOptions = {}): PlainServer {
  const byKey = new Map(resources.map((r) => [keyOf(r), r]));
  const searches = new Map<string, Search>();
  const urls: string[] = [];

  const belongsTo = (r: Resource, patient: string): boolean =>
    referencesAt(r, PATIENT_PATHS[r.resourceType] ?? ['subject']).includes(patient) ||
    referencesAt(r, ['patient']).includes(patient);

  const matchesFilter = (r: Resource, name: string, value: string): boolean => {
    const wanted = value.split(',');
    if (name === 'status') return wanted.includes(String((r as unknown as Json)['status']));
    if (name === 'category') return valuesAt((r as unknown as Json)['category'], ['coding', 'code']).some((c) => wanted.includes(String(c)));
    return true;
  };

  const refusal = (params: URLSearchParams): Response | undefined => {
    for (const key of ['_include', '_include:iterate', '_revinclude']) {
      for (const value of params.getAll(key)) {
        const [type = '', name = ''] = value.split(':');
        if (!REFERENCE_PATHS[type]?.[name]) {
          const which = key === '_revinclude' ? '_revinclude' : '_include';
          return outcome(400, `Invalid ${which} parameter value: "${value}". Unknown search parameter "${name}" for resource type "${type}".`);
        }
      }
    }
    return undefined;
  };

  /** The includes for one page of matches, as HAPI sends them with that page. */
  const includesFor = (page: readonly Resource[], params: URLSearchParams): Resource[] => {
    const out = new Map<string, Resource>();
    const onPage = new Set(page.map(keyOf));
    const add = (r: Resource | undefined) => {
      if (r && !onPage.has(keyOf(r))) out.set(keyOf(r), r);
    };
    const follow = (from: readonly Resource[], value: string): void => {
      const [type = '', name = ''] = value.split(':');
      const path = REFERENCE_PATHS[type]![name]!;
      for (const r of from) if (r.resourceType === type) referencesAt(r, path).forEach((ref) => add(byKey.get(ref)));
    };
    params.getAll('_include').forEach((v) => follow(page, v));
    for (const value of params.getAll('_revinclude')) {
      const [type = '', name = ''] = value.split(':');
      for (const r of resources) {
        if (r.resourceType === type && referencesAt(r, REFERENCE_PATHS[type]![name]!).some((ref) => onPage.has(ref))) add(r);
      }
    }
    for (let round = 0; round < 3; round += 1) {
      const before = out.size;
      params.getAll('_include:iterate').forEach((v) => follow([...out.values()], v));
      if (out.size === before) break;
    }
    return [...out.values()];
  };

  const page = (id: string, offset: number, count: number): Response => {
    const { matches, params } = searches.get(id)!;
    const shown = matches.slice(offset, offset + count);
    const entry: BundleEntry[] = [
      ...shown.map((resource) => ({ fullUrl: `${base}/${keyOf(resource)}`, resource, search: { mode: 'match' as const } })),
      ...includesFor(shown, params).map((resource) => ({ fullUrl: `${base}/${keyOf(resource)}`, resource, search: { mode: 'include' as const } })),
    ];
    const link: BundleLink[] = [{ relation: 'self', url: `${base}?_getpages=${id}&_getpagesoffset=${offset}&_count=${count}` }];
    if (offset + count < matches.length) {
      link.push({ relation: 'next', url: `${base}?_getpages=${id}&_getpagesoffset=${offset + count}&_count=${count}&_bundletype=searchset` });
    }
    const bundle: Bundle = { resourceType: 'Bundle', type: 'searchset', total: matches.length, link, ...(entry.length > 0 ? { entry } : {}) };
    return HttpResponse.json(bundle, { headers: FHIR_JSON });
  };

  const handlers = [
    http.get(base, ({ request }) => {
      urls.push(request.url);
      const p = new URL(request.url).searchParams;
      const id = p.get('_getpages') ?? '';
      if (!searches.has(id)) return outcome(410, `Search ID "${id}" does not exist and may have expired`);
      return page(id, Number(p.get('_getpagesoffset') ?? 0), Number(p.get('_count') ?? DEFAULT_PAGE_SIZE));
    }),
    http.get(`${base}/:type`, ({ request, params: route }) => {
      urls.push(request.url);
      const type = String(route['type']);
      const p = new URL(request.url).searchParams;
      if (opts.withoutTypes?.includes(type)) {
        return outcome(404, `HAPI-0302: Unknown resource type '${type}' - Server knows how to handle: [Patient, Observation, ...]`);
      }
      const refused = refusal(p);
      if (refused) return refused;
      let matches: Resource[];
      if (type === 'Patient') {
        // identifier=system|value, as HAPI matches it: system and value both equal.
        const [system, value] = (p.get('identifier') ?? '|').split('|');
        const identified = (r: Resource) =>
          !p.has('identifier') ||
          ((r as { identifier?: Array<{ system?: string; value?: string }> }).identifier ?? []).some(
            (i) => i.system === system && i.value === value,
          );
        matches = resources.filter((r) => r.resourceType === 'Patient' && (!p.get('_id') || r.id === p.get('_id')) && identified(r));
      } else {
        const patient = p.get('patient') ?? p.get('subject');
        if (!patient) return outcome(400, `This server needs patient= to search ${type}`);
        const ref = patient.includes('/') ? patient : `Patient/${patient}`;
        matches = resources.filter(
          (r) => r.resourceType === type && belongsTo(r, ref) && [...p.entries()].every(([k, v]) => matchesFilter(r, k, v)),
        );
      }
      const id = crypto.randomUUID();
      searches.set(id, { matches, params: p });
      return page(id, 0, Math.min(Number(p.get('_count') ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE));
    }),
  ];
  return { handlers, urls };
}
