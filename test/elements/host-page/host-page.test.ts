import { expect } from '@open-wc/testing';
import '../../../src/index.js';
import { CareRecordMedications } from '../../../src/classes.js';
import type { CareRecordViewDetail } from '../../../src/core/events.js';
import { recordHieRequests } from '../../support/mock-hie.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { HIE, fixture, html, parts, settled, validToken, waitUntil } from '../../support/widgets.js';
import { PATIENCE } from '../../support/patience.js';

/**
 * What host pages do that our own pages do not: set properties before the element is defined,
 * move an element between providers, put it inside their own components' shadow roots.
 */
const hie = recordHieRequests();

type Widget = CareRecordMedications & HTMLElement;

let tagCount = 0;
/** A fresh tag for the same class, so the element can exist before its definition. */
function undefinedTag(): string {
  tagCount += 1;
  return `late-medications-${tagCount}`;
}

function patientOf(url: string): string | null {
  return new URL(url).searchParams.get('patient');
}

describe('host pages', () => {
  it('uses properties and attributes the host set before the element was defined', async () => {
    const tag = undefinedTag();
    const el = document.createElement(tag) as Widget;
    el.setAttribute('base-url', HIE);
    el.setAttribute('patient-id', MOCK_PATIENT_IDS.rich);
    // Set while the element is still an HTMLElement: Lit must take it over when it upgrades.
    (el as { tokenProvider?: unknown }).tokenProvider = validToken;
    document.body.append(el);
    try {
      customElements.define(tag, class extends CareRecordMedications {});
      await settled(el);
      expect(el.state).to.equal('ready');
      expect(parts(el, 'item').length).to.be.greaterThan(0);
      expect(hie.urls.every((u) => patientOf(u) === `Patient/${MOCK_PATIENT_IDS.rich}`)).to.equal(true);
    } finally {
      el.remove();
    }
  });

  it('moved to another provider, shows that provider\'s patient only', async () => {
    const page = await fixture(html`<div>
      <care-record-provider id="a" base-url=${HIE} patient-id=${MOCK_PATIENT_IDS.rich} .tokenProvider=${validToken}>
        <care-record-medications></care-record-medications>
      </care-record-provider>
      <care-record-provider id="b" base-url=${HIE} patient-id=${MOCK_PATIENT_IDS.empty} .tokenProvider=${validToken}>
      </care-record-provider>
    </div>`);
    const el = page.querySelector<Widget>('care-record-medications')!;
    await settled(el);
    expect(el.state).to.equal('ready');

    const views: CareRecordViewDetail[] = [];
    const onView = (e: Event) => views.push((e as CustomEvent<CareRecordViewDetail>).detail);
    page.addEventListener('care-record-view', onView);
    hie.urls.length = 0;
    page.querySelector('#b')!.append(el);
    await waitUntil(() => el.state === 'empty', `widget did not show the second provider's patient (${el.state})`, {
      timeout: PATIENCE,
    });
    page.removeEventListener('care-record-view', onView);
    expect(parts(el, 'item')).to.have.length(0);
    expect(hie.urls.length).to.be.greaterThan(0);
    expect(hie.urls.every((u) => patientOf(u) === `Patient/${MOCK_PATIENT_IDS.empty}`), hie.urls.join('\n')).to.equal(true);
    expect(views.every((v) => v.patient !== `Patient/${MOCK_PATIENT_IDS.rich}`)).to.equal(true);
  });

  it('inside another component\'s shadow root, takes the configuration of the provider around that component', async () => {
    const tag = `host-panel-${Math.random().toString(36).slice(2)}`;
    customElements.define(
      tag,
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<care-record-medications></care-record-medications>';
        }
      },
    );
    const page = await fixture(
      html`<care-record-provider base-url=${HIE} patient-id=${MOCK_PATIENT_IDS.rich} .tokenProvider=${validToken}></care-record-provider>`,
    );
    const panel = document.createElement(tag);
    page.append(panel);
    const el = panel.shadowRoot!.querySelector<Widget>('care-record-medications')!;
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(parts(el, 'item').length).to.be.greaterThan(0);
  });

  it('taken off the page while loading and put back, loads once more for the same patient and ends ready', async () => {
    const page = await fixture(html`<care-record-provider base-url=${HIE} patient-id=${MOCK_PATIENT_IDS.rich} .tokenProvider=${validToken}>
      <care-record-medications></care-record-medications>
    </care-record-provider>`);
    const el = page.querySelector<Widget>('care-record-medications')!;
    el.remove();
    page.append(el);
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(hie.urls.every((u) => patientOf(u) === `Patient/${MOCK_PATIENT_IDS.rich}`)).to.equal(true);
  });
});
