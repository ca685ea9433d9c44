import type { Resource } from '@medplum/fhirtypes';
import { RecordIndex } from '../../src/model/record-index.js';
import type { ModelInput } from '../../src/model/record-types.js';
import { FEED_EXTENSION_URL, ODS_ORG_CODE_SYSTEM, SOURCE_SYSTEM_IDENTIFIER, SOURCE_TYPE_SYSTEM } from '../../src/fhir/hie-contract.js';

/** The model tests' "now": every relative date and every freshness verdict is read against it. */
export const NOW = new Date('2026-11-27T14:00:00Z');

/** A batch received at 18:00 the evening before NOW, due every 12 hours: possibly out of date by NOW. */
export const OVERDUE_BATCH: FeedFixture = { mode: 'batch', lastReceived: '2026-11-26T18:00:00Z' };

export interface FeedFixture {
  mode: string;
  lastReceived: string;
}

export interface OrganisationFixture {
  /** ODS code: the id in capitals unless given; `null` sends none. */
  ods?: string | null;
  /** The FHIR base of the source's own system, which the HIE names the source by; `true`: https://<id>.example/fhir. */
  sourceSystem?: string | true;
  /** How its data reaches the HIE; a 12-hour expected interval. */
  feed?: FeedFixture;
}

/** ISO time `hours` before NOW, for feeds received a while ago. */
export function hoursBeforeNow(hours: number): string {
  return new Date(NOW.getTime() - hours * 3_600_000).toISOString();
}

function systemOf(id: string, sourceSystem: string | true): string {
  return sourceSystem === true ? `https://${id}.example/fhir` : sourceSystem;
}

/** A source Organization as the HIE sends it: identifiers, source type and, when given, its feed. */
export function organisation(id: string, name: string, type: string, fixture: OrganisationFixture = {}): Resource {
  const ods = fixture.ods === undefined ? id.toUpperCase() : fixture.ods;
  const identifier = [
    ...(ods === null ? [] : [{ system: ODS_ORG_CODE_SYSTEM, value: ods }]),
    ...(fixture.sourceSystem ? [{ system: SOURCE_SYSTEM_IDENTIFIER, value: systemOf(id, fixture.sourceSystem) }] : []),
  ];
  return {
    resourceType: 'Organization',
    id,
    name,
    ...(identifier.length > 0 ? { identifier } : {}),
    type: [{ coding: [{ system: SOURCE_TYPE_SYSTEM, code: type }] }],
    ...(fixture.feed
      ? {
          extension: [
            {
              url: FEED_EXTENSION_URL,
              extension: [
                { url: 'mode', valueCode: fixture.feed.mode },
                { url: 'lastReceived', valueDateTime: fixture.feed.lastReceived },
                { url: 'expectedInterval', valueDuration: { value: 12, code: 'h' } },
              ],
            },
          ],
        }
      : {}),
  } as unknown as Resource;
}

/** A hospital on a live feed, last heard from six minutes before NOW. */
export const hospital = organisation('hosp', 'Riverside University Hospitals NHS Trust', 'acute', {
  sourceSystem: true,
  feed: { mode: 'live', lastReceived: hoursBeforeNow(0.1) },
});

/** A hospital whose 12-hourly batch last arrived 20 hours before NOW: its items may be out of date. */
export const stale = organisation('stale', "St Anselm's Hospital NHS Foundation Trust", 'acute', {
  sourceSystem: true,
  feed: { mode: 'batch', lastReceived: hoursBeforeNow(20) },
});

/** What a widget model receives: the matches, with them and `included` to resolve references in. */
export function modelInput(matches: Resource[], included: Resource[] = [], now: Date = NOW): ModelInput {
  return { matches, index: new RecordIndex([...matches, ...included]), now };
}
