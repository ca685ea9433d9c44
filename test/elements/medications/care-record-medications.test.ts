import { expect } from '@open-wc/testing';
import { http } from 'msw';
import '../../../src/index.js';
import type { CareRecordMedications } from '../../../src/classes.js';
import type { CareRecordLoadDetail, CareRecordViewDetail } from '../../../src/core/events.js';
import { recordHieRequests } from '../../support/mock-hie.js';
import { MOCK_PATIENT_IDS, MOCK_PATIENTS } from '../../../mocks/patients.js';
import { setScenario, type MockScenario } from '../../../mocks/scenarios.js';
import { describeWidgetStates } from '../../support/widget-states.js';
import { HIE, fixture, html, oneEvent, parts, settled, shadow, text, validToken, waitUntil } from '../../support/widgets.js';
import { PATIENCE } from '../../support/patience.js';

const hie = recordHieRequests();
const requests = hie.urls;

const rich = MOCK_PATIENTS.find((p) => p.id === MOCK_PATIENT_IDS.rich)!;

async function medications(attrs: {
  patientId?: string;
  nhsNumber?: string;
  token?: (opts: { forceRefresh: boolean }) => string | Promise<string>;
  sourceTypes?: string;
}): Promise<CareRecordMedications> {
  const el = await fixture<CareRecordMedications>(html`<care-record-medications
    base-url=${HIE}
    patient-id=${attrs.patientId ?? ''}
    nhs-number=${attrs.nhsNumber ?? ''}
    source-types=${attrs.sourceTypes ?? ''}
    .tokenProvider=${attrs.token ?? validToken}
  ></care-record-medications>`);
  return settled(el);
}

function itemKeys(el: Element): string[] {
  return parts(el, 'item').map((i) => i.dataset['key']!);
}

function showAll(el: Element): HTMLButtonElement | null {
  return shadow(el).querySelector<HTMLButtonElement>('button.show-all');
}

describeWidgetStates({
  tag: 'care-record-medications',
  noun: 'medications',
  resourceTypes: ['MedicationStatement', 'MedicationRequest'],
  hidesByDefault: true,
  withheldInRich: true,
});

describe('<care-record-medications>', () => {
  it('shows the rich record with the source and freshness of every item', async () => {
    const el = await medications({ patientId: rich.id });
    expect(el.state).to.equal('ready');
    const items = parts(el, 'item');
    expect(items.length).to.be.greaterThan(5);
    for (const item of items) {
      expect(item.querySelector('[part~="source"]'), item.dataset['key']).to.exist;
      expect(item.querySelector('[part~="freshness"]'), item.dataset['key']).to.exist;
    }
    await expect(el).to.be.accessible();
  });

  it('groups the same medicine reported by two sources, each with its own source', async () => {
    const el = await medications({ patientId: rich.id });
    const group = [...shadow(el).querySelectorAll<HTMLElement>('.group')].find((g) =>
      text(g.querySelector('h3')).toLowerCase().includes('omeprazole'),
    )!;
    expect(group, 'omeprazole group').to.exist;
    const reports = parts(el, 'item').filter((i) => i.dataset['group'] === group.dataset['group']);
    const sources = reports.map((r) => text(r.querySelector('[part~="source"]')));
    expect(sources).to.have.length(2);
    expect(new Set(sources).size).to.equal(2);
    expect(text(group)).to.contain('Reported by 2 sources');
  });

  it('says in words that a stale batch feed may be out of date', async () => {
    const el = await medications({ patientId: rich.id });
    showAll(el)!.click();
    await el.updateComplete;
    const stale = parts(el, 'freshness').filter((f) => f.classList.contains('out-of-date'));
    expect(stale.length).to.be.greaterThan(0);
    for (const f of stale) expect(text(f)).to.match(/may be out of date/i);
    const staleItem = stale[0]!.closest('[part~="item"]')!;
    expect(text(staleItem.querySelector('[part~="source"]'))).to.contain("St Anselm's");
  });

  it('names sources given only by meta.source or by a Provenance, with their type', async () => {
    const el = await medications({ patientId: rich.id });
    showAll(el)!.click();
    await el.updateComplete;
    const sourceOf = (key: string) =>
      text(parts(el, 'item').find((i) => i.dataset['key'] === key)?.querySelector('[part~="source"]'));
    expect(sourceOf('MedicationStatement/ms-rich-gtn-spray')).to.match(/Ambulance.*· Ambulance service/);
    expect(sourceOf('MedicationStatement/ms-rich-sertraline')).to.match(/Mental Health.*· Mental health/);
    expect(sourceOf('MedicationRequest/mr-rich-apixaban')).to.match(/Riverside University Hospitals.*· Acute hospital/);
  });

  it('says "Source not recorded" when nothing names a source, never a guess', async () => {
    const el = await medications({ patientId: rich.id });
    const unnamed = parts(el, 'source').filter((s) => text(s) === 'Source not recorded');
    expect(unnamed.length).to.be.greaterThan(0);
  });

  /** The rich record under `scenario` shows the same items, sources and messages as normally. */
  async function expectSameRecordUnder(scenario: MockScenario): Promise<void> {
    const sourcesOf = (el: Element) => parts(el, 'item').map((i) => `${i.dataset['key']} ${text(i.querySelector('[part~="source"]'))}`);
    const normal = await medications({ patientId: rich.id });
    const expected = sourcesOf(normal);
    const messages = parts(normal, 'status').map(text);
    normal.remove();
    setScenario(scenario, { patientId: rich.id });
    const el = await medications({ patientId: rich.id });
    expect(el.state).to.equal('ready');
    expect(sourcesOf(el)).to.deep.equal(expected);
    expect(parts(el, 'status').map(text)).to.deep.equal(messages);
  }

  it('names the same sources when the HIE leaves out search.mode, and reports nothing skipped', async () => {
    await expectSameRecordUnder('no-search-mode');
  });

  it('names the same sources when the HIE pages the includes apart ($includes), with no notice left over', async () => {
    await expectSameRecordUnder('capped-includes');
    expect(requests.some((u) => u.includes('/$includes'))).to.equal(true);
  });

  it('states the items withheld at source', async () => {
    const el = await medications({ patientId: rich.id });
    const notices = shadow(el).querySelector('[part~="notices"]');
    expect(text(notices)).to.match(/withheld/i);
  });

  it('hides past medications by default, says how many, and shows them all in one click', async () => {
    const el = await medications({ patientId: rich.id });
    const before = itemKeys(el);
    // The count is a safety signal: in part="status", outside the filter form (closed by default).
    const hiddenText = text(shadow(el).querySelector('[part~="status"] .hidden-count'));
    const hidden = Number(/(\d+) items? (is|are) hidden/.exec(hiddenText)?.[1]);
    expect(hidden).to.be.greaterThan(0);
    expect(hiddenText).to.contain('past medication');

    showAll(el)!.click();
    await el.updateComplete;
    const after = itemKeys(el);
    expect(after.length).to.equal(before.length + hidden);
    expect(shadow(el).querySelector('.hidden-count')).to.equal(null);
    expect(after).not.to.include('MedicationStatement/ms-rich-simvastatin');
    await expect(el).to.be.accessible();
  });

  it('counts items hidden by the date and source filters too', async () => {
    const el = await medications({ patientId: rich.id });
    showAll(el)!.click();
    await el.updateComplete;
    const all = itemKeys(el).length;
    const from = shadow(el).querySelector<HTMLInputElement>('#from-filter')!;
    from.value = new Date(Date.now() - 30 * 864e5).toISOString().slice(0, 10);
    from.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const shown = itemKeys(el).length;
    expect(shown).to.be.lessThan(all);
    expect(text(shadow(el).querySelector('.hidden-count'))).to.contain(`${all - shown} outside the chosen dates`);
    showAll(el)!.click();
    await el.updateComplete;
    expect(itemKeys(el)).to.have.length(all);
  });

  it('restricts a section to source types and says so', async () => {
    const el = await medications({ patientId: rich.id, sourceTypes: 'gp' });
    showAll(el)!.click();
    await el.updateComplete;
    for (const s of parts(el, 'source')) expect(text(s)).to.contain('GP practice');
    expect(text(shadow(el).querySelector('[part~="notices"]'))).to.match(/GP practice sources only; \d+ other/);
  });

  it('follows a change of section after loading, without fetching again', async () => {
    const el = await medications({ patientId: rich.id });
    showAll(el)!.click();
    await el.updateComplete;
    const everyItem = itemKeys(el);
    const sent = requests.length;
    el.setAttribute('source-types', 'gp');
    await el.updateComplete;
    const gpOnly = itemKeys(el);
    expect(gpOnly.length).to.be.greaterThan(0).and.lessThan(everyItem.length);
    for (const s of parts(el, 'source')) expect(text(s)).to.contain('GP practice');
    el.removeAttribute('source-types');
    await el.updateComplete;
    expect(itemKeys(el)).to.deep.equal(everyItem);
    expect(requests.length).to.equal(sent);
  });

  it('finds the patient by NHS number', async () => {
    const el = await medications({ nhsNumber: rich.nhsNumber });
    expect(el.state).to.equal('ready');
    expect(requests.some((u) => u.includes('identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9990000018') || u.includes('identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018'))).to.equal(true);
  });

  it('refuses an invalid NHS number without sending any request', async () => {
    const error = oneEvent(document.body, 'care-record-error');
    const el = await fixture<CareRecordMedications>(html`<care-record-medications
      base-url=${HIE}
      nhs-number="9991234567"
      .tokenProvider=${validToken}
    ></care-record-medications>`);
    const { detail } = await error;
    await settled(el);
    expect(detail.kind).to.equal('invalid-input');
    expect(el.state).to.equal('error');
    expect(text(parts(el, 'status')[0])).to.contain('NHS number is not valid');
    expect(requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('is unauthorized, without sending a request, when there is no token', async () => {
    const auth = oneEvent(document.body, 'care-record-auth-required');
    const el = await medications({ patientId: rich.id, token: () => '' });
    await auth;
    expect(el.state).to.equal('unauthorized');
    expect(requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('refreshes an expired token once, and is unauthorized when the HIE still refuses it', async () => {
    const calls: boolean[] = [];
    const el = await medications({
      patientId: rich.id,
      token: ({ forceRefresh }) => {
        calls.push(forceRefresh);
        return 'expired-token';
      },
    });
    expect(el.state).to.equal('unauthorized');
    expect(calls.filter(Boolean).length).to.be.greaterThan(0);
    expect(calls.filter(Boolean).length).to.be.at.most(calls.filter((c) => !c).length);
  });

  it('recovers when the refreshed token is accepted', async () => {
    const el = await medications({
      patientId: rich.id,
      token: ({ forceRefresh }) => (forceRefresh ? 'demo-refreshed-token' : 'expired-token'),
    });
    expect(el.state).to.equal('ready');
  });

  it('reports an HTML page sent with status 200 as an unreadable response', async () => {
    setScenario('html-200', { patientId: MOCK_PATIENT_IDS.badHie });
    const error = oneEvent(document.body, 'care-record-error');
    const el = await medications({ patientId: MOCK_PATIENT_IDS.badHie });
    expect((await error).detail.kind).to.equal('invalid-response');
    expect(el.state).to.equal('error');
    expect(text(parts(el, 'status')[0])).to.contain('could not be loaded');
    await expect(el).to.be.accessible();
  });

  it('reports a server error with its OperationOutcome text, and can try again', async () => {
    setScenario('error-500', { patientId: rich.id });
    const el = await medications({ patientId: rich.id });
    expect(el.state).to.equal('error');
    expect(text(parts(el, 'status')[0])).to.contain('HTTP 500');
    setScenario(undefined, { patientId: rich.id });
    shadow(el).querySelector<HTMLButtonElement>('button.retry')!.click();
    await waitUntil(() => el.state === 'ready', 'retry did not load', { timeout: PATIENCE });
  });

  it('says the HIE timed out when it does not answer within request-timeout', async () => {
    const hang = () => new Promise<Response>(() => undefined);
    hie.worker.use(http.get(`${HIE}/MedicationStatement`, hang), http.get(`${HIE}/MedicationRequest`, hang));
    const error = oneEvent(document.body, 'care-record-error');
    const el = await fixture<CareRecordMedications>(html`<care-record-medications base-url=${HIE} patient-id=${rich.id} request-timeout="300" .tokenProvider=${validToken}></care-record-medications>`);
    expect((await error).detail.kind).to.equal('timeout');
    await settled(el);
    expect(el.state).to.equal('error');
    expect(text(parts(el, 'status')[0])).to.contain('did not respond in time');
    await expect(el).to.be.accessible();
  });

  it('one failing widget leaves the others on the page working', async () => {
    setScenario('malformed-json', { patientId: MOCK_PATIENT_IDS.badHie });
    const page = await fixture(html`<div>
      <care-record-medications base-url=${HIE} patient-id=${MOCK_PATIENT_IDS.badHie} .tokenProvider=${validToken}></care-record-medications>
      <care-record-medications base-url=${HIE} patient-id=${rich.id} .tokenProvider=${validToken}></care-record-medications>
    </div>`);
    const [bad, good] = [...page.querySelectorAll('care-record-medications')];
    await settled(bad!, 8000);
    await settled(good!, 8000);
    expect(bad!.state).to.equal('error');
    expect(good!.state).to.equal('ready');
  });

  it('says when the paging cap cut the list, and keeps a long list fast', async () => {
    const el = await medications({ patientId: MOCK_PATIENT_IDS.large });
    expect(el.state).to.equal('ready');
    expect(text(shadow(el).querySelector('[part~="notices"]'))).to.match(/first 1,?000 of 1,?\d{3}/);
    // The list is virtualised: only the reports within the viewport are in the DOM.
    shadow(el).querySelector('ul.items')!.scrollIntoView();
    await waitUntil(() => parts(el, 'item').length > 0, 'virtual list rendered nothing', { timeout: PATIENCE });
    expect(shadow(el).querySelectorAll('.group').length).to.be.greaterThan(0);
    expect(parts(el, 'item').length).to.be.lessThan(100);
    for (const item of parts(el, 'item')) expect(item.querySelector('[part~="source"]')).to.exist;
  });

  it('fires care-record-load and care-record-view with this patient only', async () => {
    const views: CareRecordViewDetail[] = [];
    const onView = (e: Event) => views.push((e as CustomEvent<CareRecordViewDetail>).detail);
    document.body.addEventListener('care-record-view', onView);
    const load = oneEvent(document.body, 'care-record-load');
    const el = await medications({ patientId: rich.id });
    const detail: CareRecordLoadDetail = (await load).detail;
    document.body.removeEventListener('care-record-view', onView);
    expect(detail.patient).to.equal(`Patient/${rich.id}`);
    expect(detail.resourceTypes).to.have.members(['MedicationStatement', 'MedicationRequest']);
    expect(detail.shown).to.equal(itemKeys(el).length);
    expect(detail.hiddenByFilters).to.be.greaterThan(0);
    expect(detail.withheld).to.equal(2);
    expect(detail.sources.length).to.be.greaterThan(3);
    const last = views.at(-1)!;
    expect(last.patient).to.equal(`Patient/${rich.id}`);
    expect(last.resources).to.have.members(itemKeys(el));
  });

  it('shows when the data was retrieved and fetches afresh on Refresh', async () => {
    const el = await medications({ patientId: rich.id });
    expect(text(shadow(el).querySelector('.retrieved'))).to.match(/Retrieved \d\d:\d\d/);
    const before = requests.length;
    shadow(el).querySelector<HTMLButtonElement>('button.refresh')!.click();
    await waitUntil(() => requests.length > before, 'no new request', { timeout: PATIENCE });
    await settled(el);
    expect(el.state).to.equal('ready');
  });

  it('aborts its requests when it leaves the page', async () => {
    const hang = () => new Promise<Response>(() => undefined);
    hie.worker.use(http.get(`${HIE}/MedicationStatement`, hang), http.get(`${HIE}/MedicationRequest`, hang));
    const signals: AbortSignal[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      if (init?.signal) signals.push(init.signal);
      return realFetch(input, init);
    };
    try {
      const el = await fixture<CareRecordMedications>(html`<care-record-medications base-url=${HIE} patient-id=${rich.id} .tokenProvider=${validToken}></care-record-medications>`);
      await waitUntil(() => signals.length >= 2, 'no requests', { timeout: PATIENCE });
      expect(signals.some((s) => s.aborted)).to.equal(false);
      el.remove();
      await waitUntil(() => signals.every((s) => s.aborted), 'a request was not aborted', { timeout: PATIENCE });
    } finally {
      window.fetch = realFetch;
    }
  });

  it('shares the provider configuration, and its own attributes override it', async () => {
    const page = await fixture(html`<care-record-provider base-url=${HIE} patient-id=${rich.id} .tokenProvider=${validToken}>
      <care-record-medications></care-record-medications>
      <care-record-medications patient-id=${MOCK_PATIENT_IDS.empty}></care-record-medications>
    </care-record-provider>`);
    const [shared, own] = [...page.querySelectorAll('care-record-medications')];
    await settled(shared!);
    await settled(own!);
    expect(shared!.state).to.equal('ready');
    expect(own!.state).to.equal('empty');
  });
});
