import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@dealergraph/runtime';
import type { ServerOptions } from 'graphql-ws';
import { importSPKI, jwtVerify } from 'jose';

/**
 * Subgraphs that serve subscriptions, reached over graphql-ws at the same path as their HTTP endpoint.
 * The gateway opens one upstream socket per subgraph (no per-client connectionParams: the caller's
 * claims travel, signed, inside each subscribe message).
 */
export function subscriptionTransportEntries() {
  return { orders: { options: { subscriptions: { kind: 'ws', location: '/graphql' } } } };
}

/** The longest a timer may wait in Node (about 24.8 days); later expiries are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Close code of a socket refused at connection_init or cut when its token expires. */
export const SOCKET_FORBIDDEN = 4403;

function bearerToken(params: Record<string, unknown> | undefined): string | null {
  const value = params?.authorization ?? params?.Authorization;
  if (typeof value !== 'string') return null;
  const [scheme, token] = value.trim().split(/\s+/);
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

interface SocketExtra {
  socket?: { close(code?: number, reason?: string): void };
  tokenTimer?: NodeJS.Timeout;
}

/**
 * Authenticates graphql-ws at connection_init: a socket that sends a token must send a valid one (else
 * it is closed with 4403), and it is closed when that token expires, so its subscriptions stop. A socket
 * without a token stays anonymous (sign-in only; the gateway refuses everything else per operation).
 */
export function withSocketAuth<T extends ServerOptions<any, any>>(options: T, jwtPublicKey: string, now: () => number = Date.now): T {
  const key = importSPKI(jwtPublicKey, ACCESS_TOKEN_ALGORITHM);
  return {
    ...options,
    onConnect: async (ctx) => {
      const token = bearerToken(ctx.connectionParams as Record<string, unknown> | undefined);
      if (token) {
        let exp: number | undefined;
        try {
          const { payload } = await jwtVerify(token, await key, { algorithms: [ACCESS_TOKEN_ALGORITHM], issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE });
          exp = payload.exp;
        } catch {
          return false;
        }
        const extra = ctx.extra as SocketExtra;
        if (exp !== undefined) {
          const expireAt = exp * 1000;
          const arm = () => {
            const wait = expireAt - now();
            if (wait <= 0) return extra.socket?.close(SOCKET_FORBIDDEN, 'Forbidden: the access token expired; reconnect with a fresh one.');
            extra.tokenTimer = setTimeout(arm, Math.min(wait, MAX_TIMER_MS));
          };
          arm();
        }
      }
      return options.onConnect ? options.onConnect(ctx) : true;
    },
    onClose: (ctx, code, reason) => {
      clearTimeout((ctx.extra as SocketExtra).tokenTimer);
      return options.onClose?.(ctx, code, reason);
    },
  };
}
