import { expect, waitUntil } from '@open-wc/testing';
import type { CareRecordDocuments } from '../../../src/care-record-documents.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { resetScenarios } from '../../../mocks/scenarios.js';
import { RICH_DOCUMENT_IDS as IDS } from '../../../mocks/data/widgets/documents/rich.js';
import { mockHie } from '../../support/mock-hie.js';
import { HIE, VALID_TOKEN, settled, shadow } from '../../support/widgets.js';
import { openDocument, showAll } from './support.js';
import { PATIENCE } from '../../support/patience.js';

interface CspWindow extends Window {
  cspViolations: string[];
  cspPageReady: boolean;
}

async function strictHost(): Promise<{ frame: HTMLIFrameElement; win: CspWindow }> {
  const frame = document.createElement('iframe');
  frame.src = new URL('./csp/strict-csp.html', import.meta.url).href;
  frame.style.width = '1000px';
  frame.style.height = '800px';
  document.body.append(frame);
  await waitUntil(() => (frame.contentWindow as CspWindow | null)?.cspPageReady === true, 'strict CSP page did not load', {
    timeout: PATIENCE,
  });
  return { frame, win: frame.contentWindow as CspWindow };
}

describe('<care-record-documents> in a strict-CSP host (Trusted Types, style-src self)', () => {
  let host: { frame: HTMLIFrameElement; win: CspWindow } | undefined;
  before(() => mockHie());
  beforeEach(() => resetScenarios());
  afterEach(() => host?.frame.remove());

  it('opens HTML, text, PDF and Composition documents without a single CSP violation', async () => {
    host = await strictHost();
    const { win } = host;
    const doc = win.document;
    const el = doc.createElement('care-record-documents') as CareRecordDocuments;
    el.setAttribute('base-url', HIE);
    el.setAttribute('patient-id', MOCK_PATIENT_IDS.rich);
    el.tokenProvider = () => VALID_TOKEN;
    doc.body.append(el);
    await settled(el);
    expect(el.state).to.equal('ready');
    await showAll(el);
    const opened = [
      `DocumentReference/${IDS.dischargeSummary}`,
      `DocumentReference/${IDS.communityNursing}`,
      `DocumentReference/${IDS.clinicLetter}`,
      `DocumentReference/${IDS.chestXray}`,
      `DocumentReference/${IDS.socialCare}`,
      `Composition/${IDS.outOfHours}`,
    ];
    for (const key of opened) await openDocument(el, key);
    expect(shadow(el).querySelectorAll('.document-html').length).to.be.at.least(3);
    // The PDF is drawn by pdf.js: its worker started under Trusted Types, its words in the text layer.
    expect(shadow(el).querySelector('.pdf .textLayer')?.textContent).to.contain('no acute abnormality');
    await new Promise((r) => setTimeout(r, 300));
    expect(win.cspViolations).to.deep.equal([]);

    // The policy is really enforced here: an inline style and a string-to-HTML sink are both caught.
    const probe = doc.createElement('p');
    probe.setAttribute('style', 'color: red');
    doc.body.append(probe);
    // The sink throws a TypeError. Its wording differs between browsers, and so does its realm (Chromium:
    // the frame's, Firefox: the caller's), so it is matched by name; the violation report below names the
    // Trusted Types directive.
    expect(() => {
      probe.innerHTML = '<b>x</b>';
    })
      .to.throw()
      .with.property('name', 'TypeError');
    expect(probe.innerHTML).to.equal('');
    await waitUntil(() => win.cspViolations.length >= 2, 'the probe violations were not reported', { timeout: PATIENCE });
    expect(win.cspViolations.some((v) => v.startsWith('style-src-attr'))).to.equal(true);
    expect(win.cspViolations.some((v) => v.startsWith('require-trusted-types-for'))).to.equal(true);
  });
});
