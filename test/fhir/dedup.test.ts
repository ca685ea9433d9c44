import { expect } from '@open-wc/testing';
import { sharedRequestsInFlight } from '../../src/fhir/inflight.js';
import {
  TOKEN,
  clientWith,
  expectHieError,
  fakeFetch,
  fhirJson,
  hangingFetch,
  match,
  medicationStatement,
  searchset,
  type SeenRequest,
} from './support/fake-hie.js';
import { describe, it } from './support/mocha.js';

/** A fetch whose answers wait until `release()` so that requests overlap. */
function gatedFetch() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const fake = fakeFetch(async (request: SeenRequest) => {
    await gate;
    if (request.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return fhirJson(searchset({ entries: [match(medicationStatement('m1'))] }));
  });
  return { ...fake, release: () => open() };
}

describe('HieClient shared in-flight requests', () => {
  it('two concurrent identical searches from two clients share one fetch and one parsed body', async () => {
    const gated = gatedFetch();
    const first = clientWith(gated.fetch).search('MedicationStatement', { patient: 'Patient/p1' });
    const second = clientWith(gated.fetch).search('MedicationStatement', { patient: 'Patient/p1' });
    await Promise.resolve();
    gated.release();
    const [a, b] = await Promise.all([first, second]);
    expect(gated.seen).to.have.length(1);
    expect(a.matches[0]).to.equal(b.matches[0]);
    expect(Object.isFrozen(a.matches[0])).to.equal(true);
    expect(a.matches).not.to.equal(b.matches);
    expect(sharedRequestsInFlight()).to.equal(0);
  });

  it('keeps nothing after the request settles', async () => {
    const { fetch, seen } = fakeFetch(() => fhirJson(searchset()));
    const client = clientWith(fetch);
    await client.search('MedicationStatement', { patient: 'Patient/p1' });
    await client.search('MedicationStatement', { patient: 'Patient/p1' });
    expect(seen).to.have.length(2);
    expect(sharedRequestsInFlight()).to.equal(0);
  });

  it('does not share between different tokens', async () => {
    const gated = gatedFetch();
    const first = clientWith(gated.fetch).search('MedicationStatement', { patient: 'Patient/p1' });
    const second = clientWith(gated.fetch, { tokenProvider: () => 'OTHER-TOKEN' }).search('MedicationStatement', {
      patient: 'Patient/p1',
    });
    await Promise.resolve();
    gated.release();
    await Promise.all([first, second]);
    expect(gated.seen.map((r) => r.authorization).sort()).to.deep.equal(['Bearer OTHER-TOKEN', `Bearer ${TOKEN}`]);
  });

  it('does not share between different URLs', async () => {
    const gated = gatedFetch();
    const first = clientWith(gated.fetch).search('MedicationStatement', { patient: 'Patient/p1' });
    const second = clientWith(gated.fetch).search('MedicationStatement', { patient: 'Patient/p2' });
    await Promise.resolve();
    gated.release();
    await Promise.all([first, second]);
    expect(gated.seen).to.have.length(2);
  });

  it('one caller aborting does not abort the other', async () => {
    const gated = gatedFetch();
    const controller = new AbortController();
    const leaving = clientWith(gated.fetch).search('MedicationStatement', {}, { signal: controller.signal });
    const staying = clientWith(gated.fetch).search('MedicationStatement', {});
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expectHieError(leaving, 'aborted');
    expect(gated.seen[0]!.signal!.aborted).to.equal(false);
    gated.release();
    const result = await staying;
    expect(result.matches).to.have.length(1);
    expect(gated.seen).to.have.length(1);
  });

  it('aborts the shared fetch once every caller has aborted', async () => {
    const hanging = hangingFetch();
    const first = new AbortController();
    const second = new AbortController();
    const a = clientWith(hanging.fetch).search('MedicationStatement', {}, { signal: first.signal });
    const b = clientWith(hanging.fetch).search('MedicationStatement', {}, { signal: second.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(hanging.seen).to.have.length(1);
    first.abort();
    await expectHieError(a, 'aborted');
    expect(hanging.aborted()).to.equal(0);
    second.abort();
    await expectHieError(b, 'aborted');
    expect(hanging.aborted()).to.equal(1);
    expect(sharedRequestsInFlight()).to.equal(0);
  });

  it('a new request after every caller left starts a fresh fetch', async () => {
    const hanging = hangingFetch();
    const controller = new AbortController();
    const gone = clientWith(hanging.fetch).search('MedicationStatement', {}, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expectHieError(gone, 'aborted');
    const again = clientWith(hanging.fetch, { timeoutMs: 20 }).search('MedicationStatement', {});
    await expectHieError(again, 'timeout');
    expect(hanging.seen).to.have.length(2);
  });
});
