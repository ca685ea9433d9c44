import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { MOCK_PATIENT_IDS } from '../../mocks/patients.js';
import { resetScenarios } from '../../mocks/scenarios.js';
import { mockHie } from '../support/mock-hie.js';
import { renderWidget } from '../support/widget-states.js';
import { parts, shadow, text } from '../support/widgets.js';
import { WIDGET_TAGS } from '../support/widget-tags.js';

/**
 * Issue 17 on every widget: both densities, the closed filter form, the search box and its count,
 * an opened row, each checked by axe; and the safety signals stay one line each in part="status".
 */

type Widget = HTMLElement & { updateComplete: Promise<unknown>; search: string; density: string };

async function type(el: Widget, term: string): Promise<void> {
  const box = shadow(el).querySelector<HTMLInputElement>('#search-box')!;
  box.value = term;
  box.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('density, filters button and find in record, on every widget', () => {
  before(() => mockHie());
  beforeEach(async () => {
    resetScenarios();
    (await mockHie()).resetHandlers();
  });

  for (const tag of WIDGET_TAGS) {
    describe(`<${tag}>`, () => {
      it('is compact by default, the filter form closed behind a "Filters" button, and accessible in both densities', async () => {
        const el = (await renderWidget(tag, MOCK_PATIENT_IDS.rich)) as unknown as Widget;
        expect(el.getAttribute('density')).to.equal('compact');
        const form = parts(el, 'filters')[0]!;
        const button = shadow(el).querySelector<HTMLButtonElement>('.filters-toggle')!;
        expect(form.hidden, 'filter form closed by default').to.equal(true);
        expect(button.getAttribute('aria-expanded')).to.equal('false');
        await expect(el).to.be.accessible();

        button.click();
        await el.updateComplete;
        expect(form.hidden).to.equal(false);
        expect(button.getAttribute('aria-expanded')).to.equal('true');
        const toggle = shadow(el).querySelector<HTMLButtonElement>('.row-toggle');
        if (toggle) {
          toggle.click();
          await el.updateComplete;
          expect(toggle.getAttribute('aria-expanded')).to.equal('true');
        }
        await expect(el).to.be.accessible();

        el.setAttribute('density', 'comfortable');
        await el.updateComplete;
        expect(shadow(el).querySelector('.row-toggle'), 'comfortable shows every field, no toggles').to.equal(null);
        await expect(el).to.be.accessible();
      });

      it('counts what its search hides in a status line with "Clear", and never shows a search as an empty record', async () => {
        const el = (await renderWidget(tag, MOCK_PATIENT_IDS.rich)) as unknown as Widget;
        const before = parts(el, 'item').length;
        await type(el, 'zzzz-nothing-matches');
        expect(parts(el, 'item')).to.have.length(0);
        const line = shadow(el).querySelector<HTMLElement>('[part~="status"] [data-kind="hidden-by-search"]');
        expect(text(line)).to.match(/^\d+ items? hidden by your search 'zzzz-nothing-matches'/);
        expect(text(shadow(el).querySelector('.none-match'))).to.contain('match your search');
        await expect(el).to.be.accessible();
        line!.querySelector<HTMLButtonElement>('button.clear-search')!.click();
        await el.updateComplete;
        expect(el.search).to.equal('');
        expect(parts(el, 'item')).to.have.length(before);
      });
    });
  }

  it('keeps items whose name, dose or source match the search', async () => {
    const el = (await renderWidget('care-record-medications', MOCK_PATIENT_IDS.rich)) as unknown as Widget;
    await type(el, 'omeprazole');
    const shown = parts(el, 'item');
    expect(shown.length).to.be.greaterThan(0);
    expect(shown.every((i) => /omeprazole/i.test(text(i.closest('ul')!.querySelector(`[data-group="${i.dataset['group']}"] h3`))))).to.equal(true);
    await type(el, 'once daily before breakfast');
    expect(parts(el, 'item').length).to.be.greaterThan(0);
  });

  it('aggregates the withheld notices of a pod into one line with its detail on expand', async () => {
    const el = (await renderWidget('care-record-sources', MOCK_PATIENT_IDS.rich)) as unknown as Widget;
    const withheld = [...shadow(el).querySelectorAll<HTMLElement>('[part~="signal"][data-kind="withheld"]')];
    expect(withheld, 'one withheld line').to.have.length(1);
    const summary = withheld[0]!.querySelector('summary');
    expect(text(summary)).to.match(/^\d+ items withheld at source: /);
    expect(withheld[0]!.querySelectorAll('.signal-detail li').length).to.be.greaterThan(1);
    expect(withheld[0]!.closest('[part~="status"]')!.getAttribute('aria-live')).to.equal('polite');
  });
});
