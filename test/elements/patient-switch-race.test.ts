import { expect } from '@open-wc/testing';
import { http, HttpResponse, delay } from 'msw';
import '../../src/index.js';
import type { CareRecordEncounters, CareRecordMedications, CareRecordProvider } from '../../src/classes.js';
import type { CareRecordViewDetail } from '../../src/core/events.js';
import type { SetupWorker } from 'msw/browser';
import { mockHie } from '../support/mock-hie.js';
import { encounterDate, encounters, pagedServer } from '../support/paged-hie.js';
import { HIE, fixture, html, parts, settled, text, validToken, waitUntil } from '../support/widgets.js';
import { PATIENCE } from '../support/patience.js';

/**
 * Showing one patient's data on another's screen is the worst failure this product can have. These
 * tests switch patient many times with random response delays, out-of-order answers and an HIE that
 * sometimes answers for the wrong patient, and check the screen only ever ends on the last patient.
 */

const PATIENTS = Array.from({ length: 12 }, (_, i) => `race-${i}`);

/** A small deterministic PRNG so a failure can be replayed from its seed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function entry(type: string, patient: string, n: number) {
  return {
    fullUrl: `${HIE}/${type}/${patient}-${type}-${n}`,
    search: { mode: 'match' },
    resource: {
      resourceType: type,
      id: `${patient}-${type}-${n}`,
      status: 'active',
      intent: 'order',
      subject: { reference: `Patient/${patient}` },
      medicationCodeableConcept: { text: `Medicine for ${patient} #${n}` },
    },
  };
}

function bundleFor(type: string, patient: string, intruder: string | undefined) {
  const entries = [entry(type, patient, 1), entry(type, patient, 2)];
  if (intruder) entries.splice(1, 0, entry(type, intruder, 9));
  return { resourceType: 'Bundle', type: 'searchset', total: entries.length, entry: entries };
}

let worker: SetupWorker;
let random = prng(1);
let wrongPatientRate = 0;

before(async () => {
  worker = await mockHie();
});

function raceHandlers() {
  return ['MedicationStatement', 'MedicationRequest'].map((type) =>
    http.get(`${HIE}/${type}`, async ({ request }) => {
      const patient = new URL(request.url).searchParams.get('patient')!.replace('Patient/', '');
      await delay(Math.floor(random() * 40));
      // A misbehaving HIE sometimes slips another patient's item into the answer.
      const intruder =
        random() < wrongPatientRate ? PATIENTS[(PATIENTS.indexOf(patient) + 1) % PATIENTS.length] : undefined;
      return HttpResponse.json(bundleFor(type, patient, intruder), {
        headers: { 'Content-Type': 'application/fhir+json' },
      });
    }),
  );
}

function ownerOf(resourceKey: string): string {
  return /\/(race-\d+)-/.exec(resourceKey)![1]!;
}

async function runRace(seed: number, switches: number, lieRate: number): Promise<void> {
  random = prng(seed);
  wrongPatientRate = lieRate;
  worker.resetHandlers(...raceHandlers());
  const views: CareRecordViewDetail[] = [];
  const page = await fixture<CareRecordProvider>(html`<care-record-provider base-url=${HIE} .tokenProvider=${validToken}>
    <care-record-medications></care-record-medications>
    <care-record-medications source-types=""></care-record-medications>
  </care-record-provider>`);
  page.addEventListener('care-record-view', (e) => views.push((e as CustomEvent<CareRecordViewDetail>).detail));
  const widgets = [...page.querySelectorAll('care-record-medications')] as CareRecordMedications[];
  let last = '';
  for (let i = 0; i < switches; i++) {
    last = PATIENTS[Math.floor(random() * PATIENTS.length)]!;
    page.patientId = last;
    await delay(Math.floor(random() * 25));
  }
  for (const w of widgets) {
    await waitUntil(() => w.state === 'ready' && text(w.shadowRoot!).includes(`Medicine for ${last} `), `seed ${seed}: widget did not settle on ${last}`, { timeout: PATIENCE });
    await settled(w);
    const keys = parts(w, 'item').map((i) => i.dataset['key']!);
    expect(keys.length, `seed ${seed}`).to.be.greaterThan(0);
    for (const k of keys) expect(ownerOf(k), `seed ${seed}: ${k} shown for ${last}`).to.equal(last);
    expect(text(w.shadowRoot!)).not.to.match(new RegExp(`Medicine for (?!${last} )race-`));
  }
  for (const view of views) {
    for (const r of view.resources) {
      expect(ownerOf(r), `seed ${seed}: audit event for ${view.patient} named ${r}`).to.equal(view.patient.slice(8));
    }
  }
  expect(views.at(-1)!.patient).to.equal(`Patient/${last}`);
}

describe('patient switch races', () => {
  for (const seed of [11, 29, 47, 83, 101]) {
    it(`ends on the last patient only (seed ${seed}, 40 switches)`, async () => {
      await runRace(seed, 40, 0);
    });
  }

  for (const seed of [7, 13]) {
    it(`never shows items the HIE sent for another patient (seed ${seed})`, async () => {
      await runRace(seed, 25, 0.3);
    });
  }
});

describe('patient switch while pages arrive one by one (issue 15)', () => {
  it("clears the first patient's partial list at once, stops its paging, and shows only the second's pages", async () => {
    const [first, second] = ['paged-a', 'paged-b'];
    const server = pagedServer({
      resourceType: 'Encounter',
      items: { [first]: encounters(first, 30), [second]: encounters(second, 30) },
      maxPageSize: 10,
      sort: 'honour',
      sortDate: encounterDate,
    });
    worker.resetHandlers(...server.handlers);
    const views: CareRecordViewDetail[] = [];
    const el = await fixture<CareRecordEncounters>(
      html`<care-record-encounters base-url=${HIE} patient-id=${first} .tokenProvider=${validToken}></care-record-encounters>`,
    );
    el.addEventListener('care-record-view', (e) => views.push((e as CustomEvent<CareRecordViewDetail>).detail));
    const keys = () => parts(el, 'item').map((i) => i.dataset['key']!);
    const asked = (patient: string, offset: number) =>
      server.urls.filter((u) => u.searchParams.get('patient') === `Patient/${patient}` && u.searchParams.get('_offset') === String(offset)).length;
    try {
      await waitUntil(() => keys().length === 10 && el.hasAttribute('loading-more'), 'first page of the first patient', { timeout: 15000 });
      await waitUntil(() => server.waiting() === 1, "the first patient's second page was not asked for", { timeout: 15000 });
      el.patientId = second;
      await el.updateComplete;
      expect(keys(), 'items of the first patient still on screen after the switch').to.deep.equal([]);
      expect(text(el.shadowRoot!)).not.to.contain(`for ${first}`);
      server.release(); // the first patient's page 2 lands after the switch
      await waitUntil(() => keys().length === 10, "second patient's first page", { timeout: 15000 });
      expect(keys().every((k) => k.includes(second))).to.equal(true);
      await waitUntil(() => server.waiting() === 1, "the second patient's second page was not asked for", { timeout: 15000 });
      server.release();
      await waitUntil(() => keys().length === 20, "second patient's second page", { timeout: 15000 });
      server.releaseAll();
      await settled(el);
      expect(keys()).to.have.length(30);
      expect(keys().every((k) => k.includes(second)), 'an item of the first patient').to.equal(true);
      expect(asked(first, 20), "the first patient's paging went on after the switch").to.equal(0);
      const afterSwitch = views.slice(views.findIndex((v) => v.patient === `Patient/${second}`));
      expect(afterSwitch.length).to.be.greaterThan(0);
      for (const view of afterSwitch) {
        expect(view.patient).to.equal(`Patient/${second}`);
        for (const r of view.resources) expect(r, 'audit event for the second patient').to.contain(second);
      }
    } finally {
      server.releaseAll();
      worker.resetHandlers();
    }
  });
});
