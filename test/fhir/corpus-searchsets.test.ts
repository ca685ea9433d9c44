import { expect } from '@open-wc/testing';
import type { Bundle } from '@medplum/fhirtypes';
import { HieClient } from '../../src/fhir/client.js';
import { TOKEN, expectHieError, fakeFetch, fhirJson, searchset } from './support/fake-hie.js';
import { describe, it } from './support/mocha.js';

async function example(path: string): Promise<Bundle> {
  const response = await fetch(`/__fhir-examples/${path}`);
  expect(response.ok, path).to.equal(true);
  return (await response.json()) as Bundle;
}

function clientFor(baseUrl: string, fetchFn: typeof fetch): { client: HieClient } {
  return { client: new HieClient({ baseUrl, fetch: fetchFn, tokenProvider: () => TOKEN, sleep: async () => {} }) };
}

describe('HieClient on published searchset examples', () => {
  it('HL7 bundle-example: matches, included Medication, total and the next page on its own server', async () => {
    const page1 = await example('hl7-r4/Bundle/bundle-example.json');
    const { fetch, seen } = fakeFetch((_request, index) => fhirJson(index === 0 ? page1 : searchset()));
    const { client } = clientFor('https://example.com/base', fetch);
    const result = await client.search('MedicationRequest', { patient: '347', _include: 'MedicationRequest.medication' });
    expect(result.matches.map((r) => r.resourceType)).to.deep.equal(['MedicationRequest']);
    expect(result.included.map((r) => r.resourceType)).to.deep.equal(['Medication']);
    expect(result.total).to.equal(3);
    expect(seen).to.have.length(2);
    expect(seen[1]!.url).to.equal(page1.link!.find((l) => l.relation === 'next')!.url);
  });

  it('HL7 bundle-example served by another base: its next link is refused', async () => {
    const page1 = await example('hl7-r4/Bundle/bundle-example.json');
    const { fetch, seen } = fakeFetch(() => fhirJson(page1));
    const { client } = clientFor('https://hie.example/fhir', fetch);
    await expectHieError(client.search('MedicationRequest', {}), 'invalid-response');
    expect(seen).to.have.length(1);
  });

  it('HL7 bundle-search-warning: the outcome entry is an outcome, not a match', async () => {
    const bundle = await example('hl7-r4/Bundle/bundle-search-warning.json');
    const { fetch } = fakeFetch(() => fhirJson(bundle));
    const { client } = clientFor('https://example.org/fhir', fetch);
    const result = await client.search('Observation', {});
    expect(result.matches).to.deep.equal([]);
    expect(result.outcomes).to.have.length(1);
    expect(result.total).to.equal(0);
  });

  it('UK Core NoAllergyData: an empty searchset with total 0', async () => {
    const bundle = await example('uk-core/Bundle/UKCore-Bundle-Sn-NoAllergyData-Example.json');
    const { fetch } = fakeFetch(() => fhirJson(bundle));
    const { client } = clientFor('https://hie.example/fhir', fetch);
    const result = await client.search('AllergyIntolerance', { 'patient:identifier': '9912003888' });
    expect(result).to.include({ total: 0, truncated: false });
    expect(result.matches).to.deep.equal([]);
    expect(result.skipped).to.deep.equal([]);
  });

  it('every non-searchset Bundle in the corpus is refused as invalid-response', async () => {
    const index = (await (await fetch('/__fhir-examples/index.json')).json()) as { files: string[] };
    const bundles = index.files.filter((file) => /\/Bundle\//.test(file));
    let refused = 0;
    for (const file of bundles) {
      const bundle = await example(file);
      if (bundle.type === 'searchset') continue;
      const { fetch } = fakeFetch(() => fhirJson(bundle));
      await expectHieError(clientFor('https://hie.example/fhir', fetch).client.search('Patient', {}), 'invalid-response');
      refused += 1;
    }
    expect(refused).to.be.greaterThan(10);
  });
});
