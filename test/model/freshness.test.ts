import { expect } from '@open-wc/testing';
import type { Organization, Resource } from '@medplum/fhirtypes';
import { FEED_EXTENSION_URL } from '../../src/fhir/hie-contract.js';
import { describeFreshness, durationMs, resolveFreshness } from '../../src/model/freshness.js';
import type { FreshnessInfo } from '../../src/model/record-types.js';

const NOW = new Date('2026-11-27T14:00:00Z');
const HOUR = 3_600_000;
const item = { resourceType: 'MedicationStatement', meta: { lastUpdated: '2026-11-24T14:32:05Z' } } as Resource;

function feedOrg(parts: Record<string, unknown>[]): Organization {
  return {
    resourceType: 'Organization',
    id: 'o',
    name: 'Riverside Surgery',
    extension: [{ url: FEED_EXTENSION_URL, extension: parts }],
  } as unknown as Organization;
}

const hours = (value: number) => ({ url: 'expectedInterval', valueDuration: { value, unit: 'h', system: 'http://unitsofmeasure.org', code: 'h' } });

describe('resolveFreshness', () => {
  it('reads a live feed', () => {
    const f = resolveFreshness(item, feedOrg([{ url: 'mode', valueCode: 'live' }]), NOW);
    expect(f).to.deep.equal({
      lastUpdated: '2026-11-24T14:32:05Z',
      feed: 'live',
      lastReceived: undefined,
      expectedIntervalMs: undefined,
      schedule: undefined,
      possiblyOutOfDate: false,
    });
  });

  it('says a batch within its interval is fresh', () => {
    const org = feedOrg([
      { url: 'mode', valueCode: 'batch' },
      { url: 'lastReceived', valueDateTime: '2026-11-27T06:00:00Z' },
      hours(12),
      { url: 'schedule', valueString: 'twice daily' },
    ]);
    const f = resolveFreshness(item, org, NOW);
    expect(f).to.include({ feed: 'batch', lastReceived: '2026-11-27T06:00:00Z', expectedIntervalMs: 12 * HOUR, schedule: 'twice daily', possiblyOutOfDate: false });
  });

  it('says a batch older than its interval is possibly out of date', () => {
    const org = feedOrg([{ url: 'mode', valueCode: 'batch' }, { url: 'lastReceived', valueDateTime: '2026-11-26T18:00:00Z' }, hours(12)]);
    expect(resolveFreshness(item, org, NOW).possiblyOutOfDate).to.equal(true);
  });

  it('assumes 24 hours when a batch feed gives no interval', () => {
    const received = (iso: string) =>
      resolveFreshness(item, feedOrg([{ url: 'mode', valueCode: 'batch' }, { url: 'lastReceived', valueDateTime: iso }]), NOW);
    expect(received('2026-11-26T15:00:00Z').possiblyOutOfDate).to.equal(false);
    expect(received('2026-11-26T13:00:00Z').possiblyOutOfDate).to.equal(true);
  });

  it('warns when a batch feed does not say when it was last received', () => {
    expect(resolveFreshness(item, feedOrg([{ url: 'mode', valueCode: 'batch' }, hours(12)]), NOW).possiblyOutOfDate).to.equal(true);
    const unreadable = feedOrg([{ url: 'mode', valueCode: 'batch' }, { url: 'lastReceived', valueDateTime: 'last Tuesday' }]);
    const f = resolveFreshness(item, unreadable, NOW);
    expect(f.possiblyOutOfDate).to.equal(true);
    expect(f.lastReceived).to.equal(undefined);
  });

  it('reports unknown without a feed extension or organisation', () => {
    for (const org of [undefined, { resourceType: 'Organization', id: 'x' } as Organization, feedOrg([{ url: 'mode', valueCode: 'weekly' }])]) {
      const f = resolveFreshness(item, org, NOW);
      expect(f.feed).to.equal('unknown');
      expect(f.possiblyOutOfDate).to.equal(false);
    }
  });

  it('drops an unreadable lastUpdated and tolerates malformed extensions', () => {
    const odd = { resourceType: 'MedicationStatement', meta: { lastUpdated: 'soon' } } as Resource;
    expect(resolveFreshness(odd, undefined, NOW).lastUpdated).to.equal(undefined);
    const broken = { resourceType: 'Organization', extension: [{ url: FEED_EXTENSION_URL, extension: 'mode=live' }] } as unknown as Organization;
    expect(resolveFreshness(item, broken, NOW).feed).to.equal('unknown');
    expect(resolveFreshness(null as unknown as Resource, null as unknown as Organization, NOW).feed).to.equal('unknown');
  });
});

describe('resolveFreshness: organisations read once', () => {
  const batch = () =>
    feedOrg([{ url: 'mode', valueCode: 'batch' }, { url: 'lastReceived', valueDateTime: '2026-11-27T06:00:00Z' }, hours(12)]);
  function counted(org: Organization): { org: Organization; reads: () => number } {
    let reads = 0;
    const proxy = new Proxy(org, {
      get(target, key, receiver) {
        if (key === 'extension') reads += 1;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    return { org: proxy, reads: () => reads };
  }

  it('reads a frozen (HIE response) organisation once, and still judges its age against now each time', () => {
    const { org, reads } = counted(Object.freeze(batch()));
    expect(resolveFreshness(item, org, NOW).possiblyOutOfDate).to.equal(false);
    const afterFirst = reads();
    expect(afterFirst).to.be.greaterThan(0);
    const later = new Date(NOW.getTime() + 24 * HOUR);
    expect(resolveFreshness(item, org, later).possiblyOutOfDate, 'age judged against the later now').to.equal(true);
    expect(reads()).to.equal(afterFirst);
  });

  it('reads an organisation that can change every time, so a change is never missed', () => {
    const org = batch();
    expect(resolveFreshness(item, org, NOW).feed).to.equal('batch');
    org.extension = [{ url: FEED_EXTENSION_URL, extension: [{ url: 'mode', valueCode: 'live' }] }];
    expect(resolveFreshness(item, org, NOW).feed).to.equal('live');
  });
});

describe('durationMs', () => {
  it('converts time units', () => {
    expect(durationMs({ value: 12, code: 'h' })).to.equal(12 * HOUR);
    expect(durationMs({ value: 30, code: 'min' })).to.equal(30 * 60_000);
    expect(durationMs({ value: 1, unit: 'd' })).to.equal(24 * HOUR);
    expect(durationMs({ value: 90, code: 's' })).to.equal(90_000);
  });

  it('refuses unknown units and missing values', () => {
    expect(durationMs({ value: 1, code: 'fortnight' })).to.equal(undefined);
    expect(durationMs({ code: 'h' })).to.equal(undefined);
    expect(durationMs({ value: '12', code: 'h' })).to.equal(undefined);
    expect(durationMs({ value: -1, code: 'h' })).to.equal(undefined);
    expect(durationMs(undefined)).to.equal(undefined);
  });
});

describe('describeFreshness', () => {
  const base: FreshnessInfo = {
    lastUpdated: undefined,
    feed: 'unknown',
    lastReceived: undefined,
    expectedIntervalMs: undefined,
    schedule: undefined,
    possiblyOutOfDate: false,
  };
  const london = { timeZone: 'Europe/London' };

  it('words a live feed with the item\'s update time', () => {
    const { text, detail } = describeFreshness({ ...base, feed: 'live', lastUpdated: '2026-11-24T14:32:05Z' }, NOW, london);
    expect(text).to.equal('Live feed · updated 24-Nov-2026 14:32');
    expect(detail).to.contain('as they happen').and.contain('24-Nov-2026 14:32:05 GMT');
    expect(describeFreshness({ ...base, feed: 'live' }, NOW).text).to.equal('Live feed');
  });

  it('words a stale batch feed in words, not colour', () => {
    const f = { ...base, feed: 'batch' as const, schedule: 'twice daily', lastReceived: '2026-11-26T18:00:00Z', possiblyOutOfDate: true };
    const { text, detail } = describeFreshness(f, NOW, london);
    expect(text).to.equal('Batch feed (twice daily) · last received 20 hours ago — may be out of date');
    expect(detail).to.contain('26-Nov-2026 18:00:00 GMT').and.contain('not shown');
  });

  it('words a fresh batch feed without a warning, naming the interval when there is no schedule', () => {
    const f = { ...base, feed: 'batch' as const, expectedIntervalMs: 12 * HOUR, lastReceived: '2026-11-27T11:00:00Z' };
    expect(describeFreshness(f, NOW).text).to.equal('Batch feed (every 12 hours) · last received 3 hours ago');
    expect(describeFreshness({ ...f, expectedIntervalMs: 24 * HOUR }, NOW).text).to.match(/^Batch feed \(daily\)/);
  });

  it('words a batch feed without a received time', () => {
    const { text } = describeFreshness({ ...base, feed: 'batch', possiblyOutOfDate: true }, NOW);
    expect(text).to.equal('Batch feed · last received time not recorded — may be out of date');
  });

  it('says when freshness is not recorded', () => {
    expect(describeFreshness(base, NOW).text).to.equal('Freshness not recorded');
    expect(describeFreshness({ ...base, lastUpdated: '2026-11-24T14:32:05Z' }, NOW, london).detail).to.contain('24-Nov-2026 14:32:05 GMT');
  });
});
