import { expect, waitUntil } from '@open-wc/testing';
import { MOCK_PATIENT_IDS } from '../../mocks/patients.js';
import { WIDGET_TAGS } from '../support/widget-tags.js';

/**
 * The demo (`npm start`) is the README's first command: the host-EPR page with the mock HIE in the
 * page. Loaded here as a host would show it, in a frame, so a broken demo fails the tests.
 */

interface Widget extends HTMLElement {
  state: string;
}

let frame: HTMLIFrameElement | undefined;

async function openDemo(patientId: string): Promise<Document> {
  frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1200px; height: 900px; border: 0';
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  frame.src = `/demo/index.html?patient=${encodeURIComponent(patientId)}`;
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

/** Every widget on the page: the record's pods (in its shadow root) and the GP-only section. */
function widgets(doc: Document): Widget[] {
  const record = doc.querySelector('care-record');
  const roots: ParentNode[] = [doc, ...(record?.shadowRoot ? [record.shadowRoot] : [])];
  return roots.flatMap((root) => [...root.querySelectorAll<Widget>(WIDGET_TAGS.join(','))]);
}

function items(widget: Widget): HTMLElement[] {
  return [...(widget.shadowRoot?.querySelectorAll<HTMLElement>('[part~="item"]') ?? [])];
}

async function allSettled(doc: Document): Promise<Widget[]> {
  await waitUntil(
    () => {
      const all = widgets(doc);
      return all.length === WIDGET_TAGS.length + 1 && all.every((w) => !['idle', 'loading'].includes(w.state));
    },
    'the demo\'s widgets did not all finish loading',
    { timeout: 30_000, interval: 100 },
  );
  return widgets(doc);
}

function statesOf(all: Widget[]): Record<string, string> {
  return Object.fromEntries(all.map((w, i) => [`${i}:${w.localName}`, w.state]));
}

afterEach(() => {
  frame?.remove();
  frame = undefined;
});

describe('the demo page', () => {
  it('starts the mock HIE and shows every pod for the first patient, each item with its source and freshness', async () => {
    const doc = await openDemo(MOCK_PATIENT_IDS.rich);
    const all = await allSettled(doc);
    expect(doc.getElementById('record-status')?.textContent ?? '').not.to.contain('could not start');
    const states = statesOf(all);
    expect(Object.values(states).every((s) => s === 'ready' || s === 'empty'), JSON.stringify(states)).to.equal(true);
    const shown = all.flatMap(items);
    expect(shown.length).to.be.greaterThan(20);
    for (const item of shown) {
      expect(item.querySelector('[part~="source"]'), item.dataset['key']).to.exist;
      expect(item.querySelector('[part~="freshness"]'), item.dataset['key']).to.exist;
    }
  });

  it('on a patient change in the picker, drops the first patient\'s items and shows the new patient', async () => {
    const doc = await openDemo(MOCK_PATIENT_IDS.rich);
    const before = await allSettled(doc);
    const keysBefore = new Set(before.flatMap(items).map((i) => i.dataset['key']));
    expect(keysBefore.size).to.be.greaterThan(0);

    const picker = doc.getElementById('patient-picker') as HTMLSelectElement;
    picker.value = MOCK_PATIENT_IDS.empty;
    picker.dispatchEvent(new Event('change'));
    expect(doc.querySelector('care-record-provider')?.getAttribute('patient-id')).to.equal(MOCK_PATIENT_IDS.empty);
    expect(doc.getElementById('patient-banner')?.textContent).to.contain('VENKATARAMAN, Priya');

    const clinical = (): Widget[] => widgets(doc).filter((w) => w.localName !== 'care-record-sources');
    // The mock's patient with no shared data: every clinical pod ends empty, none keeps the first record.
    await waitUntil(
      () => clinical().length === WIDGET_TAGS.length && clinical().every((w) => w.state === 'empty'),
      'the widgets did not all end empty for the patient with no shared data',
      { timeout: 30_000, interval: 100 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(statesOf(clinical()))}`);
    });
    const after = await allSettled(doc);
    const carriedOver = after.flatMap(items).filter((i) => keysBefore.has(i.dataset['key']));
    expect(carriedOver.map((i) => i.dataset['key'])).to.deep.equal([]);
  });
});
