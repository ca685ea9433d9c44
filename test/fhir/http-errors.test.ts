import { expect } from '@open-wc/testing';
import { clientWith, expectHieError, fakeFetch, fhirJson, outcome } from './support/fake-hie.js';
import { describe, it } from './support/mocha.js';

async function searchAnswered(response: () => Response) {
  const { fetch, seen } = fakeFetch(response);
  const promise = clientWith(fetch).search('AllergyIntolerance', { patient: 'Patient/p1' });
  return { promise, seen };
}

describe('HieClient HTTP errors', () => {
  it('403 with an OperationOutcome: its text is the message and the outcome is kept', async () => {
    const denied = outcome('No legitimate relationship with this patient', 'forbidden');
    const { promise, seen } = await searchAnswered(() => fhirJson(denied, 403));
    const error = await expectHieError(promise, 'http', 403);
    expect(error.message).to.equal('No legitimate relationship with this patient');
    expect(error.outcome).to.deep.equal(denied);
    expect(error.isForbidden).to.equal(true);
    expect(seen).to.have.length(1);
  });

  it('403 without an OperationOutcome says access was denied', async () => {
    const { promise } = await searchAnswered(() => new Response('Forbidden', { status: 403 }));
    const error = await expectHieError(promise, 'http', 403);
    expect(error.message).to.equal('Access denied by the HIE');
    expect(error.outcome).to.equal(undefined);
  });

  it('500 with an OperationOutcome gives its text', async () => {
    const { promise, seen } = await searchAnswered(() => fhirJson(outcome('Database unavailable', 'exception'), 500));
    const error = await expectHieError(promise, 'http', 500);
    expect(error.message).to.equal('Database unavailable');
    expect(seen).to.have.length(1);
  });

  it('500 with an HTML page gives the status', async () => {
    const { promise } = await searchAnswered(() => new Response('<h1>Internal error</h1>', { status: 500 }));
    const error = await expectHieError(promise, 'http', 500);
    expect(error.message).to.contain('HTTP 500');
    expect(error.outcome).to.equal(undefined);
  });

  it('404 and 400 are not retried', async () => {
    for (const status of [400, 404, 410]) {
      const { promise, seen } = await searchAnswered(() => new Response('', { status }));
      const error = await expectHieError(promise, 'http', status);
      expect(error.message).to.contain(String(status));
      expect(seen).to.have.length(1);
    }
  });
});
