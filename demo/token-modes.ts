import type { TokenProvider } from '../src/fhir/types.js';
import { MOCK_TOKENS } from '../mocks/index.js';

export const TOKEN_MODES = {
  valid: 'Valid',
  refresh: 'Expires, refresh works',
  expired: 'Expired (refresh fails)',
  none: 'None (not signed in)',
} as const;

export type TokenMode = keyof typeof TOKEN_MODES;

/**
 * What a host's token provider would do in each situation. `refresh` starts with an expired token;
 * once asked to refresh it keeps the new token, as a real provider caches it.
 */
export function tokenProviderFor(mode: TokenMode): TokenProvider | undefined {
  switch (mode) {
    case 'valid':
      return () => MOCK_TOKENS.valid;
    case 'expired':
      return () => MOCK_TOKENS.expired;
    case 'none':
      return undefined;
    case 'refresh': {
      let refreshed = false;
      return ({ forceRefresh }) => {
        if (forceRefresh) refreshed = true;
        return refreshed ? MOCK_TOKENS.refreshed : MOCK_TOKENS.expired;
      };
    }
  }
}
