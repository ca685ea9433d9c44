import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/index.js';
import type { CareRecord } from '../../../src/classes.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { mockHie } from '../../support/mock-hie.js';
import { HIE, settled, validToken } from '../../support/widgets.js';
import { PATIENCE } from '../../support/patience.js';
import { SECTIONS } from '../../../src/elements/care-record/care-record.sections.js';

function pods(el: CareRecord): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="pod"]')];
}

function widgetsIn(el: CareRecord): HTMLElement[] {
  return pods(el).flatMap((p) => [...p.querySelectorAll<HTMLElement>('[state]')]);
}

describe('<care-record>', () => {
  before(() => mockHie());

  it('lays out the chosen pods in the host order, for the patient it is given', async () => {
    const el = await fixture<CareRecord>(html`<care-record
      base-url=${HIE}
      patient-id=${MOCK_PATIENT_IDS.rich}
      sections="allergies medications sources"
      .tokenProvider=${validToken}
    ></care-record>`);
    expect(pods(el).map((p) => p.dataset['section'])).to.deep.equal(['allergies', 'medications', 'sources']);
    const widgets = widgetsIn(el);
    expect(widgets.map((w) => w.localName)).to.deep.equal([
      'care-record-allergies',
      'care-record-medications',
      'care-record-sources',
    ]);
    for (const w of widgets) await settled(w);
    for (const w of widgets) expect(w.getAttribute('state'), w.localName).to.equal('ready');
    await expect(el).to.be.accessible();
  });

  it('shows every pod by default, and says which section names it does not know', async () => {
    const el = await fixture<CareRecord>(html`<care-record sections="medications bogus"></care-record>`);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('bogus');
    el.removeAttribute('sections');
    await el.updateComplete;
    expect(pods(el)).to.have.length(Object.keys(SECTIONS).length);
    expect(Object.keys(SECTIONS)).to.include('immunisations');
  });

  it('takes its HIE, patient and token from an enclosing provider', async () => {
    const page = await fixture(html`<care-record-provider base-url=${HIE} patient-id=${MOCK_PATIENT_IDS.empty} .tokenProvider=${validToken}>
      <care-record sections="problems"></care-record>
    </care-record-provider>`);
    const record = page.querySelector('care-record')!;
    const [widget] = widgetsIn(record);
    await settled(widget!);
    expect(widget!.getAttribute('state')).to.equal('empty');
  });

  it('collapses a pod by taking its widget off the page, and fetches afresh when expanded', async () => {
    const views: string[] = [];
    const el = await fixture<CareRecord>(html`<care-record
      base-url=${HIE}
      patient-id=${MOCK_PATIENT_IDS.rich}
      sections="medications problems"
      collapsed="problems"
      .tokenProvider=${validToken}
    ></care-record>`);
    el.addEventListener('care-record-view', (e) => views.push((e as CustomEvent).detail.resources.join()));
    const [medsPod, problemsPod] = pods(el);
    expect(problemsPod!.querySelector('care-record-problems')).to.equal(null);
    const toggle = problemsPod!.querySelector<HTMLButtonElement>('.pod-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    const problems = problemsPod!.querySelector('care-record-problems')!;
    await settled(problems);
    expect(problems.getAttribute('state')).to.equal('ready');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    medsPod!.querySelector<HTMLButtonElement>('.pod-toggle')!.click();
    await el.updateComplete;
    expect(medsPod!.querySelector('care-record-medications')).to.equal(null);
    await waitUntil(() => views.some((v) => v.includes('Condition/')), 'no audit event for the expanded pod', { timeout: PATIENCE });
    await expect(el).to.be.accessible();
  });

  it('moves between pods with the arrow keys, Home and End', async () => {
    const el = await fixture<CareRecord>(html`<care-record sections="medications problems allergies"></care-record>`);
    const toggles = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.pod-toggle')];
    toggles[0]!.focus();
    const press = (key: string) =>
      el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    press('ArrowDown');
    expect(el.shadowRoot!.activeElement).to.equal(toggles[1]);
    press('End');
    expect(el.shadowRoot!.activeElement).to.equal(toggles[2]);
    press('ArrowDown');
    expect(el.shadowRoot!.activeElement).to.equal(toggles[0]);
    press('ArrowUp');
    expect(el.shadowRoot!.activeElement).to.equal(toggles[2]);
    press('Home');
    expect(el.shadowRoot!.activeElement).to.equal(toggles[0]);
  });
});
