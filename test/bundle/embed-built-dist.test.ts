import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startMockHie } from '../../mocks/browser.js';
import { MOCK_PATIENTS, MOCK_PATIENT_IDS } from '../../mocks/patients.js';
import { WIDGET_TAGS } from '../support/widget-tags.js';
import { RICH_DOCUMENT_IDS } from '../../mocks/data/widgets/documents/rich.js';
import { PATIENCE } from '../support/patience.js';

/**
 * What a vendor does: import the built bundle (not the sources) and point it at their own HIE. The
 * HIE here lives at another origin and path than the demo's, and the patient is found by NHS number.
 */
const OTHER_HIE = 'https://other-hie.example.org/r4';

describe('the built dist/ bundle', () => {
  let worker: Awaited<ReturnType<typeof startMockHie>>;
  before(async () => {
    worker = await startMockHie({ baseUrl: OTHER_HIE });
    // @ts-expect-error the built file has no declaration beside it for the test's resolver
    await import('../../dist/index.js');
  });
  after(() => worker.stop());

  it('registers every element from its index', () => {
    for (const tag of ['care-record-provider', ...WIDGET_TAGS]) expect(customElements.get(tag), tag).to.be.a('function');
  });

  it('shows medications with source and freshness from another HIE, using only the public API', async () => {
    const rich = MOCK_PATIENTS.find((p) => p.id === MOCK_PATIENT_IDS.rich)!;
    const requests: string[] = [];
    worker.events.on('request:start', ({ request }) => requests.push(request.url));
    const provider = await fixture<HTMLElement & { tokenProvider: unknown }>(html`
      <care-record-provider base-url=${OTHER_HIE} nhs-number=${rich.nhsNumber}>
        <care-record-medications></care-record-medications>
      </care-record-provider>
    `);
    provider.tokenProvider = () => 'demo-valid-token';
    const widget = provider.querySelector('care-record-medications')!;
    await waitUntil(() => widget.getAttribute('state') === 'ready', 'built element did not load', { timeout: PATIENCE });
    const items = [...widget.shadowRoot!.querySelectorAll('[part~="item"]')];
    expect(items.length).to.be.greaterThan(0);
    for (const item of items) {
      expect(item.querySelector('[part~="source"]')).to.exist;
      expect(item.querySelector('[part~="freshness"]')).to.exist;
    }
    expect(requests.every((u) => u.startsWith(`${OTHER_HIE}/`))).to.equal(true);
  });

  it('opens a document with the reader it loads on demand (chunk resolved from dist/)', async () => {
    const rich = MOCK_PATIENTS.find((p) => p.id === MOCK_PATIENT_IDS.rich)!;
    const provider = await fixture<HTMLElement & { tokenProvider: unknown }>(html`
      <care-record-provider base-url=${OTHER_HIE} nhs-number=${rich.nhsNumber}>
        <care-record-documents></care-record-documents>
      </care-record-provider>
    `);
    provider.tokenProvider = () => 'demo-valid-token';
    const widget = provider.querySelector('care-record-documents')!;
    await waitUntil(() => widget.getAttribute('state') === 'ready', 'built documents did not load', { timeout: PATIENCE });
    const key = `DocumentReference/${RICH_DOCUMENT_IDS.communityNursing}`;
    const item = [...widget.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')].find((i) => i.dataset['key'] === key);
    expect(item, key).to.exist;
    item!.querySelector<HTMLButtonElement>('button.open')!.click();
    await waitUntil(
      () => item!.querySelector('.document-html')?.textContent?.includes('Skin intact'),
      'document content not shown from the built bundle',
      { timeout: PATIENCE },
    );

    // The build minifies templates and splits pdf.js into its own chunk with its worker beside it: a
    // PDF fetched from the HIE is still drawn, its words in the text layer, from dist/ alone.
    const pdfKey = `DocumentReference/${RICH_DOCUMENT_IDS.ctHead}`;
    const pdfItem = [...widget.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')].find((i) => i.dataset['key'] === pdfKey)!;
    pdfItem.querySelector<HTMLButtonElement>('button.open')!.click();
    await waitUntil(
      () => pdfItem.querySelector('.pdf .textLayer')?.textContent?.includes('CT Head report'),
      'PDF not drawn by pdf.js from the built bundle',
      { timeout: PATIENCE },
    );
    expect(pdfItem.querySelector('iframe')).to.equal(null);
  });
});

