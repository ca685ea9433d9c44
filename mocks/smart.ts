import { http, HttpResponse, type RequestHandler } from 'msw';

/**
 * The HIE's SMART on FHIR authorisation server (EHR launch, public client, no consent screen): the
 * `.well-known/smart-configuration`, an authorize endpoint that sends the browser straight back with
 * a code, and a token endpoint for the code and for refresh tokens.
 *
 * The `launch` parameter is the launch context the EHR would hold: a patient id (`mock-rich-record`),
 * optionally with `;short-lived` (the first access token is already refused, so the app must refresh)
 * or `;no-refresh` (no refresh token issued), or `no-patient` (a launch without a patient).
 */
interface Grant {
  patient: string | undefined;
  shortLived: boolean;
  refreshable: boolean;
  scope: string;
}

const codes = new Map<string, Grant>();
const refreshTokens = new Map<string, Grant>();
let issued = 0;

/** Every grant the mock issued is forgotten (tests call it between launches). */
export function resetSmartGrants(): void {
  codes.clear();
  refreshTokens.clear();
  issued = 0;
}

function grantFor(launch: string | null, scope: string): Grant {
  const [context = '', ...flags] = (launch ?? '').split(';');
  return {
    patient: context && context !== 'no-patient' ? context : undefined,
    shortLived: flags.includes('short-lived'),
    refreshable: !flags.includes('no-refresh') && /\b(offline_access|online_access)\b/.test(scope),
    scope,
  };
}

function tokenResponse(grant: Grant, first: boolean): Record<string, unknown> {
  issued += 1;
  // Tokens starting `expired-` are refused by the mock HIE with 401; `valid-` ones are accepted.
  const access = first && grant.shortLived ? `expired-smart-${issued}` : `valid-smart-${issued}`;
  const body: Record<string, unknown> = {
    access_token: access,
    token_type: 'Bearer',
    expires_in: 3600,
    scope: grant.scope,
    ...(grant.patient ? { patient: grant.patient } : {}),
  };
  if (grant.refreshable) {
    const refresh = `smart-refresh-${issued}`;
    refreshTokens.set(refresh, grant);
    body['refresh_token'] = refresh;
  }
  return body;
}

const oauthError = (error: string, description: string) =>
  HttpResponse.json({ error, error_description: description }, { status: 400 });

export function createSmartHandlers(base: string): RequestHandler[] {
  return [
    http.get(`${base}/.well-known/smart-configuration`, () =>
      HttpResponse.json({
        issuer: base,
        authorization_endpoint: `${base}/auth/authorize`,
        token_endpoint: `${base}/auth/token`,
        grant_types_supported: ['authorization_code', 'refresh_token'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['none'],
        scopes_supported: ['openid', 'launch', 'launch/patient', 'patient/*.read', 'offline_access', 'online_access'],
        capabilities: ['launch-ehr', 'client-public', 'context-ehr-patient', 'permission-offline', 'permission-patient'],
      }),
    ),
    http.get(`${base}/auth/authorize`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      const redirect = query.get('redirect_uri');
      if (query.get('response_type') !== 'code' || !redirect) return oauthError('invalid_request', 'response_type=code and redirect_uri are required');
      const code = `smart-code-${codes.size + 1}-${Date.now()}`;
      codes.set(code, grantFor(query.get('launch'), query.get('scope') ?? ''));
      const back = new URL(redirect);
      back.searchParams.set('code', code);
      if (query.get('state')) back.searchParams.set('state', query.get('state')!);
      return new HttpResponse(null, { status: 302, headers: { Location: back.href } });
    }),
    http.post(`${base}/auth/token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const grantType = form.get('grant_type');
      if (grantType === 'authorization_code') {
        const grant = codes.get(form.get('code') ?? '');
        if (!grant) return oauthError('invalid_grant', 'Unknown or used authorization code');
        codes.delete(form.get('code')!);
        return HttpResponse.json(tokenResponse(grant, true));
      }
      if (grantType === 'refresh_token') {
        const grant = refreshTokens.get(form.get('refresh_token') ?? '');
        if (!grant) return oauthError('invalid_grant', 'Unknown refresh token');
        return HttpResponse.json(tokenResponse(grant, false));
      }
      return oauthError('unsupported_grant_type', `grant_type ${grantType} is not supported`);
    }),
  ];
}
