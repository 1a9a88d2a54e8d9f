// The access token of a client: obtained by password, client credentials or a refresh token, renewed
// ahead of expiry (and on demand, when the gateway says TOKEN_EXPIRED), one renewal at a time (a refresh
// token works once).
import { refreshLeadMs } from './domain/retry-policy.js';
import { documentIdOf } from './operations.js';
import type { Post } from './transport.js';
import { type ClientOptions, type Credentials, DealerGraphError } from './types.js';

// The sign-in operations are the first-party ones of client/generated (persisted, like every other).
const SIGN_IN = 'SignIn';
const REFRESH = 'RefreshSession';
const SIGN_OUT = 'SignOut';

export interface TokenKeeper {
  /** A token good for a while: the current one, or a new one (force: a new one in any case). */
  token(force?: boolean): Promise<string>;
  current(): string | null;
  /** Ends a password session and forgets the tokens. */
  signOut(): Promise<void>;
}

/** An API client's token by OAuth client credentials (no refresh token: asked again at expiry). */
async function clientCredentialsToken(
  url: string,
  doFetch: typeof fetch,
  credentials: { clientId: string; clientSecret: string; scopes?: string[] },
): Promise<{ accessToken: string; expiresIn: number }> {
  const response = await doFetch(new URL('/oauth/token', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      ...(credentials.scopes ? { scope: credentials.scopes.join(' ') } : {}),
    }),
  }).catch(() => null);
  if (!response) throw new DealerGraphError('The gateway cannot be reached.', 'NETWORK');
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    expires_in?: number;
    error?: string;
    error_description?: string;
  };
  if (!body.access_token)
    throw new DealerGraphError(body.error_description ?? 'No token.', body.error ?? 'INVALID_CLIENT', response.status);
  return { accessToken: body.access_token, expiresIn: body.expires_in ?? 300 };
}

export function tokenKeeper(options: ClientOptions, post: Post, doFetch: typeof fetch): TokenKeeper {
  const credentials: Credentials = options.credentials;
  let access: string | null = 'accessToken' in credentials ? credentials.accessToken : null;
  let refreshToken: string | null = 'accessToken' in credentials ? (credentials.refreshToken ?? null) : null;
  let expiresAt = 'accessToken' in credentials && credentials.expiresIn ? Date.now() + credentials.expiresIn * 1000 : Infinity;
  let leadMs = 30_000;
  let pending: Promise<string> | null = null;

  const adopt = (token: string, expiresIn: number, refresh: string | null) => {
    access = token;
    refreshToken = refresh;
    expiresAt = Date.now() + expiresIn * 1000;
    leadMs = refreshLeadMs(expiresIn);
    options.onToken?.({ accessToken: token, expiresAt });
    return token;
  };

  /** Runs one of the session operations (never retried here: a refresh token works once). */
  async function session(name: string, variables: Record<string, unknown>) {
    const { generated } = await import('./generated.js');
    const document = generated[name];
    const { status, answer, network } = await post(JSON.stringify({ documentId: documentIdOf(document), variables }), null);
    if (network) throw new DealerGraphError('The gateway cannot be reached.', 'NETWORK');
    const field = Object.values((answer.data ?? {}) as Record<string, unknown>)[0] as
      | {
          accessToken: string | null;
          refreshToken: string | null;
          expiresIn: number | null;
          userErrors: { code: string; message: string }[];
        }
      | undefined;
    if (!field)
      throw new DealerGraphError(answer.errors?.[0]?.message ?? `HTTP ${status}`, answer.errors?.[0]?.extensions?.code ?? 'ERROR', status);
    return field;
  }

  async function obtain(): Promise<string> {
    if ('email' in credentials) {
      if (refreshToken) {
        const refreshed = await session(REFRESH, { refreshToken });
        if (refreshed.accessToken) return adopt(refreshed.accessToken, refreshed.expiresIn ?? 900, refreshed.refreshToken);
      }
      const login = await session(SIGN_IN, { email: credentials.email, password: credentials.password, otp: credentials.otp ?? null });
      if (!login.accessToken) {
        const error = login.userErrors[0] ?? { code: 'SIGN_IN_FAILED', message: 'Sign-in failed.' };
        throw new DealerGraphError(error.message, error.code, 200);
      }
      return adopt(login.accessToken, login.expiresIn ?? 900, login.refreshToken);
    }
    if ('clientId' in credentials) {
      const granted = await clientCredentialsToken(options.url, doFetch, credentials);
      return adopt(granted.accessToken, granted.expiresIn, null);
    }
    if (refreshToken) {
      const refreshed = await session(REFRESH, { refreshToken });
      if (refreshed.accessToken) return adopt(refreshed.accessToken, refreshed.expiresIn ?? 900, refreshed.refreshToken);
    }
    throw new DealerGraphError('The access token expired and there is no way to get another.', 'TOKEN_EXPIRED', 401);
  }

  async function token(force = false): Promise<string> {
    if (!force && access && Date.now() < expiresAt - leadMs) return access;
    pending ??= obtain().finally(() => (pending = null));
    return pending;
  }

  return {
    token,
    current: () => access,
    signOut: async () => {
      if (refreshToken && 'email' in credentials) await session(SIGN_OUT, { refreshToken }).catch(() => undefined);
      access = null;
      refreshToken = null;
    },
  };
}
