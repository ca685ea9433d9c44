import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../../src/index.js';
import type { CareRecord } from '../../../src/classes.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { mockHie } from '../../support/mock-hie.js';
import { HIE, validToken } from '../../support/widgets.js';

type Widget = HTMLElement & { state: string };

function widgetsIn(el: CareRecord): Widget[] {
  return [...el.shadowRoot!.querySelectorAll<Widget>('.pod-body > [state]')];
}

function statusText(w: Widget): string {
  return (w.shadowRoot?.querySelector('[part~="status"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function allFailed(el: CareRecord): Promise<Widget[]> {
  await waitUntil(
    () => widgetsIn(el).length > 0 && widgetsIn(el).every((w) => !['idle', 'loading'].includes(w.state)),
    'the pods did not all finish',
    { timeout: 20_000, interval: 100 },
  );
  await el.updateComplete;
  return widgetsIn(el);
}

describe('<care-record>: one reason, said once', () => {
  before(() => mockHie());
  afterEach(async () => (await mockHie()).resetHandlers());

  it('says a patient objection once at its top and points each pod to it in one line', async () => {
    const el = await fixture<CareRecord>(html`<care-record
      base-url=${HIE}
      patient-id=${MOCK_PATIENT_IDS.objection}
      sections="medications allergies problems results"
      .tokenProvider=${validToken}
    ></care-record>`);
    const widgets = await allFailed(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="record-status"]'), 'no record message', { timeout: 10_000 });
    const banners = el.shadowRoot!.querySelectorAll('[part~="record-status"]');
    expect(banners).to.have.length(1);
    expect(banners[0]!.textContent).to.match(/No access to this record/);
    for (const w of widgets) {
      expect(w.state).to.equal('forbidden');
      await waitUntil(() => w.shadowRoot?.querySelector('.pointer'), `${w.localName} kept its full message`, { timeout: 10_000 });
      expect(statusText(w)).to.match(/^No access: see the message at the top of the record/);
      expect(statusText(w)).not.to.contain('not the same as the patient having none');
    }
    await expect(el).to.be.accessible();
  });

  it('lets a pod whose reason differs say its own, in full', async () => {
    (await mockHie()).use(http.get(`${HIE}/AllergyIntolerance`, () => HttpResponse.text('<html>Gateway page</html>', { status: 200 })));
    const el = await fixture<CareRecord>(html`<care-record
      base-url=${HIE}
      patient-id=${MOCK_PATIENT_IDS.objection}
      sections="medications allergies problems"
      .tokenProvider=${validToken}
    ></care-record>`);
    const widgets = await allFailed(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="record-status"]'), 'no record message', { timeout: 10_000 });
    const allergies = widgets.find((w) => w.localName === 'care-record-allergies')!;
    expect(allergies.state).to.equal('error');
    expect(allergies.shadowRoot!.querySelector('.pointer')).to.equal(null);
    expect(statusText(allergies)).to.contain('could not be loaded');
    for (const w of widgets.filter((x) => x !== allergies)) {
      await waitUntil(() => w.shadowRoot?.querySelector('.pointer'), `${w.localName} kept its full message`, { timeout: 10_000 });
    }
  });

  it('says nothing at its top when the pods load', async () => {
    const el = await fixture<CareRecord>(html`<care-record
      base-url=${HIE}
      patient-id=${MOCK_PATIENT_IDS.rich}
      sections="medications allergies"
      .tokenProvider=${validToken}
    ></care-record>`);
    const widgets = await allFailed(el);
    expect(widgets.map((w) => w.state)).to.deep.equal(['ready', 'ready']);
    expect(el.shadowRoot!.querySelector('[part~="record-status"]')).to.equal(null);
  });
});
