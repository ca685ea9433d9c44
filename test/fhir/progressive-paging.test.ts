import { expect } from '@open-wc/testing';
import type { Resource } from '@medplum/fhirtypes';
import { withSortFallback } from '../../src/fhir/sort-fallback.js';
import type { SearchResult } from '../../src/fhir/types.js';
import { HieError } from '../../src/fhir/errors.js';
import { BASE, answersInOrder, clientWith, fakeFetch, fhirJson, match, outcome, searchset } from './support/fake-hie.js';
import { describe, it } from './support/mocha.js';

const statement = (id: string, date: string): Resource =>
  ({ resourceType: 'MedicationStatement', id, status: 'active', subject: { reference: 'Patient/p1' }, effectiveDateTime: date }) as Resource;

const params = { patient: 'Patient/p1', _count: '100', _sort: '-effective' };

describe('HieClient.search page by page (issue 15)', () => {
  it('hands over each page before the next arrives, and asks 1,000 a page where the link has an item offset', async () => {
    const pages: number[] = [];
    const { fetch, seen } = fakeFetch(
      answersInOrder(
        () => fhirJson(searchset({ entries: [match(statement('a', '2026-03-01'))], total: 3, next: `${BASE}/MedicationStatement?_getpages=x&_getpagesoffset=1&_count=1` })),
        () => fhirJson(searchset({ entries: [match(statement('b', '2026-02-01'))], next: `${BASE}/MedicationStatement?_page=3&_count=1` })),
        () => fhirJson(searchset({ entries: [match(statement('c', '2026-01-01'))] })),
      ),
    );
    const result = await clientWith(fetch).search('MedicationStatement', params, { onPage: (soFar) => pages.push(soFar.matches.length) });
    expect(pages).to.deep.equal([1, 2]);
    // 1,000 a page, never past the entry cap (1,000 by default; one item is in).
    expect(new URL(seen[1]!.url).searchParams.get('_count'), 'offset link resized').to.equal('999');
    expect(new URL(seen[2]!.url).searchParams.get('_count'), 'page-numbered link followed as sent').to.equal('1');
    expect(result.matches).to.have.length(3);
    expect(result.sorted).to.include({ by: '-effective', ordered: true });
  });

  it('sees a server that ignores _sort: an item newer than one before it', async () => {
    const { fetch } = fakeFetch(
      answersInOrder(
        () => fhirJson(searchset({ entries: [match(statement('a', '2026-01-01'))], next: `${BASE}/MedicationStatement?_offset=1&_count=1` })),
        () => fhirJson(searchset({ entries: [match(statement('b', '2026-05-01'))] })),
      ),
    );
    const result = await clientWith(fetch).search('MedicationStatement', params);
    expect(result.sorted?.ordered).to.equal(false);
  });

  it('asks again without _sort only when a 4xx names it', async () => {
    const asked: Array<Record<string, string | string[]>> = [];
    const refusing = withSortFallback(async (p) => {
      asked.push(p);
      if (p['_sort']) throw new HieError('http', 'Bad request', { status: 400, outcome: outcome('Unknown _sort parameter value "-effective"') });
      return { matches: [] } as unknown as SearchResult;
    });
    const result = await refusing(params);
    expect(asked.map((p) => p['_sort'] ?? null)).to.deep.equal(['-effective', null]);
    expect(result.refusedSort).to.equal('-effective');
    const other = withSortFallback(async () => {
      throw new HieError('http', 'Bad request', { status: 400, outcome: outcome('Invalid _include parameter value') });
    });
    let thrown: unknown;
    await other(params).catch((e: unknown) => (thrown = e));
    expect(thrown).to.be.instanceOf(HieError);
  });
});
