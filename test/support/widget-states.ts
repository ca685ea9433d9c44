import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import type { CareRecordLoadDetail, CareRecordViewDetail } from '../../src/core/events.js';
import type { WidgetState } from '../../src/core/record-controller.js';
import { mockHie } from './mock-hie.js';
import { MOCK_PATIENT_IDS } from '../../mocks/patients.js';
import { resetScenarios, setScenario } from '../../mocks/scenarios.js';
import { HIE, parts, settled, shadow, text, validToken } from './widgets.js';
import { PATIENCE } from './patience.js';

type Widget = HTMLElement & {
  state: WidgetState;
  patientId?: string | undefined;
  updateComplete: Promise<boolean>;
};

export interface WidgetStateSpec {
  /** Tag name, e.g. `care-record-problems`. */
  tag: string;
  /** Plural noun used in messages, e.g. "problems". */
  noun: string;
  /** FHIR types the widget searches; the load event must name them. */
  resourceTypes: string[];
  /** The default view hides some rich-record items (with a count and "Show all"). */
  hidesByDefault: boolean;
  /** The rich record carries a withheld notice for this widget's searches. */
  withheldInRich: boolean;
  /** The widget's `_include`s that FHIR R4 does not define, which a strict server (HAPI) refuses. */
  includesNotInR4?: string[];
}

/** Renders a widget for a mock patient and waits until it leaves `loading`. */
export async function renderWidget(tag: string, patientId: string, attrs: Record<string, string> = {}): Promise<Widget> {
  const t = unsafeStatic(tag);
  const el = await fixture<Widget>(staticHtml`<${t} base-url=${HIE} patient-id=${patientId} .tokenProvider=${validToken}></${t}>`);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return settled(el);
}

export function itemKeys(el: Element): string[] {
  return parts(el, 'item').map((i) => i.dataset['key']!);
}

/** A virtualised list is size-contained: without a definite height it would collapse to one item. */
export function itShowsALongListAsAScrollingPanel(tag: string): void {
  it('shows a long list as a scrolling panel of several items, not one', async () => {
    const el = await renderWidget(tag, MOCK_PATIENT_IDS.large);
    const list = shadow(el).querySelector<HTMLElement>('ul.items.scroller')!;
    expect(list, 'virtualised list').to.exist;
    list.scrollIntoView();
    await waitUntil(() => parts(el, 'item').length > 3, 'virtual list rendered too little', { timeout: PATIENCE });
    const items = parts(el, 'item');
    expect(list.getBoundingClientRect().height).to.be.greaterThan(2 * items[0]!.getBoundingClientRect().height);
  });
}

/**
 * The behaviour every widget shares, run against the mock HIE: each state with its message and an
 * accessibility check, source and freshness on every item, the hidden count and "Show all", the
 * withheld notice, and the load and view events.
 */
export function describeWidgetStates(spec: WidgetStateSpec): void {
  describe(`<${spec.tag}>: shared behaviour`, () => {
    before(() => mockHie());
    beforeEach(async () => {
      resetScenarios();
      (await mockHie()).resetHandlers();
    });

    it('is idle with a clear message until it has an HIE and a patient', async () => {
      const t = unsafeStatic(spec.tag);
      const el = await fixture<Widget>(staticHtml`<${t}></${t}>`);
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('idle');
      expect(text(parts(el, 'status')[0])).to.contain('No patient selected');
      await expect(el).to.be.accessible();
    });

    it('says it is loading, from the first render, while the HIE has not answered', async () => {
      setScenario('never', { patientId: MOCK_PATIENT_IDS.rich });
      const t = unsafeStatic(spec.tag);
      const el = await fixture<Widget>(staticHtml`<${t} base-url=${HIE} patient-id=${MOCK_PATIENT_IDS.rich} .tokenProvider=${validToken}></${t}>`);
      expect(el.getAttribute('state')).to.equal('loading');
      expect(text(parts(el, 'status')[0])).to.contain(`Loading ${spec.noun}`);
      await expect(el).to.be.accessible();
      el.remove();
    });

    it('shows the rich record with the source and freshness of every item', async () => {
      const el = await renderWidget(spec.tag, MOCK_PATIENT_IDS.rich);
      expect(el.state).to.equal('ready');
      const items = parts(el, 'item');
      expect(items.length).to.be.greaterThan(0);
      for (const item of items) {
        expect(item.querySelector('[part~="source"]'), item.dataset['key']).to.exist;
        expect(item.querySelector('[part~="freshness"]'), item.dataset['key']).to.exist;
      }
      await expect(el).to.be.accessible();
    });

    if (spec.hidesByDefault) {
      it('says how many items its default view hides and shows them all in one click', async () => {
        const el = await renderWidget(spec.tag, MOCK_PATIENT_IDS.rich);
        const before = itemKeys(el).length;
        const hiddenText = text(shadow(el).querySelector('.hidden-count'));
        const hidden = Number(/(\d+) items? (is|are) hidden/.exec(hiddenText)?.[1]);
        expect(hidden, hiddenText).to.be.greaterThan(0);
        shadow(el).querySelector<HTMLButtonElement>('button.show-all')!.click();
        await el.updateComplete;
        expect(itemKeys(el).length).to.equal(before + hidden);
        expect(shadow(el).querySelector('.hidden-count')).to.equal(null);
        await expect(el).to.be.accessible();
      });
    }

    if (spec.withheldInRich) {
      it('states the items withheld at source', async () => {
        const el = await renderWidget(spec.tag, MOCK_PATIENT_IDS.rich);
        expect(text(shadow(el).querySelector('[part~="notices"]'))).to.match(/withheld/i);
      });
    }

    it('says when a source did not respond, and still shows the others', async () => {
      setScenario('source-outage', { patientId: MOCK_PATIENT_IDS.rich });
      const el = await renderWidget(spec.tag, MOCK_PATIENT_IDS.rich);
      expect(['ready', 'empty']).to.include(el.state);
      expect(text(shadow(el).querySelector('[part~="notices"]'))).to.match(/did not respond/i);
    });

    it('shows the same items from a server that refuses includes R4 does not define, and says what it left out', async () => {
      const normal = await renderWidget(spec.tag, MOCK_PATIENT_IDS.rich);
      const expected = itemKeys(normal);
      normal.remove();
      setScenario('strict-includes', { patientId: MOCK_PATIENT_IDS.rich });
      const el = await renderWidget(spec.tag, MOCK_PATIENT_IDS.rich);
      expect(el.state).to.equal('ready');
      expect(itemKeys(el)).to.deep.equal(expected);
      const notices = text(shadow(el).querySelector('[part~="notices"]'));
      const refused = [...notices.matchAll(/did not accept the request for some related details \(([^)]*)\)/g)];
      const named = refused.flatMap((m) => m[1]!.split(', '));
      expect(named.sort(), notices).to.deep.equal([...(spec.includesNotInR4 ?? [])].sort());
    });

    it('fires care-record-load and care-record-view naming this patient and its items', async () => {
      const views: CareRecordViewDetail[] = [];
      const onView = (e: Event) => views.push((e as CustomEvent<CareRecordViewDetail>).detail);
      document.body.addEventListener('care-record-view', onView);
      const load = oneEvent(document.body, 'care-record-load');
      const el = await renderWidget(spec.tag, MOCK_PATIENT_IDS.rich);
      const detail: CareRecordLoadDetail = (await load).detail;
      document.body.removeEventListener('care-record-view', onView);
      expect(detail.patient).to.equal(`Patient/${MOCK_PATIENT_IDS.rich}`);
      expect(detail.resourceTypes).to.include.members(spec.resourceTypes);
      expect(detail.shown).to.equal(itemKeys(el).length);
      expect(views.at(-1)?.patient).to.equal(`Patient/${MOCK_PATIENT_IDS.rich}`);
      expect(views.at(-1)?.resources).to.include.members(itemKeys(el));
    });

    it('shows "no access" with the reason when the patient has objected (403)', async () => {
      const el = await renderWidget(spec.tag, MOCK_PATIENT_IDS.objection);
      expect(el.state).to.equal('forbidden');
      expect(text(parts(el, 'status')[0])).to.match(/No access to this record.*objected/i);
      expect(parts(el, 'item')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('tells an empty record apart from an error', async () => {
      const el = await renderWidget(spec.tag, MOCK_PATIENT_IDS.empty);
      expect(el.state).to.equal('empty');
      expect(text(parts(el, 'status')[0])).to.contain(`No ${spec.noun} were received`);
      await expect(el).to.be.accessible();
    });

    it('is unauthorized when the HIE refuses the token even after a refresh', async () => {
      const t = unsafeStatic(spec.tag);
      const auth = oneEvent(document.body, 'care-record-auth-required');
      const el = await fixture<Widget>(staticHtml`<${t} base-url=${HIE} patient-id=${MOCK_PATIENT_IDS.rich} .tokenProvider=${() => 'expired-token'}></${t}>`);
      await auth;
      await settled(el);
      expect(el.state).to.equal('unauthorized');
      await expect(el).to.be.accessible();
    });

    for (const scenario of ['html-200', 'malformed-json', 'error-500'] as const) {
      it(`ends in a clear error state when the HIE answers with ${scenario}`, async () => {
        setScenario(scenario, { patientId: MOCK_PATIENT_IDS.badHie });
        const error = oneEvent(document.body, 'care-record-error');
        const el = await renderWidget(spec.tag, MOCK_PATIENT_IDS.badHie);
        const { detail } = await error;
        expect(detail.kind).to.equal(scenario === 'error-500' ? 'http' : 'invalid-response');
        expect(el.state).to.equal('error');
        expect(text(parts(el, 'status')[0])).to.contain('could not be loaded');
        await expect(el).to.be.accessible();
      });
    }

    it('restarts for a new patient when patient-id changes', async () => {
      const el = await renderWidget(spec.tag, MOCK_PATIENT_IDS.rich);
      el.setAttribute('patient-id', MOCK_PATIENT_IDS.empty);
      await waitUntil(() => el.state === 'empty', 'did not switch to the empty record', { timeout: PATIENCE });
      expect(parts(el, 'item')).to.have.length(0);
    });

    it('lists the large record fast, virtualised, with the paging cap stated when reached', async () => {
      const el = await renderWidget(spec.tag, MOCK_PATIENT_IDS.large);
      expect(el.state).to.equal('ready');
      shadow(el).querySelector('.items')?.scrollIntoView();
      await waitUntil(() => parts(el, 'item').length > 0, 'nothing rendered', { timeout: PATIENCE });
      expect(parts(el, 'item').length).to.be.lessThan(150);
    });
  });
}
