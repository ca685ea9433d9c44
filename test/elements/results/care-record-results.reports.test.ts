import { expect } from '@open-wc/testing';
import '../../../src/care-record-results.js';
import type { CareRecordResults } from '../../../src/care-record-results.js';
import type { AttachmentFetcher } from '../../../src/elements/documents/documents.content.js';
import { mockHie } from '../../support/mock-hie.js';
import { damagedPdfBytes } from '../../support/pdf.js';
import { HIE, fixture, html, parts, settled, text, validToken, waitUntil } from '../../support/widgets.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { resetScenarios } from '../../../mocks/scenarios.js';
import { CT_HEAD_REPORT_TEXT, RICH_IMAGING_REPORT_IDS as IDS } from '../../../mocks/data/widgets/results/rich.js';

const PATIENCE = { timeout: 15_000, interval: 50 };
const key = (id: string) => `DiagnosticReport/${id}`;

async function results(): Promise<CareRecordResults> {
  const el = await fixture<CareRecordResults>(
    html`<care-record-results base-url=${HIE} patient-id=${MOCK_PATIENT_IDS.rich} .tokenProvider=${validToken}></care-record-results>`,
  );
  return settled(el);
}

function item(el: Element, id: string): HTMLElement {
  const found = parts(el, 'item').find((i) => i.dataset['key'] === key(id));
  expect(found, id).to.exist;
  return found!;
}

/** Opens a report's text and waits until it has finished loading. */
async function openReport(el: CareRecordResults, id: string): Promise<HTMLElement> {
  item(el, id).querySelector<HTMLButtonElement>('button.open-report')!.click();
  await el.updateComplete;
  const viewer = () => item(el, id).querySelector<HTMLElement>('[part~="viewer"]');
  await waitUntil(() => viewer() && !viewer()!.querySelector('.loading-document'), `${id} did not load`, PATIENCE);
  return viewer()!;
}

describe('<care-record-results>: reports read as reports', function () {
  this.timeout(60_000);
  before(() => mockHie());
  beforeEach(async () => {
    resetScenarios();
    (await mockHie()).resetHandlers();
  });

  it('shows a radiology report with title, date, performer, status and conclusion, and no result value', async () => {
    const el = await results();
    const row = item(el, IDS.chestXray);
    expect(text(row.querySelector('h3'))).to.equal('Chest X-ray');
    expect(text(row.querySelector('.category'))).to.equal('Radiology');
    expect(text(row.querySelector('.performer'))).to.equal('Performed by: Riverside University Hospitals NHS Trust');
    expect(text(row.querySelector('.conclusion'))).to.equal('Conclusion: No acute cardiopulmonary abnormality');
    expect(text(row)).to.match(/Taken: \d{2}-[A-Z][a-z]{2}-\d{4}/);
    expect(text(row)).to.contain('Final');
    expect(row.querySelector('.value, .values')).to.equal(null);
    expect(text(row)).to.not.contain('not shown here');
    expect(text(row.querySelector('.copy-advice'))).to.equal('For a copy, contact Riverside University Hospitals NHS Trust.');
    await expect(el).to.be.accessible();
  });

  it('opens a report sent only as a PDF with the documents reader: its words in the text layer', async () => {
    const el = await results();
    const viewer = await openReport(el, IDS.chestXray);
    expect(viewer.getAttribute('aria-label')).to.equal('Document: Chest X-ray');
    expect(text(viewer.querySelector('.pdf .textLayer'))).to.contain('No pleural effusion');
    expect(item(el, IDS.chestXray).querySelector('button.open-report')!.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    viewer.querySelector<HTMLButtonElement>('button.close')!.click();
    await el.updateComplete;
    expect(item(el, IDS.chestXray).querySelector('[part~="viewer"]')).to.equal(null);
  });

  it('opens a report in two parts: plain text with its line breaks kept, and a PDF fetched from the HIE', async () => {
    const el = await results();
    const viewer = await openReport(el, IDS.ctHead);
    expect([...viewer.querySelectorAll('h4')].map((h) => text(h))).to.deep.equal([
      'Report text (Plain text)',
      'CT head report (PDF) (PDF)',
    ]);
    expect(viewer.querySelector('pre.document-text')!.textContent).to.equal(CT_HEAD_REPORT_TEXT);
    expect(text(viewer.querySelector('.pdf .textLayer'))).to.contain('CT Head report');
  });

  it('says a report PDF that cannot be read could not be shown, and to contact the performer for a copy', async () => {
    const el = await results();
    const damaged: AttachmentFetcher = {
      baseUrl: HIE,
      fetchAttachment: async () => new Blob([damagedPdfBytes() as BlobPart], { type: 'application/pdf' }),
    };
    (el as unknown as { hieClient: () => AttachmentFetcher }).hieClient = () => damaged;
    const viewer = await openReport(el, IDS.ctHead);
    const performer = text(item(el, IDS.ctHead).querySelector('.performer')).replace('Performed by: ', '');
    expect(performer).to.equal("St Anselm's Hospital NHS Foundation Trust");
    expect(text(viewer.querySelector('.unavailable'))).to.equal(
      `This PDF could not be shown: the file is damaged or is not a PDF. Contact ${performer} for a copy.`,
    );
    expect(viewer.querySelector('pre.document-text')).to.exist;
    await expect(el).to.be.accessible();
  });
});
