/**
 * Network and memory bench page: widgets under one <care-record-provider> against the mock HIE
 * (msw in the page). Requests are counted as msw sees them (`request:start`); a fetch wrapper records
 * each request's AbortSignal so a patient switch can be checked to abort everything in flight.
 */
import { startMockHie } from '../../mocks/browser.js';
import { resetScenarios, setScenario } from '../../mocks/scenarios.js';
import { DEFAULT_MOCK_BASE_URL } from '../../mocks/handlers.js';
import { sleep, urlOf } from './common.js';

const params = new URLSearchParams(location.search);
const LIB = params.get('lib') ?? '/bench/out/lib/main/dist/';
const BASE = DEFAULT_MOCK_BASE_URL;
const TOKEN = 'demo-valid-token';

interface FetchRecord {
  url: string;
  t: number;
  settled: boolean;
  aborted: boolean;
}
let fetches: FetchRecord[] = [];
const nativeFetch = window.fetch;
window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = urlOf(input);
  if (!url.startsWith(BASE)) return nativeFetch(input, init);
  const record: FetchRecord = { url, t: performance.now(), settled: false, aborted: false };
  fetches.push(record);
  firstFetch?.(record.t);
  const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
  signal?.addEventListener('abort', () => (record.aborted = true), { once: true });
  const done = (): void => {
    record.settled = true;
  };
  const p = nativeFetch(input, init);
  p.then(done, done);
  return p;
};
let firstFetch: ((t: number) => void) | undefined;

let network: string[] = [];
const worker = await startMockHie();
worker.events.on('request:start', ({ request }) => {
  if (request.url.startsWith(BASE)) network.push(request.url);
});

const stage = document.getElementById('stage')!;
type Widget = HTMLElement & { state?: string };

function reset(): void {
  fetches = [];
  network = [];
}

function inFlight(): FetchRecord[] {
  return fetches.filter((f) => !f.settled);
}

function widgets(): Widget[] {
  return [...stage.querySelectorAll<Widget>('care-record-provider > *')];
}

/** Every widget has left idle/loading, nothing is in flight, for a few frames in a row. */
async function settled(timeoutMs = 60_000): Promise<void> {
  const start = performance.now();
  let calm = 0;
  while (calm < 3) {
    await new Promise((r) => requestAnimationFrame(r));
    const busy = widgets().some((w) => w.state === 'loading' || w.state === 'idle') || inFlight().length > 0;
    calm = busy ? 0 : calm + 1;
    if (performance.now() - start > timeoutMs) {
      throw new Error(`not settled: ${widgets().map((w) => `${w.localName}=${w.state}`).join(', ')}; in flight ${inFlight().length}`);
    }
  }
}

function mount(tags: string[], patient: { patientId?: string; nhsNumber?: string }): HTMLElement {
  stage.replaceChildren();
  const provider = document.createElement('care-record-provider') as HTMLElement & { tokenProvider?: unknown };
  provider.setAttribute('base-url', BASE);
  if (patient.patientId) provider.setAttribute('patient-id', patient.patientId);
  if (patient.nhsNumber) provider.setAttribute('nhs-number', patient.nhsNumber);
  provider.tokenProvider = () => TOKEN;
  for (const tag of tags) provider.append(document.createElement(tag));
  stage.append(provider);
  return provider;
}

interface Classified {
  total: number;
  distinct: number;
  duplicates: number;
  /** Patient?identifier=… lookups. */
  lookups: number;
  /** First pages of searches, by resource type. */
  searches: number;
  searchTypes: string[];
  /** Follow-up pages (next links). */
  pages: number;
  /** GET [base]/Type/id: one read per reference would show here. */
  reads: number;
  duplicateUrls: string[];
}

function classify(urls: string[]): Classified {
  const counts = new Map<string, number>();
  for (const u of urls) counts.set(u, (counts.get(u) ?? 0) + 1);
  let lookups = 0;
  let searches = 0;
  let pages = 0;
  let reads = 0;
  const types = new Set<string>();
  for (const u of urls) {
    const url = new URL(u);
    const path = url.pathname.slice(new URL(BASE).pathname.length).split('/').filter(Boolean);
    if (path.length >= 2) reads += 1;
    else if (path[0] === 'Patient' && url.searchParams.has('identifier')) lookups += 1;
    else if ((url.searchParams.has('_page') && url.searchParams.get('_page') !== '1') || url.searchParams.has('_offset')) pages += 1;
    else {
      searches += 1;
      types.add(path[0]!);
    }
  }
  return {
    total: urls.length,
    distinct: counts.size,
    duplicates: urls.length - counts.size,
    lookups,
    searches,
    searchTypes: [...types].sort(),
    pages,
    reads,
    duplicateUrls: [...counts.entries()].filter(([, n]) => n > 1).map(([u, n]) => `${n}× ${u}`),
  };
}

/** How many searches the widget declares (its *.queries.ts), to compare with what it sends. */
async function declaredSearches(tag: string, patient: string): Promise<number | undefined> {
  const name = tag.replace(/^care-record-/, '');
  try {
    const mod = (await import(/* @vite-ignore */ `/src/elements/${name}/${name}.queries.ts`)) as Record<string, unknown>;
    const fn = Object.entries(mod).find(([k, v]) => /Queries$/.test(k) && typeof v === 'function')?.[1] as
      | ((p: string) => unknown[])
      | undefined;
    return fn?.(patient).length;
  } catch {
    return undefined;
  }
}

async function load(tags: string[], patient: { patientId?: string; nhsNumber?: string }) {
  reset();
  mount(tags, patient);
  await settled();
  await sleep(50);
  await settled();
  return {
    requests: classify(network),
    fetchCalls: fetches.length,
    states: Object.fromEntries(widgets().map((w) => [w.localName, w.state])),
  };
}

/** Switches the patient while every widget's searches hang; counts the aborted ones. */
async function abortOnSwitch(tags: string[], from: string, to: string) {
  resetScenarios();
  setScenario('never', { patientId: from });
  reset();
  const provider = mount(tags, { patientId: from });
  // Wait until the number of requests in flight has been stable for 300 ms.
  let last = -1;
  let stableSince = performance.now();
  for (;;) {
    await sleep(25);
    const n = inFlight().length;
    if (n !== last) {
      last = n;
      stableSince = performance.now();
    } else if (n > 0 && performance.now() - stableSince > 300) break;
  }
  const pending = inFlight();
  provider.setAttribute('patient-id', to);
  await sleep(200);
  const result = {
    inFlightAtSwitch: pending.length,
    aborted: pending.filter((f) => f.aborted).length,
    notAborted: pending.filter((f) => !f.aborted).map((f) => f.url),
  };
  await settled();
  resetScenarios();
  stage.replaceChildren();
  return result;
}

/** Time from a widget's connection (appended to a configured provider) to its first HIE request. */
async function firstRequest(tags: string[], patientId: string): Promise<number> {
  const provider = mount([], { patientId });
  await new Promise((r) => requestAnimationFrame(r));
  reset();
  const first = new Promise<number>((resolve) => (firstFetch = resolve));
  const els = tags.map((t) => document.createElement(t));
  const t0 = performance.now();
  provider.append(...els);
  const t1 = await Promise.race([first, sleep(5000).then(() => Number.NaN)]);
  firstFetch = undefined;
  await settled();
  stage.replaceChildren();
  return t1 - t0;
}

/** For the memory bench: show another patient on the mounted provider and wait for every widget. */
async function switchTo(patientId: string): Promise<Record<string, string | undefined>> {
  const provider = stage.querySelector('care-record-provider')!;
  provider.setAttribute('patient-id', patientId);
  await new Promise((r) => requestAnimationFrame(r));
  await settled();
  reset();
  return Object.fromEntries(widgets().map((w) => [w.localName, w.state]));
}

async function loadLibrary(entries: string[]): Promise<void> {
  for (const e of entries) await import(/* @vite-ignore */ `${LIB}${e}`);
}

Object.assign(window, {
  bench: {
    loadLibrary,
    load,
    abortOnSwitch,
    firstRequest,
    declaredSearches,
    switchTo,
    mount: (tags: string[], patientId: string) => void mount(tags, { patientId }),
    clear: () => stage.replaceChildren(),
  },
  benchReady: true,
});
