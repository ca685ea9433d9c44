import { expect } from '@open-wc/testing';
import { shortFreshness, shortSourceName } from '../../src/model/short-provenance.js';
import type { FreshnessInfo, SourceInfo } from '../../src/model/record-types.js';

const source = (name: string | undefined): SourceInfo => ({ key: 'k', name, odsCode: undefined, type: undefined, typeLabel: '', via: 'resource' });
const fresh = (f: Partial<FreshnessInfo>): FreshnessInfo => ({
  lastUpdated: undefined,
  feed: 'unknown',
  lastReceived: undefined,
  expectedIntervalMs: undefined,
  schedule: undefined,
  possiblyOutOfDate: false,
  ...f,
});

describe('short source and freshness', () => {
  it('shortens a trust name and keeps other names whole', () => {
    expect(shortSourceName(source('Riverside University Hospitals NHS Trust'))).to.equal('Riverside UHT');
    expect(shortSourceName(source("St Anselm's Hospital NHS Foundation Trust"))).to.equal("St Anselm's Hospital");
    expect(shortSourceName(source('Elm Tree Surgery'))).to.equal('Elm Tree Surgery');
    expect(shortSourceName(source(undefined))).to.equal(undefined);
  });

  it('says live with the time today, batch with its age and the out-of-date mark', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(shortFreshness(fresh({ feed: 'live', lastUpdated: '2026-11-25T07:45:00Z' }), now).text).to.match(/^live · \d\d:45$/);
    expect(shortFreshness(fresh({ feed: 'live', lastUpdated: '2026-03-12' }), now).text).to.equal('live · 12-Mar-2026');
    expect(shortFreshness(fresh({ feed: 'batch', lastReceived: '2026-11-24T16:00:00Z', possiblyOutOfDate: true }), now)).to.deep.equal({
      text: 'batch · 20 h old',
      stale: true,
    });
    expect(shortFreshness(fresh({ feed: 'batch', possiblyOutOfDate: true }), now)).to.deep.equal({ text: 'batch · age not recorded', stale: true });
    expect(shortFreshness(fresh({}), now).text).to.equal('freshness not recorded');
  });
});
