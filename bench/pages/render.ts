/**
 * Render bench page. Our widgets get a prebuilt Bundle through the real client path: the page's
 * msw handler answers the widget's searches (the data-carrying one with the fixture, the other
 * empty); a fetch wrapper buffers every answer and releases them together, marking t0 = "data
 * available in the page". From there: client parse + freeze + searchset + model (until the
 * care-record-load event) and render, to the frame that first shows items.
 * The React baseline and the JSON.parse floor start from the same text.
 */
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { whenShown, urlOf } from './common.js';

const params = new URLSearchParams(location.search);
const LIB = params.get('lib') ?? '/bench/out/lib/main/dist/';
const BASE = 'https://hie.bench/fhir';
const PATIENT = 'bench-patient';

interface Kind {
  tag: string;
  entry: string;
  matchType: string;
  queries: number;
}
type KindName = 'medications' | 'results';

let fixture = { type: '', text: '' };
const texts = new Map<string, string>();

function emptyBundle(type: string): string {
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'searchset',
    total: 0,
    link: [{ relation: 'self', url: `${BASE}/${type}?patient=Patient/${PATIENT}` }],
    entry: [],
  });
}

const worker = setupWorker(
  http.get(`${BASE}/:type`, ({ params: p }) => {
    const type = String(p['type']);
    const body = type === fixture.type ? fixture.text : emptyBundle(type);
    return new HttpResponse(body, { headers: { 'Content-Type': 'application/fhir+json' } });
  }),
);

// Every HIE answer is read to the end in the page, then all of a widget's answers are released at
// once: from t0 on, only the widget's own work remains.
interface Barrier {
  expected: number;
  held: Array<() => void>;
  t0: number;
}
let barrier: Barrier | undefined;
const nativeFetch = window.fetch;
window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const response = await nativeFetch(input, init);
  if (!urlOf(input).startsWith(BASE) || !barrier) return response;
  const body = await response.arrayBuffer();
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  const b = barrier;
  await new Promise<void>((release) => {
    b.held.push(release);
    if (b.held.length === b.expected) {
      b.t0 = performance.now();
      for (const r of b.held) r();
    }
  });
  return copy;
};

const stage = document.getElementById('stage')!;
/** The React baseline, built by the bench (production React) from ./react-rows.tsx. */
const REACT_BUNDLE = '/bench/out/react-rows.js';
let react: typeof import('./react-rows.js') | undefined;

async function fixtureText(kind: KindName, n: number): Promise<string> {
  const key = `${kind}-${n}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = await (await nativeFetch(`/bench/out/fixtures/${key}.json`, { cache: 'no-store' })).text();
    texts.set(key, text);
  }
  return text;
}

function itemsShown(el: Element): number {
  return el.shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0;
}

export interface ElementRun {
  n: number;
  items: number;
  state: string;
  /** Data available (t0) → the frame showing items: the headline figure. */
  pipeline: number;
  /** t0 → care-record-load (client: body, JSON.parse, freeze, searchset; controller; model). */
  parseAndModel: number;
  /** care-record-load → the frame showing items (Lit render, virtualizer, style, layout, paint). */
  render: number;
  /** Same, to the next frame's rAF (double rAF). */
  pipelineDoubleRaf: number;
  /** Connection → frame showing items, including the mock network. */
  fromConnection: number;
}

async function runElement(kind: KindName, n: number, k: Kind): Promise<ElementRun> {
  react?.unmountRows();
  stage.replaceChildren();
  fixture = { type: k.matchType, text: await fixtureText(kind, n) };
  const b: Barrier = { expected: k.queries, held: [], t0: 0 };
  barrier = b;
  const el = document.createElement(k.tag) as HTMLElement & { tokenProvider?: unknown; state?: string };
  el.setAttribute('base-url', BASE);
  el.setAttribute('patient-id', PATIENT);
  el.setAttribute('max-entries', String(Math.max(1000, n)));
  el.tokenProvider = () => 'bench-token';
  let tLoad = 0;
  el.addEventListener('care-record-load', () => (tLoad = performance.now()), { once: true });
  let failure: string | undefined;
  el.addEventListener('care-record-error', (e) => (failure = JSON.stringify((e as CustomEvent).detail)), { once: true });
  const tConnect = performance.now();
  stage.append(el);
  let items = 0;
  const shown = await whenShown(() => {
    if (failure) throw new Error(`widget error: ${failure}`);
    items = el.state === 'ready' ? itemsShown(el) : 0;
    return items > 0;
  });
  barrier = undefined;
  return {
    n,
    items,
    state: String(el.state),
    pipeline: shown.painted - b.t0,
    parseAndModel: tLoad - b.t0,
    render: shown.painted - tLoad,
    pipelineDoubleRaf: shown.nextFrame - b.t0,
    fromConnection: shown.painted - tConnect,
  };
}

export interface ReactRun {
  n: number;
  items: number;
  /** JSON.parse + map + render → painted frame. */
  pipeline: number;
  /** Rows ready → painted frame. */
  render: number;
  pipelineDoubleRaf: number;
}

async function runReact(kind: KindName, n: number): Promise<ReactRun> {
  react ??= (await import(/* @vite-ignore */ REACT_BUNDLE)) as typeof import('./react-rows.js');
  react.unmountRows();
  stage.replaceChildren();
  const host = document.createElement('div');
  stage.append(host);
  const text = await fixtureText(kind, n);
  await new Promise((r) => requestAnimationFrame(r));
  const t0 = performance.now();
  const rows = react.toRows(kind, JSON.parse(text));
  const tRows = performance.now();
  react.renderRows(host, rows);
  const shown = await whenShown(() => true);
  return {
    n,
    items: host.querySelectorAll('li').length,
    pipeline: shown.painted - t0,
    render: shown.painted - tRows,
    pipelineDoubleRaf: shown.nextFrame - t0,
  };
}

/** The floor: JSON.parse of the same text, nothing else. */
async function parseOnly(kind: KindName, n: number): Promise<number> {
  const text = await fixtureText(kind, n);
  const t0 = performance.now();
  const parsed = JSON.parse(text) as { entry: unknown[] };
  const dt = performance.now() - t0;
  if (!parsed.entry) throw new Error('bad fixture');
  return dt;
}

/** Scrolls the shown list for `frames` frames, `step` px a frame; frame intervals in ms. */
async function scroll(frames: number, step: number): Promise<{ intervals: number[]; itemsAtEnd: number; scrolled: number }> {
  const el = stage.firstElementChild as HTMLElement;
  const scroller =
    (el.shadowRoot?.querySelector('.scroller') as HTMLElement | null) ?? (el.querySelector('.items') as HTMLElement | null);
  if (!scroller) throw new Error('no scroller');
  const intervals: number[] = [];
  let last = await new Promise<number>((r) => requestAnimationFrame(r));
  for (let i = 0; i < frames; i += 1) {
    scroller.scrollTop += step;
    const t = await new Promise<number>((r) => requestAnimationFrame(r));
    intervals.push(t - last);
    last = t;
  }
  const root = el.shadowRoot ?? el;
  const visible = [...root.querySelectorAll('[part~="item"], li')].filter((li) => {
    const r = li.getBoundingClientRect();
    const s = scroller.getBoundingClientRect();
    return r.bottom > s.top && r.top < s.bottom;
  }).length;
  return { intervals, itemsAtEnd: visible, scrolled: scroller.scrollTop };
}

async function loadLibrary(entries: string[]): Promise<void> {
  for (const e of entries) await import(/* @vite-ignore */ `${LIB}${e}`);
}

await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });

Object.assign(window, {
  bench: {
    loadLibrary,
    runElement,
    runReact,
    parseOnly,
    scroll,
    clear: () => {
      react?.unmountRows();
      stage.replaceChildren();
    },
  },
  benchReady: true,
});
