import type { OperationOutcome } from '@medplum/fhirtypes';
import { abortedError, throwIfAborted } from './abort.js';
import { HieError } from './errors.js';
import { sharedGet, type RawResponse } from './inflight.js';
import { isOperationOutcome, outcomeText } from './outcome.js';
import { retryAfterMs } from './retry-after.js';
import type { TokenProvider } from './types.js';

export interface TransportSettings {
  /** Origin of the HIE base URL: the only origin that ever receives the token. */
  origin: string;
  tokenProvider: TokenProvider | undefined;
  /** Looked up per request so a fetch patched after construction (e.g. by a mock) is used. */
  fetchFn: () => typeof fetch;
  timeoutMs: number;
  maxRetries: number;
  maxRetryAfterMs: number;
  backoffMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const NOT_FHIR_JSON =
  'The HIE sent a response that is not FHIR JSON (an error page, an empty body or cut-off JSON).';

/**
 * Authorised GETs to the HIE origin with timeout, retries (429/503/network) and one token refresh
 * after a 401. Every failure is a HieError whose message never contains the token.
 */
export class HieTransport {
  constructor(private readonly settings: TransportSettings) {}

  /** The parsed JSON body of a 2xx answer (frozen: it may be shared with identical requests). */
  async getJson(url: string, signal?: AbortSignal): Promise<unknown> {
    const response = await this.get(url, 'json', signal);
    if (response.json === undefined) throw new HieError('invalid-response', NOT_FHIR_JSON);
    return response.json;
  }

  async getBlob(url: string, signal?: AbortSignal): Promise<Blob> {
    const response = await this.get(url, 'blob', signal);
    if (response.blob === undefined) throw new HieError('invalid-response', 'The HIE sent no content.');
    return response.blob;
  }

  private async get(url: string, bodyKind: 'json' | 'blob', signal?: AbortSignal): Promise<RawResponse> {
    if (new URL(url).origin !== this.settings.origin) {
      throw new HieError('invalid-input', 'Requests with the HIE access token go to the HIE origin only.');
    }
    let forceRefresh = false;
    let refreshed = false;
    let retries = 0;
    for (;;) {
      throwIfAborted(signal);
      const token = await this.token(forceRefresh);
      throwIfAborted(signal);
      forceRefresh = false;
      let response: RawResponse;
      try {
        response = await sharedGet({ fetchFn: this.settings.fetchFn(), url, token, bodyKind }, signal, this.settings.timeoutMs);
      } catch (error) {
        if (error instanceof HieError) throw error;
        if (isAbortError(error)) throw abortedError();
        if (retries >= this.settings.maxRetries) throw networkError(retries);
        await this.wait(this.backoff(retries), signal);
        retries += 1;
        continue;
      }
      if (response.redirected) {
        throw new HieError(
          'network',
          'The HIE redirected the request to another address; the redirect was not followed, so the access token was not sent there.',
        );
      }
      if (response.status === 401 && !refreshed) {
        refreshed = true;
        forceRefresh = true;
        continue;
      }
      if ((response.status === 429 || response.status === 503) && retries < this.settings.maxRetries) {
        const asked = retryAfterMs(response.retryAfter, Date.now());
        await this.wait(Math.min(asked ?? this.backoff(retries), this.settings.maxRetryAfterMs), signal);
        retries += 1;
        continue;
      }
      if (response.status < 200 || response.status > 299) throw httpError(response, token);
      return response;
    }
  }

  private async token(forceRefresh: boolean): Promise<string> {
    const { tokenProvider } = this.settings;
    if (!tokenProvider) throw noTokenError();
    let token: unknown;
    try {
      token = await tokenProvider({ forceRefresh });
    } catch (error) {
      throw tokenProviderFailed(error);
    }
    if (typeof token !== 'string' || token.trim() === '') throw noTokenError();
    return token;
  }

  private backoff(retries: number): number {
    return this.settings.backoffMs * 2 ** retries;
  }

  private async wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.settings.sleep(ms, signal);
    } catch {
      throw abortedError();
    }
    throwIfAborted(signal);
  }
}

/**
 * A host bug, not a sign-in problem: said as such (no "not signed in", no 401 that was never sent).
 * The provider's own message is neither kept nor logged: it may quote the token or the identity
 * provider's reply. The console names only its error type, for the host's developers.
 */
function tokenProviderFailed(error: unknown): HieError {
  const type = error instanceof Error ? error.name : typeof error;
  console.error(`care-record-elements: the host's tokenProvider threw (${type}); no request was sent to the HIE.`);
  // This library's own token providers (the SMART adapter) say what went wrong in words of their own.
  if (error instanceof HieError && error.kind === 'token-provider') return error;
  return new HieError(
    'token-provider',
    "The host system's token provider failed, so no request was sent to the HIE. This is a problem in the host system, not with the patient's record.",
  );
}

function noTokenError(): HieError {
  return new HieError('http', 'No access token for the HIE; the request was not sent.', { status: 401 });
}

function networkError(retries: number): HieError {
  return new HieError(
    'network',
    `The HIE could not be reached (tried ${retries + 1} times). The network may be down, or the HIE ` +
      'redirected the request, which is not followed.',
  );
}

function httpError(response: RawResponse, token: string): HieError {
  const { status } = response;
  const outcome: OperationOutcome | undefined = isOperationOutcome(response.json) ? response.json : undefined;
  const said = outcomeText(outcome);
  const message = said === undefined ? defaultHttpMessage(status) : said.split(token).join('[access token]');
  return new HieError('http', message, outcome === undefined ? { status } : { status, outcome });
}

function defaultHttpMessage(status: number): string {
  switch (status) {
    case 401:
      return 'The HIE did not accept the access token (401), even after it was refreshed.';
    case 403:
      return 'Access denied by the HIE';
    case 404:
      return 'The HIE did not find what was asked for (404).';
    case 429:
      return 'The HIE is receiving too many requests (429); please try again later.';
    case 503:
      return 'The HIE is unavailable (503); please try again later.';
    default:
      return `The HIE answered with an error (HTTP ${status}).`;
  }
}

function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
