import type { IncomingMessage } from 'node:http';

import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@dealergraph/runtime';
import { importSPKI, jwtVerify } from 'jose';

import type { ClientAddress, RawRequestContext } from './client-address.js';
import type { SessionCheck } from './session-check.js';

/** What graphql-ws gives the connection hooks (the `ws` socket is in `extra.socket`). */
interface ConnectionContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra: unknown;
}
interface ClosableSocket {
  close(code: number, reason: string): void;
}

/** The Bearer token in graphql-ws connectionParams, if any. */
export function bearerFromParams(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  if (typeof value !== 'string') return undefined;
  const [scheme, token] = value.trim().split(/\s+/);
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

/**
 * The Authorization value a socket carries: connectionParams' first, else the upgrade request's
 * header (the precedence of the JWT plugin over the socket's requests, gateway.ts).
 */
export function socketAuthorization(ctx: ConnectionContext): string | undefined {
  const params = ctx.connectionParams;
  const value = params?.authorization ?? params?.Authorization;
  if (typeof value === 'string') return value;
  const header = (ctx.extra as { request?: IncomingMessage }).request?.headers.authorization;
  return typeof header === 'string' ? header : undefined;
}

/** The Bearer token a socket carries (connectionParams, else the upgrade request's header). */
export function socketBearer(ctx: ConnectionContext): string | undefined {
  return bearerFromParams({ authorization: socketAuthorization(ctx) });
}

/**
 * Guards graphql-ws connections: `connection_init` is verified on its own (a token in
 * connectionParams or in the upgrade request's Authorization header must be valid, not restricted to MFA enrolment, its session live and the client
 * address allowed by its dealer, or the socket is refused with 4403), and every `sweepMs` each
 * authenticated socket is checked again: one whose session ended or whose token expired is closed
 * with 4401, one whose address its dealer no longer allows with 4403 (IP_NOT_ALLOWED); closing ends
 * its subscriptions. Each new subscription is checked besides, by the session gate.
 */
export function socketSessionGuard(options: {
  publicKey: string;
  sessionCheck: SessionCheck;
  sweepMs: number;
  clientAddress: (context: RawRequestContext) => ClientAddress;
}) {
  const key = importSPKI(options.publicKey, ACCESS_TOKEN_ALGORITHM);
  const sockets = new Map<ClosableSocket, { sid: string; ip: string | null; expiresAt: number; expiry?: NodeJS.Timeout }>();
  const socketOf = (ctx: ConnectionContext) => (ctx.extra as { socket: ClosableSocket }).socket;
  const addressOf = (ctx: ConnectionContext) => options.clientAddress({ req: (ctx.extra as { request?: IncomingMessage }).request }).ip;

  const sweep = async () => {
    for (const [socket, { sid, ip, expiresAt }] of sockets) {
      let close: [number, string] | null = expiresAt <= Date.now() ? [4401, 'Access token expired: reconnect with a fresh one.'] : null;
      if (!close) {
        const access = await options.sessionCheck(sid, ip).catch(() => 'LIVE' as const);
        if (access === 'ENDED') close = [4401, 'Session ended: sign in again.'];
        else if (access === 'IP_NOT_ALLOWED') close = [4403, "IP_NOT_ALLOWED: this address is outside your dealer's allow-list."];
      }
      if (close) {
        sockets.delete(socket);
        socket.close(...close);
      }
    }
  };
  const timer = setInterval(() => void sweep(), options.sweepMs);
  timer.unref();

  return {
    async onConnect(ctx: ConnectionContext): Promise<boolean> {
      const token = socketBearer(ctx);
      // Anonymous sockets may sign in only; the anonymous gate sees to that per operation. An API
      // client's token (no session) is refused below: clients use HTTP.
      if (!token) return true;
      try {
        const { payload } = await jwtVerify(token, await key, {
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          issuer: ACCESS_TOKEN_ISSUER,
          audience: ACCESS_TOKEN_AUDIENCE,
        });
        // A restricted session may only enrol in MFA, which needs no socket.
        if (typeof payload.sid !== 'string' || payload.mfaEnrolmentOnly === true) return false;
        const ip = addressOf(ctx);
        if ((await options.sessionCheck(payload.sid, ip)) !== 'LIVE') return false;
        const socket = socketOf(ctx);
        const expiresAt = (payload.exp ?? 0) * 1000;
        // Closed at the instant its token expires, not at the next sweep. Timers cap near 24.8 days;
        // longer-lived tokens are left to the sweep.
        const wait = expiresAt - Date.now();
        const expiry =
          wait < 2 ** 31 - 1
            ? setTimeout(
                () => {
                  if (!sockets.delete(socket)) return;
                  socket.close(4401, 'Access token expired: reconnect with a fresh one.');
                },
                Math.max(0, wait),
              )
            : undefined;
        expiry?.unref();
        sockets.set(socket, { sid: payload.sid, ip, expiresAt, expiry });
        return true;
      } catch {
        return false;
      }
    },
    onClose(ctx: ConnectionContext) {
      const socket = socketOf(ctx);
      clearTimeout(sockets.get(socket)?.expiry);
      sockets.delete(socket);
    },
    dispose() {
      clearInterval(timer);
    },
  };
}
