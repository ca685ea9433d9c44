import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { SetupWorker } from 'msw/browser';
import '../../../src/care-record-results.js';
import type { CareRecordResults } from '../../../src/care-record-results.js';
import type { CareRecordLoadDetail } from '../../../src/core/events.js';
import { mockHie } from '../../support/mock-hie.js';
import { describeWidgetStates, itemKeys } from '../../support/widget-states.js';
import { HIE, fixture, html, oneEvent, parts, settled, shadow, text, validToken, waitUntil } from '../../support/widgets.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { resetScenarios } from '../../../mocks/scenarios.js';
import { PATIENCE } from '../../support/patience.js';

describeWidgetStates({
  tag: 'care-record-results',
  noun: 'results',
  resourceTypes: ['DiagnosticReport', 'Observation'],
  hidesByDefault: true,
  withheldInRich: true,
});

let worker: SetupWorker;
let requests: string[] = [];

async function results(patientId: string = MOCK_PATIENT_IDS.rich): Promise<CareRecordResults> {
  const el = await fixture<CareRecordResults>(
    html`<care-record-results base-url=${HIE} patient-id=${patientId} .tokenProvider=${validToken}></care-record-results>`,
  );
  return settled(el);
}

function item(el: Element, key: string): HTMLElement {
  const found = parts(el, 'item').find((i) => i.dataset['key'] === key);
  expect(found, key).to.exist;
  return found!;
}

function toggleOf(row: HTMLElement): HTMLButtonElement {
  return row.querySelector<HTMLButtonElement>('button.toggle-members')!;
}

async function showAll(el: CareRecordResults): Promise<void> {
  shadow(el).querySelector<HTMLButtonElement>('button.show-all')!.click();
  await el.updateComplete;
}

async function chooseStatus(el: CareRecordResults, value: string): Promise<void> {
  const select = shadow(el).querySelector<HTMLSelectElement>('#status-filter')!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('<care-record-results>', () => {
  before(async () => {
    worker = await mockHie();
    worker.events.on('request:start', ({ request }) => {
      if (request.url.startsWith(HIE)) requests.push(request.url);
    });
  });
  beforeEach(() => {
    requests = [];
    resetScenarios();
    worker.resetHandlers();
  });

  it('asks the HIE once per type, with the includes that name sources and report results', async () => {
    await results();
    expect(requests).to.have.length(2);
    const reports = new URL(requests.find((u) => u.includes('/DiagnosticReport?'))!);
    const observations = new URL(requests.find((u) => u.includes('/Observation?'))!);
    expect(reports.searchParams.getAll('_include')).to.have.members(['DiagnosticReport:result', 'DiagnosticReport:performer']);
    expect(observations.searchParams.getAll('_include')).to.have.members(['Observation:performer', 'Observation:has-member']);
    expect(observations.searchParams.get('category')).to.equal('laboratory,vital-signs');
  });

  it('shows each result once: report and panel members inside their panel, not as items of their own', async () => {
    const el = await results();
    const keys = itemKeys(el);
    expect(keys).to.include.members([
      'DiagnosticReport/dr-rich-rvh-ue-8d',
      'Observation/obs-rich-rvh-vitals-8d',
      'Observation/obs-rich-gp-hba1c-35d',
    ]);
    for (const member of ['Observation/dr-rich-rvh-ue-8d-k', 'Observation/obs-rich-rvh-vitals-8d-hr', 'Observation/dr-rich-rvh-fbc-8d-plt']) {
      expect(keys).to.not.include(member);
    }
    expect(new Set(keys).size).to.equal(keys.length);
    expect(item(el, 'Observation/obs-rich-rvh-vitals-8d').dataset['kind']).to.equal('panel');
  });

  it('expands a panel to its members with a button that says whether it is open', async () => {
    const el = await results();
    const row = item(el, 'DiagnosticReport/dr-rich-rvh-ue-8d');
    const button = toggleOf(row);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(text(button)).to.match(/^Show 4 results in Urea and electrolytes$/);
    expect(row.querySelectorAll('.member')).to.have.length(0);
    const controlled = shadow(el).getElementById(button.getAttribute('aria-controls')!);
    expect(controlled, 'aria-controls target').to.exist;

    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(text(button)).to.match(/^Hide 4 results/);
    const members = [...row.querySelectorAll<HTMLElement>('.member')];
    expect(members.map((m) => m.dataset['memberKey'])).to.deep.equal([
      'Observation/dr-rich-rvh-ue-8d-na',
      'Observation/dr-rich-rvh-ue-8d-k',
      'Observation/dr-rich-rvh-ue-8d-creat',
      'Observation/dr-rich-rvh-ue-8d-egfr',
    ]);
    expect(members.every((m) => controlled!.contains(m))).to.equal(true);
    const potassium = text(members[1]);
    expect(potassium).to.contain('6.6 mmol/L');
    expect(potassium).to.contain('Critically high ⚠');
    expect(potassium).to.contain('Range: 3.5 to 5.3 mmol/L');
    await expect(el).to.be.accessible();
  });

  it('opens and closes a panel from the keyboard', async () => {
    const el = await results();
    const row = item(el, 'Observation/obs-rich-rvh-vitals-8d');
    const button = toggleOf(row);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(row.querySelectorAll('.member')).to.have.length(4);
    expect(shadow(el).activeElement).to.equal(button);
    await sendKeys({ press: ' ' }); // the space key; 'Space' is a code that WebDriver BiDi (Firefox) does not accept
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(row.querySelectorAll('.member')).to.have.length(0);
  });

  it('shows flagged values of a collapsed report, so a critical result is never hidden', async () => {
    const el = await results();
    const flagged = text(item(el, 'DiagnosticReport/dr-rich-rvh-ue-8d').querySelector('.flagged'));
    expect(flagged).to.contain('Serum potassium level 6.6 mmol/L, Critically high ⚠');
    expect(flagged).to.contain('Serum sodium level 132 mmol/L, Low ↓');
    expect(text(item(el, 'DiagnosticReport/dr-rich-sta-blood-culture-40d').querySelector('.flagged'))).to.equal(
      'No result here was flagged by the sender.',
    );
  });

  it('shows values with units, comparators, interpretations in words and absent values with their reason', async () => {
    const el = await results();
    const trop = text(item(el, 'Observation/obs-rich-rvh-trop-8d'));
    expect(trop).to.contain('38 ng/L');
    expect(trop).to.contain('High ↑');
    expect(trop).to.contain('Range: up to 14 ng/L');
    expect(text(item(el, 'Observation/obs-rich-rvh-crp-6d'))).to.contain('< 5 mg/L');
    expect(text(item(el, 'Observation/obs-rich-rvh-k-haemolysed-9d'))).to.contain('Not recorded: Sample haemolysed');
    const bp = text(item(el, 'Observation/obs-rich-amb-bp-9d'));
    expect(bp).to.contain('Systolic arterial pressure: 168 mmHg');
    expect(bp).to.contain('Diastolic arterial pressure: 96 mmHg');
    expect(text(item(el, 'Observation/obs-rich-ooh-leucocytes-20d'))).to.contain('Leucocytes ++ Abnormal !');
    // A measured value without a flag or range says so, rather than looking normal.
    expect(text(item(el, 'Observation/obs-rich-gp-weight-35d').querySelector('.measurement'))).to.equal(
      '61.2 kg Interpretation not recorded Range not recorded',
    );
  });

  it('never shows a bare number: a value without a unit says "unit not recorded"', async () => {
    const el = await results();
    const magnesium = item(el, 'Observation/obs-rich-sta-magnesium-40d');
    expect(text(magnesium.querySelector('.measurement'))).to.match(/^0\.62 \(unit not recorded\) Low ↓ Range: 0\.7 to 1$/);
  });

  it('marks amended, corrected and preliminary results in words', async () => {
    const el = await results();
    const fbc = item(el, 'DiagnosticReport/dr-rich-rvh-fbc-8d');
    expect(text(fbc.querySelector('.tag.status'))).to.equal('Amended');
    expect(fbc.querySelector('.tag.status')!.classList.contains('attention')).to.equal(true);
    expect(text(fbc.querySelector('.status-note'))).to.match(/^Amended: this result was changed after it was first issued/);
    const trop = item(el, 'Observation/obs-rich-rvh-trop-8d-3h');
    expect(text(trop.querySelector('.tag.status'))).to.equal('Corrected');
    expect(text(trop)).to.contain('first reported against the wrong sample time');
    const culture = item(el, 'DiagnosticReport/dr-rich-rvh-urine-culture-3d');
    expect(text(culture.querySelector('.tag.status'))).to.equal('Preliminary');
    expect(text(culture.querySelector('.status-note'))).to.equal('Preliminary result: it may change.');
    toggleOf(fbc).click();
    await el.updateComplete;
    const member = (suffix: string) => fbc.querySelector(`[data-member-key="Observation/dr-rich-rvh-fbc-8d-${suffix}"]`);
    expect(text(member('plt')?.querySelector('.tag.status'))).to.equal('Amended');
    expect(text(member('plt'))).to.contain('first reported as 98');
    // An unchanged result in an amended report says so.
    expect(text(member('hb')?.querySelector('.tag.status'))).to.equal('Final');
    const ue = item(el, 'DiagnosticReport/dr-rich-rvh-ue-8d');
    toggleOf(ue).click();
    await el.updateComplete;
    expect(ue.querySelectorAll('.member .tag.status').length, 'members with their final report\'s status').to.equal(0);
  });

  it('hides cancelled tests by default, counts them, and shows them in one click; entered-in-error never', async () => {
    const el = await results();
    const hidden = text(shadow(el).querySelector('.hidden-count'));
    expect(hidden).to.contain('2 items are hidden by your filters: 2 cancelled tests');
    expect(itemKeys(el)).to.not.include('Observation/obs-rich-gp-b12-30d');
    await showAll(el);
    expect(itemKeys(el)).to.include.members(['Observation/obs-rich-gp-b12-30d', 'DiagnosticReport/dr-rich-rvh-lft-8d']);
    expect(text(item(el, 'Observation/obs-rich-gp-b12-30d'))).to.contain('No result: the test was cancelled');
    expect(text(item(el, 'DiagnosticReport/dr-rich-rvh-lft-8d'))).to.contain('Sample haemolysed');
    expect(itemKeys(el)).to.not.include('Observation/obs-rich-gp-weight-eie');
  });

  it('filters to flagged results or cancelled tests and says what it hides', async () => {
    const el = await results();
    await chooseStatus(el, 'flagged');
    const keys = itemKeys(el);
    expect(keys).to.include.members(['DiagnosticReport/dr-rich-rvh-ue-8d', 'Observation/obs-rich-rvh-trop-8d']);
    expect(keys).to.not.include('Observation/obs-rich-gp-tsh-35d');
    expect(text(shadow(el).querySelector('.hidden-count'))).to.match(/\d+ results without a flag/);
    await chooseStatus(el, 'cancelled');
    expect(itemKeys(el)).to.have.members(['Observation/obs-rich-gp-b12-30d', 'DiagnosticReport/dr-rich-rvh-lft-8d']);
    expect(text(shadow(el).querySelector('.hidden-count'))).to.match(/\d+ results that were not cancelled/);
  });

  it('draws a trend for a repeated test once, with an accessible name and a table alternative', async () => {
    const el = await results();
    const charts = parts(el, 'item').filter((i) => i.querySelector('.trend[data-series*="1049301000000100"]'));
    expect(charts.map((c) => c.dataset['key'])).to.deep.equal(['Observation/obs-rich-gp-hba1c-35d']);
    const trend = charts[0]!.querySelector('.trend')!;
    const chart = trend.querySelector('svg')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.match(
      /^HbA1c level \(IFCC standardised\) trend: 4 results from .+; latest 55 mmol\/mol \(High ↑\) on .+; lowest 55 mmol\/mol; highest 62 mmol\/mol\.$/,
    );
    expect(chart.querySelectorAll('circle')).to.have.length(4);
    expect(chart.querySelector('polyline')!.getAttribute('points')!.split(' ')).to.have.length(4);
    const table = trend.querySelector('table')!;
    expect(text(table.querySelector('caption'))).to.contain('HbA1c level (IFCC standardised): results over time');
    expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col', 'col', 'col']);
    expect(table.querySelectorAll('tbody tr'), 'rows are built when the table is opened').to.have.length(0);
    trend.querySelector('details')!.open = true;
    await waitUntil(() => table.querySelectorAll('tbody tr').length > 0, 'table rows not shown when opened', { timeout: PATIENCE });
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).to.have.length(4);
    expect(rows.every((r) => r.querySelector('th')!.getAttribute('scope') === 'row')).to.equal(true);
    expect(text(rows[0])).to.match(/55 mmol\/mol High ↑ Final (Riverside Medical Practice|St Anselm's)/);
    await expect(el).to.be.accessible();
  });

  it('redraws a trend and its open table with the new values after a refresh, never the old ones', async () => {
    const subject = { reference: `Patient/${MOCK_PATIENT_IDS.rich}` };
    const potassium = (id: string, date: string, value: number) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      subject,
      code: { coding: [{ system: 'http://snomed.info/sct', code: '1000651000000109', display: 'Serum potassium level' }] },
      effectiveDateTime: date,
      valueQuantity: { value, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
    });
    const serve = (observations: Record<string, unknown>[]) => {
      const bundle = (type: string, matches: Record<string, unknown>[]) =>
        HttpResponse.json(
          {
            resourceType: 'Bundle',
            type: 'searchset',
            total: matches.length,
            entry: matches.map((resource) => ({ fullUrl: `${HIE}/${type}/${String(resource['id'])}`, resource, search: { mode: 'match' } })),
          },
          { headers: { 'Content-Type': 'application/fhir+json' } },
        );
      worker.use(
        http.get(`${HIE}/DiagnosticReport`, () => bundle('DiagnosticReport', [])),
        http.get(`${HIE}/Observation`, () => bundle('Observation', observations)),
      );
    };
    const label = (el: CareRecordResults) => shadow(el).querySelector('svg.sparkline')!.getAttribute('aria-label')!;
    const tableText = (el: CareRecordResults) => text(shadow(el).querySelector('.trend table tbody'));

    serve([potassium('k1', '2026-01-01', 4.1), potassium('k2', '2026-02-01', 4.6)]);
    const el = await results();
    expect(label(el)).to.contain('latest 4.6 mmol/L');
    shadow(el).querySelector<HTMLDetailsElement>('.trend details')!.open = true;
    await waitUntil(() => tableText(el).includes('4.6 mmol/L'), 'table not shown', { timeout: PATIENCE });

    serve([potassium('k1', '2026-01-01', 4.1), potassium('k2', '2026-02-01', 7.2)]);
    const loaded = oneEvent(el, 'care-record-load');
    el.refresh();
    await loaded;
    await el.updateComplete;
    expect(label(el)).to.contain('latest 7.2 mmol/L');
    expect(label(el)).to.not.contain('4.6');
    // The list is built anew after the loading state, so the table starts closed again.
    shadow(el).querySelector<HTMLDetailsElement>('.trend details')!.open = true;
    await waitUntil(() => tableText(el).includes('7.2 mmol/L'), 'table shows the old values', { timeout: PATIENCE });
    expect(tableText(el)).to.not.contain('4.6');
  });

  it('draws trends for panel members from every report that has them', async () => {
    const el = await results();
    const row = item(el, 'DiagnosticReport/dr-rich-rvh-ue-6d');
    toggleOf(row).click();
    await el.updateComplete;
    const potassium = row.querySelector('[data-member-key="Observation/dr-rich-rvh-ue-6d-k"]')!;
    const label = potassium.querySelector('svg.sparkline')!.getAttribute('aria-label')!;
    expect(label).to.match(/^Serum potassium level trend: 5 results/);
    expect(label).to.contain('latest 5 mmol/L');
    expect(label).to.contain('previous 6.6 mmol/L');
    expect(label).to.contain('highest 6.6 mmol/L');
  });

  it('uses no inline styles, so it works under a strict style-src policy', async () => {
    const el = await results();
    for (const row of ['DiagnosticReport/dr-rich-rvh-ue-8d', 'Observation/obs-rich-rvh-vitals-8d']) {
      toggleOf(item(el, row)).click();
    }
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[style]')).to.have.length(0);
    expect(shadow(el).querySelectorAll('style')).to.have.length(0);
  });

  it('names each source however it was given, and says when none was', async () => {
    const el = await results();
    const source = (key: string) => text(item(el, key).querySelector('[part~="source"]'));
    expect(source('Observation/obs-rich-amb-bp-9d')).to.match(/Capital Ambulance Service.*· Ambulance service/);
    expect(source('Observation/obs-rich-com-glucose-2d')).to.match(/Riverside Community Health Services.*· Community services/);
    expect(source('DiagnosticReport/dr-rich-rvh-ue-8d')).to.match(/Riverside University Hospitals.*· Acute hospital/);
    expect(source('Observation/obs-rich-nosource-temp-1d')).to.equal('Source not recorded');
    const stale = item(el, 'DiagnosticReport/dr-rich-sta-ue-40d').querySelector('[part~="freshness"]')!;
    expect(stale.classList.contains('out-of-date')).to.equal(true);
    expect(text(stale)).to.match(/may be out of date/i);
  });

  it('shows the same result from two sources, each with its own source', async () => {
    const el = await results();
    const gp = item(el, 'Observation/obs-rich-gp-hba1c-35d');
    const hospital = item(el, 'Observation/obs-rich-sta-hba1c-35d');
    expect(text(gp.querySelector('.measurement'))).to.equal(text(hospital.querySelector('.measurement')));
    expect(text(gp.querySelector('[part~="source"]'))).to.contain('Riverside Medical Practice');
    expect(text(hospital.querySelector('[part~="source"]'))).to.contain("St Anselm's");
  });

  it('shows security labels, times in 24-hour CUI style and "Not recorded" for a missing time', async () => {
    const el = await results();
    const sodium = item(el, 'Observation/obs-rich-mh-sodium-60d');
    expect(text(sodium.querySelector('.tag.security'))).to.equal('Restricted');
    expect(text(sodium)).to.match(/Taken: \d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d/);
    const report = item(el, 'DiagnosticReport/dr-rich-rvh-ue-8d');
    expect(text(report)).to.match(/Issued: \d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d/);
  });

  it('fires care-record-load with both types, the withheld count and the hidden cancelled tests', async () => {
    const load = oneEvent(document.body, 'care-record-load');
    const el = await results();
    const detail: CareRecordLoadDetail = (await load).detail;
    expect(detail.resourceTypes).to.have.members(['DiagnosticReport', 'Observation']);
    expect(detail.withheld).to.equal(2);
    expect(detail.hiddenByFilters).to.equal(2);
    expect(detail.shown).to.equal(itemKeys(el).length);
    expect(detail.sources.length).to.be.greaterThan(6);
  });

  it('lists a large record of hundreds of results fast, virtualised', async () => {
    const load = oneEvent(document.body, 'care-record-load');
    const el = await results(MOCK_PATIENT_IDS.large);
    const detail: CareRecordLoadDetail = (await load).detail;
    expect(detail.shown + detail.hiddenByFilters).to.be.greaterThan(300);
    expect(detail.shown).to.be.greaterThan(detail.hiddenByFilters * 10);
    shadow(el).querySelector('ul.items')!.scrollIntoView();
    await waitUntil(() => parts(el, 'item').length > 0, 'virtual list rendered nothing', { timeout: PATIENCE });
    expect(parts(el, 'item').length).to.be.lessThan(100);
    for (const i of parts(el, 'item')) expect(i.querySelector('[part~="source"]')).to.exist;
  });
});
