import type { Resource } from '@medplum/fhirtypes';
import { http, HttpResponse } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { HIE } from '../../support/widgets.js';

/** Answers `<type>` searches with one searchset page built from `matches` and `included`. */
export function serveSearchset(worker: SetupWorker, type: string, matches: Resource[], included: Resource[] = []): void {
  const entry = [
    ...matches.map((resource) => ({ fullUrl: `${HIE}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } })),
    ...included.map((resource) => ({ fullUrl: `${HIE}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'include' } })),
  ];
  worker.use(
    http.get(`${HIE}/${type}`, ({ request }) =>
      HttpResponse.json(
        { resourceType: 'Bundle', type: 'searchset', total: matches.length, link: [{ relation: 'self', url: request.url }], entry },
        { headers: { 'Content-Type': 'application/fhir+json' } },
      ),
    ),
  );
}
