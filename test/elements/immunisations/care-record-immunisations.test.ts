import { expect } from '@open-wc/testing';
import '../../../src/care-record-immunisations.js';
import { recordHieRequests } from '../../support/mock-hie.js';
import { describeWidgetStates, itemKeys, renderWidget } from '../../support/widget-states.js';
import { itemByKey as item, shadow, showAll, text } from '../../support/widgets.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { RICH_IMMUNISATION_IDS as IDS } from '../../../mocks/data/widgets/immunisations.js';

describeWidgetStates({
  tag: 'care-record-immunisations',
  noun: 'immunisation records',
  resourceTypes: ['Immunization'],
  hidesByDefault: true,
  withheldInRich: true,
});

const CUI_DATE = /\d{2}-[A-Z][a-z]{2}-\d{4}/;
const key = (id: string) => `Immunization/${id}`;
const requests = recordHieRequests().urls;

async function rich() {
  return renderWidget('care-record-immunisations', MOCK_PATIENT_IDS.rich);
}

describe('<care-record-immunisations>', () => {
  it('asks for Immunizations once, with performers, location and sources included', async () => {
    await rich();
    const searches = requests.map((u) => new URL(u)).filter((u) => u.pathname.endsWith('/Immunization'));
    expect(searches).to.have.length(1);
    const params = searches[0]!.searchParams;
    expect(params.getAll('_include')).to.include.members(['Immunization:performer', 'Immunization:location']);
    expect(params.get('_revinclude')).to.equal('Provenance:target');
  });

  it('shows vaccines given, newest first; counts the one not given as hidden; never shows entered-in-error', async () => {
    const el = await rich();
    expect(itemKeys(el)).to.deep.equal(
      [IDS.fluThisYear, IDS.covidBooster, IDS.fluLastYear, IDS.tetanus, IDS.pneumococcal, IDS.childhoodMmr].map(key),
    );
    expect(text(shadow(el).querySelector('.hidden-count'))).to.contain('1 immunisation record not given or with another status');
    await showAll(el);
    const all = itemKeys(el);
    expect(all).to.include(key(IDS.shingles));
    expect(all).to.not.include(key(IDS.wrongPatient));
    const declined = item(el, key(IDS.shingles));
    expect(text(declined.querySelector('.status'))).to.equal('Not given');
    expect(text(declined.querySelector('.not-given-reason'))).to.equal(
      'Not given: Declined by the patient: wishes to discuss with family first',
    );
    await expect(el).to.be.accessible();
  });

  it('shows dose, site, route, batch, who gave it and where, source and freshness', async () => {
    const el = await rich();
    const flu = item(el, key(IDS.fluThisYear));
    expect(text(flu)).to.match(new RegExp(`Date: ${CUI_DATE.source}`));
    expect(text(flu.querySelector('.dose'))).to.equal('Dose 1 (series: Seasonal influenza 2026/27)');
    expect(text(flu)).to.contain('Site: Left upper arm structure');
    expect(text(flu)).to.contain('Route: Intramuscular');
    expect(text(flu)).to.contain('Batch: FLU24-8812A');
    expect(text(flu)).to.contain('Given by: Administering provider: Nurse Jo Patel');
    expect(text(flu)).to.contain('Organisation: Riverside Medical Practice');
    expect(text(flu.querySelector('.origin'))).to.equal('Recorded by the organisation that gave the vaccine.');
    expect(flu.querySelector('[part~="source"]')).to.exist;
    expect(flu.querySelector('[part~="freshness"]')).to.exist;
    // The community vaccination names its source only by a Provenance.
    expect(text(item(el, key(IDS.covidBooster)).querySelector('[part~="source"]'))).to.contain('Riverside Community Health');
  });

  it('shows a date at the precision recorded, and a report from elsewhere as such', async () => {
    const el = await rich();
    const pneumo = item(el, key(IDS.pneumococcal));
    expect(text(pneumo)).to.match(/Date: [A-Z][a-z]{2}-\d{4}/);
    expect(text(pneumo)).to.not.match(new RegExp(`Date: ${CUI_DATE.source}`));
    const mmr = item(el, key(IDS.childhoodMmr));
    expect(text(mmr)).to.match(/Date: 1973\b/);
    expect(text(mmr.querySelector('.origin'))).to.equal(
      'Reported, not recorded by whoever gave it (source of the report: Parent-held child health record (red book)).',
    );
  });
});
