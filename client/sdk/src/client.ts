// The dealergraph client for integration partners and scripts. It signs in (password, or an API client's
// credentials), keeps the access token fresh (refreshing ahead of expiry and once more when the gateway
// says TOKEN_EXPIRED), sends persisted documents by id, retries what is safe to send twice (queries, and
// mutations with an idempotency key: placeOrder), and keeps subscriptions open across token expiry (the
// gateway closes a socket with 4401 at expiry; graphql-ws treats that as final, so the SDK subscribes
// again on a new socket with a fresh token) and network breaks.
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

import { backoffMs, isExpiredToken, isIdempotent, isTransient, refreshLeadMs } from './domain/retry-policy.js';
import { documentIdOf, operationOf, type PersistedDocument } from './operations.js';

export type Credentials =
  | { email: string; password: string; otp?: string }
  | { clientId: string; clientSecret: string; scopes?: string[] }
  | { accessToken: string; refreshToken?: string; expiresIn?: number };

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql (graphql-ws on the same path). */
  url: string;
  credentials: Credentials;
  /** Tries per idempotent request (first one included); default 4. */
  attempts?: number;
  /** The first wait between tries; default 200 ms, doubling. */
  retryBaseMs?: number;
  fetch?: typeof fetch;
  /** A WebSocket class for graphql-ws; default the global one, or the `ws` package. */
  webSocketImpl?: unknown;
  /** Told when the live connection opens (acknowledged) or closes, with the close code. */
  onLive?(event: { type: 'connected' } | { type: 'closed'; code: number; reason: string }): void;
  /** Told each new access token (for logging or sharing). */
  onToken?(token: { accessToken: string; expiresAt: number }): void;
}

/** A request that failed as a whole (network, HTTP, GraphQL errors). Business refusals are userErrors in the data. */
export class DealerGraphError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status = 0,
    readonly attempts = 1,
  ) {
    super(message);
    this.name = 'DealerGraphError';
  }
}

export interface SubscriptionHandlers<T> {
  next(data: T): void;
  /** Subscribed again after a break (token expiry, network): reload what may have changed meanwhile. */
  resumed?(): void;
  error?(error: DealerGraphError): void;
}

type Variables<V> = V extends Record<string, never> ? [variables?: V] : [variables: V];
type Answer = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };

export interface DealerGraphClient {
  /** Signs in now (otherwise the first request does). */
  signIn(): Promise<void>;
  /** Runs a query or mutation; idempotent ones are retried on transient failures. */
  request<R, V>(document: PersistedDocument<R, V>, ...variables: Variables<V>): Promise<R>;
  /** Subscribes until the returned function is called. */
  subscribe<R, V>(document: PersistedDocument<R, V>, variables: V, handlers: SubscriptionHandlers<R>): () => void;
  /** The current access token, if signed in. */
  accessToken(): string | null;
  /** Signs out (password sessions) and closes the live connection. */
  close(): Promise<void>;
}

const EXPIRED_CODES = new Set(['TOKEN_EXPIRED', 'UNAUTHENTICATED']);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// The sign-in operations are the first-party ones of client/generated (persisted, like every other).
const SIGN_IN = 'SignIn';
const REFRESH = 'RefreshSession';
const SIGN_OUT = 'SignOut';

export function createDealerGraphClient(options: ClientOptions): DealerGraphClient {
  const doFetch = options.fetch ?? fetch;
  const attempts = Math.max(1, options.attempts ?? 4);
  const credentials = options.credentials;
  let access: string | null = 'accessToken' in credentials ? credentials.accessToken : null;
  let refreshToken: string | null = 'accessToken' in credentials ? (credentials.refreshToken ?? null) : null;
  let expiresAt = 'accessToken' in credentials && credentials.expiresIn ? Date.now() + credentials.expiresIn * 1000 : Infinity;
  let leadMs = 30_000;
  let pending: Promise<string> | null = null;
  let live: Client | null = null;

  const adopt = (token: string, expiresIn: number, refresh: string | null) => {
    access = token;
    refreshToken = refresh;
    expiresAt = Date.now() + expiresIn * 1000;
    leadMs = refreshLeadMs(expiresIn);
    options.onToken?.({ accessToken: token, expiresAt });
    return token;
  };

  /** One POST of a persisted document; the network failure is an answer too. */
  async function post(body: string, token: string | null): Promise<{ status: number; answer: Answer; network?: boolean }> {
    try {
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body,
      });
      const answer = (await response.json().catch(() => ({}))) as Answer;
      return { status: response.status, answer };
    } catch {
      return { status: 0, answer: {}, network: true };
    }
  }

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
      const response = await doFetch(new URL('/oauth/token', options.url), {
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
      return adopt(body.access_token, body.expires_in ?? 300, null);
    }
    if (refreshToken) {
      const refreshed = await session(REFRESH, { refreshToken });
      if (refreshed.accessToken) return adopt(refreshed.accessToken, refreshed.expiresIn ?? 900, refreshed.refreshToken);
    }
    throw new DealerGraphError('The access token expired and there is no way to get another.', 'TOKEN_EXPIRED', 401);
  }

  /** A token good for a while: the current one, or a new one (one refresh at a time). */
  async function token(force = false): Promise<string> {
    if (!force && access && Date.now() < expiresAt - leadMs) return access;
    pending ??= obtain().finally(() => (pending = null));
    return pending;
  }

  async function request<R, V>(document: PersistedDocument<R, V>, ...[variables]: Variables<V>): Promise<R> {
    const operation = operationOf(document as PersistedDocument);
    const vars = (variables ?? {}) as Record<string, unknown>;
    const body = JSON.stringify({ documentId: operation.id, variables: vars });
    const tries = isIdempotent(operation.kind, vars) ? attempts : 1;
    let refreshed = false;
    for (let attempt = 1; ; attempt += 1) {
      const result = await post(body, await token());
      const code = result.answer.errors?.[0]?.extensions?.code;
      if (!refreshed && isExpiredToken(result.status, code)) {
        refreshed = true;
        await token(true);
        attempt -= 1;
        continue;
      }
      if (result.answer.data && !result.answer.errors?.length) return result.answer.data as R;
      const transient = isTransient({ network: result.network, status: result.status, code });
      if (transient && attempt < tries) {
        await sleep(backoffMs(attempt, options.retryBaseMs));
        continue;
      }
      if (result.answer.data) return result.answer.data as R; // partial data: the caller reads what came
      const first = result.answer.errors?.[0];
      throw new DealerGraphError(
        first?.message ?? (result.network ? 'The gateway cannot be reached.' : `HTTP ${result.status}`),
        code ?? (result.network ? 'NETWORK' : 'ERROR'),
        result.status,
        attempt,
      );
    }
  }

  function liveClient(): Client {
    live ??= createClient({
      url: options.url.replace(/^http/, 'ws'),
      webSocketImpl: options.webSocketImpl ?? globalThis.WebSocket ?? WebSocket,
      lazy: true,
      lazyCloseTimeout: 1_000,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: (retries) => sleep(backoffMs(retries + 1, options.retryBaseMs)),
      connectionParams: async () => ({ authorization: `Bearer ${await token()}` }),
      on: {
        connected: () => options.onLive?.({ type: 'connected' }),
        closed: (event) => {
          const { code = 0, reason = '' } = event as { code?: number; reason?: string };
          options.onLive?.({ type: 'closed', code, reason: String(reason) });
        },
      },
    });
    return live;
  }

  function subscribe<R, V>(document: PersistedDocument<R, V>, variables: V, handlers: SubscriptionHandlers<R>): () => void {
    const id = documentIdOf(document as PersistedDocument);
    let stopped = false;
    let breaks = 0;
    let unsubscribe = () => {};
    // One restart per break: the gateway may say TOKEN_EXPIRED on the subscription and then close with 4401.
    let restarting = false;
    const restart = () => {
      if (stopped || restarting) return;
      restarting = true;
      breaks += 1;
      unsubscribe();
      // A fresh token, then a new socket (the lazy client opens one for the new subscription).
      token(true).then(
        () => setTimeout(start, Math.min(5_000, 100 * breaks)),
        (failure: DealerGraphError) => handlers.error?.(failure),
      );
    };
    const start = () => {
      if (stopped) return;
      restarting = false;
      unsubscribe = liveClient().subscribe(
        { query: '', variables: variables as Record<string, unknown>, extensions: {}, ...{ documentId: id } },
        {
          next: (result) => {
            const code = String(result.errors?.[0]?.extensions?.code ?? '');
            if (!result.data && EXPIRED_CODES.has(code)) return restart();
            if (breaks > 0) {
              breaks = 0;
              handlers.resumed?.();
            }
            if (result.data) handlers.next(result.data as R);
            else if (result.errors?.length) handlers.error?.(new DealerGraphError(result.errors[0].message, code || 'ERROR'));
          },
          error: (error) => {
            if (stopped) return;
            const closeCode = (error as { code?: unknown }).code;
            const first = Array.isArray(error) ? (error[0] as { message?: string; extensions?: { code?: string } } | undefined) : undefined;
            // The token expired (or its session check failed): a fresh one, then a new socket.
            if (closeCode === 4401 || closeCode === 4403 || EXPIRED_CODES.has(first?.extensions?.code ?? '')) return restart();
            handlers.error?.(
              new DealerGraphError(first?.message ?? 'The live connection failed.', first?.extensions?.code ?? 'LIVE_FAILED'),
            );
          },
          complete: () => {},
        },
      );
    };
    start();
    return () => {
      stopped = true;
      unsubscribe();
    };
  }

  return {
    signIn: async () => void (await token(true)),
    request,
    subscribe,
    accessToken: () => access,
    close: async () => {
      await live?.dispose();
      live = null;
      if (refreshToken && 'email' in credentials) await session(SIGN_OUT, { refreshToken }).catch(() => undefined);
      access = null;
      refreshToken = null;
    },
  };
}
