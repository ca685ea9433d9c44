import { expect } from '@open-wc/testing';
import type { Bundle, BundleEntry, Extension, OperationOutcome, Organization, Resource } from '@medplum/fhirtypes';
import type { SetupWorker } from 'msw/browser';
import { FEED_EXTENSION_URL, OUTCOME_CODES, OUTCOME_CODE_SYSTEM } from '../../src/fhir/hie-contract.js';
import { HieClient } from '../../src/fhir/client.js';
import { isValidNhsNumber } from '../../src/fhir/nhs-number.js';
import {
  LARGE_REQUEST_COUNT,
  LARGE_STATEMENT_COUNT,
  MOCK_PATIENT_IDS,
  MOCK_PATIENTS,
  MOCK_TOKENS,
  ORG_IDS,
  createHieHandlers,
  resetScenarios,
  setScenario,
  startMockHie,
} from '../../mocks/index.js';

type Body = (this: unknown) => void | Promise<void>;
const { describe, it, before, after, afterEach } = globalThis as unknown as {
  describe: (title: string, body: () => void) => void;
  it: (title: string, body: Body) => void;
  before: (body: Body) => void;
  after: (body: Body) => void;
  afterEach: (body: Body) => void;
};

const BASE = 'https://hie.example/fhir';
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const HOUR_MS = 3_600_000;

function get(url: string, opts: { token?: string | null; headers?: Record<string, string>; signal?: AbortSignal } = {}) {
  const token = opts.token === undefined ? MOCK_TOKENS.valid : opts.token;
  const headers: Record<string, string> = { Accept: 'application/fhir+json', ...opts.headers };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  return fetch(url, { headers, ...(opts.signal ? { signal: opts.signal } : {}) });
}

async function getBundle(url: string): Promise<Bundle> {
  const response = await get(url);
  expect(response.status, url).to.equal(200);
  return (await response.json()) as Bundle;
}

const byMode = (bundle: Bundle, mode: 'match' | 'include' | 'outcome'): Resource[] =>
  (bundle.entry ?? []).filter((e: BundleEntry) => e.search?.mode === mode).map((e) => e.resource!);

function sub(extension: Extension | undefined, url: string): Extension | undefined {
  return extension?.extension?.find((e) => e.url === url);
}

const medicationSearch = (type: string, patientId: string, extra = '') =>
  `${BASE}/${type}?patient=Patient/${patientId}${extra}`;

describe('mock HIE (msw in the browser)', () => {
  let worker: SetupWorker;

  before(async () => {
    resetScenarios();
    worker = await startMockHie();
  });

  after(() => {
    worker.stop();
    resetScenarios();
  });

  afterEach(() => resetScenarios());

  describe('authorisation', () => {
    it('refuses a request without a token with 401 and an OperationOutcome', async () => {
      const response = await get(`${BASE}/Patient/${MOCK_PATIENT_IDS.rich}`, { token: null });
      expect(response.status).to.equal(401);
      const outcome = (await response.json()) as OperationOutcome;
      expect(outcome.resourceType).to.equal('OperationOutcome');
      expect(response.headers.get('WWW-Authenticate')).to.match(/^Bearer/);
    });

    it('refuses expired and unknown tokens, accepts valid and refreshed ones', async () => {
      const url = `${BASE}/Patient/${MOCK_PATIENT_IDS.rich}`;
      expect((await get(url, { token: MOCK_TOKENS.expired })).status).to.equal(401);
      expect((await get(url, { token: 'expired-yesterday' })).status).to.equal(401);
      expect((await get(url, { token: 'guessed-token' })).status).to.equal(401);
      expect((await get(url, { token: MOCK_TOKENS.refreshed })).status).to.equal(200);
      expect((await get(url, { token: 'valid-anything' })).status).to.equal(200);
    });
  });

  describe('patients', () => {
    it('finds a patient by NHS number', async () => {
      const bundle = await getBundle(`${BASE}/Patient?identifier=${NHS}|9990000018`);
      expect(bundle.type).to.equal('searchset');
      expect(bundle.total).to.equal(1);
      const [patient] = byMode(bundle, 'match');
      expect(patient?.id).to.equal(MOCK_PATIENT_IDS.rich);
      expect(bundle.entry?.[0]?.fullUrl).to.equal(`${BASE}/Patient/${MOCK_PATIENT_IDS.rich}`);
    });

    it('answers an unknown NHS number with an empty searchset', async () => {
      const bundle = await getBundle(`${BASE}/Patient?identifier=${NHS}|9434765919`);
      expect(bundle.total).to.equal(0);
      expect(bundle.entry ?? []).to.have.length(0);
    });

    it('gives every patient a valid Modulus 11 NHS number starting 999', () => {
      expect(MOCK_PATIENTS.length).to.be.at.least(5);
      for (const patient of MOCK_PATIENTS) {
        expect(isValidNhsNumber(patient.nhsNumber), patient.nhsNumber).to.equal(true);
        expect(patient.nhsNumber).to.match(/^999\d{7}$/);
      }
      expect(new Set(MOCK_PATIENTS.map((p) => p.nhsNumber)).size).to.equal(MOCK_PATIENTS.length);
    });
  });

  describe('large record paging', () => {
    async function collect(type: string): Promise<{ ids: string[]; total: number | undefined; urls: string[] }> {
      const urls: string[] = [];
      const ids: string[] = [];
      let total: number | undefined;
      let next: string | undefined = medicationSearch(type, MOCK_PATIENT_IDS.large, '&_count=200');
      while (next) {
        expect(urls, 'a next link repeated an earlier page').not.to.include(next);
        expect(next.startsWith(`${BASE}/`)).to.equal(true);
        urls.push(next);
        const bundle = await getBundle(next);
        total ??= bundle.total;
        ids.push(...byMode(bundle, 'match').map((r) => `${r.resourceType}/${r.id}`));
        next = bundle.link?.find((l) => l.relation === 'next')?.url;
      }
      return { ids, total, urls };
    }

    it('pages through 1,500+ medication items without repeating a page or an item', async () => {
      const statements = await collect('MedicationStatement');
      const requests = await collect('MedicationRequest');
      expect(statements.ids).to.have.length(LARGE_STATEMENT_COUNT);
      expect(requests.ids).to.have.length(LARGE_REQUEST_COUNT);
      expect(statements.total).to.equal(LARGE_STATEMENT_COUNT);
      expect(requests.total).to.equal(LARGE_REQUEST_COUNT);
      const all = [...statements.ids, ...requests.ids];
      expect(new Set(all).size).to.equal(all.length);
      expect(all.length).to.be.at.least(1500);
      expect(statements.urls.length).to.equal(Math.ceil(LARGE_STATEMENT_COUNT / 200));
    });

    it('sends 50 matches per page by default', async () => {
      const bundle = await getBundle(medicationSearch('MedicationStatement', MOCK_PATIENT_IDS.large));
      expect(byMode(bundle, 'match')).to.have.length(50);
      expect(bundle.link?.find((l) => l.relation === 'next')?.url).to.contain('_offset=50');
    });
  });

  describe('rich record', () => {
    const richSearch = (type: string, extra = '') => medicationSearch(type, MOCK_PATIENT_IDS.rich, extra);

    it('refuses every clinical search of the objecting patient with 403 security', async () => {
      for (const type of ['MedicationStatement', 'MedicationRequest', 'Condition']) {
        const response = await get(medicationSearch(type, MOCK_PATIENT_IDS.objection));
        expect(response.status).to.equal(403);
        const outcome = (await response.json()) as OperationOutcome;
        expect(outcome.issue[0]?.code).to.equal('security');
        expect(outcome.issue[0]?.details?.text).to.contain('objected');
      }
    });

    it('answers the empty record with total 0', async () => {
      const bundle = await getBundle(medicationSearch('MedicationRequest', MOCK_PATIENT_IDS.empty));
      expect(bundle.total).to.equal(0);
    });

    it('says items were withheld, with a REDACTED searchset', async () => {
      const bundle = await getBundle(richSearch('MedicationStatement'));
      const outcomes = byMode(bundle, 'outcome') as OperationOutcome[];
      const issue = outcomes.flatMap((o) => o.issue).find((i) => i.code === 'suppressed');
      expect(issue?.details?.coding?.[0]).to.deep.equal({ system: OUTCOME_CODE_SYSTEM, code: OUTCOME_CODES.withheld });
      expect(issue?.details?.text).to.equal('2 items were withheld at source (sensitive)');
      expect(bundle.meta?.security?.map((s) => s.code)).to.include('REDACTED');
    });

    it('includes a stale batch feed (20 h old, expected every 12 h) and a live feed', async () => {
      const bundle = await getBundle(richSearch('MedicationRequest', '&_include=MedicationRequest:requester'));
      const orgs = byMode(bundle, 'include').filter((r): r is Organization => r.resourceType === 'Organization');
      const stale = orgs.find((o) => o.id === ORG_IDS.acuteStale);
      const feed = stale?.extension?.find((e) => e.url === FEED_EXTENSION_URL);
      expect(sub(feed, 'mode')?.valueCode).to.equal('batch');
      expect(sub(feed, 'expectedInterval')?.valueDuration).to.deep.equal({
        value: 12,
        unit: 'h',
        system: 'http://unitsofmeasure.org',
        code: 'h',
      });
      expect(sub(feed, 'schedule')?.valueString).to.equal('twice daily');
      const ageHours = (Date.now() - Date.parse(sub(feed, 'lastReceived')!.valueDateTime!)) / HOUR_MS;
      expect(ageHours).to.be.within(19.5, 20.5);
      const live = orgs.find((o) => o.id === ORG_IDS.acuteLive);
      expect(sub(live?.extension?.[0], 'mode')?.valueCode).to.equal('live');
    });

    it('has exactly one batch feed older than its expected interval', async () => {
      const bundle = await getBundle(
        richSearch('MedicationRequest', '&_include=MedicationRequest:requester&_revinclude=Provenance:target'),
      );
      const statementOrgs = byMode(
        await getBundle(richSearch('MedicationStatement', '&_include=MedicationStatement:source&_revinclude=Provenance:target')),
        'include',
      );
      const orgs = new Map(
        [...byMode(bundle, 'include'), ...statementOrgs]
          .filter((r): r is Organization => r.resourceType === 'Organization')
          .map((o) => [o.id, o]),
      );
      const stale = [...orgs.values()].filter((org) => {
        const feed = org.extension?.find((e) => e.url === FEED_EXTENSION_URL);
        const interval = sub(feed, 'expectedInterval')?.valueDuration?.value;
        const received = sub(feed, 'lastReceived')?.valueDateTime;
        return interval !== undefined && received !== undefined && Date.now() - Date.parse(received) > interval * HOUR_MS;
      });
      expect(orgs.size).to.be.at.least(7);
      expect(stale.map((o) => o.id)).to.deep.equal([ORG_IDS.acuteStale]);
    });

    it('holds the same medicine from the GP and a hospital, and an entered-in-error item', async () => {
      const statements = byMode(await getBundle(richSearch('MedicationStatement')), 'match');
      const requests = byMode(await getBundle(richSearch('MedicationRequest')), 'match');
      const codes = (list: Resource[]) =>
        new Set(list.flatMap((r) => ('medicationCodeableConcept' in r ? r.medicationCodeableConcept?.coding ?? [] : [])).map((c) => c.code));
      const shared = [...codes(statements)].filter((c) => codes(requests).has(c));
      expect(shared.length).to.be.at.least(1);
      const statuses = new Set([...statements, ...requests].map((r) => (r as { status?: string }).status));
      for (const status of ['active', 'stopped', 'completed', 'entered-in-error']) expect(statuses).to.include(status);
      expect(statements.length + requests.length).to.be.within(15, 25);
    });

    it('names sources in every way: own field, meta.source, Provenance, and not at all', async () => {
      const bundle = await getBundle(
        richSearch('MedicationStatement', '&_include=MedicationStatement:medication&_revinclude=Provenance:target'),
      );
      const matches = byMode(bundle, 'match') as Array<Resource & { informationSource?: unknown; contained?: unknown[] }>;
      const included = byMode(bundle, 'include');
      const provenanceTargets = included
        .filter((r) => r.resourceType === 'Provenance')
        .flatMap((p) => ('target' in p ? p.target.map((t) => t.reference) : []));
      expect(matches.some((m) => m.informationSource)).to.equal(true);
      expect(matches.some((m) => !m.informationSource && m.meta?.source)).to.equal(true);
      expect(provenanceTargets.length).to.be.at.least(2);
      const unsourced = matches.filter(
        (m) => !m.informationSource && !m.meta?.source && !provenanceTargets.includes(`MedicationStatement/${m.id}`),
      );
      expect(unsourced.length).to.be.at.least(1);
      expect(included.some((r) => r.resourceType === 'Medication')).to.equal(true);
      expect(matches.some((m) => Array.isArray(m.contained) && m.contained.length > 0)).to.equal(true);
      expect(included.some((r) => r.resourceType === 'Organization' && r.id === ORG_IDS.mentalHealth)).to.equal(true);
    });

    it('gives every item meta.lastUpdated and lets a PractitionerRole bring its Organization', async () => {
      const bundle = await getBundle(richSearch('MedicationRequest', '&_include=MedicationRequest:requester'));
      for (const item of byMode(bundle, 'match')) expect(item.meta?.lastUpdated, item.id).to.be.a('string');
      const included = byMode(bundle, 'include').map((r) => r.resourceType);
      expect(included).to.include('PractitionerRole');
      expect(included).to.include('Organization');
    });
  });

  describe('scenarios', () => {
    const badSearch = medicationSearch('MedicationStatement', MOCK_PATIENT_IDS.badHie);
    const richSearch = medicationSearch('MedicationStatement', MOCK_PATIENT_IDS.rich);

    it('answers the misbehaving patient with an HTML page and status 200 by default', async () => {
      const response = await get(badSearch);
      expect(response.status).to.equal(200);
      expect(response.headers.get('Content-Type')).to.contain('text/html');
    });

    it('lets setScenario() choose per patient, and the header override it', async () => {
      setScenario('error-500', { patientId: MOCK_PATIENT_IDS.badHie });
      expect((await get(badSearch)).status).to.equal(500);
      const malformed = await get(badSearch, { headers: { 'X-Mock-Scenario': 'malformed-json' } });
      expect(malformed.status).to.equal(200);
      const text = await malformed.text();
      expect(() => JSON.parse(text)).to.throw();
      expect((await get(richSearch)).status).to.equal(200);
    });

    it('rate-limits once with Retry-After, then answers', async () => {
      const url = `${richSearch}&_mockScenario=rate-limited`;
      const first = await get(url);
      expect(first.status).to.equal(429);
      expect(first.headers.get('Retry-After')).to.equal('1');
      expect((await get(url)).status).to.equal(200);
    });

    it('never answers a `never` request until it is aborted', async () => {
      setScenario('never');
      const controller = new AbortController();
      const pending = get(richSearch, { signal: controller.signal }).then(
        () => 'answered',
        (error: Error) => error.name,
      );
      const early = await Promise.race([pending, new Promise((r) => setTimeout(() => r('still waiting'), 300))]);
      expect(early).to.equal('still waiting');
      controller.abort();
      expect(await pending).to.equal('AbortError');
    });

    it('rotates through failures for `rotate`', async () => {
      setScenario('rotate', { patientId: MOCK_PATIENT_IDS.badHie });
      const first = await get(badSearch);
      const second = await get(badSearch);
      const third = await get(badSearch);
      expect(first.headers.get('Content-Type')).to.contain('text/html');
      expect(second.headers.get('Content-Type')).to.contain('fhir+json');
      const secondBody = await second.text();
      expect(() => JSON.parse(secondBody)).to.throw();
      expect(third.status).to.equal(500);
    });

    it('delays a slow answer', async () => {
      const started = performance.now();
      const response = await get(`${richSearch}&_mockScenario=slow:400`);
      expect(response.status).to.equal(200);
      expect(performance.now() - started).to.be.at.least(390);
    });

    it('drops the unavailable source and says so during a source outage', async () => {
      setScenario('source-outage', { patientId: MOCK_PATIENT_IDS.rich });
      const bundle = await getBundle(`${richSearch}&_revinclude=Provenance:target`);
      const ids = byMode(bundle, 'match').map((r) => r.id);
      expect(ids).not.to.include('ms-rich-sertraline');
      expect(ids).to.include('ms-rich-ramipril');
      const issue = (byMode(bundle, 'outcome') as OperationOutcome[])
        .flatMap((o) => o.issue)
        .find((i) => i.details?.coding?.[0]?.code === OUTCOME_CODES.sourceUnavailable);
      expect(issue?.code).to.be.oneOf(['transient', 'incomplete']);
      expect(issue?.details?.text).to.equal('North East London Mental Health Trust did not respond; its items may be missing');
    });

    it('slips in another patient\'s item when asked (clients must drop it)', async () => {
      const bundle = await getBundle(
        `${medicationSearch('MedicationStatement', MOCK_PATIENT_IDS.empty)}&_mockScenario=other-patient`,
      );
      const subjects = byMode(bundle, 'match').map((r) => (r as { subject?: { reference?: string } }).subject?.reference);
      expect(subjects).to.deep.equal([`Patient/${MOCK_PATIENT_IDS.rich}`]);
    });

    it('leaves out search.mode when asked, as some servers do', async () => {
      const bundle = await getBundle(
        `${medicationSearch('MedicationStatement', MOCK_PATIENT_IDS.rich)}&_mockScenario=no-search-mode`,
      );
      const entries = bundle.entry ?? [];
      expect(entries.some((e) => e.resource?.resourceType === 'Organization')).to.equal(true);
      expect(entries.filter((e) => e.search !== undefined)).to.deep.equal([]);
    });

    it('refuses, as HAPI does, an _include that R4 does not define when strict-includes is asked for', async () => {
      const carePlans = `${BASE}/CarePlan?patient=Patient/${MOCK_PATIENT_IDS.rich}&_mockScenario=strict-includes`;
      const refused = await get(`${carePlans}&_include=CarePlan:author`);
      expect(refused.status).to.equal(400);
      const outcome = (await refused.json()) as OperationOutcome;
      expect(outcome.issue[0]?.diagnostics).to.equal(
        'Invalid _include parameter value: "CarePlan:author". Unknown search parameter "author" for resource type "CarePlan".',
      );
      const accepted = await get(`${carePlans}&_include=CarePlan:subject&_revinclude=Provenance:target`);
      expect(accepted.status).to.equal(200);
    });

    it('pages the includes apart when capped-includes is asked for, as the Microsoft FHIR server does', async () => {
      const search = `${medicationSearch('MedicationStatement', MOCK_PATIENT_IDS.rich)}&_revinclude=Provenance:target`;
      const whole = await getBundle(search);
      const capped = await getBundle(`${search}&_mockScenario=capped-includes`);
      expect(byMode(capped, 'match').map((r) => r.id)).to.deep.equal(byMode(whole, 'match').map((r) => r.id));
      expect(byMode(capped, 'include').length).to.be.lessThan(byMode(whole, 'include').length);
      const truncated = byMode(capped, 'outcome').find((r) => (r as OperationOutcome).issue[0]?.code === 'incomplete');
      expect((truncated as OperationOutcome | undefined)?.issue[0]?.diagnostics).to.equal('Include result was truncated');
      const related = capped.link?.find((l) => l.relation === 'related')?.url;
      expect(related).to.match(/\/MedicationStatement\/\$includes\?.*includesCt=/);
      const keys = (resources: Resource[]) => resources.map((r) => `${r.resourceType}/${r.id}`);
      const collected = keys(byMode(capped, 'include'));
      for (let next = related; next !== undefined; ) {
        const page = await getBundle(next);
        expect(byMode(page, 'match')).to.deep.equal([]);
        collected.push(...keys(byMode(page, 'include')));
        next = page.link?.find((l) => l.relation === 'next')?.url;
      }
      expect(collected.sort()).to.deep.equal(keys(byMode(whole, 'include')).sort());
    });

    it('gives the HIE client every include of a capped search, and no truncation notice', async () => {
      const client = new HieClient({ baseUrl: BASE, tokenProvider: () => MOCK_TOKENS.valid });
      const params = { patient: `Patient/${MOCK_PATIENT_IDS.rich}`, _revinclude: 'Provenance:target' };
      const whole = await client.search('MedicationStatement', params);
      const capped = await client.search('MedicationStatement', { ...params, _mockScenario: 'capped-includes' });
      const keys = (resources: Resource[]) => resources.map((r) => `${r.resourceType}/${r.id}`).sort();
      expect(keys(capped.matches)).to.deep.equal(keys(whole.matches));
      expect(keys(capped.included)).to.deep.equal(keys(whole.included));
      expect(capped.outcomes).to.deep.equal(whole.outcomes);
    });

    it('serves a page-relative base too', async () => {
      worker.use(...createHieHandlers({ baseUrl: '/mock-hie/fhir' }));
      const bundle = await getBundle(`/mock-hie/fhir/MedicationRequest?patient=${MOCK_PATIENT_IDS.rich}`);
      expect(bundle.total).to.be.greaterThan(0);
      expect(bundle.entry?.[0]?.fullUrl).to.equal(`${location.origin}/mock-hie/fhir/${bundle.entry?.[0]?.resource?.resourceType}/${bundle.entry?.[0]?.resource?.id}`);
      worker.resetHandlers();
    });
  });
});
