import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/care-record-documents.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { resetScenarios } from '../../../mocks/scenarios.js';
import { RICH_DOCUMENT_IDS as IDS, RICH_BINARY_IDS, ECHO_REPORT_URL } from '../../../mocks/data/widgets/documents/rich.js';
import { HOSTILE_MARKERS } from '../../../mocks/data/widgets/documents/texts.js';
import { describeWidgetStates } from '../../support/widget-states.js';
import { HIE, parts, shadow, text } from '../../support/widgets.js';
import { documentsWidget, item, openButton, openDocument, recordRequests, showAll } from './support.js';
import { PATIENCE } from '../../support/patience.js';

const ref = (id: string) => `DocumentReference/${id}`;
const keys = (el: Element) => parts(el, 'item').map((i) => i.dataset['key']!);

describeWidgetStates({
  tag: 'care-record-documents',
  noun: 'documents',
  resourceTypes: ['DocumentReference', 'Composition'],
  hidesByDefault: true,
  withheldInRich: true,
});

describe('<care-record-documents>', () => {
  let requests: Awaited<ReturnType<typeof recordRequests>>;
  before(async () => {
    requests = await recordRequests();
  });
  beforeEach(() => {
    resetScenarios();
    requests.worker.resetHandlers();
    requests.urls.length = 0;
  });

  describe('the list', () => {
    it('shows type, date, author, custodian, status and where to get a copy on every document', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const summary = item(el, ref(IDS.dischargeSummary));
      expect(text(summary.querySelector('h3'))).to.equal('Discharge summary: cardiology admission');
      expect(text(summary)).to.contain('Type: Discharge summary');
      expect(text(summary)).to.match(/Date: \d{2}-[A-Z][a-z]{2}-\d{4}/);
      expect(text(summary.querySelector('.author'))).to.equal(
        'Author: Dr Aisha Rahman, Consultant cardiologist, Riverside University Hospitals NHS Trust',
      );
      expect(text(summary.querySelector('.custodian'))).to.equal('Custodian: Riverside University Hospitals NHS Trust');
      expect(text(summary.querySelector('.status'))).to.equal('Current');
      expect(text(summary.querySelector('.doc-status'))).to.equal('Final');
      expect(text(summary.querySelector('.copy-advice'))).to.equal(
        'For a copy, contact the originating organisation: Riverside University Hospitals NHS Trust.',
      );
      for (const each of parts(el, 'item')) {
        expect(text(each.querySelector('.copy-advice')), each.dataset['key']).to.match(/^For a copy, contact the originating organisation/);
        expect(each.querySelector('.author'), each.dataset['key']).to.exist;
        expect(each.querySelector('.custodian'), each.dataset['key']).to.exist;
        expect(each.querySelector('.status'), each.dataset['key']).to.exist;
      }
    });

    it('hides superseded versions by default, counts them, and marks them in words when shown', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      expect(keys(el)).to.not.include(ref(IDS.dischargeSummaryDraft));
      expect(text(shadow(el).querySelector('.hidden-count'))).to.contain('2 superseded documents');
      await showAll(el);
      const draft = item(el, ref(IDS.dischargeSummaryDraft));
      expect(text(draft.querySelector('.status'))).to.equal('Superseded by a newer version');
      expect(draft.querySelector('.status')!.classList.contains('attention')).to.equal(true);
      expect(text(draft.querySelector('.doc-status'))).to.equal('Preliminary');
    });

    it('never shows a document entered in error, even with every filter off', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      await showAll(el);
      expect(keys(el)).to.not.include(ref(IDS.enteredInError));
      expect(text(shadow(el))).to.not.contain('filed to the wrong patient');
    });

    it('marks preliminary and amended documents in words', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const echo = item(el, ref(IDS.echo)).querySelector('.doc-status')!;
      expect(text(echo)).to.equal('Preliminary');
      expect(echo.classList.contains('attention')).to.equal(true);
      expect(text(item(el, ref(IDS.clinicLetter)).querySelector('.doc-status'))).to.equal('Amended');
    });

    it('names sources given by custodian, meta.source, Provenance or nothing, and flags the stale feed', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const source = (key: string) => text(item(el, key).querySelector('[part~="source"]'));
      expect(source(ref(IDS.ambulance))).to.match(/Capital Ambulance Service.*· Ambulance service/);
      expect(source(ref(IDS.mentalHealth))).to.match(/North East London Mental Health Trust.*· Mental health/);
      expect(source(ref(IDS.socialCare))).to.match(/Adult Social Care.*· Social care/);
      expect(source(`Composition/${IDS.outOfHours}`)).to.match(/111 and Out of Hours.*· Out of hours \/ 111/);
      expect(source(ref(IDS.powerOfAttorney))).to.equal('Source not recorded');
      const stale = item(el, ref(IDS.clinicLetter)).querySelector('[part~="freshness"]')!;
      expect(stale.classList.contains('out-of-date')).to.equal(true);
      expect(text(stale)).to.match(/may be out of date/);
    });

    it('says plainly when neither custodian nor source is recorded, and shows a partial date as sent', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const lpa = item(el, ref(IDS.powerOfAttorney));
      expect(text(lpa.querySelector('.custodian'))).to.equal('Custodian: not recorded');
      expect(text(lpa.querySelector('.author'))).to.equal('Author: not recorded');
      expect(text(lpa.querySelector('.copy-advice'))).to.contain('It is not recorded in the shared care record');
      expect(text(lpa)).to.match(/Date: [A-Z][a-z]{2}-\d{4}/);
      const ambulance = item(el, ref(IDS.ambulance));
      expect(text(ambulance.querySelector('.custodian'))).to.equal('Custodian: not recorded');
      expect(text(ambulance.querySelector('.copy-advice'))).to.contain('shared by Capital Ambulance Service NHS Trust');
    });

    it('says when the same document was shared by two sources', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      expect(text(item(el, ref(IDS.dischargeSummary)).querySelector('.also-shared'))).to.contain('Riverside Medical Practice');
      expect(text(item(el, ref(IDS.dischargeSummaryGpCopy)).querySelector('.also-shared'))).to.contain(
        'Riverside University Hospitals NHS Trust',
      );
    });

    it('labels sensitive documents', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const tags = [...item(el, ref(IDS.mentalHealth)).querySelectorAll('.tag.security')].map((t) => text(t));
      expect(tags).to.include.members(['Restricted', 'Mental health']);
    });

    it('lists the large record, most documents in the default view', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.large);
      const hidden = Number(/(\d+) items? (is|are) hidden/.exec(text(shadow(el).querySelector('.hidden-count')))?.[1]);
      expect(hidden).to.be.greaterThan(0).and.lessThan(60);
      expect(el.shadowRoot!.querySelector('.items.scroller')).to.exist;
      shadow(el).querySelector('.items')!.scrollIntoView();
      await waitUntil(() => parts(el, 'item').length > 0, 'virtual list rendered nothing', { timeout: PATIENCE });
      const first = parts(el, 'item')[0]!.dataset['key']!;
      const viewer = await openDocument(el, first);
      expect(text(viewer.querySelector('pre.document-text'))).to.contain('Synthetic test letter');
    });
  });

  describe('opening a document', () => {
    it('shows an HTML discharge summary sanitised: no script, handler, style, form, frame or remote resource', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const button = openButton(el, ref(IDS.dischargeSummary));
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      const viewer = await openDocument(el, ref(IDS.dischargeSummary));
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(viewer.id).to.equal(button.getAttribute('aria-controls'));
      const content = viewer.querySelector('.document-html')!;
      expect(text(content)).to.contain('New atrial fibrillation');
      expect(text(content)).to.contain('Check renal function');
      expect(content.querySelector('script, style, link, form, input, button, iframe, img, meta')).to.equal(null);
      for (const node of content.querySelectorAll('*')) {
        for (const attr of node.getAttributeNames()) {
          expect(attr, node.outerHTML).to.not.match(/^on|^style$|^class$|^id$|^src/);
        }
      }
      expect(text(content)).to.contain('[Image not shown: Trust logo]');
      const links = [...content.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://www.nhs.uk/conditions/atrial-fibrillation/']);
      expect(links[0]!.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(text(content)).to.contain('Click to confirm receipt');
      expect(content.querySelector('h1')).to.equal(null);
      expect(content.querySelector('h4')).to.exist;
      await new Promise((r) => setTimeout(r, 200));
      expect((window as unknown as Record<string, unknown>)[HOSTILE_MARKERS.scriptGlobal]).to.equal(undefined);
      const fetched = [...requests.urls, ...performance.getEntriesByType('resource').map((e) => e.name)];
      for (const remote of [HOSTILE_MARKERS.trackerUrl, HOSTILE_MARKERS.remoteStylesheet, 'collect.example', 'ads.example']) {
        expect(fetched.some((u) => u.includes(remote)), remote).to.equal(false);
      }
      await expect(el).to.be.accessible();
    });

    it('shows a plain-text letter as text', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const viewer = await openDocument(el, ref(IDS.clinicLetter));
      const pre = viewer.querySelector('pre.document-text')!;
      expect(pre.textContent).to.contain('Spirometry: FEV1 1.1 L (58% predicted).');
      expect(pre.textContent).to.contain('Dear Dr MacLeod,\n');
      await expect(el).to.be.accessible();
    });

    it('shows an inline PDF drawn by pdf.js, its words in a text layer, with no print or download', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const viewer = await openDocument(el, ref(IDS.chestXray));
      expect(viewer.querySelector('iframe')).to.equal(null);
      const page = viewer.querySelector('.pdf .pdf-page')!;
      expect(page.getAttribute('aria-label')).to.equal('Page 1 of 1');
      expect(text(page.querySelector('.textLayer'))).to.contain('no acute abnormality');
      expect(text(viewer.querySelector('.pdf-page-number'))).to.equal('Page 1 of 1');
      expect(text(viewer)).to.not.match(/print|download/i);
      await expect(el).to.be.accessible();
    });

    it('fetches an attachment on the HIE with the token and unwraps the FHIR Binary it gets back', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const viewer = await openDocument(el, ref(IDS.ctHead));
      const binaryUrl = `${HIE}/Binary/${RICH_BINARY_IDS.ctHead}`;
      expect(requests.urls).to.include(binaryUrl);
      expect(requests.headers.get(binaryUrl)?.get('Authorization')).to.match(/^Bearer /);
      expect(text(viewer.querySelector('.pdf .textLayer'))).to.contain('CT Head report');
    });

    it('shows HTML fetched from the HIE sanitised', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const viewer = await openDocument(el, ref(IDS.communityNursing));
      expect(text(viewer.querySelector('.document-html'))).to.contain('Skin intact; pressure areas checked');
    });

    it('offers an attachment on another server as a link and never requests it', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const viewer = await openDocument(el, ref(IDS.echo));
      const link = viewer.querySelector<HTMLAnchorElement>('.elsewhere a')!;
      expect(link.getAttribute('href')).to.equal(ECHO_REPORT_URL);
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(link.target).to.equal('_blank');
      expect(text(viewer)).to.contain('not opened with your shared care record sign-in');
      expect(requests.urls.some((u) => u.includes('pacs.riverside'))).to.equal(false);
      expect(viewer.querySelector('iframe')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says when a document was sent without content', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const viewer = await openDocument(el, ref(IDS.powerOfAttorney));
      expect(text(viewer.querySelector('.unavailable'))).to.equal('No document content was sent to the shared care record.');
    });

    it('shows a Composition with its sections, narrative sanitised', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const viewer = await openDocument(el, `Composition/${IDS.outOfHours}`);
      const headings = [...viewer.querySelectorAll('h4')].map((h) => text(h));
      expect(headings).to.deep.equal(['Reason for contact', 'Assessment', 'Outcome']);
      expect(text(viewer)).to.contain('Nitrofurantoin 100 mg modified-release twice a day for 3 days');
      expect(text(viewer)).to.contain('No signs of sepsis');
      expect(viewer.querySelector('[style], [onmouseover]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('closes with its close control and returns focus to the button', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const viewer = await openDocument(el, ref(IDS.chestXray));
      viewer.querySelector<HTMLButtonElement>('button.close')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(item(el, ref(IDS.chestXray)).querySelector('[part~="viewer"]')).to.equal(null);
      expect(openButton(el, ref(IDS.chestXray)).getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.activeElement).to.equal(openButton(el, ref(IDS.chestXray)));
    });

    it('opens and closes from the keyboard', async () => {
      const el = await documentsWidget(MOCK_PATIENT_IDS.rich);
      const button = openButton(el, ref(IDS.clinicLetter));
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: ' ' }); // the space key; 'Space' is a code that WebDriver BiDi (Firefox) does not accept
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(item(el, ref(IDS.clinicLetter)).querySelector('[part~="viewer"]')).to.equal(null);
    });
  });
});
