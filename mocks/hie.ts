import { checkBearerToken } from './auth.js';
import { getDataset } from './data/dataset.js';
import { errorOutcome } from './fhir/outcomes.js';
import { unknownIncludeMessage } from './fhir/r4-includes.js';
import {
  htmlPageResponse,
  malformedJsonResponse,
  outcomeResponse,
  unauthorizedResponse,
} from './fhir/responses.js';
import { findMockPatient } from './patients.js';
import { chooseScenario, isMockScenario, resolveScenario, shouldRateLimit } from './scenarios.js';
import {
  patientIdFromParam,
  readResource,
  searchClinical,
  searchIncludes,
  searchPatients,
  type SearchContext,
} from './search.js';
import { NHS_NUMBER_SYSTEM } from '../src/fhir/hie-contract.js';

export interface HieRoute {
  resourceType: string;
  id?: string;
}

/** Resolves after `ms`, or early when the request is aborted (so `never` does not hold a server forever). */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = Number.isFinite(ms) ? setTimeout(resolve, ms) : undefined;
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/** The base the request was made on: everything before `/<Type>`. */
function baseOf(url: URL, route: HieRoute): string {
  const suffix = route.id === undefined ? `/${route.resourceType}` : `/${route.resourceType}/${route.id}`;
  const path = url.pathname.endsWith(suffix) ? url.pathname.slice(0, -suffix.length) : url.pathname;
  return `${url.origin}${path}`;
}

function patientOf(url: URL, route: HieRoute): string | undefined {
  if (route.resourceType !== 'Patient') {
    return patientIdFromParam(url.searchParams.get('patient') ?? url.searchParams.get('subject'));
  }
  if (route.id !== undefined) return route.id;
  const identifier = url.searchParams.get('identifier');
  const nhsNumber = identifier?.startsWith(`${NHS_NUMBER_SYSTEM}|`) ? identifier.split('|')[1] : identifier;
  return nhsNumber ? findMockPatient(nhsNumber)?.id : url.searchParams.get('_id') ?? undefined;
}

/**
 * Answers one request to the mock HIE with a Fetch `Response`. Shared by the msw browser worker, the
 * Node server and tests, so every entry point behaves the same.
 */
export async function handleHieRequest(request: Request, route: HieRoute): Promise<Response> {
  const url = new URL(request.url);
  if (!/^[A-Z][A-Za-z]+$/.test(route.resourceType)) {
    return outcomeResponse(404, errorOutcome('not-supported', `${route.resourceType} is not supported by the mock HIE`));
  }
  const auth = checkBearerToken(request.headers.get('Authorization'));
  if (!auth.ok) return unauthorizedResponse(auth.reason);

  const requested = request.headers.get('X-Mock-Scenario') ?? url.searchParams.get('_mockScenario') ?? undefined;
  if (requested !== undefined && !isMockScenario(requested)) {
    return outcomeResponse(400, errorOutcome('invalid', `Unknown mock scenario "${requested}"`));
  }
  const patientId = patientOf(url, route);
  const scenario = resolveScenario(
    chooseScenario({ requested, patientId, patientDefault: patientId ? findMockPatient(patientId)?.defaultScenario : undefined }),
  );

  switch (scenario.name) {
    case 'slow':
      await wait(scenario.delayMs, request.signal);
      break;
    case 'never':
      await wait(Infinity, request.signal);
      return Response.error();
    case 'error-500':
      return outcomeResponse(500, errorOutcome('exception', 'The HIE had an internal error (mock)', 'fatal'));
    case 'rate-limited':
      if (shouldRateLimit(`${patientId ?? ''} ${url.href}`)) {
        return outcomeResponse(429, errorOutcome('throttled', 'Too many requests; retry after 1 second'), { 'Retry-After': '1' });
      }
      break;
    case 'unauthorized':
      return unauthorizedResponse('The access token was rejected (mock scenario)');
    case 'html-200':
      return htmlPageResponse();
    case 'malformed-json':
      return malformedJsonResponse();
    case 'strict-includes': {
      const refused = unknownIncludeMessage(url.searchParams);
      if (refused) return outcomeResponse(400, errorOutcome('processing', refused));
      break;
    }
    default:
      break;
  }

  const now = new Date();
  const ctx: SearchContext = {
    url,
    base: baseOf(url, route),
    dataset: getDataset(now),
    now,
    sourceOutage: scenario.name === 'source-outage',
    otherPatientItem: scenario.name === 'other-patient',
    omitSearchMode: scenario.name === 'no-search-mode',
    capIncludes: scenario.name === 'capped-includes',
  };
  if (route.id === '$includes') return searchIncludes(ctx, route.resourceType);
  if (route.id !== undefined) return readResource(ctx, route.resourceType, route.id);
  if (route.resourceType === 'Patient') return searchPatients(ctx);
  return searchClinical(ctx, route.resourceType);
}
