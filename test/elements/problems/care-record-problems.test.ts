import { expect } from '@open-wc/testing';
import '../../../src/care-record-problems.js';
import { recordHieRequests } from '../../support/mock-hie.js';
import { describeWidgetStates, itemKeys, renderWidget } from '../../support/widget-states.js';
import { itemByKey as item, parts, shadow, showAll, text } from '../../support/widgets.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';

describeWidgetStates({
  tag: 'care-record-problems',
  noun: 'problems',
  resourceTypes: ['Condition'],
  hidesByDefault: true,
  withheldInRich: true,
  includesNotInR4: ['Condition:recorder'],
});

const CUI_DATE = /\d{2}-[A-Z][a-z]{2}-\d{4}/;

const requests = recordHieRequests().urls;

async function rich(attrs: Record<string, string> = {}) {
  return renderWidget('care-record-problems', MOCK_PATIENT_IDS.rich, attrs);
}

describe('<care-record-problems>', () => {
  it('asks for Conditions once, with their recorders, asserters and sources included', async () => {
    await rich();
    const searches = requests.map((u) => new URL(u)).filter((u) => u.pathname.endsWith('/Condition'));
    expect(searches).to.have.length(1);
    const params = searches[0]!.searchParams;
    expect(params.get('patient')).to.equal(`Patient/${MOCK_PATIENT_IDS.rich}`);
    expect(params.getAll('_include')).to.include.members(['Condition:recorder', 'Condition:asserter']);
    expect(params.getAll('_include:iterate')).to.include.members(['PractitionerRole:organization', 'PractitionerRole:practitioner']);
    expect(params.get('_revinclude')).to.equal('Provenance:target');
    // Never one read per referenced person or organisation.
    expect(requests.every((u) => /\/(Condition|Patient)\?/.test(u))).to.equal(true);
  });

  it('shows current problems by default, counts resolved ones as hidden and never shows refuted or entered-in-error ones', async () => {
    const el = await rich();
    const shown = itemKeys(el);
    expect(shown).to.include.members(['Condition/cond-rich-af', 'Condition/cond-rich-depression', 'Condition/cond-rich-osteoporosis']);
    expect(shown).to.not.include('Condition/cond-rich-gallstones');
    const hidden = text(shadow(el).querySelector('.hidden-count'));
    expect(hidden).to.contain('3 resolved or inactive problems');
    await showAll(el);
    const all = itemKeys(el);
    expect(all).to.have.length(shown.length + 3);
    expect(all).to.include.members(['Condition/cond-rich-gallstones', 'Condition/cond-rich-uti', 'Condition/cond-rich-copd-exacerbation']);
    expect(all).to.not.include('Condition/cond-rich-nstemi-refuted');
    expect(all).to.not.include('Condition/cond-rich-t1dm-error');
    await expect(el).to.be.accessible();
  });

  it('marks unconfirmed, provisional and differential diagnoses in words', async () => {
    const el = await rich();
    const chestPain = item(el, 'Condition/cond-rich-chest-pain');
    expect(text(chestPain.querySelector('.name'))).to.contain('Provisional');
    expect(chestPain.classList.contains('uncertain')).to.equal(true);
    expect(text(item(el, 'Condition/cond-rich-osa').querySelector('.name'))).to.contain('Unconfirmed');
    const confirmed = item(el, 'Condition/cond-rich-af');
    expect(confirmed.classList.contains('uncertain')).to.equal(false);
    expect(confirmed.querySelector('.uncertain-mark')).to.equal(null);
  });

  it('shows status, category, onset, resolution and severity in words', async () => {
    const el = await rich();
    const af = item(el, 'Condition/cond-rich-af');
    expect(text(af.querySelector('.status'))).to.equal('Active');
    expect(text(af.querySelector('.category'))).to.equal('Encounter diagnosis');
    expect(text(af)).to.match(new RegExp(`Onset: ${CUI_DATE.source}`));
    expect(text(item(el, 'Condition/cond-rich-hypertension').querySelector('.category'))).to.equal('Problem list item');
    expect(text(item(el, 'Condition/cond-rich-hypertension'))).to.match(/Onset: \d{4}(?!-)/);
    expect(text(item(el, 'Condition/cond-rich-copd'))).to.contain('Onset: Age 71 years').and.contain('Severity: Moderate');
    expect(text(item(el, 'Condition/cond-rich-knee-oa'))).to.contain('Onset: Since her sixties');
    expect(text(item(el, 'Condition/cond-rich-alzheimers'))).to.contain('Onset: Age 76 years to 78 years');
    expect(text(item(el, 'Condition/cond-rich-t2dm-riverside'))).to.contain('Onset: Not recorded');
    expect(text(item(el, 'Condition/cond-rich-depression').querySelector('.status'))).to.equal('In remission');
    await showAll(el);
    expect(text(item(el, 'Condition/cond-rich-uti'))).to.contain('Resolved: Symptoms settled after antibiotics');
    const gallstones = text(item(el, 'Condition/cond-rich-gallstones'));
    expect(gallstones).to.match(/Onset: [A-Z][a-z]{2}-\d{4} to [A-Z][a-z]{2}-\d{4}/);
    expect(gallstones).to.match(new RegExp(`Resolved: ${CUI_DATE.source}`));
  });

  it('says who recorded each problem, apart from its source', async () => {
    const el = await rich();
    const recorded = (key: string) => text(item(el, key).querySelector('.recorded'));
    expect(recorded('Condition/cond-rich-hypertension')).to.match(new RegExp(`^Recorded by Dr Chidi Okafor, GP partner on ${CUI_DATE.source}$`));
    expect(recorded('Condition/cond-rich-af')).to.contain('Dr Aisha Rahman, Consultant cardiologist');
    expect(recorded('Condition/cond-rich-chest-pain')).to.contain('Sam Whitfield');
    expect(recorded('Condition/cond-rich-falls-risk')).to.contain('reported by Claire Ellwood (daughter)');
    expect(recorded('Condition/cond-rich-osteoporosis')).to.equal('Recorded by person not recorded on date not recorded');
  });

  it('names each source, however the item names it, and never guesses one', async () => {
    const el = await rich();
    const source = (key: string) => text(item(el, key).querySelector('[part~="source"]'));
    expect(source('Condition/cond-rich-hypertension')).to.match(/Riverside Medical Practice.*· GP practice/);
    expect(source('Condition/cond-rich-chest-pain')).to.match(/Capital Ambulance Service.*· Ambulance service/);
    expect(source('Condition/cond-rich-constipation')).to.match(/Riverside Community Health Services.*· Community services/);
    expect(source('Condition/cond-rich-alzheimers')).to.match(/North East London Mental Health Trust.*· Mental health/);
    expect(source('Condition/cond-rich-falls-risk')).to.match(/Adult Social Care.*· Social care/);
    expect(source('Condition/cond-rich-osteoporosis')).to.equal('Source not recorded');
  });

  it('says in words that a problem from the stale batch feed may be out of date', async () => {
    const el = await rich();
    const heartFailure = item(el, 'Condition/cond-rich-heart-failure');
    expect(text(heartFailure.querySelector('[part~="source"]'))).to.contain("St Anselm's");
    const freshness = heartFailure.querySelector('[part~="freshness"]')!;
    expect(freshness.classList.contains('out-of-date')).to.equal(true);
    expect(text(freshness)).to.match(/may be out of date/);
  });

  it('shows the same problem from two sources, each with its own source', async () => {
    const el = await rich();
    const gp = item(el, 'Condition/cond-rich-t2dm-gp');
    const hospital = item(el, 'Condition/cond-rich-t2dm-riverside');
    expect(text(gp.querySelector('[part~="source"]'))).to.contain('Riverside Medical Practice');
    expect(text(hospital.querySelector('[part~="source"]'))).to.contain('Riverside University Hospitals');
    expect(text(gp.querySelector('.also'))).to.equal('Also recorded by Riverside University Hospitals NHS Trust');
    expect(text(hospital.querySelector('.also'))).to.equal('Also recorded by Riverside Medical Practice');
    expect(item(el, 'Condition/cond-rich-af').querySelector('.also')).to.equal(null);
  });

  it('shows sensitivity labels as words', async () => {
    const el = await rich();
    const tags = [...item(el, 'Condition/cond-rich-depression').querySelectorAll('.tag.security')].map((t) => text(t));
    expect(tags).to.deep.equal(['Mental health']);
  });

  it('restricts a section to source types and says so', async () => {
    const el = await rich({ 'source-types': 'gp' });
    await el.updateComplete;
    await showAll(el);
    expect(parts(el, 'item').length).to.be.greaterThan(3);
    for (const s of parts(el, 'source')) expect(text(s)).to.contain('GP practice');
    expect(text(shadow(el).querySelector('[part~="notices"]'))).to.match(/GP practice sources only; \d+ other problems/);
  });

  it('uses no inline styles, so a strict CSP host can embed it', async () => {
    const el = await rich();
    await showAll(el);
    expect(shadow(el).querySelectorAll('[style]')).to.have.length(0);
    expect(shadow(el).querySelectorAll('style')).to.have.length(0);
  });
});
