import { expect } from '@open-wc/testing';
import type { Bundle, BundleEntry, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { HieClient } from '../../../src/fhir/client.js';
import { HieError } from '../../../src/fhir/errors.js';
import type { HieClientOptions, HieErrorKind } from '../../../src/fhir/types.js';

export const BASE = 'https://hie.example/fhir';
export const TOKEN = 'SECRET-TOKEN-abc123';

/** What the fake fetch saw for one request. */
export interface SeenRequest {
  url: string;
  method: string;
  accept: string | null;
  authorization: string | null;
  redirect: RequestRedirect | undefined;
  cache: RequestCache | undefined;
  signal: AbortSignal | undefined;
}

export type Answer = (request: SeenRequest, index: number) => Response | Promise<Response>;

/** A fetch that records every request and answers from `answer`; never touches the network. */
export function fakeFetch(answer: Answer): { fetch: typeof fetch; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const request: SeenRequest = {
      url: String(input),
      method: init?.method ?? 'GET',
      accept: headers.get('Accept'),
      authorization: headers.get('Authorization'),
      redirect: init?.redirect,
      cache: init?.cache,
      signal: init?.signal ?? undefined,
    };
    seen.push(request);
    return answer(request, seen.length - 1);
  };
  return { fetch: fetchFn as typeof fetch, seen };
}

/** Answers the requests in order, one answer each; fails loudly on an unexpected extra request. */
export function answersInOrder(...answers: Array<() => Response | Promise<Response>>): Answer {
  return (_request, index) => {
    const next = answers[index];
    if (!next) throw new Error(`unexpected request number ${index + 1}`);
    return next();
  };
}

/** A fetch that never answers but rejects like the browser's when its signal aborts. */
export function hangingFetch(): { fetch: typeof fetch; seen: SeenRequest[]; aborted: () => number } {
  let abortedCount = 0;
  const fake = fakeFetch(
    (request) =>
      new Promise<Response>((_resolve, reject) => {
        request.signal?.addEventListener('abort', () => {
          abortedCount += 1;
          reject(new DOMException('The operation was aborted.', 'AbortError'));
        });
      }),
  );
  return { ...fake, aborted: () => abortedCount };
}

export function fhirJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/fhir+json', ...headers },
  });
}

export function searchset(opts: {
  entries?: unknown[];
  next?: string;
  total?: number;
  security?: NonNullable<Bundle['meta']>['security'];
} = {}): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(opts.total === undefined ? {} : { total: opts.total }),
    ...(opts.security ? { meta: { security: opts.security } } : {}),
    link: [{ relation: 'self', url: `${BASE}/self` }, ...(opts.next ? [{ relation: 'next', url: opts.next }] : [])],
    entry: (opts.entries ?? []) as BundleEntry[],
  };
}

export function match(resource: Resource): BundleEntry {
  return { resource, search: { mode: 'match' } };
}

export function include(resource: Resource): BundleEntry {
  return { resource, search: { mode: 'include' } };
}

export function medicationStatement(id: string): Resource {
  return {
    resourceType: 'MedicationStatement',
    id,
    status: 'active',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: `drug ${id}` },
  };
}

type IssueCode = OperationOutcome['issue'][number]['code'];

export function outcome(text: string, code: IssueCode = 'processing'): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] };
}

/** A sleep that returns at once and remembers each wait asked for. */
export function fakeSleep(): { sleep: (ms: number, signal?: AbortSignal) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}

export function clientWith(fetchFn: typeof fetch, options: Partial<HieClientOptions> = {}): HieClient {
  return new HieClient({
    baseUrl: BASE,
    tokenProvider: () => TOKEN,
    fetch: fetchFn,
    sleep: fakeSleep().sleep,
    ...options,
  });
}

/** Awaits a rejection, checks it is a HieError of `kind` and that it gives the token away nowhere. */
export async function expectHieError(
  promise: Promise<unknown>,
  kind: HieErrorKind,
  status?: number,
  token: string = TOKEN,
): Promise<HieError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a rejection').to.be.instanceOf(HieError);
  const error = caught as HieError;
  expect(error.kind, error.message).to.equal(kind);
  if (status !== undefined) expect(error.status).to.equal(status);
  const visible = [error.message, String(error.stack), String(error.cause), JSON.stringify(error.cause ?? null)];
  for (const text of visible) expect(text).not.to.contain(token);
  return error;
}
