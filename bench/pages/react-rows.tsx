/**
 * The baseline most peers ship: React 18, the Bundle parsed with JSON.parse, mapped to display
 * strings with a plain loop, and every row rendered with `rows.map(...)` (no virtualisation).
 * Built with esbuild (production React) into bench/out/react-rows.js by the bench.
 */
import { createElement as h, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';

export interface Row {
  key: string;
  name: string;
  detail: string;
  status: string;
  source: string;
  freshness: string;
}

type Json = Record<string, any>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function day(iso: string | undefined): string {
  if (!iso) return 'not recorded';
  const d = new Date(iso);
  return `${String(d.getUTCDate()).padStart(2, '0')}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()}`;
}

function feedText(org: Json | undefined): string {
  const feed = org?.extension?.find((e: Json) => e.url.endsWith('/source-feed'));
  if (!feed) return 'Freshness not recorded';
  const get = (u: string) => feed.extension.find((e: Json) => e.url === u);
  const mode = get('mode')?.valueCode;
  const received = get('lastReceived')?.valueDateTime;
  return mode === 'live' ? 'Live feed' : `Batch feed, last received ${day(received)}`;
}

/** The same strings our widgets show: name, dose or value, status, source and freshness. */
export function toRows(kind: 'medications' | 'results', bundle: Json): Row[] {
  const orgs = new Map<string, Json>();
  const matches: Json[] = [];
  for (const e of bundle.entry ?? []) {
    if (e.search?.mode === 'include' && e.resource.resourceType === 'Organization') {
      orgs.set(`Organization/${e.resource.id}`, e.resource);
    } else if (e.search?.mode === 'match') matches.push(e.resource);
  }
  return matches.map((r) => {
    const ref = kind === 'medications' ? r.informationSource?.reference : r.performer?.[0]?.reference;
    const org = orgs.get(ref);
    const source = org ? `${org.name} (${org.type?.[0]?.coding?.[0]?.code ?? 'type not recorded'})` : 'Source not recorded';
    const freshness = `${feedText(org)} · updated ${day(r.meta?.lastUpdated)}`;
    if (kind === 'medications') {
      return {
        key: r.id,
        name: r.medicationCodeableConcept?.text ?? 'Medicine not recorded',
        detail: `${r.dosage?.[0]?.text ?? 'Dose not recorded'} · started ${day(r.effectivePeriod?.start)}`,
        status: r.status,
        source,
        freshness,
      };
    }
    const q = r.valueQuantity;
    const range = r.referenceRange?.[0];
    return {
      key: r.id,
      name: r.code?.text ?? 'Test not recorded',
      detail: `${q ? `${q.value} ${q.unit}` : 'No value'}${range ? ` (${range.low?.value}–${range.high?.value})` : ''} · taken ${day(r.effectiveDateTime)}`,
      status: r.status,
      source,
      freshness,
    };
  });
}

function Rows({ rows }: { rows: Row[] }): ReactElement {
  return h(
    'ul',
    { className: 'items', 'aria-label': 'Items' },
    rows.map((r) =>
      h(
        'li',
        { key: r.key, className: 'item' },
        h('h3', null, r.name),
        h('p', null, r.detail),
        h('div', { className: 'meta' }, h('span', { className: 'status' }, r.status), h('span', null, r.source)),
        h('p', { className: 'freshness' }, r.freshness),
      ),
    ),
  );
}

let root: Root | undefined;
let rootContainer: Element | undefined;

/** Renders synchronously (flushSync), so the caller can time to the next painted frame. */
export function renderRows(container: Element, rows: Row[]): void {
  if (!root || rootContainer !== container) {
    root?.unmount();
    root = createRoot(container);
    rootContainer = container;
  }
  flushSync(() => root!.render(h(Rows, { rows })));
}

export function unmountRows(): void {
  root?.unmount();
  root = undefined;
  rootContainer = undefined;
}
