import { expect } from '@open-wc/testing';
import '../../../src/care-record-encounters.js';
import type { CareRecordEncounters } from '../../../src/care-record-encounters.js';
import type { CareRecordLoadDetail } from '../../../src/core/events.js';
import { hieRequestsDuring, mockHie } from '../../support/mock-hie.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { resetScenarios } from '../../../mocks/scenarios.js';
import { LARGE_ENCOUNTER_COUNT } from '../../../mocks/data/widgets/encounters/large-encounters.js';
import { describeWidgetStates, itemKeys, itShowsALongListAsAScrollingPanel, renderWidget } from '../../support/widget-states.js';
import { chooseView, itemByKey, oneEvent, parts, shadow, showAll, text } from '../../support/widgets.js';

describeWidgetStates({
  tag: 'care-record-encounters',
  noun: 'encounters',
  resourceTypes: ['Encounter'],
  hidesByDefault: true,
  withheldInRich: true,
});

async function rich(): Promise<CareRecordEncounters> {
  return (await renderWidget('care-record-encounters', MOCK_PATIENT_IDS.rich)) as unknown as CareRecordEncounters;
}

function item(el: Element, id: string): HTMLElement {
  return itemByKey(el, `Encounter/${id}`, id);
}

describe('<care-record-encounters>', () => {
  before(() => mockHie());
  beforeEach(async () => {
    resetScenarios();
    (await mockHie()).resetHandlers();
  });

  it('shows every contact that took place, newest first, and counts planned and cancelled ones as hidden', async () => {
    const el = await rich();
    const keys = itemKeys(el);
    expect(keys.slice(0, 5)).to.deep.equal([
      'Encounter/enc-rich-district-nurse-2',
      'Encounter/enc-rich-admission-af',
      'Encounter/enc-rich-ed-chest-pain',
      'Encounter/enc-rich-ed-chest-pain-gp-record',
      'Encounter/enc-rich-ambulance-chest-pain',
    ]);
    expect(keys).to.not.include('Encounter/enc-rich-cardioversion-planned');
    expect(keys).to.not.include('Encounter/enc-rich-respiratory-cancelled');
    expect(text(shadow(el).querySelector('.hidden-count'))).to.contain('2 items are hidden by your filters: 2 planned or cancelled encounters');
    await showAll(el);
    expect(itemKeys(el)).to.include.members(['Encounter/enc-rich-cardioversion-planned', 'Encounter/enc-rich-respiratory-cancelled']);
    expect(itemKeys(el)).to.not.include('Encounter/enc-rich-entered-in-error');
    expect(text(item(el, 'enc-rich-respiratory-cancelled').querySelector('.status'))).to.equal('Cancelled');
    expect(item(el, 'enc-rich-respiratory-cancelled').querySelector('.status.attention')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('names the class in words and gives the period in CUI dates and 24-hour times', async () => {
    const el = await rich();
    const cui = String.raw`\d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2}`;
    const ambulance = item(el, 'enc-rich-ambulance-chest-pain');
    expect(text(ambulance.querySelector('.tag.class'))).to.equal('Ambulance or on scene (field)');
    expect(text(ambulance)).to.match(new RegExp(`When: ${cui} to \\d{2}:\\d{2}`));
    expect(text(item(el, 'enc-rich-111-call').querySelector('.tag.class'))).to.equal('Telephone or video (virtual)');
    expect(text(item(el, 'enc-rich-ed-chest-pain').querySelector('.tag.class'))).to.equal('Emergency');
    const admission = item(el, 'enc-rich-admission-af');
    expect(text(admission)).to.match(new RegExp(`When: ${cui} to ${cui}`));
    expect(admission.querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('shows an admission with its length of stay, locations, admission method and discharge destination', async () => {
    const el = await rich();
    const admission = text(item(el, 'enc-rich-admission-af'));
    expect(admission).to.contain('Emergency hospital admission');
    expect(admission).to.contain('Inpatient admission');
    expect(admission).to.contain('Length of stay: 6 days');
    expect(admission).to.contain('Location: Acute Medical Unit, Riverside General Hospital then Ward 7B (Cardiology), Riverside General Hospital');
    expect(admission).to.contain('Admission: Emergency Admission: Emergency Care Department');
    expect(admission).to.contain('Discharge: Discharge to home');
    expect(text(item(el, 'enc-rich-ed-chest-pain'))).to.contain('Discharge: Discharge to ward');
  });

  it('says "not recorded" rather than leaving a gap', async () => {
    const el = await rich();
    expect(text(item(el, 'enc-rich-ed-chest-pain-gp-record'))).to.contain('Discharge: Discharge destination not recorded');
    expect(text(item(el, 'enc-rich-111-call'))).to.contain('Location: Location not recorded');
    expect(text(item(el, 'enc-rich-walk-in').querySelector('[part~="source"]'))).to.equal('Source not recorded');
  });

  it('names the source whichever way the item names it, and says a stale batch feed may be out of date', async () => {
    const el = await rich();
    const source = (id: string) => text(item(el, id).querySelector('[part~="source"]'));
    expect(source('enc-rich-ambulance-chest-pain')).to.match(/Capital Ambulance Service NHS Trust · Ambulance service/);
    expect(source('enc-rich-district-nurse-1')).to.match(/Riverside Community Health Services · Community services/);
    expect(source('enc-rich-111-call')).to.match(/111 and Out of Hours.*· Out of hours \/ 111/);
    expect(source('enc-rich-social-care-assessment')).to.match(/Adult Social Care · Social care/);
    const stale = item(el, 'enc-rich-admission-copd');
    expect(source('enc-rich-admission-copd')).to.contain("St Anselm's");
    expect(text(stale.querySelector('[part~="freshness"]'))).to.match(/may be out of date/);
    expect(stale.querySelector('[part~="freshness"].out-of-date')).to.exist;
    expect(item(el, 'enc-rich-admission-af').querySelector('[part~="freshness"].out-of-date')).to.equal(null);
  });

  it('says when another source sent the same contact', async () => {
    const el = await rich();
    expect(text(item(el, 'enc-rich-ed-chest-pain'))).to.contain('Also reported by: Riverside Medical Practice');
    expect(text(item(el, 'enc-rich-ed-chest-pain-gp-record'))).to.contain('Also reported by: Riverside University Hospitals NHS Trust');
    expect(text(item(el, 'enc-rich-ambulance-chest-pain'))).to.not.contain('Also reported by');
    expect(text(item(el, 'enc-rich-ambulance-chest-pain'))).to.contain('Outcome: Conveyed to Emergency Department');
  });

  it('marks mental-health contacts with their security label', async () => {
    const el = await rich();
    expect(text(item(el, 'enc-rich-memory-service').querySelector('.tag.security'))).to.equal('Mental health');
  });

  it('filters by kind of contact and says what the view hides', async () => {
    const el = await rich();
    await chooseView(el, 'admissions');
    const admissions = parts(el, 'item');
    expect(admissions.map((i) => i.dataset['key'])).to.have.members(['Encounter/enc-rich-admission-af', 'Encounter/enc-rich-admission-copd']);
    expect(text(shadow(el).querySelector('.hidden-count'))).to.match(/\d+ encounters outside "Admissions"/);
    await chooseView(el, 'emergency');
    expect(parts(el, 'item').map((i) => i.dataset['class'])).to.have.members(['EMER', 'EMER', 'FLD']);
    await chooseView(el, 'virtual');
    expect(itemKeys(el)).to.deep.equal(['Encounter/enc-rich-111-call']);
    await chooseView(el, 'outpatient');
    expect(parts(el, 'item').every((i) => ['AMB', 'HH'].includes(i.dataset['class']!))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('can be a section for ambulance and 111 / out-of-hours contacts only, saying what it leaves out', async () => {
    const el = await renderWidget('care-record-encounters', MOCK_PATIENT_IDS.rich, { 'source-types': 'ambulance out-of-hours' });
    await (el as unknown as CareRecordEncounters).updateComplete;
    expect(itemKeys(el)).to.deep.equal([
      'Encounter/enc-rich-ambulance-chest-pain',
      'Encounter/enc-rich-ooh-gp',
      'Encounter/enc-rich-111-call',
    ]);
    expect(text(shadow(el).querySelector('[part~="notices"]'))).to.match(/Ambulance service, Out of hours \/ 111 sources only; \d+ other encounters/);
  });

  it('sends one Encounter search with the service provider included, never a read per reference', async () => {
    const urls = await hieRequestsDuring(rich);
    expect(urls.map((u) => u.pathname)).to.deep.equal(['/fhir/Encounter']);
    expect(urls[0]!.searchParams.get('patient')).to.equal(`Patient/${MOCK_PATIENT_IDS.rich}`);
    expect(urls[0]!.searchParams.getAll('_include')).to.deep.equal(['Encounter:service-provider', 'Encounter:location']);
    expect(urls[0]!.searchParams.get('status')).to.equal(null);
  });

  itShowsALongListAsAScrollingPanel('care-record-encounters');

  it('loads the large record over several pages with most contacts in the default view', async () => {
    const load = oneEvent(document.body, 'care-record-load');
    await renderWidget('care-record-encounters', MOCK_PATIENT_IDS.large);
    const detail: CareRecordLoadDetail = (await load).detail;
    expect(detail.shown + detail.hiddenByFilters).to.equal(LARGE_ENCOUNTER_COUNT);
    expect(detail.shown).to.be.greaterThan(LARGE_ENCOUNTER_COUNT * 0.9);
    expect(detail.truncated).to.equal(false);
  });
});
