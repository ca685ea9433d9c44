import type { SmartClient } from '../src/smart.js';

/**
 * An EHR launch as a SMART app runs it, against the mock HIE's authorisation server (mocks/smart.ts):
 * discovery, authorize (the EHR sends the browser back with a code), the code exchanged for tokens.
 * It stands in for fhirclient (whose npm dependency tree pulls Expo and React Native, too much for this
 * repository's dev tools) and returns a client with the shape `FHIR.oauth2.ready()` gives
 * (state.serverUrl, state.tokenResponse, state.expiresAt, patient.id, refresh()), which is all the
 * adapter reads. The mock HIE lives in the page's service worker, which does not see navigations, so
 * the authorize redirect is followed by fetch instead of by the window.
 */
export interface LaunchedClient extends SmartClient {
  state: { serverUrl: string; expiresAt?: number; tokenResponse?: { access_token?: string; refresh_token?: string } };
  patient: { id: string | null };
  /** grant_type of every token request the client made, in order. */
  readonly grants: string[];
}

export async function ehrLaunch(
  iss: string,
  launch: string,
  { scope = 'launch patient/*.read offline_access', callbackPath = location.pathname } = {},
): Promise<LaunchedClient> {
  const config = await (await fetch(`${iss}/.well-known/smart-configuration`)).json();
  const redirectUri = new URL(callbackPath, location.origin).href;
  const state = crypto.randomUUID();
  const authorize = new URL(config.authorization_endpoint);
  for (const [k, v] of Object.entries({ response_type: 'code', client_id: 'care-record-demo', redirect_uri: redirectUri, launch, scope, state, aud: iss })) {
    authorize.searchParams.set(k, v);
  }
  // The authorize endpoint answers with a redirect back to the app; the page it lands on carries the code.
  const returned = new URL((await fetch(authorize)).url);
  if (returned.searchParams.get('state') !== state) throw new Error('the authorize redirect lost the state');
  const grants: string[] = [];
  const token = async (body: Record<string, string>) => {
    grants.push(body['grant_type']!);
    const response = await fetch(config.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
    });
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    return response.json();
  };
  const client: LaunchedClient = {
    grants,
    state: { serverUrl: iss },
    patient: { id: null },
    async refresh() {
      const refreshToken = client.state.tokenResponse?.refresh_token;
      if (!refreshToken) throw new Error('Unable to refresh. No refresh_token found.');
      client.state.tokenResponse = await token({ grant_type: 'refresh_token', refresh_token: refreshToken });
      return client.state;
    },
  };
  client.state.tokenResponse = await token({
    grant_type: 'authorization_code',
    code: returned.searchParams.get('code')!,
    redirect_uri: redirectUri,
    client_id: 'care-record-demo',
  });
  client.patient.id = (client.state.tokenResponse as { patient?: string }).patient ?? null;
  return client;
}
