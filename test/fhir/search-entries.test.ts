import { expect } from '@open-wc/testing';
import type { MedicationStatement, Resource } from '@medplum/fhirtypes';
import {
  clientWith,
  expectHieError,
  fakeFetch,
  fhirJson,
  include,
  match,
  medicationStatement,
  outcome,
  searchset,
} from './support/fake-hie.js';
import { describe, it } from './support/mocha.js';

const REDACTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'REDACTED' };

async function searchReturning(body: unknown, matchTypes?: string[]) {
  const { fetch } = fakeFetch(() => fhirJson(body));
  return clientWith(fetch).search('MedicationStatement', { patient: 'Patient/p1' }, matchTypes ? { matchTypes } : {});
}

describe('HieClient.search entries', () => {
  it('sorts match, include and outcome entries', async () => {
    const medication: Resource = { resourceType: 'Medication', id: 'med1' };
    const withheld = outcome('Records withheld at source', 'suppressed');
    const result = await searchReturning(
      searchset({
        entries: [
          match(medicationStatement('m1')),
          include(medication),
          { resource: withheld, search: { mode: 'outcome' } },
          { resource: medicationStatement('m2') },
        ],
      }),
    );
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1', 'm2']);
    expect(result.included).to.deep.equal([medication]);
    expect(result.outcomes).to.deep.equal([withheld]);
    expect(result.skipped).to.deep.equal([]);
  });

  it('treats an OperationOutcome entry without search.mode as an outcome', async () => {
    const unmarked = outcome('Source unavailable');
    const result = await searchReturning(searchset({ entries: [{ resource: unmarked }] }));
    expect(result.outcomes).to.deep.equal([unmarked]);
    expect(result.matches).to.deep.equal([]);
  });

  it('lists entries of an unexpected type as skipped, never as matches', async () => {
    const result = await searchReturning(
      searchset({ entries: [match(medicationStatement('m1')), match({ resourceType: 'Observation', id: 'o1' } as Resource)] }),
    );
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1']);
    expect(result.skipped).to.deep.equal([{ reason: 'unexpected-type', resourceType: 'Observation', id: 'o1' }]);
  });

  it('reads an entry without search.mode of a type not searched for as an include, not as skipped', async () => {
    // search.mode is optional in R4; some servers send _include results without it.
    const organization: Resource = { resourceType: 'Organization', id: 'gp1', name: 'Riverside Medical Practice' };
    const result = await searchReturning(
      searchset({ entries: [{ resource: medicationStatement('m1') }, { resource: organization }] }),
    );
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1']);
    expect(result.included).to.deep.equal([organization]);
    expect(result.skipped).to.deep.equal([]);
  });

  it('still skips an entry marked as a match when its type was not searched for', async () => {
    const organization: Resource = { resourceType: 'Organization', id: 'gp1' };
    const result = await searchReturning(searchset({ entries: [match(organization)] }));
    expect(result.included).to.deep.equal([]);
    expect(result.skipped).to.deep.equal([{ reason: 'unexpected-type', resourceType: 'Organization', id: 'gp1' }]);
  });

  it('accepts the match types the caller names', async () => {
    const request = { resourceType: 'MedicationRequest', id: 'r1' };
    const result = await searchReturning(
      searchset({ entries: [match(medicationStatement('m1')), match(request as Resource)] }),
      ['MedicationStatement', 'MedicationRequest'],
    );
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1', 'r1']);
  });

  it('skips an outcome-mode entry that is not an OperationOutcome', async () => {
    const result = await searchReturning(
      searchset({ entries: [{ resource: medicationStatement('m9'), search: { mode: 'outcome' } }] }),
    );
    expect(result.outcomes).to.deep.equal([]);
    expect(result.matches).to.deep.equal([]);
    expect(result.skipped).to.deep.equal([{ reason: 'unexpected-type', resourceType: 'MedicationStatement', id: 'm9' }]);
  });

  it('skips entries without a resource and garbage entries without throwing', async () => {
    const result = await searchReturning(
      searchset({
        entries: [
          { fullUrl: 'urn:uuid:1' },
          { resource: 'text' },
          null,
          7,
          'x',
          [],
          { resource: { id: 'no-type' } },
          { resource: { resourceType: 42 } },
          match(medicationStatement('m1')),
        ],
      }),
    );
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1']);
    expect(result.skipped).to.deep.equal([
      { reason: 'no-resource' },
      { reason: 'no-resource' },
      { reason: 'invalid' },
      { reason: 'invalid' },
      { reason: 'invalid' },
      { reason: 'invalid' },
      { reason: 'invalid', id: 'no-type' },
      { reason: 'invalid' },
    ]);
  });

  it('collects Bundle.meta.security labels once each across pages', async () => {
    const { fetch } = fakeFetch((_request, index) =>
      fhirJson(
        searchset({
          entries: [match(medicationStatement(`m${index}`))],
          security: [REDACTED],
          ...(index === 0 ? { next: 'MedicationStatement?page=2' } : {}),
        }),
      ),
    );
    const result = await clientWith(fetch).search('MedicationStatement', {});
    expect(result.bundleSecurity).to.deep.equal([REDACTED]);
  });

  it('ignores a malformed total instead of showing it', async () => {
    const result = await searchReturning({ ...searchset(), total: '12' });
    expect(result.total).to.equal(undefined);
  });

  it('returns resources frozen, so one caller cannot change what another sees', async () => {
    const result = await searchReturning(searchset({ entries: [match(medicationStatement('m1'))] }));
    expect(Object.isFrozen(result.matches[0])).to.equal(true);
    expect(() => {
      (result.matches[0] as { id?: string }).id = 'changed';
    }).to.throw(TypeError);
  });

  it('freezes every level of a resource: nested objects, arrays and objects in arrays', async () => {
    const statement = {
      ...(medicationStatement('m1') as MedicationStatement),
      dosage: [{ text: 'one a day', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' as const } } }],
      note: [{ text: 'first' }, { text: 'second' }],
    };
    const result = await searchReturning(searchset({ entries: [match(statement as MedicationStatement)] }));
    const frozen = result.matches[0] as unknown as typeof statement;
    const nested = [frozen, frozen.dosage, frozen.dosage[0], frozen.dosage[0]!.timing, frozen.dosage[0]!.timing.repeat, frozen.note, frozen.note[1]];
    for (const [i, value] of nested.entries()) expect(Object.isFrozen(value), `level ${i}`).to.equal(true);
    expect(() => {
      frozen.note[1]!.text = 'changed';
    }).to.throw(TypeError);
  });

  it('keeps a "__proto__" key in HIE JSON as plain data (no prototype pollution)', async () => {
    const text =
      '{"resourceType":"Bundle","type":"searchset","__proto__":{"polluted":true},' +
      '"entry":[{"resource":{"resourceType":"MedicationStatement","id":"m1","__proto__":{"polluted":true}}}]}';
    const { fetch } = fakeFetch(() => new Response(text, { status: 200 }));
    const result = await clientWith(fetch).search('MedicationStatement', {});
    expect(result.matches).to.have.length(1);
    expect(({} as { polluted?: boolean }).polluted).to.equal(undefined);
    expect(Object.getPrototypeOf(result.matches[0])).to.equal(Object.prototype);
  });
});

describe('HieClient.search response checks', () => {
  async function rejection(response: () => Response) {
    const { fetch } = fakeFetch(response);
    return expectHieError(clientWith(fetch).search('MedicationStatement', {}), 'invalid-response');
  }

  it('rejects an HTML page sent with status 200', async () => {
    const error = await rejection(
      () => new Response('<html><body>Gateway login</body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    );
    expect(error.message).to.contain('not FHIR JSON');
  });

  it('rejects an empty body', async () => {
    const error = await rejection(() => new Response('', { status: 200 }));
    expect(error.message).to.contain('not FHIR JSON');
  });

  it('rejects truncated JSON', async () => {
    const text = JSON.stringify(searchset({ entries: [match(medicationStatement('m1'))] }));
    const error = await rejection(() => new Response(text.slice(0, text.length - 20), { status: 200 }));
    expect(error.message).to.contain('not FHIR JSON');
  });

  it('rejects JSON that is not a resource', async () => {
    for (const body of ['null', '[]', '"Bundle"', '42']) {
      await rejection(() => new Response(body, { status: 200 }));
    }
  });

  it('rejects a Bundle that is not a searchset', async () => {
    const error = await rejection(() => fhirJson({ resourceType: 'Bundle', type: 'collection', entry: [] }));
    expect(error.message).to.contain('"collection"');
    await rejection(() => fhirJson({ resourceType: 'Bundle', entry: [] }));
  });

  it('rejects another resource type', async () => {
    const error = await rejection(() => fhirJson({ resourceType: 'Patient', id: 'p1' }));
    expect(error.message).to.contain('a Patient instead of a searchset Bundle');
    await rejection(() => fhirJson({ resourceType: '<script>' }));
  });

  it('rejects an OperationOutcome sent with 200, giving its text', async () => {
    const error = await rejection(() => fhirJson(outcome('Search parameter not supported')));
    expect(error.message).to.contain('Search parameter not supported');
    expect(error.outcome?.resourceType).to.equal('OperationOutcome');
  });

  it('rejects entry or link lists that are not lists, rather than hiding their content', async () => {
    await rejection(() => fhirJson({ resourceType: 'Bundle', type: 'searchset', entry: { resource: {} } }));
    await rejection(() => fhirJson({ resourceType: 'Bundle', type: 'searchset', link: 'next' }));
  });
});
