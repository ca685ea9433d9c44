import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/index.js';
import { MOCK_PATIENT_IDS } from '../../mocks/patients.js';
import { mockHie } from '../support/mock-hie.js';
import { HIE, settled } from '../support/widgets.js';
import { WIDGET_TAGS } from '../support/widget-tags.js';
import { PATIENCE } from '../support/patience.js';

/**
 * The host's bearer token goes to the HIE's origin and nowhere else, and never appears in the page,
 * an event, the console, a URL or storage. Patient data is never written to the console or storage.
 */
// The mock HIE accepts tokens that start `valid-`.
const SECRET = 'valid-SECRET-TOKEN-7f3c9a';
const secretToken = () => SECRET;

interface Seen {
  url: string;
  authorization: string | null;
}

let seen: Seen[] = [];
const consoleLines: string[] = [];
const eventDetails: string[] = [];
const originalConsole = { ...console };

before(async () => {
  const worker = await mockHie();
  worker.events.on('request:start', ({ request }) => {
    seen.push({ url: request.url, authorization: request.headers.get('authorization') });
  });
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    console[method] = (...args: unknown[]) => {
      consoleLines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      originalConsole[method](...args);
    };
  }
  for (const type of ['care-record-load', 'care-record-error', 'care-record-auth-required', 'care-record-view']) {
    document.addEventListener(type, (e) => eventDetails.push(JSON.stringify((e as CustomEvent).detail)));
  }
});
after(() => Object.assign(console, originalConsole));
beforeEach(async () => {
  seen = [];
  (await mockHie()).resetHandlers();
});

function everythingVisible(el: Element): string {
  const root = (el as HTMLElement).shadowRoot!;
  const attrs = [el, ...root.querySelectorAll('*')]
    .flatMap((node) => [...node.attributes].map((a) => `${a.name}=${a.value}`))
    .join(' ');
  return `${root.innerHTML} ${attrs} ${document.documentElement.outerHTML}`;
}

function assertNoSecretAnywhere(el: Element): void {
  expect(everythingVisible(el)).not.to.contain(SECRET);
  expect(consoleLines.join('\n')).not.to.contain(SECRET);
  expect(eventDetails.join('\n')).not.to.contain(SECRET);
  for (const s of seen) expect(s.url).not.to.contain(SECRET);
  expect(JSON.stringify({ ...localStorage })).not.to.contain(SECRET);
  expect(JSON.stringify({ ...sessionStorage })).not.to.contain(SECRET);
}

async function widget(tag: string, patientId: string, token = secretToken): Promise<HTMLElement & { state: string }> {
  const t = unsafeStatic(tag);
  const el = await fixture<HTMLElement & { state: string }>(
    staticHtml`<${t} base-url=${HIE} patient-id=${patientId} .tokenProvider=${token}></${t}>`,
  );
  return settled(el);
}

for (const tag of WIDGET_TAGS) {
  describe(`<${tag}>: token containment`, () => {
    it('sends the token to the HIE origin only, and it appears nowhere on the page', async () => {
      const el = await widget(tag, MOCK_PATIENT_IDS.rich);
      expect(el.state).to.equal('ready');
      expect(seen.length).to.be.greaterThan(0);
      for (const s of seen) {
        if (s.authorization) expect(new URL(s.url).origin, s.url).to.equal(new URL(HIE).origin);
      }
      expect(seen.filter((s) => s.authorization === `Bearer ${SECRET}`).length).to.be.greaterThan(0);
      assertNoSecretAnywhere(el);
    });

    it('never follows a next link to another origin with the token', async () => {
      const bundle = {
        resourceType: 'Bundle',
        type: 'searchset',
        link: [{ relation: 'next', url: 'https://elsewhere.example/fhir/next-page' }],
        entry: [],
      };
      const worker = await mockHie();
      worker.use(http.get(`${HIE}/:type`, () => HttpResponse.json(bundle)));
      const error = oneEvent(document, 'care-record-error');
      const el = await widget(tag, MOCK_PATIENT_IDS.rich);
      expect((await error).detail.kind).to.equal('invalid-response');
      expect(el.state).to.equal('error');
      expect(seen.some((s) => s.url.startsWith('https://elsewhere.example'))).to.equal(false);
      assertNoSecretAnywhere(el);
    });

    it('does not follow a redirect to another origin', async () => {
      const worker = await mockHie();
      worker.use(
        http.get(`${HIE}/:type`, () => new HttpResponse(null, { status: 302, headers: { Location: 'https://elsewhere.example/fhir/x' } })),
      );
      const el = await widget(tag, MOCK_PATIENT_IDS.rich);
      await waitUntil(() => el.state === 'error', `state ${el.state}`, { timeout: PATIENCE });
      expect(seen.some((s) => s.url.startsWith('https://elsewhere.example'))).to.equal(false);
      assertNoSecretAnywhere(el);
    });

    it('keeps the token out of messages even when the HIE echoes it back', async () => {
      const worker = await mockHie();
      worker.use(
        http.get(`${HIE}/:type`, ({ request }) =>
          HttpResponse.json(
            {
              resourceType: 'OperationOutcome',
              issue: [{ severity: 'error', code: 'exception', diagnostics: `Bad token ${request.headers.get('authorization')}` }],
            },
            { status: 500 },
          ),
        ),
      );
      const el = await widget(tag, MOCK_PATIENT_IDS.rich);
      expect(el.state).to.equal('error');
      assertNoSecretAnywhere(el);
    });

    it('asks for a fresh token when the provider changes, and keeps nothing from before', async () => {
      const el = await widget(tag, MOCK_PATIENT_IDS.rich);
      const before = seen.length;
      (el as unknown as { tokenProvider: () => string }).tokenProvider = () => 'demo-valid-token';
      // As long as the other waits here: under load (both browsers running) the restart's first request
      // was seen in Firefox after waitUntil's default 1 s.
      await waitUntil(() => seen.length > before, 'no new request after the token provider changed', { timeout: PATIENCE });
      await settled(el);
      const stale = seen.slice(before).filter((s) => s.authorization !== 'Bearer demo-valid-token');
      expect(stale.map((s) => `${s.authorization} ${s.url}`)).to.deep.equal([]);
    });
  });
}

describe('patient data and storage', () => {
  it('writes no patient data and no token to the console or to storage', async () => {
    consoleLines.length = 0;
    const els = [];
    for (const tag of WIDGET_TAGS) els.push(await widget(tag, MOCK_PATIENT_IDS.rich));
    const shown = els.flatMap((el) =>
      [...el.shadowRoot!.querySelectorAll('[part~="item"] h3, [part~="item"] .dosage')].map((n) => n.textContent!.trim()),
    );
    expect(shown.length).to.be.greaterThan(0);
    const logged = consoleLines.join('\n');
    for (const text of shown) if (text.length > 5) expect(logged).not.to.contain(text);
    expect(localStorage.length, 'localStorage').to.equal(0);
    expect(sessionStorage.length, 'sessionStorage').to.equal(0);
    const databases = (await indexedDB.databases?.()) ?? [];
    expect(databases.map((d) => d.name)).to.deep.equal([]);
    expect(await caches.keys()).to.deep.equal([]);
    for (const el of els) assertNoSecretAnywhere(el);
  });
});
