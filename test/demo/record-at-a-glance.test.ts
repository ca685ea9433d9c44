import { expect, waitUntil } from '@open-wc/testing';
import { MOCK_PATIENT_IDS } from '../../mocks/patients.js';
import { WIDGET_TAGS } from '../support/widget-tags.js';

/**
 * Issue 17, measured on the demo page (`npm start`) as a clinician sees it: at 1440×900 every pod of
 * `<care-record>` that has at least six items shows six of them entirely without scrolling, each with
 * its source and freshness, and every safety signal is on screen; at 320 px nothing in a pod reaches
 * past the viewport. Counts, never timings.
 */

interface Widget extends HTMLElement {
  state: string;
}

let frame: HTMLIFrameElement | undefined;

async function openDemo(patientId: string, width: number, height: number): Promise<Document> {
  frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0`;
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  frame.src = `/demo/index.html?patient=${encodeURIComponent(patientId)}`;
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

function record(doc: Document): HTMLElement | null {
  return doc.querySelector('care-record');
}

function pods(doc: Document): HTMLElement[] {
  return [...(record(doc)?.shadowRoot?.querySelectorAll<HTMLElement>('.pod') ?? [])];
}

function podWidget(pod: HTMLElement): Widget | null {
  return pod.querySelector<Widget>(WIDGET_TAGS.join(','));
}

async function podsSettled(doc: Document): Promise<HTMLElement[]> {
  await waitUntil(
    () => {
      const all = pods(doc);
      return (
        all.length === WIDGET_TAGS.length &&
        all.every((p) => {
          const w = podWidget(p);
          return w !== null && !['idle', 'loading'].includes(w.state);
        })
      );
    },
    'the demo record\'s pods did not all finish loading',
    { timeout: 30_000, interval: 100 },
  );
  // Lists render a frame after the state changes; a long list swaps in its virtualiser.
  await waitUntil(
    () => pods(doc).every((p) => podWidget(p)?.shadowRoot?.querySelector('[aria-busy="true"]') === null),
    'a pod stayed busy',
    { timeout: 30_000, interval: 100 },
  );
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return pods(doc);
}

function items(widget: Widget): HTMLElement[] {
  return [...(widget.shadowRoot?.querySelectorAll<HTMLElement>('[part~="item"]') ?? [])];
}

/** The boxes that clip an item: the pod's scrolling body and any scrolling list inside the widget. */
function clipBoxes(pod: HTMLElement, widget: Widget): DOMRect[] {
  const boxes = [pod.querySelector<HTMLElement>('.pod-body')!.getBoundingClientRect()];
  const scroller = widget.shadowRoot?.querySelector<HTMLElement>('.scroller');
  if (scroller) boxes.push(scroller.getBoundingClientRect());
  return boxes;
}

/** Items of the pod whose whole box lies inside what the pod shows before any scrolling. */
function entirelyVisible(pod: HTMLElement): number {
  const widget = podWidget(pod)!;
  const boxes = clipBoxes(pod, widget);
  return items(widget).filter((item) => {
    const r = item.getBoundingClientRect();
    return r.height > 0 && boxes.every((b) => r.top >= b.top - 0.5 && r.bottom <= b.bottom + 0.5);
  }).length;
}

/** Every safety signal the pod carries: each `part="status"` line, and the out-of-date marks. */
function signals(widget: Widget): HTMLElement[] {
  return [...(widget.shadowRoot?.querySelectorAll<HTMLElement>('[part~="signal"]') ?? [])];
}

function isShown(el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return r.width > 1 && r.height > 1 && style.visibility !== 'hidden';
}

/** How far (px) the sixth item reaches past what the pod shows; 0 when it is inside. */
function sixthItemOverflow(pod: HTMLElement): number {
  const sixth = items(podWidget(pod)!)[5];
  if (!sixth) return 0;
  const bottom = Math.min(...clipBoxes(pod, podWidget(pod)!).map((b) => b.bottom));
  return Math.max(0, Math.ceil(sixth.getBoundingClientRect().bottom - bottom));
}

export function measurePods(doc: Document): Record<string, { items: number; visible: number; sixthOverflowPx: number }> {
  return Object.fromEntries(
    pods(doc).map((pod) => {
      const widget = podWidget(pod)!;
      return [
        pod.dataset['section'] ?? widget.localName,
        { items: items(widget).length, visible: entirelyVisible(pod), sixthOverflowPx: sixthItemOverflow(pod) },
      ];
    }),
  );
}

afterEach(() => {
  frame?.remove();
  frame = undefined;
});

/** The figures once layout has settled: the same twice running (fonts, lists and wrapping all done). */
async function settledFigures(doc: Document): Promise<ReturnType<typeof measurePods>> {
  let last = '';
  let figures = measurePods(doc);
  await waitUntil(
    () => {
      figures = measurePods(doc);
      const now = JSON.stringify(figures);
      const same = now === last;
      last = now;
      return same && Object.values(figures).some((f) => f.visible > 0);
    },
    'the demo record\'s layout did not settle',
    { timeout: 30_000, interval: 250 },
  );
  return figures;
}

describe('the record at a glance (demo page, rich patient)', function () {
  // Loads the whole demo page twice on a machine other test runs share: the suite's patience, not a budget.
  this.timeout(120_000);

  it('at 1440×900 shows at least six items entirely in every pod that has six, each with source and freshness, and every safety signal', async () => {
    const doc = await openDemo(MOCK_PATIENT_IDS.rich, 1440, 900);
    const all = await podsSettled(doc);
    for (const pod of all) {
      const widget = podWidget(pod)!;
      // The filter form (dates, sources) is closed until asked for: it is what pushed items out of view.
      const form = widget.shadowRoot?.querySelector<HTMLElement>('[part~="filters"]');
      if (form) expect(isShown(form), `${widget.localName}: the filter form is open by default`).to.equal(false);
    }
    const figures = await settledFigures(doc);
    // eslint-disable-next-line no-console
    console.log(`items visible per pod at 1440×900: ${JSON.stringify(figures)}`);
    const short = Object.entries(figures).filter(([, f]) => f.items >= 6 && f.visible < 6);
    expect(short, JSON.stringify(figures)).to.deep.equal([]);
    expect(Object.values(figures).some((f) => f.items >= 6), 'the rich patient has pods with six items').to.equal(true);

    for (const pod of all) {
      const widget = podWidget(pod)!;
      for (const item of items(widget)) {
        expect(item.querySelector('[part~="source"]'), item.dataset['key']).to.exist;
        expect(item.querySelector('[part~="freshness"]'), item.dataset['key']).to.exist;
      }
      for (const signal of signals(widget)) {
        expect(isShown(signal), `${widget.localName}: signal "${signal.textContent?.trim()}" is not visible`).to.equal(true);
        expect(signal.closest('[part~="status"]'), 'a signal stays in part="status"').to.exist;
      }
    }
    // The rich patient carries withheld items, hidden past items and a stale batch feed: all said.
    const said = all.flatMap((p) => signals(podWidget(p)!)).map((s) => s.textContent ?? '');
    expect(said.some((t) => /withheld/i.test(t)), said.join(' | ')).to.equal(true);
    expect(said.some((t) => /hidden/i.test(t)), said.join(' | ')).to.equal(true);
  });

  it('at 320 px wide no pod content reaches past the viewport', async () => {
    const doc = await openDemo(MOCK_PATIENT_IDS.rich, 320, 900);
    const all = await podsSettled(doc);
    const width = doc.documentElement.clientWidth;
    const overflowing: string[] = [];
    const past = (el: Element): boolean => el.getBoundingClientRect().right > width + 0.5;
    // Text a box clips (visually hidden words, a scrolling list) reaches nowhere the reader must scroll to.
    const clippedWithin = (el: Element): boolean => {
      for (let up = el.parentElement; up; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible' && !past(up)) return true;
      }
      return false;
    };
    for (const pod of all) {
      const widget = podWidget(pod)!;
      const inside = [...(widget.shadowRoot?.querySelectorAll<HTMLElement>('*') ?? [])];
      for (const el of inside) {
        if (el.getBoundingClientRect().width > 0 && past(el) && !clippedWithin(el)) {
          overflowing.push(`${widget.localName} ${el.localName}.${el.className}`);
        }
      }
      if (past(widget)) overflowing.push(widget.localName);
      const body = pod.querySelector<HTMLElement>('.pod-body')!;
      if (body.scrollWidth > body.clientWidth + 1) overflowing.push(`${widget.localName}: its pod scrolls sideways`);
    }
    expect(overflowing.slice(0, 10)).to.deep.equal([]);
    expect(doc.documentElement.scrollWidth, 'the demo page scrolls sideways').to.be.at.most(width + 1);
  });
});
