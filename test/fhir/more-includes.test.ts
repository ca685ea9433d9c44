import { expect } from '@open-wc/testing';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import {
  BASE,
  TOKEN,
  answersInOrder,
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

/*
 * The Microsoft FHIR server (Azure Health Data Services) caps the `_include`/`_revinclude` results of
 * a search page. With its `$includes` operation it then adds `link[relation=related]` to
 * `[base]/<Type>/$includes?…&includesCt=…`, whose pages hold only included resources (with `next`
 * links), and an OperationOutcome issue (severity warning, code incomplete) "Include result was
 * truncated" on the page (microsoft/fhir-server: Resources.TruncatedIncludeMessage, PR #4810).
 */

const truncated: OperationOutcome = {
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'warning', code: 'incomplete', diagnostics: 'Include result was truncated' }],
};

function org(id: string): Resource {
  return { resourceType: 'Organization', id, name: `Organisation ${id}` } as Resource;
}

function withRelated(bundle: Bundle, url: string): Bundle {
  return { ...bundle, link: [...(bundle.link ?? []), { relation: 'related', url }] };
}

const INCLUDES_1 = `${BASE}/MedicationStatement/$includes?patient=Patient%2Fp1&_revinclude=Provenance:target&includesCt=AAA`;
const INCLUDES_2 = `${BASE}/MedicationStatement/$includes?patient=Patient%2Fp1&_revinclude=Provenance:target&includesCt=BBB`;

function firstPage(): Bundle {
  return withRelated(
    searchset({
      entries: [
        match(medicationStatement('m1')),
        match(medicationStatement('m2')),
        include(org('o1')),
        { resource: truncated, search: { mode: 'outcome' } },
      ],
      total: 2,
    }),
    INCLUDES_1,
  );
}

describe('HieClient.search: included resources paged apart ($includes, Microsoft FHIR server)', () => {
  it('follows the related $includes link and its next pages, and drops the truncation notice once all are read', async () => {
    const { fetch, seen } = fakeFetch(
      answersInOrder(
        () => fhirJson(firstPage()),
        () =>
          fhirJson(
            searchset({ entries: [include(org('o2')), { resource: truncated, search: { mode: 'outcome' } }], next: INCLUDES_2 }),
          ),
        () => fhirJson(searchset({ entries: [include(org('o3'))] })),
      ),
    );
    const result = await clientWith(fetch).search('MedicationStatement', { patient: 'Patient/p1' });
    expect(seen.map((r) => r.url)).to.deep.equal([`${BASE}/MedicationStatement?patient=Patient%2Fp1`, INCLUDES_1, INCLUDES_2]);
    expect(seen.every((r) => r.authorization === `Bearer ${TOKEN}`)).to.equal(true);
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1', 'm2']);
    expect(result.included.map((r) => r.id)).to.deep.equal(['o1', 'o2', 'o3']);
    expect(result.outcomes).to.deep.equal([]);
    expect(result.total).to.equal(2);
  });

  it('keeps other issues of an outcome that also said the includes were truncated', async () => {
    const mixed: OperationOutcome = {
      resourceType: 'OperationOutcome',
      issue: [...truncated.issue, ...outcome('2 items were withheld at source', 'suppressed').issue],
    };
    const page = withRelated(
      searchset({ entries: [match(medicationStatement('m1')), { resource: mixed, search: { mode: 'outcome' } }] }),
      INCLUDES_1,
    );
    const { fetch } = fakeFetch(answersInOrder(() => fhirJson(page), () => fhirJson(searchset({ entries: [include(org('o1'))] }))));
    const result = await clientWith(fetch).search('MedicationStatement', { patient: 'Patient/p1' });
    expect(result.outcomes).to.have.length(1);
    expect(result.outcomes[0]!.issue.map((issue) => issue.code)).to.deep.equal(['suppressed']);
  });

  it('takes nothing from an $includes page as an item: an entry marked match there is skipped', async () => {
    const { fetch } = fakeFetch(
      answersInOrder(
        () => fhirJson(firstPage()),
        () => fhirJson(searchset({ entries: [match(medicationStatement('sneaked')), include(org('o2'))] })),
      ),
    );
    const result = await clientWith(fetch).search('MedicationStatement', { patient: 'Patient/p1' });
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1', 'm2']);
    expect(result.included.map((r) => r.id)).to.deep.equal(['o1', 'o2']);
    expect(result.skipped).to.deep.equal([{ reason: 'unexpected-type', resourceType: 'MedicationStatement', id: 'sneaked' }]);
  });

  it('never fetches an $includes link on another origin; the items stay and the truncation notice is kept', async () => {
    const page = withRelated(
      searchset({ entries: [match(medicationStatement('m1')), { resource: truncated, search: { mode: 'outcome' } }] }),
      'https://evil.example/fhir/MedicationStatement/$includes?includesCt=AAA',
    );
    const { fetch, seen } = fakeFetch(answersInOrder(() => fhirJson(page)));
    const result = await clientWith(fetch).search('MedicationStatement', {});
    expect(seen).to.have.length(1);
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1']);
    expect(result.outcomes).to.deep.equal([truncated]);
  });

  it('says details may be missing when an $includes page fails and the HIE gave no notice of its own', async () => {
    const page = withRelated(searchset({ entries: [match(medicationStatement('m1'))] }), INCLUDES_1);
    const { fetch } = fakeFetch(
      answersInOrder(() => fhirJson(page), () => fhirJson(outcome('Internal error', 'exception'), 500)),
    );
    const result = await clientWith(fetch, { maxRetries: 0 }).search('MedicationStatement', {});
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1']);
    expect(result.outcomes).to.have.length(1);
    expect(result.outcomes[0]!.issue[0]!.code).to.equal('incomplete');
    expect(result.outcomes[0]!.issue[0]!.details?.text).to.match(/related details/);
  });

  it('stops at an $includes paging loop without losing the items', async () => {
    const { fetch, seen } = fakeFetch(
      answersInOrder(
        () => fhirJson(firstPage()),
        () => fhirJson(searchset({ entries: [include(org('o2'))], next: INCLUDES_1 })),
      ),
    );
    const result = await clientWith(fetch).search('MedicationStatement', { patient: 'Patient/p1' });
    expect(seen).to.have.length(2);
    expect(result.matches.map((r) => r.id)).to.deep.equal(['m1', 'm2']);
    expect(result.outcomes).to.deep.equal([truncated]);
  });

  it('ignores a related link that is not the $includes operation', async () => {
    const page = withRelated(searchset({ entries: [match(medicationStatement('m1'))] }), `${BASE}/Patient/p1`);
    const { fetch, seen } = fakeFetch(answersInOrder(() => fhirJson(page)));
    const result = await clientWith(fetch).search('MedicationStatement', {});
    expect(seen).to.have.length(1);
    expect(result.outcomes).to.deep.equal([]);
  });

  it('still ends the search when the token is refused on an $includes page', async () => {
    const { fetch } = fakeFetch((request) =>
      request.url.includes('$includes') ? fhirJson(outcome('Token expired', 'login'), 401) : fhirJson(firstPage()),
    );
    await expectHieError(clientWith(fetch).search('MedicationStatement', { patient: 'Patient/p1' }), 'http', 401);
  });
});
