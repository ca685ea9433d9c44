import { expect } from '@open-wc/testing';
import '../../src/care-record-encounters.js';
import type { CareRecordEncounters } from '../../src/classes.js';
import type { CareRecordProgressDetail, CareRecordViewDetail } from '../../src/core/events.js';
import { mockHie } from '../support/mock-hie.js';
import { encounterDate, encounters, pagedServer, type PagedServer, type PagedServerOptions } from '../support/paged-hie.js';
import { HIE, fixture, html, parts, settled, shadow, showAll, text, validToken, waitUntil } from '../support/widgets.js';

/**
 * Issue 15: a long record is shown page by page as it arrives, marked as partial until complete;
 * what is on screen never moves; a failure part-way keeps what is shown and says so; the audit
 * event and the hidden count follow what is on screen.
 */

const PATIENT = 'paged-1';
const PATIENCE = { timeout: 15000 };

let server: PagedServer;
const listening: Array<() => void> = [];

/** Every `type` event's detail from now until the test ends. */
function collect<T = unknown>(type: string): T[] {
  const got: T[] = [];
  const listener = (e: Event) => got.push((e as CustomEvent<T>).detail);
  document.addEventListener(type, listener);
  listening.push(() => document.removeEventListener(type, listener));
  return got;
}

async function serve(opts: Partial<PagedServerOptions> = {}): Promise<PagedServer> {
  server = pagedServer({
    resourceType: 'Encounter',
    items: { [PATIENT]: encounters(PATIENT, 30) },
    maxPageSize: 10,
    sort: 'honour',
    sortDate: encounterDate,
    ...opts,
  });
  (await mockHie()).resetHandlers(...server.handlers);
  return server;
}

async function widget(patient = PATIENT): Promise<CareRecordEncounters> {
  return fixture<CareRecordEncounters>(
    html`<care-record-encounters base-url=${HIE} patient-id=${patient} .tokenProvider=${validToken}></care-record-encounters>`,
  );
}

const keys = (el: Element): string[] => parts(el, 'item').map((i) => i.dataset['key']!);
const progressText = (el: Element): string => text(shadow(el).querySelector('.loading-more, .partial-failure'));

/** Waits until `n` items are on screen (and the widget has rendered them). */
async function itemsShown(el: CareRecordEncounters, n: number, why: string): Promise<void> {
  await waitUntil(() => keys(el).length === n, `${why}: ${keys(el).length} items shown, not ${n}`, PATIENCE);
  await el.updateComplete;
}

async function pageWaiting(): Promise<void> {
  await waitUntil(() => server.waiting() > 0, 'the next page was not asked for', PATIENCE);
}

describe('progressive loading', () => {
  before(() => mockHie());
  afterEach(() => {
    server?.releaseAll();
    for (const stop of listening.splice(0)) stop();
  });

  it('shows the first page at once, marked as partial, and fires care-record-load only when complete', async () => {
    await serve();
    const loads = collect('care-record-load');
    const progress = collect<CareRecordProgressDetail>('care-record-progress');
    try {
      const el = await widget();
      await itemsShown(el, 10, 'first page');
      await pageWaiting();
      expect(el.state).to.equal('ready');
      expect(el.hasAttribute('loading-more'), 'loading-more attribute').to.equal(true);
      expect(shadow(el).querySelector('section')!.getAttribute('aria-busy')).to.equal('true');
      expect(progressText(el)).to.contain('Loading older items — 10 of 30');
      expect(progress.at(-1)).to.deep.equal({ loaded: 10, total: 30, complete: false });
      expect(loads, 'care-record-load before the last page').to.have.length(0);
      server.releaseAll();
      await itemsShown(el, 30, 'all pages');
      await waitUntil(() => !el.hasAttribute('loading-more'), 'still marked as loading more', PATIENCE);
      expect(progressText(el)).to.equal('');
      expect(loads).to.have.length(1);
      expect(progress.at(-1)).to.deep.equal({ loaded: 30, total: 30, complete: true });
    } finally {
      server.releaseAll();
    }
  });

  it('says "more to come" when the HIE sends no total', async () => {
    await serve({ noTotal: true });
    const el = await widget();
    await itemsShown(el, 10, 'first page');
    expect(progressText(el)).to.contain('10 so far, more to come');
  });

  it('asks for the newest first and only adds below what is on screen', async () => {
    // Two items on the same day: the widget's own order (date, then key) puts the later one first.
    const items = encounters(PATIENT, 20);
    items[10] = { ...items[10]!, id: `${PATIENT}-enc-0a`, period: { ...(items[9]!['period'] as object) } };
    await serve({ items: { [PATIENT]: items } });
    const el = await widget();
    await itemsShown(el, 10, 'first page');
    const first = keys(el);
    expect(server.urls[0]!.searchParams.get('_sort')).to.equal('-date');
    expect(first[0]).to.equal(`Encounter/${PATIENT}-enc-1`);
    server.releaseAll();
    await itemsShown(el, 20, 'second page');
    await settled(el);
    expect(keys(el).slice(0, 10), 'items already shown moved').to.deep.equal(first);
    expect(keys(el)[10]).to.equal(`Encounter/${PATIENT}-enc-0a`);
  });

  it('asks again without _sort when the HIE refuses it, and holds the list until complete', async () => {
    await serve({ sort: 'refuse' });
    const el = await widget();
    await waitUntil(() => server.urls.length >= 2, 'did not ask again', PATIENCE);
    expect(server.urls[0]!.searchParams.has('_sort')).to.equal(true);
    expect(server.urls[1]!.searchParams.has('_sort'), 'the retry still asked for _sort').to.equal(false);
    await pageWaiting();
    await waitUntil(() => progressText(el).includes('not sending them newest first'), 'no word on holding', PATIENCE);
    expect(keys(el), 'unsorted items shown before the end').to.have.length(0);
    server.releaseAll();
    await itemsShown(el, 30, 'complete');
    expect(el.hasAttribute('loading-more')).to.equal(false);
  });

  it('holds the list until complete when the HIE ignores _sort (a page out of date order)', async () => {
    const items = encounters(PATIENT, 30).reverse(); // oldest first, whatever was asked
    await serve({ sort: 'ignore', items: { [PATIENT]: items } });
    const el = await widget();
    await pageWaiting();
    await waitUntil(() => progressText(el).includes('not sending them newest first'), 'no word on holding', PATIENCE);
    expect(keys(el), 'out-of-order items shown before the end').to.have.length(0);
    server.releaseAll();
    await itemsShown(el, 30, 'complete');
    expect(keys(el)[0], 'complete list in clinical order').to.equal(`Encounter/${PATIENT}-enc-1`);
  });

  it('keeps pages 1–2 when page 3 fails, says so with Retry, and loads the rest on Retry', async () => {
    await serve({ failAtOffset: 20 });
    const errors = collect('care-record-error');
    const loads = collect('care-record-load');
    const el = await widget();
    await itemsShown(el, 10, 'first page');
    await pageWaiting();
    server.release();
    await itemsShown(el, 20, 'second page');
    await pageWaiting();
    server.releaseAll();
    await waitUntil(() => el.hasAttribute('incomplete'), 'not marked incomplete', PATIENCE);
    expect(keys(el)).to.have.length(20);
    expect(progressText(el)).to.contain('Only 20 of 30 items could be loaded:');
    expect(shadow(el).querySelector('.partial-failure')!.getAttribute('role')).to.equal('alert');
    expect(errors, 'care-record-error').to.have.length(1);
    expect(loads, 'care-record-load for a partial list').to.have.length(0);
    shadow(el).querySelector<HTMLButtonElement>('.partial-failure button.retry')!.click();
    await itemsShown(el, 30, 'after Retry');
    await waitUntil(() => !el.hasAttribute('incomplete') && !el.hasAttribute('loading-more'), 'not complete', PATIENCE);
  });

  it('names exactly the items on screen in care-record-view as the list grows', async () => {
    await serve();
    const views = collect<CareRecordViewDetail>('care-record-view');
    const el = await widget();
    await itemsShown(el, 10, 'first page');
    await waitUntil(() => views.length > 0, 'no view event for the first page', PATIENCE);
    expect(views.at(-1)!.resources).to.deep.equal(keys(el));
    await pageWaiting();
    server.release();
    await itemsShown(el, 20, 'second page');
    await waitUntil(() => views.at(-1)!.resources.length === 20, 'no view event for the second page', PATIENCE);
    expect(views.at(-1)!.resources).to.deep.equal(keys(el));
    server.releaseAll();
    await settled(el);
    await waitUntil(() => views.at(-1)!.resources.length === 30, 'no view event for the last page', PATIENCE);
    expect(views.at(-1)!.resources).to.deep.equal(keys(el));
    // Never an item in an audit event before it was on screen, and no event twice for one screen.
    const seen = views.map((v) => v.resources.join());
    expect(new Set(seen).size).to.equal(seen.length);
    expect(views.every((v) => v.patient === `Patient/${PATIENT}`)).to.equal(true);
  });

  it('counts the items hidden by filters among those shown so far', async () => {
    await serve({ items: { [PATIENT]: encounters(PATIENT, 30, [2, 15]) } });
    const el = await widget();
    await itemsShown(el, 9, 'first page');
    await pageWaiting();
    const hidden = () => text(shadow(el).querySelector('.hidden-count'));
    expect(hidden()).to.contain('1 item is hidden');
    server.release();
    await itemsShown(el, 18, 'second page');
    expect(hidden()).to.contain('2 items are hidden');
    server.releaseAll();
    await settled(el);
    await showAll(el);
    expect(keys(el)).to.have.length(30);
  });
});
