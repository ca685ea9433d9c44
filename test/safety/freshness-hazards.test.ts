import { expect } from '@open-wc/testing';
import type { Organization, Resource } from '@medplum/fhirtypes';
import { FEED_EXTENSION_URL } from '../../src/fhir/hie-contract.js';
import { describeFreshness, resolveFreshness } from '../../src/model/freshness.js';

/** Hazard H-02 (stale data shown as current): clock skew and missing times must not read as fresh. */

const NOW = new Date('2026-11-27T14:00:00Z');
const item = { resourceType: 'MedicationStatement' } as Resource;
const batch = (lastReceived?: string): Organization =>
  ({
    resourceType: 'Organization',
    id: 'o',
    name: 'Riverside Surgery',
    extension: [
      {
        url: FEED_EXTENSION_URL,
        extension: [{ url: 'mode', valueCode: 'batch' }, ...(lastReceived ? [{ url: 'lastReceived', valueDateTime: lastReceived }] : [])],
      },
    ],
  }) as unknown as Organization;

describe('freshness hazards', () => {
  it('says "clocks disagree" for a batch received in the future, never "ago"', () => {
    const f = resolveFreshness(item, batch('2026-11-29T14:00:00Z'), NOW);
    const { text } = describeFreshness(f, NOW);
    expect(text).to.contain('clocks disagree');
    expect(text).not.to.match(/-\d|ago/);
  });

  it('warns that a batch feed received in the future (clock skew) may be out of date', () => {
    // We cannot tell how old the batch is when the HIE's clock is ahead: warn, as for a missing time.
    const f = resolveFreshness(item, batch('2026-11-29T14:00:00Z'), NOW);
    expect(f.possiblyOutOfDate).to.equal(true);
    expect(describeFreshness(f, NOW).text).to.contain('may be out of date');
  });

  it('says an item without lastUpdated on a live feed is live, with no invented time', () => {
    const live = { ...batch(), extension: [{ url: FEED_EXTENSION_URL, extension: [{ url: 'mode', valueCode: 'live' }] }] } as Organization;
    const { text } = describeFreshness(resolveFreshness(item, live, NOW), NOW);
    expect(text).to.equal('Live feed');
  });
});
