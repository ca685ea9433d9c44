import type { OperationOutcome, Resource } from '@medplum/fhirtypes';
import { errorOutcome } from './outcomes.js';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export function fhirResponse(body: Resource, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': FHIR_JSON, ...headers } });
}

export function outcomeResponse(status: number, outcome: OperationOutcome, headers: Record<string, string> = {}): Response {
  return fhirResponse(outcome, status, headers);
}

export function unauthorizedResponse(reason: string): Response {
  return outcomeResponse(401, errorOutcome('login', reason), {
    'WWW-Authenticate': 'Bearer realm="mock-hie", error="invalid_token"',
  });
}

/** What a misconfigured proxy or login page sends back: a web page with status 200. */
export function htmlPageResponse(): Response {
  const html =
    '<!doctype html><html><head><title>Sign in</title></head><body><h1>Riverside HIE portal</h1>' +
    '<p>Your session has ended. Please sign in again.</p></body></html>';
  return new Response(html, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

/** A searchset cut off mid-stream: the header says FHIR JSON, the body does not parse. */
export function malformedJsonResponse(): Response {
  const body = '{"resourceType":"Bundle","type":"searchset","total":3,"entry":[{"resource":{"resourceType":"Medicat';
  return new Response(body, { status: 200, headers: { 'Content-Type': FHIR_JSON } });
}
