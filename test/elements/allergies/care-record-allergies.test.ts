import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../../src/care-record-allergies.js';
import { recordHieRequests } from '../../support/mock-hie.js';
import { describeWidgetStates, itemKeys, renderWidget } from '../../support/widget-states.js';
import { HIE, itemByKey as item, parts, shadow, showAll, text } from '../../support/widgets.js';
import { MOCK_PATIENT_IDS } from '../../../mocks/patients.js';
import { setScenario } from '../../../mocks/scenarios.js';

describeWidgetStates({
  tag: 'care-record-allergies',
  noun: 'allergy records',
  resourceTypes: ['AllergyIntolerance'],
  hidesByDefault: true,
  withheldInRich: true,
});

const CUI_DATE = /\d{2}-[A-Z][a-z]{2}-\d{4}/;
const SCT = 'http://snomed.info/sct';

const hie = recordHieRequests();
const requests = hie.urls;

type Widget = Awaited<ReturnType<typeof renderWidget>>;

async function allergies(patientId: string = MOCK_PATIENT_IDS.rich): Promise<Widget> {
  return renderWidget('care-record-allergies', patientId);
}

/** An HIE answer with just these AllergyIntolerances for the rich patient. */
function serve(resources: Record<string, unknown>[]): void {
  const patient = { reference: `Patient/${MOCK_PATIENT_IDS.rich}` };
  const entry = resources.map((r) => ({
    fullUrl: `${HIE}/AllergyIntolerance/${String(r['id'])}`,
    resource: { resourceType: 'AllergyIntolerance', patient, clinicalStatus: { coding: [{ code: 'active' }] }, ...r },
    search: { mode: 'match' },
  }));
  hie.worker.use(
    http.get(`${HIE}/AllergyIntolerance`, () =>
      HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', total: entry.length, entry }, { headers: { 'Content-Type': 'application/fhir+json' } }),
    ),
  );
}

describe('<care-record-allergies>', () => {
  it('asks for AllergyIntolerances once, with their recorders, asserters and sources included', async () => {
    await allergies();
    const searches = requests.map((u) => new URL(u)).filter((u) => u.pathname.endsWith('/AllergyIntolerance'));
    expect(searches).to.have.length(1);
    const params = searches[0]!.searchParams;
    expect(params.get('patient')).to.equal(`Patient/${MOCK_PATIENT_IDS.rich}`);
    expect(params.getAll('_include')).to.include.members(['AllergyIntolerance:recorder', 'AllergyIntolerance:asserter']);
    expect(params.get('_revinclude')).to.equal('Provenance:target');
    expect(requests.every((u) => /\/AllergyIntolerance\?/.test(u))).to.equal(true);
  });

  it('shows active allergies by default, counts inactive and resolved ones, never refuted or entered-in-error', async () => {
    const el = await allergies();
    const shown = itemKeys(el);
    expect(shown).to.include.members(['AllergyIntolerance/ai-rich-penicillin-gp', 'AllergyIntolerance/ai-rich-nkfa']);
    expect(shown).to.not.include('AllergyIntolerance/ai-rich-codeine');
    expect(text(shadow(el).querySelector('.hidden-count'))).to.contain('2 inactive or resolved allergy records');
    await showAll(el);
    const all = itemKeys(el);
    expect(all).to.have.length(shown.length + 2);
    expect(all).to.include.members(['AllergyIntolerance/ai-rich-codeine', 'AllergyIntolerance/ai-rich-egg']);
    expect(all).to.not.include('AllergyIntolerance/ai-rich-aspirin-error');
    expect(all).to.not.include('AllergyIntolerance/ai-rich-contrast-refuted');
    const codeine = item(el, 'AllergyIntolerance/ai-rich-codeine');
    expect(text(codeine.querySelector('.status'))).to.equal('Inactive');
    expect(text(codeine.querySelector('.ended'))).to.match(new RegExp(`No longer applies from ${CUI_DATE.source}: Tolerated co-codamol during hospital admission`));
    await expect(el).to.be.accessible();
  });

  it('shows penicillin from the GP and from the hospital, each with its own source', async () => {
    const el = await allergies();
    const gp = item(el, 'AllergyIntolerance/ai-rich-penicillin-gp');
    const hospital = item(el, 'AllergyIntolerance/ai-rich-penicillin-riverside');
    expect(text(gp.querySelector('[part~="source"]'))).to.match(/Riverside Medical Practice.*· GP practice/);
    expect(text(hospital.querySelector('[part~="source"]'))).to.match(/Riverside University Hospitals NHS Trust.*· Acute hospital/);
    expect(text(gp.querySelector('.also'))).to.equal('Also recorded by Riverside University Hospitals NHS Trust');
    expect(text(hospital.querySelector('.recorded'))).to.contain('Dr Aisha Rahman, Consultant cardiologist');
  });

  it('marks high criticality in words, and says criticality, type and category for every allergy', async () => {
    const el = await allergies();
    const penicillin = item(el, 'AllergyIntolerance/ai-rich-penicillin-riverside');
    expect(penicillin.classList.contains('high-criticality')).to.equal(true);
    expect(text(penicillin.querySelector('.criticality.attention'))).to.equal('⚠ High criticality');
    expect(text(penicillin.querySelector('.name'))).to.equal('Allergy to penicillin');
    // Type and category open with the row in the compact density; they are in the row either way.
    expect(text(penicillin.querySelector('.tag.type'))).to.equal('Allergy');
    expect(text(penicillin.querySelector('.category'))).to.equal('Medication');
    const trimethoprim = item(el, 'AllergyIntolerance/ai-rich-trimethoprim');
    expect(trimethoprim.classList.contains('high-criticality')).to.equal(false);
    expect(text(trimethoprim.querySelector('.criticality'))).to.equal('Low criticality');
    expect(trimethoprim.querySelector('.criticality.attention')).to.equal(null);
    expect(text(trimethoprim.querySelector('.tag.type'))).to.equal('Intolerance');
    const latex = item(el, 'AllergyIntolerance/ai-rich-latex');
    expect(text(latex.querySelector('.criticality'))).to.equal('Criticality unable to assess');
    expect(text(latex.querySelector('.uncertain-mark'))).to.equal('Unconfirmed');
    // High criticality first.
    const keys = itemKeys(el);
    const firstLow = keys.indexOf('AllergyIntolerance/ai-rich-trimethoprim');
    expect(keys.indexOf('AllergyIntolerance/ai-rich-bee-venom')).to.be.lessThan(firstLow);
  });

  it('lists each reaction with its manifestations and severity in words', async () => {
    const el = await allergies();
    const reactions = (key: string) => [...item(el, key).querySelectorAll('.reactions li')].map((li) => text(li));
    expect(reactions('AllergyIntolerance/ai-rich-penicillin-riverside')).to.deep.equal(['Reaction: Anaphylaxis, Angioedema — Severe reaction']);
    expect(reactions('AllergyIntolerance/ai-rich-latex')).to.deep.equal(['Reaction: Contact dermatitis — Mild reaction: Redness under gloves during cannulation']);
    expect(item(el, 'AllergyIntolerance/ai-rich-penicillin-riverside').querySelector('.severity.attention')).to.exist;
  });

  it('names sources given by meta.source or a Provenance, and says when none is recorded', async () => {
    const el = await allergies();
    const source = (key: string) => text(item(el, key).querySelector('[part~="source"]'));
    expect(source('AllergyIntolerance/ai-rich-trimethoprim')).to.match(/111 and Out of Hours.*· Out of hours \/ 111/);
    expect(source('AllergyIntolerance/ai-rich-dressings')).to.match(/Riverside Community Health Services.*· Community services/);
    expect(source('AllergyIntolerance/ai-rich-bee-venom')).to.equal('Source not recorded');
    expect(text(item(el, 'AllergyIntolerance/ai-rich-bee-venom').querySelector('.recorded'))).to.contain('reported by the patient');
    const latex = item(el, 'AllergyIntolerance/ai-rich-latex');
    expect(text(latex.querySelector('[part~="source"]'))).to.contain("St Anselm's");
    expect(text(latex.querySelector('[part~="freshness"]'))).to.match(/may be out of date/);
  });

  it('shows a "no known allergies" statement as a statement by its source, not as a substance', async () => {
    const el = await allergies();
    const statement = item(el, 'AllergyIntolerance/ai-rich-nkfa');
    expect(statement.classList.contains('no-known')).to.equal(true);
    expect(text(statement.querySelector('.name'))).to.match(
      new RegExp(`^No known food allergies — recorded by London Borough of Riverside Adult Social Care on ${CUI_DATE.source}$`),
    );
    expect(statement.querySelector('.criticality')).to.equal(null);
    expect(statement.querySelector('.reactions')).to.equal(null);
    // Her resolved egg allergy does not contradict it.
    expect(statement.querySelector('.contradiction')).to.equal(null);
    expect(itemKeys(el).at(-1)).to.equal('AllergyIntolerance/ai-rich-nkfa');
    await expect(el).to.be.accessible();
  });

  it('tells a "no known drug allergy" record apart from receiving no allergy records', async () => {
    setScenario('normal', { patientId: MOCK_PATIENT_IDS.badHie });
    const recorded = await allergies(MOCK_PATIENT_IDS.badHie);
    expect(recorded.state).to.equal('ready');
    expect(text(item(recorded, 'AllergyIntolerance/ai-bad-nkda').querySelector('.name'))).to.match(
      new RegExp(`^No known drug allergies — recorded by Riverside Medical Practice on ${CUI_DATE.source}$`),
    );
    expect(itemKeys(recorded)).to.include('AllergyIntolerance/ai-bad-peanut');
    expect(text(shadow(recorded))).to.not.contain('No allergy records were received');
    await expect(recorded).to.be.accessible();

    const none = await allergies(MOCK_PATIENT_IDS.empty);
    expect(none.state).to.equal('empty');
    expect(text(parts(none, 'status')[0])).to.equal('No allergy records were received from any source in the shared care record.');
    expect(parts(none, 'item')).to.have.length(0);
    expect(text(shadow(none))).to.not.contain('No known');
  });

  it('is ready, not empty, when the only record is a "no known allergies" statement', async () => {
    serve([{ id: 'nka', code: { coding: [{ system: SCT, code: '716186003', display: 'No known allergy' }] }, recordedDate: '2026-01-05' }]);
    const el = await allergies();
    expect(el.state).to.equal('ready');
    expect(itemKeys(el)).to.deep.equal(['AllergyIntolerance/nka']);
    expect(text(item(el, 'AllergyIntolerance/nka').querySelector('.name'))).to.equal('No known allergies — recorded by a source not recorded on 05-Jan-2026');
  });

  it('asks the clinician to check when a "no known" statement is contradicted by another record', async () => {
    serve([
      { id: 'nkda', code: { coding: [{ system: SCT, code: '409137002' }] }, recordedDate: '2025-06-01' },
      { id: 'pen', code: { text: 'Penicillin' }, category: ['medication'], criticality: 'high' },
      { id: 'peanut', code: { text: 'Peanut' }, category: ['food'] },
    ]);
    const el = await allergies();
    const statement = item(el, 'AllergyIntolerance/nkda');
    expect(text(statement.querySelector('.contradiction'))).to.equal(
      'Check with the patient: other records list a current allergy that this statement may contradict: Penicillin.',
    );
    expect(itemKeys(el)).to.have.members(['AllergyIntolerance/nkda', 'AllergyIntolerance/pen', 'AllergyIntolerance/peanut']);
    await expect(el).to.be.accessible();
  });

  it('says "not recorded" for a reaction, substance or criticality the HIE did not send', async () => {
    serve([{ id: 'bare', recordedDate: '2026-02-01' }]);
    const el = await allergies();
    const bare = item(el, 'AllergyIntolerance/bare');
    expect(text(bare.querySelector('.name'))).to.equal('Substance not recorded');
    expect(text(bare.querySelector('.criticality'))).to.equal('Criticality not recorded');
    expect(text(bare.querySelector('.reactions'))).to.equal('Reaction not recorded');
    expect(text(bare)).to.contain('Onset: Not recorded');
    expect(text(bare.querySelector('.recorded'))).to.equal('Recorded by person not recorded on 01-Feb-2026');
  });

  it('uses no inline styles, so a strict CSP host can embed it', async () => {
    const el = await allergies();
    await showAll(el);
    expect(shadow(el).querySelectorAll('[style]')).to.have.length(0);
    expect(shadow(el).querySelectorAll('style')).to.have.length(0);
  });
});
