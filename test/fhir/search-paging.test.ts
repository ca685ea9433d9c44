import { expect } from '@open-wc/testing';
import type { BundleEntry, Resource } from '@medplum/fhirtypes';
import {
  BASE,
  TOKEN,
  answersInOrder,
  clientWith,
  expectHieError,
  fakeFetch,
  fhirJson,
  match,
  medicationStatement,
  searchset,
} from './support/fake-hie.js';
import { describe, it } from './support/mocha.js';

function statements(from: number, count: number) {
  return Array.from({ length: count }, (_unused, i) => match(medicationStatement(`m${from + i}`)));
}

describe('HieClient.search paging', () => {
  it('sends one GET with FHIR JSON Accept, the token, no redirects and no caching', async () => {
    const { fetch, seen } = fakeFetch(() => fhirJson(searchset({ entries: statements(1, 1), total: 1 })));
    const result = await clientWith(fetch).search('MedicationStatement', { patient: 'Patient/p1', _count: '50' });
    expect(seen).to.have.length(1);
    expect(seen[0]).to.include({
      url: `${BASE}/MedicationStatement?patient=Patient%2Fp1&_count=50`,
      method: 'GET',
      accept: 'application/fhir+json',
      authorization: `Bearer ${TOKEN}`,
      redirect: 'error',
      cache: 'no-store',
    });
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1']);
    expect(result.truncated).to.equal(false);
    expect(result.total).to.equal(1);
    expect(result.fetchedAt).to.be.instanceOf(Date);
  });

  it('repeats array parameters and accepts URLSearchParams', async () => {
    const { fetch, seen } = fakeFetch(() => fhirJson(searchset()));
    const client = clientWith(fetch);
    await client.search('Observation', { patient: 'Patient/p1', category: ['laboratory', 'vital-signs'] });
    await client.search('Observation', new URLSearchParams([['code', 'a|b']]));
    expect(seen[0]!.url).to.equal(`${BASE}/Observation?patient=Patient%2Fp1&category=laboratory&category=vital-signs`);
    expect(seen[1]!.url).to.equal(`${BASE}/Observation?code=a%7Cb`);
  });

  it('follows next links across pages, asking for a token for each page', async () => {
    const { fetch, seen } = fakeFetch(
      answersInOrder(
        () => fhirJson(searchset({ entries: statements(1, 2), total: 5, next: `${BASE}/MedicationStatement?page=2` })),
        () => fhirJson(searchset({ entries: statements(3, 2), next: `${BASE}/MedicationStatement?page=3` })),
        () => fhirJson(searchset({ entries: statements(5, 1) })),
      ),
    );
    const tokenRequests: boolean[] = [];
    const client = clientWith(fetch, { tokenProvider: ({ forceRefresh }) => (tokenRequests.push(forceRefresh), TOKEN) });
    const result = await client.search('MedicationStatement', { patient: 'Patient/p1' });
    expect(seen.map((r) => r.url)).to.deep.equal([
      `${BASE}/MedicationStatement?patient=Patient%2Fp1`,
      `${BASE}/MedicationStatement?page=2`,
      `${BASE}/MedicationStatement?page=3`,
    ]);
    expect(tokenRequests).to.deep.equal([false, false, false]);
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(result.total).to.equal(5);
    expect(result.truncated).to.equal(false);
  });

  it('resolves a relative next link against the base URL', async () => {
    const { fetch, seen } = fakeFetch(
      answersInOrder(
        () => fhirJson(searchset({ entries: statements(1, 1), next: 'MedicationStatement?page=2' })),
        () => fhirJson(searchset({ entries: statements(2, 1), next: '/fhir/MedicationStatement?page=3' })),
        () => fhirJson(searchset({ entries: statements(3, 1) })),
      ),
    );
    const result = await clientWith(fetch).search('MedicationStatement', {});
    expect(seen.map((r) => r.url)).to.deep.equal([
      `${BASE}/MedicationStatement`,
      `${BASE}/MedicationStatement?page=2`,
      `${BASE}/MedicationStatement?page=3`,
    ]);
    expect(result.matches).to.have.length(3);
  });

  it('stops at maxEntries: slices to the cap, marks truncated and keeps the server total', async () => {
    const { fetch, seen } = fakeFetch(
      answersInOrder(
        () => fhirJson(searchset({ entries: statements(1, 3), total: 40, next: `${BASE}/MedicationStatement?page=2` })),
        () => fhirJson(searchset({ entries: statements(4, 3), total: 40, next: `${BASE}/MedicationStatement?page=3` })),
      ),
    );
    const result = await clientWith(fetch, { maxEntries: 5 }).search('MedicationStatement', {});
    expect(seen).to.have.length(2);
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(result.truncated).to.equal(true);
    expect(result.total).to.equal(40);
  });

  it('marks truncated when the cap is reached exactly and another page exists', async () => {
    const { fetch, seen } = fakeFetch(
      answersInOrder(() => fhirJson(searchset({ entries: statements(1, 2), next: `${BASE}/MedicationStatement?page=2` }))),
    );
    const result = await clientWith(fetch, { maxEntries: 2 }).search('MedicationStatement', {});
    expect(seen).to.have.length(1);
    expect(result.truncated).to.equal(true);
    expect(result.total).to.equal(undefined);
  });

  it('is not truncated when the cap is reached exactly on the last page', async () => {
    const { fetch } = fakeFetch(() => fhirJson(searchset({ entries: statements(1, 2), total: 2 })));
    const result = await clientWith(fetch, { maxEntries: 2 }).search('MedicationStatement', {});
    expect(result.truncated).to.equal(false);
    expect(result.matches).to.have.length(2);
  });

  it('takes Bundle.total from a later page when the first page leaves it out (HAPI counts in the background)', async () => {
    const { fetch } = fakeFetch(
      answersInOrder(
        () => fhirJson(searchset({ entries: statements(1, 3), next: `${BASE}?_getpages=abc&_getpagesoffset=3` })),
        () => fhirJson(searchset({ entries: statements(4, 3), total: 40, next: `${BASE}?_getpages=abc&_getpagesoffset=6` })),
      ),
    );
    const result = await clientWith(fetch, { maxEntries: 5 }).search('MedicationStatement', {});
    expect(result.truncated).to.equal(true);
    expect(result.total).to.equal(40);
  });

  it('keeps one copy of an item the server repeats on a later page (offset paging, unstable sort)', async () => {
    const { fetch } = fakeFetch(
      answersInOrder(
        () => fhirJson(searchset({ entries: statements(1, 2), total: 3, next: `${BASE}/MedicationStatement?_offset=2` })),
        () => fhirJson(searchset({ entries: statements(2, 2) })),
      ),
    );
    const result = await clientWith(fetch).search('MedicationStatement', {});
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1', 'm2', 'm3']);
  });

  /** A search answered by two pages, `first` then `second`. */
  async function searchOverTwoPages(first: BundleEntry[], second: BundleEntry[]) {
    const { fetch } = fakeFetch(
      answersInOrder(
        () => fhirJson(searchset({ entries: first, next: `${BASE}/MedicationStatement?_offset=${first.length}` })),
        () => fhirJson(searchset({ entries: second })),
      ),
    );
    return clientWith(fetch).search('MedicationStatement', {});
  }

  const medicineText = (r: unknown) => (r as { medicationCodeableConcept?: { text?: string } }).medicationCodeableConcept?.text;

  it('keeps the newer version of an item that changed between pages, in its first place', async () => {
    const version = (lastUpdated: string, text: string) =>
      match({ ...medicationStatement('m1'), meta: { lastUpdated }, medicationCodeableConcept: { text } } as Resource);
    const result = await searchOverTwoPages(
      [version('2026-11-20T10:00:00Z', 'old dose'), ...statements(2, 1)],
      [version('2026-11-27T09:00:00Z', 'new dose')],
    );
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1', 'm2']);
    expect(medicineText(result.matches[0])).to.equal('new dose');
  });

  it('keeps the first copy when a repeated item is not newer', async () => {
    const version = (lastUpdated: string, text: string) =>
      match({ ...medicationStatement('m1'), meta: { lastUpdated, versionId: '3' }, medicationCodeableConcept: { text } } as Resource);
    const result = await searchOverTwoPages([version('2026-11-27T09:00:00Z', 'current')], [version('2026-11-20T10:00:00Z', 'stale')]);
    expect(result.matches).to.have.length(1);
    expect(medicineText(result.matches[0])).to.equal('current');
  });

  it('keeps both copies of a repeated id whose contents differ when neither is known to be newer', async () => {
    const copy = (text: string) => ({ ...medicationStatement('m1'), medicationCodeableConcept: { text } });
    const { fetch } = fakeFetch(
      answersInOrder(
        () => fhirJson(searchset({ entries: [match(copy('10 mg'))], next: `${BASE}/MedicationStatement?_offset=1` })),
        () => fhirJson(searchset({ entries: [match(copy('20 mg')), match(copy('10 mg'))] })),
      ),
    );
    const result = await clientWith(fetch).search('MedicationStatement', {});
    const texts = result.matches.map((r) => (r as { medicationCodeableConcept?: { text?: string } }).medicationCodeableConcept?.text);
    expect(texts).to.deep.equal(['10 mg', '20 mg']);
  });

  it('keeps both copies of a repeated id that name different patients, for the patient guard to judge', async () => {
    const other = {
      ...medicationStatement('m1'),
      subject: { reference: 'Patient/p2' },
      meta: { lastUpdated: '2026-11-27T09:00:00Z' },
    } as unknown as ReturnType<typeof medicationStatement>;
    const { fetch } = fakeFetch(
      answersInOrder(
        () => fhirJson(searchset({ entries: statements(1, 1), next: `${BASE}/MedicationStatement?_offset=1` })),
        () => fhirJson(searchset({ entries: [match(other)] })),
      ),
    );
    const result = await clientWith(fetch).search('MedicationStatement', {});
    const subjects = result.matches.map((r) => (r as { subject?: { reference?: string } }).subject?.reference);
    expect(subjects).to.deep.equal(['Patient/p1', 'Patient/p2']);
  });

  it('caps at 1000 entries by default', async () => {
    const { fetch } = fakeFetch(() => fhirJson(searchset({ entries: statements(1, 1001), total: 1001 })));
    const result = await clientWith(fetch).search('MedicationStatement', {});
    expect(result.matches).to.have.length(1000);
    expect(result.truncated).to.equal(true);
    expect(result.total).to.equal(1001);
  });

  it('detects a paging loop (a next link repeating any earlier page)', async () => {
    const first = `${BASE}/MedicationStatement`;
    const { fetch, seen } = fakeFetch(
      answersInOrder(
        () => fhirJson(searchset({ entries: statements(1, 1), next: `${BASE}/MedicationStatement?page=2` })),
        () => fhirJson(searchset({ entries: statements(2, 1), next: first })),
      ),
    );
    const error = await expectHieError(clientWith(fetch).search('MedicationStatement', {}), 'invalid-response');
    expect(error.message).to.match(/paging loop/);
    expect(seen).to.have.length(2);
  });

  it('does not follow a next link to another origin, and never sends the token there', async () => {
    const { fetch, seen } = fakeFetch(
      answersInOrder(() =>
        fhirJson(searchset({ entries: statements(1, 1), next: 'https://evil.example/fhir/MedicationStatement?page=2' })),
      ),
    );
    const error = await expectHieError(clientWith(fetch).search('MedicationStatement', {}), 'invalid-response');
    expect(error.message).to.contain('https://evil.example');
    expect(error.message).to.contain('token is not sent');
    expect(seen).to.have.length(1);
    for (const request of seen) {
      if (new URL(request.url).origin !== new URL(BASE).origin) expect(request.authorization).to.equal(null);
    }
    expect(seen.every((request) => request.url.startsWith(BASE))).to.equal(true);
  });

  it('treats another scheme or port as another origin', async () => {
    for (const next of ['http://hie.example/fhir/X?page=2', 'https://hie.example:8443/fhir/X?page=2', 'javascript:alert(1)']) {
      const { fetch, seen } = fakeFetch(answersInOrder(() => fhirJson(searchset({ entries: statements(1, 1), next }))));
      await expectHieError(clientWith(fetch).search('MedicationStatement', {}), 'invalid-response');
      expect(seen, next).to.have.length(1);
    }
  });

  it('refuses a next link with no URL rather than silently stopping', async () => {
    const bundle = { ...searchset({ entries: statements(1, 1) }), link: [{ relation: 'next' }] };
    const { fetch } = fakeFetch(() => fhirJson(bundle));
    await expectHieError(clientWith(fetch).search('MedicationStatement', {}), 'invalid-response');
  });

  it('refuses a next link that is not a URL', async () => {
    const { fetch, seen } = fakeFetch(() => fhirJson(searchset({ entries: statements(1, 1), next: 'https://[broken' })));
    const error = await expectHieError(clientWith(fetch).search('MedicationStatement', {}), 'invalid-response');
    expect(error.message).to.contain('not a URL');
    expect(seen).to.have.length(1);
  });

  it('refuses a resource type name that could change the path', async () => {
    const { fetch, seen } = fakeFetch(() => fhirJson(searchset()));
    for (const bad of ['../admin', 'medicationStatement', 'Patient/1', '']) {
      await expectHieError(clientWith(fetch).search(bad, {}), 'invalid-input');
    }
    expect(seen).to.have.length(0);
  });
});
