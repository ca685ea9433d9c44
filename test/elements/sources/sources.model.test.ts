import { expect } from '@open-wc/testing';
import type { Organization, Resource } from '@medplum/fhirtypes';
import { RecordIndex } from '../../../src/model/record-index.js';
import type { RecordNotice } from '../../../src/model/record-types.js';
import { FEED_EXTENSION_URL, ODS_ORG_CODE_SYSTEM, SOURCE_TYPE_SYSTEM } from '../../../src/fhir/hie-contract.js';
import { mapSources } from '../../../src/elements/sources/sources.model.js';

const NOW = new Date('2026-11-27T12:00:00Z');

function org(id: string, name: string, type: string, feed?: { mode: string; lastReceived: string; hours?: number }): Organization {
  return {
    resourceType: 'Organization',
    id,
    name,
    identifier: [{ system: ODS_ORG_CODE_SYSTEM, value: id.toUpperCase() }],
    type: [{ coding: [{ system: SOURCE_TYPE_SYSTEM, code: type }] }],
    ...(feed
      ? {
          extension: [
            {
              url: FEED_EXTENSION_URL,
              extension: [
                { url: 'mode', valueCode: feed.mode },
                { url: 'lastReceived', valueDateTime: feed.lastReceived },
                ...(feed.hours ? [{ url: 'expectedInterval', valueDuration: { value: feed.hours, unit: 'h', code: 'h' } }] : []),
              ],
            },
          ],
        }
      : {}),
  } as Organization;
}

const gp = org('gp1', 'Riverside Medical Practice', 'gp', { mode: 'batch', lastReceived: '2026-11-27T09:00:00Z', hours: 12 });
const trust = org('tr1', "St Anselm's Hospital", 'acute', { mode: 'batch', lastReceived: '2026-11-26T16:00:00Z', hours: 12 });

function item(type: string, id: string, field: Record<string, unknown>, lastUpdated?: string): Resource {
  return {
    resourceType: type,
    id,
    subject: { reference: 'Patient/p' },
    ...(lastUpdated ? { meta: { lastUpdated } } : {}),
    ...field,
  } as unknown as Resource;
}

function map(matches: Resource[], notices: RecordNotice[] = []) {
  return mapSources({ matches, index: new RecordIndex([...matches, gp, trust]), now: NOW, notices });
}

describe('mapSources', () => {
  it('counts what each organisation sent, by kind, and names it with its type', () => {
    const rows = map([
      item('MedicationStatement', 'm1', { informationSource: { reference: 'Organization/gp1' } }, '2026-11-20T10:00:00Z'),
      item('MedicationStatement', 'm2', { informationSource: { reference: 'Organization/gp1' } }, '2026-11-25T10:00:00Z'),
      item('Encounter', 'e1', { serviceProvider: { reference: 'Organization/tr1' } }),
      item('Observation', 'o1', { performer: [{ reference: 'Organization/gp1' }] }),
    ]);
    const byName = new Map(rows.map((r) => [r.name, r]));
    const gpRow = byName.get('Riverside Medical Practice')!;
    expect(gpRow.source.type).to.equal('gp');
    expect(gpRow.total).to.equal(3);
    expect(gpRow.counts).to.deep.equal([
      { kind: 'medications', count: 2 },
      { kind: 'results', count: 1 },
    ]);
    expect(gpRow.newestItem).to.equal('2026-11-25T10:00:00Z');
    expect(byName.get("St Anselm's Hospital")!.counts).to.deep.equal([{ kind: 'encounters', count: 1 }]);
  });

  it("states each source's feed, and flags a batch feed older than its schedule", () => {
    const rows = map([
      item('Condition', 'c1', { recorder: { reference: 'Organization/gp1' } }),
      item('Encounter', 'e1', { serviceProvider: { reference: 'Organization/tr1' } }),
    ]);
    const gpRow = rows.find((r) => r.source.odsCode === 'GP1')!;
    const trustRow = rows.find((r) => r.source.odsCode === 'TR1')!;
    expect(gpRow.freshness).to.include({ feed: 'batch', possiblyOutOfDate: false, lastReceived: '2026-11-27T09:00:00Z' });
    expect(trustRow.freshness).to.include({ feed: 'batch', possiblyOutOfDate: true });
  });

  it('keeps items with no named source under "Source not recorded", never a guess', () => {
    const rows = map([item('Condition', 'c1', {})]);
    expect(rows).to.have.length(1);
    expect(rows[0]!.name).to.equal('Source not recorded');
    expect(rows[0]!.source.via).to.equal('none');
  });

  it('marks a source the HIE says did not respond, first, matched by ODS code', () => {
    const outage: RecordNotice = {
      kind: 'source-unavailable',
      message: "St Anselm's Hospital did not respond; its items may be missing",
      source: "St Anselm's Hospital",
      sourceCode: 'TR1',
    };
    const rows = map(
      [
        item('Encounter', 'e1', { serviceProvider: { reference: 'Organization/tr1' } }),
        item('Condition', 'c1', { recorder: { reference: 'Organization/gp1' } }),
      ],
      [outage],
    );
    expect(rows[0]!.source.odsCode).to.equal('TR1');
    expect(rows[0]!.status).to.equal('unavailable');
    expect(rows[0]!.unavailable).to.equal(outage.message);
    expect(rows[1]!.status).to.equal('available');
  });

  it('lists an unavailable source that sent nothing, with no items', () => {
    const rows = map([], [{ kind: 'source-unavailable', message: 'Mental Health Trust did not respond', source: 'Mental Health Trust' }]);
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({ name: 'Mental Health Trust', status: 'unavailable', total: 0 });
  });

  it('does not throw on malformed resources', () => {
    const junk = [{ resourceType: 'Condition', id: 7, meta: 'x', recorder: 'Organization/gp1' }] as unknown as Resource[];
    expect(() => map(junk)).not.to.throw();
  });
});
