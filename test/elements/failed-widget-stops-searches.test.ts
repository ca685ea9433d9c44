import { expect } from '@open-wc/testing';
import { http, HttpResponse, delay } from 'msw';
import '../../src/care-record-medications.js';
import type { CareRecordMedications } from '../../src/classes.js';
import { sharedRequestsInFlight } from '../../src/fhir/inflight.js';
import { recordHieRequests } from '../support/mock-hie.js';
import { HIE, fixture, html, settled, validToken } from '../support/widgets.js';

/**
 * When one search fails the widget, its other searches are stopped with it: left running they kept
 * retrying with the old token after the widget had shown its error (even after it left the page), and
 * a later identical request (another widget, a refresh) could join one and get its stale answer.
 */
const hie = recordHieRequests();

async function widget(): Promise<CareRecordMedications> {
  return settled(
    await fixture<CareRecordMedications>(
      html`<care-record-medications base-url=${HIE} patient-id="p-stop" .tokenProvider=${validToken}></care-record-medications>`,
    ),
  );
}

const outcome500 = () =>
  HttpResponse.json(
    { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: 'HIE error' }] },
    { status: 500 },
  );

describe('a widget that fails', () => {
  it('stops its other searches still waiting for an answer', async () => {
    hie.worker.use(
      http.get(`${HIE}/MedicationStatement`, outcome500),
      http.get(`${HIE}/MedicationRequest`, async () => {
        await delay(5000);
        return HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', entry: [] });
      }),
    );
    const el = await widget();
    expect(el.state).to.equal('error');
    expect(sharedRequestsInFlight()).to.equal(0);
  });

  it('stops its other searches retrying', async () => {
    hie.worker.use(
      http.get(`${HIE}/MedicationStatement`, async () => {
        await delay(100);
        return outcome500();
      }),
      // Answered 503 each time: the client retries, with back-off, until it is stopped.
      http.get(`${HIE}/MedicationRequest`, () => new HttpResponse(null, { status: 503 })),
    );
    const el = await widget();
    expect(el.state).to.equal('error');
    // A request already sent when the widget failed is reported by the mock a little later (Firefox's
    // service-worker messages can lag); the back-off retries would come 300, 600 and 1200 ms apart.
    await new Promise((r) => setTimeout(r, 250));
    const after = hie.urls.length;
    await new Promise((r) => setTimeout(r, 2500));
    expect(hie.urls.slice(after)).to.deep.equal([]);
    expect(sharedRequestsInFlight()).to.equal(0);
  });
});
