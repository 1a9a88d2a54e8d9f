// Live data over graphql-ws on the gateway's /graphql. Each (re)connection asks the session for a
// fresh access token. The gateway closes a socket with 4401 when its token expires, and graphql-ws
// treats 4401 as final; so a live view that sees 4401 refreshes and subscribes again (a new socket),
// and tells its owner to reload what it may have missed meanwhile.
import type { TypedDocumentString } from '@generated/graphql';
import { type Client, createClient } from 'graphql-ws';

import { documentIdOf } from './graphql';
import { getAccessToken, refresh } from './session';

let client: Client | null = null;

function liveClient(): Client {
  client ??= createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    lazy: true,
    lazyCloseTimeout: 2_000,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries))),
    connectionParams: async () => {
      const token = await getAccessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });
  return client;
}

/** Closes the live connection (sign-out): the next subscription opens a new one with the new user's token. */
export function resetLive(): void {
  client?.dispose();
  client = null;
}

/** Restarts in a row, with no event between them, before a live view stops trying. */
const MAX_QUIET_RESTARTS = 5;

const isCloseEvent = (value: unknown): value is { code: number; reason: string } =>
  typeof value === 'object' && value !== null && 'code' in value && typeof (value as { code: unknown }).code === 'number';

export interface LiveHandlers<T> {
  next(data: T): void;
  /** The subscription was re-established after a break: reload what may have changed meanwhile. */
  resumed?(): void;
  error?(message: string): void;
}

/** Subscribes until the returned function is called, across token expiry and network breaks. */
export function subscribeLive<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  handlers: LiveHandlers<TResult>,
): () => void {
  let stopped = false;
  let unsubscribe = () => {};
  let attempt = 0;
  /** The stream said its token expired (it ends next): a break to mend, not an error to show. */
  let expired = false;
  /** Streams ended in a row with no reason given. */
  let quietEnds = 0;
  /** A fresh token if this one is about to expire, then a new subscription (a new socket if the old one closed). */
  const again = (force: boolean) => {
    attempt += 1;
    void refresh(force).then((token) => {
      if (token) setTimeout(start, Math.min(5_000, 200 * attempt));
      else handlers.error?.('Your session has ended.');
    });
  };
  const start = () => {
    if (stopped) return;
    expired = false;
    unsubscribe = liveClient().subscribe<TResult>(
      { query: '', extensions: {}, variables: variables as Record<string, unknown>, ...{ documentId: documentIdOf(document as never) } },
      {
        next: (result) => {
          if (result.errors?.some((e) => e.extensions?.code === 'TOKEN_EXPIRED')) {
            expired = true;
            return;
          }
          quietEnds = 0;
          if (attempt > 0) {
            attempt = 0;
            handlers.resumed?.();
          }
          if (result.data) handlers.next(result.data as TResult);
          else if (result.errors?.length) handlers.error?.(result.errors[0].message);
        },
        error: (error) => {
          if (stopped) return;
          if (isCloseEvent(error) && (error.code === 4401 || error.code === 4403)) {
            // Token expired or session check failed: a fresh token, then a new socket.
            again(true);
            return;
          }
          handlers.error?.(Array.isArray(error) ? String(error[0]?.message) : 'The live connection failed.');
        },
        complete: () => {
          if (stopped) return;
          // At token expiry the stream can end (TOKEN_EXPIRED, then complete) a moment before the
          // socket is closed with 4401: the same break, mended the same way. A stream that keeps
          // ending with no reason and nothing on it (an order this user may not see) is given up.
          if (expired) return again(true);
          quietEnds += 1;
          if (quietEnds > MAX_QUIET_RESTARTS) handlers.error?.('The live connection ended.');
          else again(false);
        },
      },
    );
  };
  start();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
