import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import '../../../src/care-record-care-plans.js';
import type { CareRecordCarePlans } from '../../../src/care-record-care-plans.js';
import { recordHieRequests } from '../../support/mock-hie.js';
import { describeWidgetStates } from '../../support/widget-states.js';
import { HIE, fixture, html, itemByKey as item, parts, settled, shadow, showAll, text, validToken } from '../../support/widgets.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { serveSearchset } from '../care-team/serve-searchset.js';

const hie = recordHieRequests();
const requests = (): URL[] => hie.urls.map((u) => new URL(u));

const rich = MOCK_PATIENT_IDS.rich;

async function carePlans(attrs: { patientId?: string; sourceTypes?: string } = {}): Promise<CareRecordCarePlans> {
  const el = await fixture<CareRecordCarePlans>(html`<care-record-care-plans
    base-url=${HIE}
    patient-id=${attrs.patientId ?? rich}
    source-types=${attrs.sourceTypes ?? ''}
    .tokenProvider=${validToken}
  ></care-record-care-plans>`);
  return settled(el);
}

function activities(plan: Element): HTMLElement[] {
  return [...plan.querySelectorAll<HTMLElement>('.activity')];
}

function fact(plan: Element, name: string): string {
  const row = [...plan.querySelectorAll('.facts > div')].find((d) => text(d.querySelector('dt')) === name);
  return text(row?.querySelector('dd'));
}

describeWidgetStates({
  tag: 'care-record-care-plans',
  noun: 'care plans',
  resourceTypes: ['CarePlan'],
  hidesByDefault: true,
  withheldInRich: true,
  includesNotInR4: ['CarePlan:author'],
});

describe('<care-record-care-plans>', () => {
  it('asks for CarePlans once, with their authors and the organisations behind them', async () => {
    await carePlans();
    const searches = requests().filter((u) => u.pathname.endsWith('/CarePlan'));
    expect(searches).to.have.length(1);
    const params = searches[0]!.searchParams;
    expect(params.get('patient')).to.equal(`Patient/${rich}`);
    expect(params.getAll('_include')).to.deep.equal(['CarePlan:author']);
    expect(params.getAll('_include:iterate')).to.include.members(['PractitionerRole:organization', 'PractitionerRole:practitioner']);
    expect(params.get('_revinclude')).to.equal('Provenance:target');
  });

  it('shows a social care plan with title, category, status, period, author, source type and activities', async () => {
    const el = await carePlans();
    const plan = item(el, 'CarePlan/cp-rich-care-and-support');
    expect(text(plan.querySelector('h3'))).to.equal('Care and support plan');
    expect(text(plan.querySelector('.tag.status'))).to.equal('Active');
    expect(text(plan.querySelector('.tag.setting'))).to.equal('Social care');
    expect(text(plan.querySelector('.tag.category'))).to.equal('Care and support plan (Care Act 2014)');
    expect(fact(plan, 'Period')).to.match(/^\d\d-[A-Z][a-z]{2}-\d{4} to \d\d-[A-Z][a-z]{2}-\d{4}$/);
    expect(fact(plan, 'Author')).to.equal('London Borough of Riverside Adult Social Care');
    expect(text(plan.querySelector('[part~="source"]'))).to.match(/Adult Social Care.*· Social care/);

    const list = activities(plan);
    expect(list).to.have.length(5);
    const [homeCare, carers, assessment, , review] = list;
    expect(text(homeCare!.querySelector('.activity-name'))).to.equal('Domiciliary care');
    expect(text(homeCare)).to.contain('Four calls a day: personal care, meals and medication prompts');
    expect(text(homeCare!.querySelector('.activity-status'))).to.equal('In progress');
    expect(text(homeCare!.querySelector('.schedule'))).to.match(/^Scheduled: 4 times a day, from \d\d-[A-Z][a-z]{2}-\d{4}$/);
    expect(text(homeCare)).to.contain('By: Brightwater Home Care Ltd');
    expect(text(carers!.querySelector('.activity-status'))).to.equal('Scheduled');
    expect(text(assessment!.querySelector('.outcome'))).to.equal('Outcome: Eligible for care and support');
    expect(text(review!.querySelector('.activity-name'))).to.equal('Annual review of the care and support plan (appointment request)');
    expect(text(review!.querySelector('.activity-status'))).to.equal('Status not recorded');
    expect(review!.querySelector('.schedule'), 'a linked request carries its own schedule').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the mental health CPA plan with its source type, author role and security labels', async () => {
    const el = await carePlans();
    const plan = item(el, 'CarePlan/cp-rich-cpa');
    expect(text(plan.querySelector('.tag.setting'))).to.equal('Mental health');
    expect(fact(plan, 'Author')).to.equal(
      'Femi Adebayo (Community psychiatric nurse, care coordinator), North East London Mental Health Trust',
    );
    expect(fact(plan, 'Addresses')).to.equal('Depressive disorder');
    expect(fact(plan, 'Note')).to.contain('crisis line');
    expect([...plan.querySelectorAll('.tag.security')].map((t) => text(t))).to.deep.equal(['Mental health', 'Restricted']);
    expect(text(activities(plan)[0]!.querySelector('.schedule'))).to.contain('once every 4 weeks');
  });

  it('hides completed and revoked plans by default, counts them, and marks draft and on-hold plans in words', async () => {
    const el = await carePlans();
    const keys = parts(el, 'item').map((i) => i.dataset['key']);
    expect(keys).to.not.include.members(['CarePlan/cp-rich-reablement']);
    expect(keys).to.not.include('CarePlan/cp-rich-falls-exercise');
    expect(text(shadow(el).querySelector('.hidden-count'))).to.contain('2 completed or revoked care plans');
    for (const [key, words] of [
      ['CarePlan/cp-rich-advance-care', 'Draft'],
      ['CarePlan/cp-rich-copd', 'On hold'],
    ] as const) {
      const tag = item(el, key).querySelector('.tag.status')!;
      expect(text(tag)).to.equal(words);
      expect(tag.classList.contains('attention'), key).to.equal(true);
    }
    await showAll(el);
    expect(text(item(el, 'CarePlan/cp-rich-reablement').querySelector('.tag.status'))).to.equal('Completed');
    expect(text(item(el, 'CarePlan/cp-rich-falls-exercise').querySelector('.tag.status'))).to.equal('Revoked');
    expect(parts(el, 'item').map((i) => i.dataset['key']), 'entered-in-error is never shown').to.not.include(
      'CarePlan/cp-rich-entered-in-error',
    );
  });

  it('says plainly when an activity must not be done', async () => {
    const el = await carePlans();
    const plan = item(el, 'CarePlan/cp-rich-discharge');
    const amlodipine = activities(plan).find((a) => text(a.querySelector('.activity-name')) === 'Amlodipine')!;
    expect(text(amlodipine.querySelector('.do-not-perform'))).to.equal('Do not do');
    expect(text(amlodipine)).to.contain('Do not restart: ankle swelling');
    expect(amlodipine.querySelector('.schedule')).to.equal(null);
    const others = activities(plan).filter((a) => a !== amlodipine);
    for (const other of others) expect(other.querySelector('.do-not-perform')).to.equal(null);
  });

  it('shows the discharge plan from the hospital and from the GP, each with its own source and author', async () => {
    const el = await carePlans();
    const hospital = item(el, 'CarePlan/cp-rich-discharge');
    const gp = item(el, 'CarePlan/cp-rich-discharge-gp-copy');
    expect(text(hospital.querySelector('[part~="source"]'))).to.match(/Riverside University Hospitals.*· Acute hospital/);
    expect(fact(hospital, 'Author')).to.equal('Dr Aisha Rahman (Consultant cardiologist), Riverside University Hospitals NHS Trust');
    expect(text(gp.querySelector('[part~="source"]'))).to.match(/Riverside Medical Practice.*· GP practice/);
    expect(fact(gp, 'Author')).to.equal('Dr Aisha Rahman, consultant cardiologist');
  });

  it('names sources via Provenance, flags the stale feed and says when no source or author is recorded', async () => {
    const el = await carePlans();
    const nursing = item(el, 'CarePlan/cp-rich-community-nursing');
    expect(text(nursing.querySelector('[part~="source"]'))).to.match(/Community Health Services.*· Community services/);
    expect(fact(nursing, 'Author')).to.equal('Bernadette Kelly');
    const stale = item(el, 'CarePlan/cp-rich-copd').querySelector('[part~="freshness"]')!;
    expect(stale.classList.contains('out-of-date')).to.equal(true);
    expect(text(stale)).to.match(/may be out of date/);
    const unsourced = item(el, 'CarePlan/cp-rich-befriending');
    expect(text(unsourced.querySelector('[part~="source"]'))).to.equal('Source not recorded');
    expect(fact(unsourced, 'Author')).to.equal('Not recorded');
  });

  it('restricts a section to social care and mental health plans', async () => {
    const el = await carePlans({ sourceTypes: 'social-care mental-health' });
    const settings = parts(el, 'item').map((i) => text(i.querySelector('.tag.setting')));
    expect(settings.length).to.be.greaterThan(1);
    for (const setting of settings) expect(['Social care', 'Mental health']).to.include(setting);
  });

  it('says "not recorded" for a plan with no title, period, author or activities', async () => {
    serveSearchset(hie.worker, 'CarePlan', [
      { resourceType: 'CarePlan', id: 'bare', status: 'active', intent: 'proposal', subject: { reference: `Patient/${rich}` } } as Resource,
    ]);
    const el = await carePlans();
    const plan = item(el, 'CarePlan/bare');
    expect(text(plan.querySelector('h3'))).to.equal('Care plan title not recorded');
    expect(fact(plan, 'Period')).to.equal('Start not recorded to no end date recorded');
    expect(fact(plan, 'Author')).to.equal('Not recorded');
    expect(text(plan.querySelector('.tag.intent'))).to.equal('Proposal');
    expect(text(plan)).to.contain('No activities recorded');
    expect(text(plan.querySelector('[part~="source"]'))).to.equal('Source not recorded');
    await expect(el).to.be.accessible();
  });

  it('uses no inline styles, so a strict CSP host can show it', async () => {
    const el = await carePlans();
    await showAll(el);
    expect(shadow(el).querySelectorAll('[style]')).to.have.length(0);
  });
});
