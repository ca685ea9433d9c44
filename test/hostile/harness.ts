import { expect, fixture, waitUntil } from '@open-wc/testing';
import { http, type HttpResponse } from 'msw';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/index.js';
import { MOCK_PATIENT_IDS } from '../../mocks/patients.js';
import { resetScenarios } from '../../mocks/scenarios.js';
import { mockHie } from '../support/mock-hie.js';
import { WIDGET_TAGS } from '../support/widget-tags.js';
import { HIE, parts, text, validToken } from '../support/widgets.js';
import { ROWS_ARE_NOT_ITEMS, TAG_TYPES, type WidgetTag } from './factory.js';

export type State = 'ready' | 'empty' | 'error' | 'forbidden' | 'unauthorized';

/** What a hostile case answers for one search of its patient. */
export interface Ctx {
  type: string;
  url: URL;
  request: Request;
  /** The hostile patient's id (resource ids and texts carry it). */
  patient: string;
  /** How many times this exact URL was asked for, from 1. */
  call: number;
}

export interface HostileCase {
  name: string;
  respond: (ctx: Ctx) => Response | HttpResponse<any> | Promise<Response | HttpResponse<any>>;
  /** States the widget may end in. */
  expect: State[];
  attrs?: Record<string, string>;
  /** Allowed time for the slowest widget (ms). */
  timeout?: number;
  /** Extra checks on each hostile widget. */
  check?: (el: Widget, tag: string) => void;
}

type Widget = HTMLElement & { state: string; updateComplete: Promise<boolean>; shadowRoot: ShadowRoot };

const BAD_WORDS = ['undefined', '[object Object]', 'NaN', 'Invalid Date'];

let checks = 0;
let caseCount = 0;
export const counted = () => ({ checks, caseCount });

/** Every shadow root under `root`, nested ones included. */
export function shadowRoots(root: ShadowRoot | Document | Element): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const walk = (node: ShadowRoot | Document | Element) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) {
        out.push(el.shadowRoot);
        walk(el.shadowRoot);
      }
    }
  };
  if (root instanceof Element && root.shadowRoot) {
    out.push(root.shadowRoot);
    walk(root.shadowRoot);
  } else walk(root);
  return out;
}

const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster', 'background'];

/** No inline handler, no `javascript:` (or `data:text/html`) URL, no injected <style> or <script>. */
export function assertNoScriptSurface(el: Element, label: string): void {
  for (const root of shadowRoots(el)) {
    for (const node of root.querySelectorAll('*')) {
      for (const attr of node.attributes) {
        const name = attr.name.toLowerCase();
        expect(name.startsWith('on'), `${label}: <${node.localName} ${name}=…>`).to.equal(false);
        if (URL_ATTRS.includes(name)) {
          const v = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
          expect(v.startsWith('javascript:') || v.startsWith('vbscript:') || v.startsWith('data:text/html'), `${label}: ${name}=${attr.value}`).to.equal(false);
        }
        if (name === 'style') expect(attr.value, `${label}: style attribute`).not.to.match(/url\(|expression|evil/i);
      }
      expect(node.localName, `${label}: injected element`).not.to.be.oneOf(['script', 'iframe', 'object', 'embed', 'svg:script']);
      if (node.localName === 'style') expect(node.textContent ?? '', `${label}: injected <style>`).not.to.match(/display\s*:\s*none|evil/i);
    }
  }
}

export function errorsDuring(): { list: string[]; stop: () => void } {
  const list: string[] = [];
  const onError = (e: ErrorEvent) => {
    if (e.message?.includes('ResizeObserver loop')) return;
    list.push(`error: ${e.message}`);
  };
  const onRejection = (e: PromiseRejectionEvent) => {
    const reason = String(e.reason?.stack ?? e.reason);
    // The browser's periodic update check of the mock HIE's service worker (test infrastructure) can
    // fail while the runner serves other files; it is not the widgets'.
    if (reason.includes('Failed to update a ServiceWorker') && reason.includes('mockServiceWorker.js')) return;
    list.push(`unhandledrejection: ${reason}`);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    list,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** The tags to check: every WIDGET_TAGS entry, each of which needs a factory. */
export const TAGS = WIDGET_TAGS as readonly WidgetTag[];

const clear = (s: string) => ['ready', 'empty', 'error', 'forbidden', 'unauthorized'].includes(s);

/**
 * Runs one hostile case against every tag in one page: one hostile widget per tag for its own patient id,
 * and a control widget per tag for the rich mock patient.
 */
export async function runCase(c: HostileCase, index: number, prefix: string): Promise<void> {
  const worker = await mockHie();
  resetScenarios();
  worker.resetHandlers();
  const patient = `hx-${prefix}-${index}`;
  const calls = new Map<string, number>();
  worker.use(
    http.get(`${HIE}/:type`, async ({ request, params }) => {
      const url = new URL(request.url);
      if (url.searchParams.get('patient') !== `Patient/${patient}`) return undefined; // fall through to the mock HIE
      const call = (calls.get(url.href) ?? 0) + 1;
      calls.set(url.href, call);
      return c.respond({ type: String(params['type']), url, request, patient, call });
    }),
  );
  delete (window as { __pwned?: unknown }).__pwned;
  const errors = errorsDuring();
  const attrs = Object.entries(c.attrs ?? {})
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
  const container = await fixture<HTMLDivElement>(
    staticHtml`<div>${TAGS.map((tag) => {
      const t = unsafeStatic(tag);
      const extra = unsafeStatic(attrs);
      return staticHtml`<${t} class="hostile" data-tag=${tag} base-url=${HIE} patient-id=${patient} ${extra} .tokenProvider=${validToken}></${t}><${t} class="control" data-tag=${tag} base-url=${HIE} patient-id=${MOCK_PATIENT_IDS.rich} .tokenProvider=${validToken}></${t}>`;
    })}</div>`,
  );
  const all = [...container.children] as Widget[];
  try {
    await waitUntil(() => all.every((w) => clear(w.state)), `${c.name}: widgets did not settle`, {
      timeout: c.timeout ?? 12000,
      interval: 50,
    });
    for (const w of all) await w.updateComplete;
    await new Promise((r) => setTimeout(r, 30));
    for (const w of all) {
      const tag = w.dataset['tag']!;
      const label = `${c.name} × <${tag}${w.classList.contains('control') ? '> (control' : ''}>`;
      const root = w.shadowRoot;
      const all = text(root);
      if (w.classList.contains('control')) {
        expect(w.state, label).to.equal('ready');
        expect(all, `${label}: shows hostile data`).not.to.contain('hx-');
        for (const item of parts(w, 'item')) expect(item.dataset['key'] ?? '', label).not.to.contain('hx-');
        assertNoScriptSurface(w, label);
        continue;
      }
      expect(c.expect, `${label}: state ${w.state}: ${text(parts(w, 'status')[0])}`).to.include(w.state);
      for (const bad of BAD_WORDS) expect(all, `${label}: "${bad}" in ${all.slice(0, 300)}`).not.to.contain(bad);
      if (w.state === 'ready') {
        // A virtual list renders only what is in the viewport: bring it there first.
        const list = root!.querySelector('ul.items');
        if (list && parts(w, 'item').length === 0) {
          list.scrollIntoView();
          await waitUntil(() => parts(w, 'item').length > 0, `${label}: virtual list rendered nothing`, { timeout: 3000 }).catch(() => undefined);
        }
        const items = parts(w, 'item');
        const filters = root.querySelector('.none-match');
        expect(items.length > 0 || filters !== null, `${label}: ready without items or a filter message`).to.equal(true);
        for (const item of items) {
          if (!ROWS_ARE_NOT_ITEMS.includes(tag)) expect(item.dataset['key'] ?? '', `${label}: item of another patient`).to.contain(patient);
          expect(text(item).length, `${label}: empty item`).to.be.greaterThan(0);
        }
      } else {
        const message = text(parts(w, 'status')[0]);
        expect(message.length, `${label}: no message`).to.be.greaterThan(10);
        expect(parts(w, 'item'), `${label}: items in state ${w.state}`).to.have.length(0);
      }
      expect(all, `${label}: shows the control patient's data`).not.to.contain('Ellwood');
      assertNoScriptSurface(w, label);
      c.check?.(w, tag);
      checks += 1;
    }
    expect((window as { __pwned?: unknown }).__pwned, `${c.name}: script ran`).to.equal(undefined);
    expect(({} as Record<string, unknown>)['polluted'], `${c.name}: prototype polluted`).to.equal(undefined);
    expect(errors.list, `${c.name}: uncaught`).to.deep.equal([]);
    caseCount += 1;
  } finally {
    errors.stop();
    container.remove();
    worker.resetHandlers();
  }
}

/** Registers one mocha test per case; each runs on every tag. */
export function describeCases(title: string, prefix: string, cases: HostileCase[]): void {
  describe(title, () => {
    before(async () => {
      await mockHie();
      for (const tag of TAGS) {
        expect(TAG_TYPES[tag], `no factory for ${tag}`).to.be.an('array');
        expect(customElements.get(tag), `${tag} not registered`).to.be.a('function');
      }
    });
    after(() => {
      const { checks: n, caseCount: k } = counted();
      // eslint-disable-next-line no-console
      console.log(`[hostile] ${title}: ${k} cases × ${TAGS.length} tags = ${n} (case × tag) checks`);
    });
    cases.forEach((c, i) => {
      it(`${c.name}`, async function () {
        this.timeout((c.timeout ?? 12000) + 8000);
        await runCase(c, i, prefix);
      });
    });
  });
}
