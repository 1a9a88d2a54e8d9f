// The dealergraph client for integration partners and scripts. It signs in (password, or an API client's
// credentials), keeps the access token fresh (refreshing ahead of expiry and once more when the gateway
// says TOKEN_EXPIRED), sends persisted documents by id, retries what is safe to send twice (queries, and
// mutations with an idempotency key: placeOrder), and keeps subscriptions open across token expiry (the
// gateway closes a socket with 4401 at expiry; graphql-ws treats that as final, so the SDK subscribes
// again on a new socket with a fresh token) and network breaks.
import { isExpiredToken, isIdempotent, isTransient, retryDelayMs, retryHintSeconds } from './domain/retry-policy.js';
import { liveConnection } from './live.js';
import { operationOf, type PersistedDocument } from './operations.js';
import { tokenKeeper } from './token-keeper.js';
import { transport } from './transport.js';
import { type ClientOptions, DealerGraphError, type SubscriptionHandlers, type Variables } from './types.js';

export { type ClientOptions, type Credentials, DealerGraphError, type SubscriptionHandlers } from './types.js';

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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createDealerGraphClient(options: ClientOptions): DealerGraphClient {
  const doFetch = options.fetch ?? fetch;
  const attempts = Math.max(1, options.attempts ?? 4);
  const post = transport(options.url, doFetch);
  const keeper = tokenKeeper(options, post, doFetch);
  const token = (force?: boolean) => keeper.token(force);
  const live = liveConnection(options, keeper);

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
        // At least as long as the gateway's retry hint: the same key then finds the order placed or the service back.
        await sleep(retryDelayMs(attempt, retryHintSeconds(result.answer.errors), { baseMs: options.retryBaseMs }));
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

  return {
    signIn: async () => void (await token(true)),
    request,
    subscribe: (document, variables, handlers) => live.subscribe(document, variables, handlers),
    accessToken: () => keeper.current(),
    close: async () => {
      await live.close();
      await keeper.signOut();
    },
  };
}
