import { abortedError } from './abort.js';
import { HieError } from './errors.js';
import { deepFreeze, parseJson } from './json.js';

/** One GET, as the network sees it. Identical requests (same fetch, URL, token, body kind) are shared. */
export interface SharedGetRequest {
  fetchFn: typeof fetch;
  url: string;
  token: string;
  /** `json` bodies are parsed (once, then frozen); `blob` bodies of 2xx responses stay binary. */
  bodyKind: 'json' | 'blob';
}

export interface RawResponse {
  status: number;
  retryAfter: string | null;
  /** True when the HIE answered with a redirect, which is never followed. */
  redirected: boolean;
  /** Parsed, frozen JSON body; undefined when the body is empty or not JSON (or a 2xx blob). */
  json: unknown;
  blob: Blob | undefined;
}

interface InFlight {
  controller: AbortController;
  response: Promise<RawResponse>;
  callers: number;
}

// Keyed by fetch function first so an injected fetch never answers for another one.
const inFlightByFetch = new WeakMap<typeof fetch, Map<string, InFlight>>();
let inFlightCount = 0;

/** How many shared requests are running; zero whenever nothing is in flight (nothing is cached). */
export function sharedRequestsInFlight(): number {
  return inFlightCount;
}

/**
 * Sends the GET, or joins an identical one already in flight. Each caller's `signal` and timeout
 * only end that caller's wait; the fetch itself is aborted once every caller has gone.
 * Rejects with HieError 'aborted' or 'timeout', or with the fetch's own error (network failure).
 */
export function sharedGet(
  request: SharedGetRequest,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<RawResponse> {
  if (signal?.aborted) return Promise.reject(abortedError());
  let requests = inFlightByFetch.get(request.fetchFn);
  if (!requests) {
    requests = new Map();
    inFlightByFetch.set(request.fetchFn, requests);
  }
  const key = `${request.bodyKind}\n${request.token}\n${request.url}`;
  const running = requests.get(key) ?? start(request, requests, key);
  running.callers += 1;
  const leave = (): void => {
    running.callers -= 1;
    if (running.callers === 0) {
      forget(requests, key, running);
      running.controller.abort();
    }
  };
  return follow(running.response, signal, timeoutMs, leave);
}

function start(request: SharedGetRequest, requests: Map<string, InFlight>, key: string): InFlight {
  const controller = new AbortController();
  const response = send(request, controller.signal);
  const running: InFlight = { controller, response, callers: 0 };
  requests.set(key, running);
  inFlightCount += 1;
  const settle = (): void => forget(requests, key, running);
  response.then(settle, settle);
  return running;
}

function forget(requests: Map<string, InFlight>, key: string, running: InFlight): void {
  if (requests.get(key) !== running) return;
  requests.delete(key);
  inFlightCount -= 1;
}

async function send(request: SharedGetRequest, signal: AbortSignal): Promise<RawResponse> {
  const { fetchFn } = request; // called unbound: the native fetch throws when `this` is not the global
  const response = await fetchFn(request.url, {
    method: 'GET',
    headers: {
      Accept: request.bodyKind === 'json' ? 'application/fhir+json' : '*/*',
      Authorization: `Bearer ${request.token}`,
    },
    // A followed redirect would carry the Authorization header to wherever it points.
    redirect: 'error',
    // Clinical data must not be served stale from, or left in, the browser's HTTP cache.
    cache: 'no-store',
    signal,
  });
  const redirected =
    response.type === 'opaqueredirect' || response.redirected || (response.status >= 300 && response.status < 400);
  const head = { status: response.status, retryAfter: response.headers.get('Retry-After'), redirected };
  if (request.bodyKind === 'blob' && response.ok && !redirected) {
    return { ...head, json: undefined, blob: await response.blob() };
  }
  return { ...head, json: deepFreeze(parseJson(await response.text())), blob: undefined };
}

function follow(
  response: Promise<RawResponse>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  leave: () => void,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (): boolean => {
      if (done) return false;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const giveUp = (error: HieError): void => {
      if (!finish()) return;
      leave();
      reject(error);
    };
    const onAbort = (): void => giveUp(abortedError());
    const timer = setTimeout(() => giveUp(timeoutError(timeoutMs)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    response.then(
      (value) => {
        if (finish()) resolve(value);
      },
      (error: unknown) => {
        if (finish()) reject(error);
      },
    );
  });
}

function timeoutError(timeoutMs: number): HieError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return new HieError('timeout', `The HIE did not answer within ${seconds} seconds.`);
}
