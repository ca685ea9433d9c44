import { expect } from '@open-wc/testing';
import type { TokenProvider } from '../../src/fhir/types.js';
import {
  TOKEN,
  answersInOrder,
  clientWith,
  expectHieError,
  fakeFetch,
  fhirJson,
  outcome,
  searchset,
} from './support/fake-hie.js';
import { describe, it } from './support/mocha.js';

const FRESH = 'FRESH-TOKEN-def456';

/** A token provider that hands out `tokens` in turn and records each forceRefresh flag. */
function tokensInTurn(...tokens: string[]): { provider: TokenProvider; asked: boolean[] } {
  const asked: boolean[] = [];
  return {
    asked,
    provider: async ({ forceRefresh }) => {
      asked.push(forceRefresh);
      return tokens[Math.min(asked.length - 1, tokens.length - 1)]!;
    },
  };
}

describe('HieClient tokens', () => {
  it('after a 401 asks once for a refreshed token and retries once with it', async () => {
    const { fetch, seen } = fakeFetch(
      answersInOrder(
        () => fhirJson(outcome('Token expired'), 401),
        () => fhirJson(searchset()),
      ),
    );
    const tokens = tokensInTurn(TOKEN, FRESH);
    const result = await clientWith(fetch, { tokenProvider: tokens.provider }).search('Condition', {});
    expect(result.matches).to.deep.equal([]);
    expect(tokens.asked).to.deep.equal([false, true]);
    expect(tokens.asked.filter(Boolean)).to.have.length(1);
    expect(seen.map((r) => r.authorization)).to.deep.equal([`Bearer ${TOKEN}`, `Bearer ${FRESH}`]);
  });

  it('gives up with a 401 error when the refreshed token is refused too', async () => {
    const { fetch, seen } = fakeFetch(() => new Response('', { status: 401 }));
    const tokens = tokensInTurn(TOKEN, FRESH);
    const error = await expectHieError(
      clientWith(fetch, { tokenProvider: tokens.provider }).search('Condition', {}),
      'http',
      401,
    );
    expect(error.isUnauthorized).to.equal(true);
    expect(seen).to.have.length(2);
    expect(tokens.asked).to.deep.equal([false, true]);
    await expectHieError(Promise.reject(error), 'http', 401, FRESH);
  });

  it('sends nothing without a token provider', async () => {
    const { fetch, seen } = fakeFetch(() => fhirJson(searchset()));
    const error = await expectHieError(
      clientWith(fetch, { tokenProvider: undefined }).search('Condition', {}),
      'http',
      401,
    );
    expect(error.message).to.match(/^No access token/);
    expect(seen).to.have.length(0);
  });

  it('sends nothing when the provider gives an empty token', async () => {
    for (const empty of ['', '   ', undefined as unknown as string]) {
      const { fetch, seen } = fakeFetch(() => fhirJson(searchset()));
      const error = await expectHieError(
        clientWith(fetch, { tokenProvider: () => empty }).search('Condition', {}),
        'http',
        401,
      );
      expect(error.message).to.match(/^No access token/);
      expect(seen).to.have.length(0);
    }
  });

  describe('a token provider that throws', () => {
    const realError = console.error;
    let logged: string[] = [];
    beforeEach(() => {
      logged = [];
      console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    });
    afterEach(() => {
      console.error = realError;
    });

    it('is reported as the host’s token provider failing, not as a 401, and nothing is sent', async () => {
      const { fetch, seen } = fakeFetch(() => fhirJson(searchset()));
      const broken: TokenProvider = () => {
        throw new TypeError('myEpr.session is undefined');
      };
      const error = await expectHieError(clientWith(fetch, { tokenProvider: broken }).search('Condition', {}), 'token-provider');
      expect(error.status).to.equal(undefined);
      expect(error.isUnauthorized).to.equal(false);
      expect(error.message).to.match(/token provider failed/);
      expect(error.message).not.to.match(/sign|401/i);
      expect(seen).to.have.length(0);
      expect(logged).to.have.length(1);
      expect(logged[0]).to.contain('tokenProvider threw (TypeError)');
    });

    it('is reported the same way when it rejects, e.g. on the refresh after a 401', async () => {
      const { fetch, seen } = fakeFetch(() => new Response('', { status: 401 }));
      const refreshFails: TokenProvider = async ({ forceRefresh }) => {
        if (forceRefresh) throw new Error('refresh endpoint unreachable');
        return TOKEN;
      };
      await expectHieError(clientWith(fetch, { tokenProvider: refreshFails }).search('Condition', {}), 'token-provider');
      expect(seen).to.have.length(1);
      expect(logged).to.have.length(1);
    });

    it('never repeats what it threw, in the error or on the console (it may quote the token)', async () => {
      const { fetch } = fakeFetch(() => fhirJson(searchset()));
      const leaky: TokenProvider = () => {
        throw new Error(`refresh failed for ${TOKEN}`);
      };
      const error = await expectHieError(clientWith(fetch, { tokenProvider: leaky }).search('Condition', {}), 'token-provider');
      expect(error.cause).to.equal(undefined);
      expect(logged.join('\n')).not.to.contain(TOKEN);
      expect(logged.join('\n')).not.to.contain('refresh failed');
    });

    it('ends a search on a later page too, instead of returning the pages before it', async () => {
      let calls = 0;
      const { fetch } = fakeFetch(() => fhirJson(searchset({ next: 'Condition?page=2' })));
      const failsSecond: TokenProvider = () => {
        calls += 1;
        if (calls > 1) throw new Error('session ended');
        return TOKEN;
      };
      await expectHieError(clientWith(fetch, { tokenProvider: failsSecond }).search('Condition', {}), 'token-provider');
    });
  });

  it('never puts the token in an error message, even when the HIE echoes it', async () => {
    const { fetch } = fakeFetch(() => fhirJson(outcome(`Invalid bearer token ${TOKEN}`), 400));
    const error = await expectHieError(clientWith(fetch).search('Condition', {}), 'http', 400);
    expect(error.message).to.equal('Invalid bearer token [access token]');
  });

  it('treats a redirect answer as a network error and does not follow it', async () => {
    const { fetch, seen } = fakeFetch(
      () => new Response(null, { status: 302, headers: { Location: 'https://evil.example/steal' } }),
    );
    const error = await expectHieError(clientWith(fetch).search('Condition', {}), 'network');
    expect(error.message).to.contain('redirected');
    expect(error.message).to.contain('not followed');
    expect(seen.map((r) => r.url).some((url) => url.includes('evil'))).to.equal(false);
  });

  it('asks the browser to fail on redirects, so the token can never follow one', async () => {
    const { fetch, seen } = fakeFetch(() => fhirJson(searchset()));
    await clientWith(fetch).search('Condition', {});
    expect(seen[0]!.redirect).to.equal('error');
  });

  it('only ever sends GET requests', async () => {
    const { fetch, seen } = fakeFetch(
      answersInOrder(
        () => fhirJson(searchset({ next: 'Condition?page=2' })),
        () => new Response('', { status: 401 }),
        () => fhirJson(searchset()),
      ),
    );
    await clientWith(fetch).search('Condition', {});
    expect(seen).to.have.length(3);
    expect(seen.every((r) => r.method === 'GET')).to.equal(true);
  });
});
