import { expect } from '@open-wc/testing';
import type { Patient } from '@medplum/fhirtypes';
import { NHS_NUMBER_SYSTEM } from '../../src/fhir/hie-contract.js';
import { BASE, clientWith, expectHieError, fakeFetch, fhirJson, match, outcome, searchset } from './support/fake-hie.js';
import { describe, it } from './support/mocha.js';

function patient(id: string, nhs = '9990000018'): Patient {
  return { resourceType: 'Patient', id, identifier: [{ system: NHS_NUMBER_SYSTEM, value: nhs }] };
}

describe('HieClient.findPatientByNhsNumber', () => {
  it('returns Patient/<id> for exactly one match, searching by the NHS number identifier', async () => {
    const { fetch, seen } = fakeFetch(() => fhirJson(searchset({ entries: [match(patient('pat-1'))], total: 1 })));
    const ref = await clientWith(fetch).findPatientByNhsNumber('999 000 0018');
    expect(ref).to.equal('Patient/pat-1');
    expect(seen).to.have.length(1);
    const url = new URL(seen[0]!.url);
    expect(url.pathname).to.equal('/fhir/Patient');
    expect(url.searchParams.get('identifier')).to.equal(`${NHS_NUMBER_SYSTEM}|9990000018`);
  });

  it('sends nothing for an invalid NHS number', async () => {
    const { fetch, seen } = fakeFetch(() => fhirJson(searchset()));
    for (const bad of ['9991234567', '12345', 'abcdefghij', '']) {
      const error = await expectHieError(clientWith(fetch).findPatientByNhsNumber(bad), 'invalid-input');
      expect(error.message).to.contain('NHS number');
    }
    expect(seen).to.have.length(0);
  });

  it('fails clearly when no patient matches, passing on what the HIE said', async () => {
    const { fetch } = fakeFetch(() => fhirJson(searchset({ total: 0 })));
    const error = await expectHieError(clientWith(fetch).findPatientByNhsNumber('9990000018'), 'invalid-response');
    expect(error.message).to.contain('no patient');
    const objected = outcome('The patient has objected to sharing', 'suppressed');
    const withOutcome = fakeFetch(() => fhirJson(searchset({ entries: [{ resource: objected, search: { mode: 'outcome' } }] })));
    const explained = await expectHieError(
      clientWith(withOutcome.fetch).findPatientByNhsNumber('9990000018'),
      'invalid-response',
    );
    expect(explained.message).to.contain('objected to sharing');
    expect(explained.outcome).to.deep.equal(objected);
  });

  it('refuses to choose when two patients match', async () => {
    const { fetch } = fakeFetch(() => fhirJson(searchset({ entries: [match(patient('a')), match(patient('b'))], total: 2 })));
    const error = await expectHieError(clientWith(fetch).findPatientByNhsNumber('9990000018'), 'invalid-response');
    expect(error.message).to.contain('2 patients');
    expect(error.message).to.contain('none was chosen');
  });

  it('refuses a patient that does not carry the NHS number searched for', async () => {
    const { fetch } = fakeFetch(() => fhirJson(searchset({ entries: [match(patient('a', '9990000026'))] })));
    const error = await expectHieError(clientWith(fetch).findPatientByNhsNumber('9990000018'), 'invalid-response');
    expect(error.message).to.contain('does not carry');
  });

  it('refuses a patient without a usable id', async () => {
    const noId = { ...patient('x') } as Patient;
    delete noId.id;
    const { fetch } = fakeFetch(() => fhirJson(searchset({ entries: [match(noId)] })));
    await expectHieError(clientWith(fetch).findPatientByNhsNumber('9990000018'), 'invalid-response');
  });

  it('passes the signal on', async () => {
    const { fetch, seen } = fakeFetch(() => fhirJson(searchset()));
    const controller = new AbortController();
    controller.abort();
    await expectHieError(clientWith(fetch).findPatientByNhsNumber('9990000018', { signal: controller.signal }), 'aborted');
    expect(seen).to.have.length(0);
    expect(BASE).to.be.a('string');
  });
});
