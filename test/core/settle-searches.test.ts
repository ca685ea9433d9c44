import { expect } from '@open-wc/testing';
import { HieError } from '../../src/fhir/errors.js';
import { emptySearchResult } from '../../src/fhir/search-result.js';
import type { Resource } from '@medplum/fhirtypes';
import type { SearchResult } from '../../src/fhir/types.js';
import { settleSearches } from '../../src/core/settle-searches.js';
import { noticesFromSearch } from '../../src/model/notices.js';

const answered = (id: string): SearchResult => ({ ...emptySearchResult(), matches: [{ resourceType: 'Basic', id } as Resource] });

const http = (status: number, message = `HTTP ${status}`) => new HieError('http', message, { status });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the searches to fail');
}

describe('settleSearches', () => {
  it('keeps the answered searches and marks one the server does not offer (404, 405, 501)', async () => {
    for (const status of [404, 405, 501]) {
      const results = await settleSearches([
        { resourceType: 'MedicationStatement', run: Promise.reject(http(status, 'Unknown resource type')) },
        { resourceType: 'MedicationRequest', run: Promise.resolve(answered('r1')) },
      ]);
      expect(results[0]!.matches, `HTTP ${status}`).to.deep.equal([]);
      expect(results[0]!.unsupported).to.deep.equal({ resourceType: 'MedicationStatement', reason: 'Unknown resource type' });
      expect(results[1]!.matches.map((m) => m.id)).to.deep.equal(['r1']);
    }
  });

  it('fails as before on any other error, even when another search was answered', async () => {
    for (const error of [http(500), http(403), http(401), http(400), new HieError('timeout', 'slow'), new HieError('aborted', 'gone')]) {
      const thrown = await rejection(
        settleSearches([
          { resourceType: 'MedicationStatement', run: Promise.reject(http(404)) },
          { resourceType: 'MedicationRequest', run: Promise.reject(error) },
          { resourceType: 'Medication', run: Promise.resolve(answered('r1')) },
        ]),
      );
      expect(thrown, error.message).to.equal(error);
    }
  });

  it('fails at once on another error, without waiting for a search still under way', async () => {
    const never = new Promise<SearchResult>(() => {});
    const error = http(500);
    const thrown = await rejection(
      settleSearches([
        { resourceType: 'MedicationStatement', run: never },
        { resourceType: 'MedicationRequest', run: Promise.reject(error) },
      ]),
    );
    expect(thrown).to.equal(error);
  });

  it('fails when no search is offered at all, with the first error', async () => {
    const first = http(404, 'no MedicationStatement');
    const thrown = await rejection(
      settleSearches([
        { resourceType: 'MedicationStatement', run: Promise.reject(first) },
        { resourceType: 'MedicationRequest', run: Promise.reject(http(404)) },
      ]),
    );
    expect(thrown).to.equal(first);
  });

  it('shortens a long server message in the notice (HAPI lists every type it knows)', () => {
    const hapi = `HAPI-0302: Unknown resource type 'Composition' - Server knows how to handle: [${'Account, ActivityDefinition, '.repeat(20)}]`;
    const [notice] = noticesFromSearch({
      outcomes: [],
      truncated: false,
      shown: 0,
      skipped: [],
      unsupported: { resourceType: 'Composition', reason: hapi },
    });
    expect(notice!.message).to.equal(
      "The HIE does not offer a search for Composition records (it said: HAPI-0302: Unknown resource type 'Composition' - Server knows how to handle: [Account, ActivityDefinition, Account…); any such records it holds are not shown.",
    );
  });

  it('says in a notice which search the HIE does not offer and that its items are not shown', () => {
    const notices = noticesFromSearch({
      outcomes: [],
      truncated: false,
      shown: 0,
      skipped: [],
      unsupported: { resourceType: 'MedicationStatement', reason: 'Unknown resource type' },
    });
    expect(notices).to.deep.equal([
      {
        kind: 'search-unsupported',
        message:
          'The HIE does not offer a search for MedicationStatement records (it said: Unknown resource type); any such records it holds are not shown.',
      },
    ]);
  });
});
