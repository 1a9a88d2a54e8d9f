import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@dealergraph/runtime';
import { importSPKI, jwtVerify } from 'jose';
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
 * Guards graphql-ws connections: `connection_init` is verified on its own (a token in
 * connectionParams must be valid and its session live, or the socket is refused with 4403), and
 * every `sweepMs` each authenticated socket is checked again: one whose session ended or whose
 * token expired is closed with 4401, which ends its subscriptions.
 */
export function socketSessionGuard(options: { publicKey: string; sessionCheck: SessionCheck; sweepMs: number }) {
  const key = importSPKI(options.publicKey, ACCESS_TOKEN_ALGORITHM);
  const sockets = new Map<ClosableSocket, { sid: string; expiresAt: number }>();
  const socketOf = (ctx: ConnectionContext) => (ctx.extra as { socket: ClosableSocket }).socket;

  const sweep = async () => {
    for (const [socket, { sid, expiresAt }] of sockets) {
      let reason: string | null = expiresAt <= Date.now() ? 'Access token expired: reconnect with a fresh one.' : null;
      if (!reason) {
        const live = await options.sessionCheck(sid).catch(() => true);
        if (!live) reason = 'Session ended: sign in again.';
      }
      if (reason) {
        sockets.delete(socket);
        socket.close(4401, reason);
      }
    }
  };
  const timer = setInterval(() => void sweep(), options.sweepMs);
  timer.unref();

  return {
    async onConnect(ctx: ConnectionContext): Promise<boolean> {
      const token = bearerFromParams(ctx.connectionParams);
      // Anonymous sockets may sign in only; the anonymous gate sees to that per operation.
      if (!token) return true;
      try {
        const { payload } = await jwtVerify(token, await key, {
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          issuer: ACCESS_TOKEN_ISSUER,
          audience: ACCESS_TOKEN_AUDIENCE,
        });
        if (typeof payload.sid !== 'string' || !(await options.sessionCheck(payload.sid))) return false;
        sockets.set(socketOf(ctx), { sid: payload.sid, expiresAt: (payload.exp ?? 0) * 1000 });
        return true;
      } catch {
        return false;
      }
    },
    onClose(ctx: ConnectionContext) {
      sockets.delete(socketOf(ctx));
    },
    dispose() {
      clearInterval(timer);
    },
  };
}
