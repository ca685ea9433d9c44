import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/index.js';
import '../../src/care-record-results.js';
import { MOCK_PATIENT_IDS } from '../../mocks/patients.js';
import { mockHie } from '../support/mock-hie.js';
import { renderWidget } from '../support/widget-states.js';
import { HIE, shadow, text } from '../support/widgets.js';

/**
 * An `_include`d clinical resource (a report's result) that names another patient is dropped and
 * reported, like a match would be: it must never reach the screen inside its report.
 */
describe('included resources of another patient', () => {
  before(() => mockHie());
  beforeEach(async () => (await mockHie()).resetHandlers());

  it('drops a report result that belongs to another patient, and says so', async () => {
    const observation = (id: string, patient: string, value: number) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { text: `Potassium ${id}` },
      subject: { reference: `Patient/${patient}` },
      valueQuantity: { value, unit: 'mmol/L' },
    });
    const bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        {
          search: { mode: 'match' },
          resource: {
            resourceType: 'DiagnosticReport',
            id: 'rep-1',
            status: 'final',
            code: { text: 'Urea and electrolytes' },
            subject: { reference: 'Patient/guarded' },
            result: [{ reference: 'Observation/own' }, { reference: 'Observation/foreign' }],
          },
        },
        { search: { mode: 'include' }, resource: observation('own', 'guarded', 4.1) },
        { search: { mode: 'include' }, resource: observation('foreign', 'someone-else', 6.9) },
      ],
    };
    const worker = await mockHie();
    worker.use(
      http.get(`${HIE}/DiagnosticReport`, () => HttpResponse.json(bundle)),
      http.get(`${HIE}/Observation`, () => HttpResponse.json({ resourceType: 'Bundle', type: 'searchset', entry: [] })),
    );
    const el = await renderWidget('care-record-results', 'guarded');
    expect(el.state).to.equal('ready');
    for (const button of shadow(el).querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]')) button.click();
    await el.updateComplete;
    const shown = text(shadow(el));
    expect(shown).to.contain('Potassium own');
    expect(shown).not.to.contain('Potassium foreign');
    expect(shown).not.to.contain('6.9');
    expect(text(shadow(el).querySelector('[part~="notices"]'))).to.match(/did not belong to this patient/);
  });

  it("audits a report's results with it in care-record-view", async () => {
    const views: { resources: string[] }[] = [];
    document.addEventListener('care-record-view', (e) => views.push((e as CustomEvent).detail));
    const el = await renderWidget('care-record-results', MOCK_PATIENT_IDS.rich);
    const reports = [...shadow(el).querySelectorAll<HTMLElement>('[part~="item"]')].filter((i) =>
      i.dataset['key']?.startsWith('DiagnosticReport/'),
    );
    expect(reports.length).to.be.greaterThan(0);
    const audited = views.at(-1)!.resources;
    expect(audited.some((k) => k.startsWith('Observation/'))).to.equal(true);
    for (const report of reports) expect(audited).to.include(report.dataset['key']);
  });
});
