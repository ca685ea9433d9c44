import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { recordHieRequests } from '../support/mock-hie.js';
import { MOCK_PATIENT_IDS } from '../../mocks/patients.js';
import { HIE, fixture, html, settled, shadow, text, validToken } from '../support/widgets.js';

recordHieRequests();

/** A widget that stops at `max-entries` says so in its signal lines, with how many there are. */
describe('the paging cap (max-entries) is said on screen', () => {
  it('says "Showing the first N of M" when a search is cut short at the cap', async () => {
    const el = await fixture<HTMLElement>(html`<care-record-medications
      base-url=${HIE}
      patient-id=${MOCK_PATIENT_IDS.large}
      max-entries="200"
      .tokenProvider=${validToken}
    ></care-record-medications>`);
    await settled(el);
    const signals = text(shadow(el).querySelector('[part~="notices"]'));
    expect(signals).to.match(/Showing the first 200 of [\d,]+/);
  });
});
