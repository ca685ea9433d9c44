/**
 * Per-story mock HIE behaviour. Stories on one docs page share a page, so one global scenario would be
 * switched by whichever story loaded last and every widget beside it would get its answers. Instead a
 * story that wants a failure mode points its own element at a base URL that names the scenario,
 * `https://hie.example/scenario/<name>/fhir`, and these handlers answer that base as the mock HIE does
 * with the scenario asked for per request (mocks/scenarios.ts: `X-Mock-Scenario`). Bundle links keep
 * that base, so paging stays in the story's scenario.
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { DEFAULT_MOCK_BASE_URL, type MockScenario } from '../../mocks/index.js';
import { handleHieRequest } from '../../mocks/hie.js';

const HIE_ORIGIN = new URL(DEFAULT_MOCK_BASE_URL).origin;

/** The FHIR base on which the mock HIE plays `scenario` for every request. */
export function scenarioBaseUrl(scenario: MockScenario): string {
  return `${HIE_ORIGIN}/scenario/${scenario}/fhir`;
}

/** A base URL no network answers: every request to it fails as a network error (the network-error story). */
export const UNREACHABLE_BASE_URL = 'https://unreachable-hie.example/fhir';

function withScenario(request: Request, scenario: string): Request {
  const headers = new Headers(request.headers);
  headers.set('X-Mock-Scenario', scenario);
  return new Request(request.url, { headers, signal: request.signal });
}

/** Handlers for every scenario base and the unreachable base; installed once for the whole preview. */
export function createStoryHieHandlers(): RequestHandler[] {
  const base = `${HIE_ORIGIN}/scenario/:scenario/fhir`;
  return [
    http.get(`${base}/:resourceType/:id`, ({ request, params }) =>
      handleHieRequest(withScenario(request, String(params['scenario'])), {
        resourceType: String(params['resourceType']),
        id: String(params['id']),
      }),
    ),
    http.get(`${base}/:resourceType`, ({ request, params }) =>
      handleHieRequest(withScenario(request, String(params['scenario'])), { resourceType: String(params['resourceType']) }),
    ),
    http.get(`${UNREACHABLE_BASE_URL}/*`, () => HttpResponse.error()),
  ];
}
