import { expect } from '@open-wc/testing';
import { HieClient } from '../../src/fhir/client.js';
import { HieError } from '../../src/fhir/errors.js';
import { describe, it } from './support/mocha.js';

function kindOf(create: () => unknown): string | undefined {
  try {
    create();
    return undefined;
  } catch (error) {
    return error instanceof HieError ? error.kind : 'not a HieError';
  }
}

describe('HieClient options', () => {
  it('normalises the base URL without a trailing slash', () => {
    expect(new HieClient({ baseUrl: 'https://hie.example/fhir/' }).baseUrl).to.equal('https://hie.example/fhir');
    expect(new HieClient({ baseUrl: ' https://HIE.example/fhir//' }).baseUrl).to.equal('https://hie.example/fhir');
    expect(new HieClient({ baseUrl: 'https://hie.example' }).baseUrl).to.equal('https://hie.example');
    expect(new HieClient({ baseUrl: 'http://localhost:8080/fhir' }).baseUrl).to.equal('http://localhost:8080/fhir');
  });

  it('refuses base URLs that are relative, plain http off loopback, or carry a query or user', () => {
    for (const baseUrl of ['/fhir', 'hie.example/fhir', 'http://hie.example/fhir', 'https://hie.example/fhir?x=1', 'https://u:p@hie.example/fhir', 'ftp://hie.example']) {
      expect(kindOf(() => new HieClient({ baseUrl })), baseUrl).to.equal('invalid-input');
    }
  });

  it('refuses nonsensical numeric options', () => {
    const baseUrl = 'https://hie.example/fhir';
    expect(kindOf(() => new HieClient({ baseUrl, maxEntries: 0 }))).to.equal('invalid-input');
    expect(kindOf(() => new HieClient({ baseUrl, timeoutMs: Number.NaN }))).to.equal('invalid-input');
    expect(kindOf(() => new HieClient({ baseUrl, maxRetries: -1 }))).to.equal('invalid-input');
    expect(kindOf(() => new HieClient({ baseUrl, maxRetries: 0, backoffMs: 0, maxRetryAfterMs: 0 }))).to.equal(undefined);
  });
});
