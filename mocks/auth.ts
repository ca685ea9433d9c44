/** Tokens the mock HIE accepts; none of them is secret. */
export const MOCK_TOKENS = {
  valid: 'demo-valid-token',
  /** What a token refresh yields in the demo. */
  refreshed: 'demo-refreshed-token',
  /** Always refused with 401. Any token starting `expired-` is. */
  expired: 'expired-token',
} as const;

export type TokenCheck = { ok: true } | { ok: false; reason: string };

export function checkBearerToken(authorization: string | null): TokenCheck {
  if (!authorization) return { ok: false, reason: 'No bearer token was sent' };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) return { ok: false, reason: 'The Authorization header is not a bearer token' };
  const token = match[1]!;
  if (token.startsWith('expired-')) return { ok: false, reason: 'The access token has expired' };
  if (token === MOCK_TOKENS.valid || token === MOCK_TOKENS.refreshed || token.startsWith('valid-')) {
    return { ok: true };
  }
  return { ok: false, reason: 'The access token is not valid' };
}
