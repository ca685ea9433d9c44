import { expect } from '@open-wc/testing';
import { BASE, TOKEN, clientWith, expectHieError, fakeFetch, fhirJson, outcome } from './support/fake-hie.js';
import { describe, it } from './support/mocha.js';

describe('HieClient.fetchAttachment', () => {
  it('GETs an attachment on the HIE origin with the token and returns its bytes', async () => {
    const { fetch, seen } = fakeFetch(
      () => new Response(new Uint8Array([37, 80, 68, 70]), { status: 200, headers: { 'Content-Type': 'application/pdf' } }),
    );
    const blob = await clientWith(fetch).fetchAttachment(`${BASE}/Binary/doc-1`);
    expect(blob.type).to.equal('application/pdf');
    expect(await blob.text()).to.equal('%PDF');
    expect(seen).to.have.length(1);
    expect(seen[0]).to.include({ method: 'GET', authorization: `Bearer ${TOKEN}`, accept: '*/*', redirect: 'error' });
  });

  it('resolves a relative attachment URL against the base URL', async () => {
    const { fetch, seen } = fakeFetch(() => new Response('hello', { status: 200 }));
    await clientWith(fetch).fetchAttachment('Binary/doc-2');
    expect(seen[0]!.url).to.equal(`${BASE}/Binary/doc-2`);
  });

  it('refuses an attachment on another origin without sending anything', async () => {
    const { fetch, seen } = fakeFetch(() => new Response('x'));
    for (const url of ['https://files.example/doc.pdf', 'http://hie.example/fhir/Binary/1', 'data:text/plain,hi']) {
      const error = await expectHieError(clientWith(fetch).fetchAttachment(url), 'invalid-input');
      expect(error.message).to.contain('will not be fetched with the HIE access token');
    }
    expect(seen).to.have.length(0);
  });

  it('reports HTTP errors with the OperationOutcome text', async () => {
    const { fetch } = fakeFetch(() => fhirJson(outcome('Document withheld'), 403));
    const error = await expectHieError(clientWith(fetch).fetchAttachment('Binary/doc-3'), 'http', 403);
    expect(error.message).to.equal('Document withheld');
  });
});
