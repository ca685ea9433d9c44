import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/care-record-documents.js';
import type { AttachmentFetcher } from '../../../src/elements/documents/documents.content.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { resetScenarios, setScenario } from '../../../mocks/scenarios.js';
import { RICH_DOCUMENT_IDS as IDS } from '../../../mocks/data/widgets/documents/rich.js';
import { mockHie } from '../../support/mock-hie.js';
import { HIE, shadow, text } from '../../support/widgets.js';
import { documentsWidget, item, openButton, openDocument } from './support.js';

const ref = (id: string) => `DocumentReference/${id}`;

/** Records blob URLs made and revoked while a test runs. */
function watchBlobUrls(): { created: string[]; revoked: string[]; restore: () => void } {
  const { createObjectURL, revokeObjectURL } = URL;
  const created: string[] = [];
  const revoked: string[] = [];
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    const url = createObjectURL.call(URL, obj);
    created.push(url);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    revoked.push(url);
    revokeObjectURL.call(URL, url);
  };
  return {
    created,
    revoked,
    restore: () => {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    },
  };
}

/** An HIE client whose attachment fetch answers only when the test says so. */
function heldFetcher(): AttachmentFetcher & { signals: AbortSignal[]; answer: (blob: Blob) => void } {
  const waiting: ((blob: Blob) => void)[] = [];
  const signals: AbortSignal[] = [];
  return {
    baseUrl: HIE,
    signals,
    // Answers even after an abort, as a misbehaving network layer might: the viewer must still discard it.
    fetchAttachment: (_url, { signal }) => {
      if (signal) signals.push(signal);
      return new Promise<Blob>((resolve) => waiting.push(resolve));
    },
    answer: (blob) => waiting.splice(0).forEach((resolve) => resolve(blob)),
  };
}

const pdfBlob = () => new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' });

describe('<care-record-documents>: open documents belong to one patient', () => {
  let blobs: ReturnType<typeof watchBlobUrls>;
  before(() => mockHie());
  beforeEach(async () => {
    resetScenarios();
    (await mockHie()).resetHandlers();
    blobs = watchBlobUrls();
  });
  afterEach(() => blobs.restore());

  it('aborts a pending attachment when the patient changes and never shows it when it arrives', async () => {
    const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
    const fake = heldFetcher();
    (el as unknown as { hieClient: () => AttachmentFetcher }).hieClient = () => fake;
    openButton(el, ref(IDS.ctHead)).click();
    await el.updateComplete;
    expect(text(item(el, ref(IDS.ctHead)).querySelector('[part~="viewer"]'))).to.contain('Loading the document');
    // The reader (fetching, sanitiser) arrives with the first opened document, then the attachment is asked for.
    await waitUntil(() => fake.signals.length === 1, 'attachment not requested');
    await el.updateComplete;
    expect(text(item(el, ref(IDS.ctHead)).querySelector('[part~="viewer"]'))).to.contain('Loading the document');

    el.setAttribute('patient-id', MOCK_PATIENT_IDS.empty);
    await el.updateComplete;
    expect(fake.signals[0]!.aborted, 'fetch aborted on patient change').to.equal(true);
    fake.answer(pdfBlob());
    await waitUntil(() => el.state === 'empty', 'new patient not loaded');
    await new Promise((r) => setTimeout(r, 50));
    expect(blobs.created, 'no blob URL for the previous patient').to.deep.equal([]);
    expect(shadow(el).querySelector('iframe, [part~="viewer"]')).to.equal(null);
  });

  it('discards a real HIE response that arrives after the patient changed', async () => {
    const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
    setScenario('slow:600');
    openButton(el, ref(IDS.ctHead)).click();
    await el.updateComplete;
    el.setAttribute('patient-id', MOCK_PATIENT_IDS.large);
    await waitUntil(() => el.state === 'ready', 'new patient not loaded', { timeout: 15000 });
    await new Promise((r) => setTimeout(r, 800));
    expect(blobs.created).to.deep.equal([]);
    expect(shadow(el).querySelector('iframe')).to.equal(null);
    expect(shadow(el).querySelector('[part~="viewer"]')).to.equal(null);
  });

  it('closes open documents and revokes their blob URLs when the patient changes', async () => {
    const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
    const viewer = await openDocument(el, ref(IDS.chestXray));
    const url = viewer.querySelector('iframe')!.src;
    el.setAttribute('patient-id', MOCK_PATIENT_IDS.empty);
    await el.updateComplete;
    expect(blobs.revoked).to.include(url);
    el.setAttribute('patient-id', MOCK_PATIENT_IDS.rich);
    await waitUntil(() => el.state === 'ready', 'rich record not reloaded');
    expect(openButton(el, ref(IDS.chestXray)).getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(el).querySelector('[part~="viewer"]')).to.equal(null);
  });

  it('revokes blob URLs and aborts fetches when the widget leaves the page', async () => {
    const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
    const viewer = await openDocument(el, ref(IDS.chestXray));
    const url = viewer.querySelector('iframe')!.src;
    const fake = heldFetcher();
    (el as unknown as { hieClient: () => AttachmentFetcher }).hieClient = () => fake;
    openButton(el, ref(IDS.ctHead)).click();
    await el.updateComplete;
    el.remove();
    expect(blobs.revoked).to.include(url);
    expect(fake.signals[0]!.aborted).to.equal(true);
    fake.answer(pdfBlob());
    await new Promise((r) => setTimeout(r, 50));
    expect(blobs.created).to.have.length(1);
  });

  it('revokes a blob URL when its document is closed with the open button too', async () => {
    const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
    const viewer = await openDocument(el, ref(IDS.ctHead));
    const url = viewer.querySelector('iframe')!.src;
    openButton(el, ref(IDS.ctHead)).click();
    await el.updateComplete;
    expect(blobs.revoked).to.deep.equal([url]);
  });
});
