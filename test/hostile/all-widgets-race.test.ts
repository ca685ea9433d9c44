import { expect } from '@open-wc/testing';
import { http, HttpResponse, delay } from 'msw';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/index.js';
import type { CareRecordProvider } from '../../src/classes.js';
import type { CareRecordViewDetail } from '../../src/core/events.js';
import type { SetupWorker } from 'msw/browser';
import { mockHie } from '../support/mock-hie.js';
import { WIDGET_TAGS } from '../support/widget-tags.js';
import { HIE, fixture, parts, settled, text, validToken, waitUntil } from '../support/widgets.js';
import { errorsDuring } from './harness.js';
import { makeResource, prng, searchset, type Json } from './factory.js';
import { PATIENCE } from '../support/patience.js';

/**
 * Every widget under one provider, hundreds of patient switches with random delays, aborted and
 * out-of-order answers, and an HIE that sometimes slips another patient's item in. At the end every
 * widget shows only the last patient's items, and every audit (care-record-view) event named only
 * resources of the patient it was for.
 */

const PATIENTS = Array.from({ length: 12 }, (_, i) => `race-${i}`);
const SEEDS = [3, 17, 41, 59, 97];
const SWITCHES = 60;
let switchesRun = 0;

let worker: SetupWorker;
let random = prng(1);
let wrongPatientRate = 0;

const label = (patient: string, n: number) => `Item for ${patient} n${n}`;

function raceHandler() {
  return http.get(`${HIE}/:type`, async ({ request, params }) => {
    const url = new URL(request.url);
    const type = String(params['type']);
    const patient = (url.searchParams.get('patient') ?? '').replace('Patient/', '');
    if (!PATIENTS.includes(patient)) return undefined;
    const planned = type === 'Encounter' && url.searchParams.get('status') === 'planned';
    await delay(Math.floor(random() * 40));
    const make = (p: string, n: number): Json => makeResource(type, p, `${p}-${type}${planned ? '-p' : ''}-${n}`, label(p, n), { planned });
    const resources = [make(patient, 1), make(patient, 2)];
    if (random() < wrongPatientRate) resources.splice(1, 0, make(PATIENTS[(PATIENTS.indexOf(patient) + 1) % PATIENTS.length]!, 9));
    return HttpResponse.json(searchset(resources), { headers: { 'Content-Type': 'application/fhir+json' } });
  });
}

/** Every `race-N` a text or a resource key names. */
const named = (s: string) => [...s.matchAll(/race-\d+(?![\d])/g)].map((m) => m[0]);

type W = HTMLElement & { state: string; updateComplete: Promise<boolean> };

async function runRace(seed: number, switches: number, lieRate: number): Promise<void> {
  random = prng(seed);
  wrongPatientRate = lieRate;
  worker.resetHandlers(raceHandler());
  const views: (CareRecordViewDetail & { tag: string })[] = [];
  const errors = errorsDuring();
  const page = await fixture<CareRecordProvider>(
    staticHtml`<care-record-provider base-url=${HIE} .tokenProvider=${validToken}>${WIDGET_TAGS.map((tag) => {
      const t = unsafeStatic(tag);
      return staticHtml`<${t}></${t}>`;
    })}</care-record-provider>`,
  );
  page.addEventListener('care-record-view', (e) =>
    views.push({ ...(e as CustomEvent<CareRecordViewDetail>).detail, tag: (e.target as Element).localName }),
  );
  const widgets = WIDGET_TAGS.map((tag) => page.querySelector(tag) as W);
  let last = '';
  try {
    for (let i = 0; i < switches; i++) {
      last = PATIENTS[Math.floor(random() * PATIENTS.length)]!;
      page.patientId = last;
      switchesRun += 1;
      const pause = random();
      // Mostly quick switches (in-flight requests aborted), sometimes long enough for answers to land.
      await delay(pause < 0.8 ? Math.floor(pause * 25) : Math.floor(pause * 80));
    }
    for (const w of widgets) {
      await waitUntil(
        () => w.state === 'ready' && text(w.shadowRoot!).includes(`Item for ${last} `),
        `seed ${seed}: <${w.localName}> did not settle on ${last} (state ${w.state}: ${text(w.shadowRoot!).slice(0, 200)})`,
        { timeout: PATIENCE },
      );
      await settled(w);
      const shown = text(w.shadowRoot!);
      for (const p of named(shown)) expect(p, `seed ${seed}: <${w.localName}> shows ${p} for ${last}`).to.equal(last);
      const keys = parts(w, 'item').map((i) => i.dataset['key'] ?? '');
      expect(keys.length, `seed ${seed}: <${w.localName}>`).to.be.greaterThan(0);
      for (const k of keys) for (const p of named(k)) expect(p, `seed ${seed}: <${w.localName}> item ${k}`).to.equal(last);
    }
    for (const view of views) {
      const owner = view.patient.replace('Patient/', '');
      for (const r of view.resources) for (const p of named(r)) expect(p, `seed ${seed}: audit event for ${view.patient} named ${r}`).to.equal(owner);
    }
    for (const tag of WIDGET_TAGS) {
      const lastView = views.filter((v) => v.tag === tag).at(-1);
      expect(lastView?.patient, `seed ${seed}: last audit event of <${tag}>`).to.equal(`Patient/${last}`);
      expect(lastView?.resources.length, `seed ${seed}: last audit event of <${tag}>`).to.be.greaterThan(0);
    }
    expect(errors.list, `seed ${seed}: uncaught`).to.deep.equal([]);
  } finally {
    errors.stop();
    page.remove();
    worker.resetHandlers();
  }
}

describe(`all widgets (${WIDGET_TAGS.length}) under one provider: patient switch races`, () => {
  before(async () => {
    worker = await mockHie();
  });
  after(() => {
    // eslint-disable-next-line no-console
    console.log(`[race] ${switchesRun} patient switches run over ${WIDGET_TAGS.length} widgets`);
  });

  SEEDS.forEach((seed, i) => {
    const lie = i % 2 === 1 ? 0.3 : 0;
    it(`every widget ends on the last patient only (seed ${seed}, ${SWITCHES} switches${lie ? ', HIE slips in other patients\u2019 items' : ''})`, async function () {
      this.timeout(60000);
      await runRace(seed, SWITCHES, lie);
    });
  });
});
