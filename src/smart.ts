/**
 * SMART on FHIR: `import { configureFromSmart } from 'care-record-elements/smart'`.
 *
 * A SMART app launched from the EHR gets a fhirclient `Client` from `await FHIR.oauth2.ready()`; this
 * turns it into what the elements need: the HIE base URL (the launch's server URL), the patient (the
 * launch context) and a token provider (the access token, refreshed through the client when the HIE
 * answers 401). fhirclient itself is not imported here: the host brings its own (an optional peer
 * dependency), so this entry adds no OAuth code to the host's bundle and never a second fhirclient.
 */
import { HieError } from './fhir/errors.js';
import type { TokenProvider } from './fhir/types.js';

/** The part of fhirclient 2.x's `Client` used here (what `FHIR.oauth2.ready()` resolves to). */
export interface SmartClient {
  readonly state: {
    readonly serverUrl: string;
    /** Seconds since the epoch, when the server said when the access token expires. */
    readonly expiresAt?: number | undefined;
    readonly tokenResponse?: { readonly access_token?: string; readonly refresh_token?: string } | undefined;
  };
  readonly patient: { readonly id: string | null };
  /** Uses the refresh token; rejects when there is none or the server refuses it. */
  refresh(): Promise<unknown>;
}

/** What the elements take: set on `<care-record-provider>`, `<care-record>` or a single widget. */
export interface SmartCareRecordConfig {
  baseUrl: string;
  patientId: string;
  tokenProvider: TokenProvider;
}

/** A launch the elements cannot use; the message says what the host or the clinician can do. */
export class SmartLaunchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SmartLaunchError';
  }
}

/** Refresh a little before the stated expiry, so a request does not leave with a token about to die. */
const EXPIRY_MARGIN_MS = 10_000;

function hasExpired(client: SmartClient): boolean {
  const { expiresAt } = client.state;
  return typeof expiresAt === 'number' && expiresAt * 1000 - EXPIRY_MARGIN_MS <= Date.now();
}

/**
 * A token provider over the SMART client: the current access token; after a 401 (`forceRefresh`) or
 * past its expiry, one refresh through the client (shared by requests that need it at the same time).
 */
export function smartTokenProvider(client: SmartClient): TokenProvider {
  let refreshing: Promise<unknown> | undefined;
  return async ({ forceRefresh }) => {
    if (forceRefresh || hasExpired(client)) {
      if (!client.state.tokenResponse?.refresh_token) {
        throw new HieError(
          'token-provider',
          'The SMART access token has expired and the launch gave no refresh token, so no request was sent. ' +
            'Open the record from the EHR again (the app can ask for offline_access or online_access to refresh by itself).',
        );
      }
      refreshing ??= client.refresh().finally(() => {
        refreshing = undefined;
      });
      await refreshing;
    }
    const token = client.state.tokenResponse?.access_token;
    if (!token) throw new HieError('token-provider', 'The SMART launch has no access token, so no request was sent.');
    return token;
  };
}

/**
 * Base URL, patient and token provider from a SMART launch. Throws SmartLaunchError when the launch
 * has no patient in context (an EHR launch must be from a patient's record), so the app can say so
 * instead of showing an empty record.
 */
export function smartCareRecordConfig(client: SmartClient): SmartCareRecordConfig {
  const patientId = client.patient.id;
  if (!patientId) {
    throw new SmartLaunchError(
      'The SMART launch has no patient in context, so no care record can be shown. Launch the app from a ' +
        "patient's record in the EHR (and ask for the launch/patient scope).",
    );
  }
  if (!client.state.serverUrl) throw new SmartLaunchError('The SMART launch has no FHIR server URL.');
  return { baseUrl: client.state.serverUrl, patientId, tokenProvider: smartTokenProvider(client) };
}

/** Sets base URL, patient and token provider on a provider (or `<care-record>`, or one widget). */
export function configureFromSmart<T extends Partial<SmartCareRecordConfig>>(target: T, client: SmartClient): T {
  const config = smartCareRecordConfig(client);
  target.tokenProvider = config.tokenProvider;
  target.baseUrl = config.baseUrl;
  target.patientId = config.patientId;
  return target;
}
