import { expect } from '@open-wc/testing';
import '../../../src/index.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { setScenario } from '../../../mocks/scenarios.js';
import { describeWidgetStates, renderWidget } from '../../support/widget-states.js';
import { parts, text } from '../../support/widgets.js';

describeWidgetStates({
  tag: 'care-record-sources',
  noun: 'sources',
  resourceTypes: ['MedicationStatement', 'Condition', 'Observation', 'Encounter', 'DocumentReference'],
  hidesByDefault: false,
  withheldInRich: true,
  includesNotInR4: ['CarePlan:author', 'CareTeam:managing-organization', 'Condition:recorder'],
});

describe('<care-record-sources>', () => {
  it('lists every contributing organisation with its type, feed and what it sent', async () => {
    const el = await renderWidget('care-record-sources', MOCK_PATIENT_IDS.rich);
    const items = parts(el, 'item');
    const names = items.map((i) => text(i.querySelector('[part~="source"]')));
    for (const expected of ['GP practice', 'Acute hospital', 'Ambulance service', 'Social care', 'Community services', 'Out of hours / 111', 'Mental health']) {
      expect(names.some((n) => n.includes(expected)), expected).to.equal(true);
    }
    for (const item of items) expect(text(item)).to.match(/Sent: \d+ |No items received/);
    const gp = items.find((i) => text(i).includes('Riverside Medical Practice'))!;
    expect(text(gp)).to.match(/\d+ medications/);
    expect(text(gp)).to.match(/\d+ problems/);
    await expect(el).to.be.accessible();
  });

  it('says which feed may be out of date', async () => {
    const el = await renderWidget('care-record-sources', MOCK_PATIENT_IDS.rich);
    const stale = parts(el, 'item').find((i) => text(i).includes("St Anselm's"))!;
    expect(text(stale.querySelector('[part~="freshness"]'))).to.match(/may be out of date/i);
  });

  it('puts a source that did not respond first, marked in words', async () => {
    setScenario('source-outage', { patientId: MOCK_PATIENT_IDS.rich });
    const el = await renderWidget('care-record-sources', MOCK_PATIENT_IDS.rich);
    const first = parts(el, 'item')[0]!;
    expect(text(first)).to.contain('Mental Health');
    expect(text(first)).to.match(/did not respond/i);
    setScenario(undefined, { patientId: MOCK_PATIENT_IDS.rich });
  });

  it('counts items whose source was not recorded under their own row', async () => {
    const el = await renderWidget('care-record-sources', MOCK_PATIENT_IDS.rich);
    const unknown = parts(el, 'item').find((i) => text(i.querySelector('[part~="source"]')) === 'Source not recorded');
    expect(unknown, 'a "Source not recorded" row').to.exist;
    expect(text(unknown)).to.match(/Sent: \d+/);
  });
});
