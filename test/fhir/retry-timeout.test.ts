import { expect } from '@open-wc/testing';
import {
  answersInOrder,
  clientWith,
  expectHieError,
  fakeFetch,
  fakeSleep,
  fhirJson,
  hangingFetch,
  match,
  medicationStatement,
  searchset,
} from './support/fake-hie.js';
import { describe, it } from './support/mocha.js';

const tooMany = (retryAfter?: string) => () =>
  new Response('', { status: 429, headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter } });
const ok = () => fhirJson(searchset({ entries: [match(medicationStatement('m1'))] }));

describe('HieClient retries', () => {
  it('429: waits the Retry-After seconds, then succeeds', async () => {
    const { fetch, seen } = fakeFetch(answersInOrder(tooMany('2'), ok));
    const { sleep, waits } = fakeSleep();
    const result = await clientWith(fetch, { sleep }).search('MedicationStatement', {});
    expect(waits).to.deep.equal([2000]);
    expect(seen).to.have.length(2);
    expect(result.matches).to.have.length(1);
  });

  it('429: waits until a Retry-After HTTP-date', async () => {
    const at = new Date(Date.now() + 6000).toUTCString();
    const { fetch } = fakeFetch(answersInOrder(tooMany(at), ok));
    const { sleep, waits } = fakeSleep();
    await clientWith(fetch, { sleep }).search('MedicationStatement', {});
    expect(waits).to.have.length(1);
    expect(waits[0]).to.be.within(4000, 6000);
  });

  it('429: a malformed or missing Retry-After falls back to the doubling back-off', async () => {
    const { fetch } = fakeFetch(answersInOrder(tooMany('soon'), tooMany(), tooMany('-1'), ok));
    const { sleep, waits } = fakeSleep();
    await clientWith(fetch, { sleep, backoffMs: 100 }).search('MedicationStatement', {});
    expect(waits).to.deep.equal([100, 200, 400]);
  });

  it('429: caps a huge Retry-After at maxRetryAfterMs', async () => {
    const { fetch } = fakeFetch(answersInOrder(tooMany('86400'), tooMany('86400'), ok));
    const { sleep, waits } = fakeSleep();
    await clientWith(fetch, { sleep }).search('MedicationStatement', {});
    expect(waits).to.deep.equal([10_000, 10_000]);
    const capped = fakeSleep();
    const again = fakeFetch(answersInOrder(tooMany('86400'), ok));
    await clientWith(again.fetch, { sleep: capped.sleep, maxRetryAfterMs: 2500 }).search('MedicationStatement', {});
    expect(capped.waits).to.deep.equal([2500]);
  });

  it('429: gives up after maxRetries with the status', async () => {
    const { fetch, seen } = fakeFetch(tooMany('1'));
    const { sleep, waits } = fakeSleep();
    const error = await expectHieError(clientWith(fetch, { sleep, maxRetries: 2 }).search('MedicationStatement', {}), 'http', 429);
    expect(seen).to.have.length(3);
    expect(waits).to.deep.equal([1000, 1000]);
    expect(error.message).to.contain('429');
  });

  it('503: retries, then succeeds', async () => {
    const unavailable = () => new Response('', { status: 503, headers: { 'Retry-After': '3' } });
    const { fetch, seen } = fakeFetch(answersInOrder(unavailable, ok));
    const { sleep, waits } = fakeSleep();
    const result = await clientWith(fetch, { sleep }).search('MedicationStatement', {});
    expect(waits).to.deep.equal([3000]);
    expect(seen).to.have.length(2);
    expect(result.matches).to.have.length(1);
  });

  it('503: after the default 3 retries fails with status 503', async () => {
    const { fetch, seen } = fakeFetch(() => new Response('', { status: 503 }));
    await expectHieError(clientWith(fetch).search('MedicationStatement', {}), 'http', 503);
    expect(seen).to.have.length(4);
  });

  it('network errors: retries with doubling back-off, then succeeds', async () => {
    const down = () => Promise.reject(new TypeError('Failed to fetch'));
    const { fetch, seen } = fakeFetch(answersInOrder(down, down, ok));
    const { sleep, waits } = fakeSleep();
    const result = await clientWith(fetch, { sleep }).search('MedicationStatement', {});
    expect(waits).to.deep.equal([300, 600]);
    expect(seen).to.have.length(3);
    expect(result.matches).to.have.length(1);
  });

  it('network errors: after maxRetries fails with kind network', async () => {
    const { fetch, seen } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const { sleep, waits } = fakeSleep();
    const error = await expectHieError(clientWith(fetch, { sleep, maxRetries: 2, backoffMs: 50 }).search('MedicationStatement', {}), 'network');
    expect(seen).to.have.length(3);
    expect(waits).to.deep.equal([50, 100]);
    expect(error.message).to.contain('could not be reached');
  });

  it('uses the real sleep when none is injected', async () => {
    const { fetch } = fakeFetch(answersInOrder(() => Promise.reject(new TypeError('Failed to fetch')), ok));
    const started = performance.now();
    await clientWith(fetch, { sleep: undefined, backoffMs: 30 }).search('MedicationStatement', {});
    expect(performance.now() - started).to.be.at.least(25);
  });
});

describe('HieClient timeout and abort', () => {
  it('times out a request that never answers, aborting the fetch', async () => {
    const hanging = hangingFetch();
    const started = performance.now();
    const error = await expectHieError(clientWith(hanging.fetch, { timeoutMs: 40 }).search('MedicationStatement', {}), 'timeout');
    expect(performance.now() - started).to.be.below(2000);
    expect(error.message).to.contain('did not answer');
    expect(hanging.aborted()).to.equal(1);
    expect(hanging.seen).to.have.length(1);
  });

  it("the caller's signal aborts the in-flight request and nothing resolves afterwards", async () => {
    const hanging = hangingFetch();
    const controller = new AbortController();
    const promise = clientWith(hanging.fetch).search('MedicationStatement', {}, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    await expectHieError(promise, 'aborted');
    expect(hanging.aborted()).to.equal(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const { fetch, seen } = fakeFetch(ok);
    const controller = new AbortController();
    controller.abort();
    await expectHieError(clientWith(fetch).search('MedicationStatement', {}, { signal: controller.signal }), 'aborted');
    expect(seen).to.have.length(0);
  });

  it('aborting during a retry wait stops the retries', async () => {
    const { fetch, seen } = fakeFetch(tooMany('5'));
    const controller = new AbortController();
    const promise = clientWith(fetch, { sleep: undefined }).search('MedicationStatement', {}, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await expectHieError(promise, 'aborted');
    expect(seen).to.have.length(1);
  });

  it('aborting between pages stops paging', async () => {
    const controller = new AbortController();
    const { fetch, seen } = fakeFetch(() => {
      controller.abort();
      return fhirJson(searchset({ next: 'MedicationStatement?page=2' }));
    });
    await expectHieError(clientWith(fetch).search('MedicationStatement', {}, { signal: controller.signal }), 'aborted');
    expect(seen).to.have.length(1);
  });

  it('writes nothing to the console while failing', async () => {
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((name) => console[name]);
    const written: unknown[] = [];
    methods.forEach((name) => {
      console[name] = (...args: unknown[]) => void written.push(args);
    });
    try {
      const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
      await expectHieError(clientWith(fetch).search('MedicationStatement', {}), 'network');
      const hanging = hangingFetch();
      await expectHieError(clientWith(hanging.fetch, { timeoutMs: 10 }).search('MedicationStatement', {}), 'timeout');
    } finally {
      methods.forEach((name, i) => {
        console[name] = originals[i]!;
      });
    }
    expect(written).to.deep.equal([]);
  });
});
