import { expect } from '@open-wc/testing';
import { searchWithIncludeFallback } from '../../src/fhir/include-fallback.js';
import {
  clientWith,
  expectHieError,
  fakeFetch,
  fhirJson,
  match,
  medicationStatement,
  outcome,
  searchset,
  type SeenRequest,
} from './support/fake-hie.js';
import { describe, it } from './support/mocha.js';

const PARAMS = {
  patient: 'Patient/p1',
  _include: ['CarePlan:author', 'CarePlan:subject'],
  '_include:iterate': ['PractitionerRole:organization'],
  _revinclude: 'Provenance:target',
  _count: '100',
};

const HAPI_REFUSAL =
  'Invalid _include parameter value: "CarePlan:author". Unknown search parameter "author" for resource type "CarePlan".';

function includesOf(request: SeenRequest): string[] {
  const params = new URL(request.url).searchParams;
  return ['_include', '_include:iterate', '_revinclude'].flatMap((key) => params.getAll(key).map((v) => `${key}=${v}`));
}

function run(answer: (request: SeenRequest) => Response) {
  const { fetch, seen } = fakeFetch(answer);
  const client = clientWith(fetch);
  const promise = searchWithIncludeFallback((params) => client.search('CarePlan', params, { matchTypes: ['CarePlan', 'MedicationStatement'] }), PARAMS);
  return { promise, seen };
}

const found = () => fhirJson(searchset({ entries: [match(medicationStatement('m1'))] }));

describe('searchWithIncludeFallback', () => {
  it('asks once, and returns no refusal, when the HIE accepts every include', async () => {
    const { promise, seen } = run(found);
    const result = await promise;
    expect(seen).to.have.length(1);
    expect(result.refusedIncludes).to.equal(undefined);
    expect(result.matches.map((m) => m.id)).to.deep.equal(['m1']);
  });

  it('leaves out only the include a 400 names (HAPI\'s words), keeping the others and the other parameters', async () => {
    const { promise, seen } = run((request) =>
      request.url.includes('CarePlan%3Aauthor') ? fhirJson(outcome(HAPI_REFUSAL), 400) : found(),
    );
    const result = await promise;
    expect(seen).to.have.length(2);
    expect(includesOf(seen[1]!)).to.deep.equal([
      '_include=CarePlan:subject',
      '_include:iterate=PractitionerRole:organization',
      '_revinclude=Provenance:target',
    ]);
    const retried = new URL(seen[1]!.url).searchParams;
    expect(retried.get('patient')).to.equal('Patient/p1');
    expect(retried.get('_count')).to.equal('100');
    expect(result.refusedIncludes).to.deep.equal(['CarePlan:author']);
    expect(result.matches.map((m) => m.id)).to.deep.equal(['m1']);
  });

  it('leaves out each refused include in turn', async () => {
    const { promise, seen } = run((request) => {
      if (request.url.includes('CarePlan%3Aauthor')) return fhirJson(outcome(HAPI_REFUSAL), 400);
      if (request.url.includes('Provenance%3Atarget')) return fhirJson(outcome('_revinclude Provenance:target is not supported'), 400);
      return found();
    });
    const result = await promise;
    expect(seen).to.have.length(3);
    expect(result.refusedIncludes).to.deep.equal(['CarePlan:author', 'Provenance:target']);
    expect(includesOf(seen[2]!)).to.deep.equal(['_include=CarePlan:subject', '_include:iterate=PractitionerRole:organization']);
  });

  it('leaves out every include when a 400 names none of them', async () => {
    const { promise, seen } = run((request) => (includesOf(request).length > 0 ? new Response('Bad Request', { status: 400 }) : found()));
    const result = await promise;
    expect(seen).to.have.length(2);
    expect(includesOf(seen[1]!)).to.deep.equal([]);
    expect(result.refusedIncludes).to.deep.equal([
      'CarePlan:author',
      'CarePlan:subject',
      'PractitionerRole:organization',
      'Provenance:target',
    ]);
  });

  it('gives the 400 as it came when the search still fails with nothing left to leave out', async () => {
    const { promise, seen } = run(() => fhirJson(outcome('Unknown search parameter "patient"'), 400));
    const error = await expectHieError(promise, 'http', 400);
    expect(error.message).to.contain('Unknown search parameter "patient"');
    expect(seen).to.have.length(2);
  });

  it('does not ask again after other errors: 403, 500', async () => {
    for (const status of [403, 500]) {
      const { promise, seen } = run(() => fhirJson(outcome('No'), status));
      await expectHieError(promise, 'http', status);
      expect(seen, `HTTP ${status}`).to.have.length(1);
    }
  });

  it('does not ask again for a search without includes', async () => {
    const { fetch, seen } = fakeFetch(() => fhirJson(outcome('Bad'), 400));
    const client = clientWith(fetch);
    await expectHieError(
      searchWithIncludeFallback((params) => client.search('CarePlan', params), { patient: 'Patient/p1' }),
      'http',
      400,
    );
    expect(seen).to.have.length(1);
  });
});
