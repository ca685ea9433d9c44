import { expect } from '@open-wc/testing';
import * as fhir from '../../src/fhir/index.js';
import { defaultSleep } from '../../src/fhir/abort.js';
import { describe, it } from './support/mocha.js';

describe('src/fhir public API', () => {
  it('exports the client, the error type and the helpers the elements use', () => {
    expect(fhir.HieClient).to.be.a('function');
    expect(fhir.HieError).to.be.a('function');
    for (const helper of [fhir.isValidNhsNumber, fhir.normaliseNhsNumber, fhir.referencesPatient, fhir.patientGuard, fhir.patientReferencesOf, fhir.outcomeText]) {
      expect(helper).to.be.a('function');
    }
    expect(fhir.NHS_NUMBER_SYSTEM).to.equal('https://fhir.nhs.uk/Id/nhs-number');
  });
});

describe('defaultSleep', () => {
  it('waits the time asked for', async () => {
    const started = performance.now();
    await defaultSleep(30);
    expect(performance.now() - started).to.be.at.least(25);
  });

  it('rejects at once for an aborted signal, and on a later abort', async () => {
    const done = new AbortController();
    done.abort();
    const early = await defaultSleep(10_000, done.signal).then(() => 'resolved', (error: Error) => error.name);
    expect(early).to.equal('HieError');
    const later = new AbortController();
    const waiting = defaultSleep(10_000, later.signal).then(() => 'resolved', (error: { kind?: string }) => error.kind);
    later.abort();
    expect(await waiting).to.equal('aborted');
  });
});
