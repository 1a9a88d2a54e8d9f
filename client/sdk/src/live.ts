// Live data over graphql-ws on the gateway's /graphql. Each connection asks for a fresh token. The
// gateway closes a socket with 4401 when its token expires (and may first say TOKEN_EXPIRED on the
// subscription); graphql-ws treats 4401 as final, so a subscription that sees either gets a new token
// and subscribes again, on a new socket, and tells its owner it resumed.
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

import { backoffMs } from './domain/retry-policy.js';
import { documentIdOf, type PersistedDocument } from './operations.js';
import type { TokenKeeper } from './token-keeper.js';
import { type ClientOptions, DealerGraphError, type SubscriptionHandlers } from './types.js';

const EXPIRED_CODES = new Set(['TOKEN_EXPIRED', 'UNAUTHENTICATED']);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Live {
  subscribe<R, V>(document: PersistedDocument<R, V>, variables: V, handlers: SubscriptionHandlers<R>): () => void;
  close(): Promise<void>;
}

/** The lazy graphql-ws client: a socket while subscriptions are open, each connection with a fresh token. */
function createLiveClient(options: ClientOptions, token: () => Promise<string>): Client {
  return createClient({
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
}

export function liveConnection(options: ClientOptions, keeper: TokenKeeper): Live {
  let live: Client | null = null;
  const token = (force?: boolean) => keeper.token(force);

  const liveClient = () => (live ??= createLiveClient(options, token));

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
    subscribe,
    close: async () => {
      await live?.dispose();
      live = null;
    },
  };
}
