import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { type ExecutionResult, GraphQLError } from 'graphql';

import type { ClientAddress, RawRequestContext } from './client-address.js';
import type { SessionCheck } from './session-check.js';

/** Why a live subscription was ended: the error its client hears last. */
type Ending = 'SESSION_ENDED' | 'TOKEN_EXPIRED' | 'IP_NOT_ALLOWED';

const ENDINGS: Record<Ending, () => GraphQLError> = {
  SESSION_ENDED: () =>
    new GraphQLError('This session has ended (signed out, disabled, role changed or revoked); sign in again.', {
      extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' },
    }),
  TOKEN_EXPIRED: () =>
    new GraphQLError('The access token has expired: subscribe again with a fresh one.', { extensions: { code: 'TOKEN_EXPIRED' } }),
  IP_NOT_ALLOWED: () =>
    new GraphQLError("IP_NOT_ALLOWED: this address is outside your dealer's allow-list.", { extensions: { code: 'IP_NOT_ALLOWED' } }),
};

interface LiveEntry {
  sid?: string;
  cid?: string;
  ip: string | null;
  expiresAt: number;
  end(ending: Ending): void;
}

const isStream = (value: unknown): value is AsyncIterable<ExecutionResult> =>
  value != null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';

/**
 * A stream that can be ended from outside: its client hears one last result with the error, then
 * the end of the stream (graphql-ws `complete`, the event stream's `complete` event), and the source
 * (the upstream subscription) is returned.
 */
function endable(source: AsyncIterable<ExecutionResult>, onFinish: () => void) {
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  let last: ExecutionResult | null = null;
  let wake: () => void = () => {};
  const ended = new Promise<'ENDED'>((resolve) => (wake = () => resolve('ENDED')));
  const finish = () => {
    if (finished) return;
    finished = true;
    onFinish();
    void Promise.resolve(iterator.return?.()).catch(() => {});
  };
  const stream: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]: () => stream,
    async next() {
      if (finished) {
        const value = last;
        last = null;
        return value ? { done: false, value } : { done: true, value: undefined };
      }
      const step = await Promise.race([iterator.next(), ended]);
      if (step === 'ENDED') {
        finish();
        const value = last!;
        last = null;
        return { done: false, value };
      }
      if (step.done) finish();
      return step;
    },
    async return() {
      last = null;
      finish();
      return { done: true, value: undefined };
    },
  };
  return {
    stream,
    end(error: GraphQLError) {
      if (finished || last) return;
      last = { errors: [error] };
      wake();
    },
  };
}

/**
 * Keeps every live subscription of a signed-in caller to the rules its token was accepted under,
 * whatever carries it (graphql-ws, with the token in connectionParams or in the upgrade request's
 * Authorization header; an event stream; a multipart response): every `sweepMs` the session (or the
 * API client) is asked again with the stream's client address, as the session gate asks per request,
 * and a stream is ended with a coded last error when its session ended (sign-out, revocation,
 * disablement, a role change, the session limit), its API client was revoked, its address is no
 * longer allowed, or at the instant its token expires. The socket guard closes sockets besides; this
 * reaches every transport.
 */
export function liveAccess(options: {
  sessionCheck: SessionCheck;
  clientCheck: SessionCheck;
  sweepMs: number;
  clientAddress: (context: RawRequestContext) => ClientAddress;
}) {
  const live = new Set<LiveEntry>();

  const sweep = async () => {
    await Promise.all(
      [...live].map(async (entry) => {
        if (entry.expiresAt <= Date.now()) return entry.end('TOKEN_EXPIRED');
        const check = entry.sid ? options.sessionCheck(entry.sid, entry.ip) : options.clientCheck(entry.cid!, entry.ip);
        // Unreachable sessions service: the stream goes on; the next sweep asks again.
        const access = await check.catch(() => 'LIVE' as const);
        if (access === 'ENDED') entry.end('SESSION_ENDED');
        else if (access === 'IP_NOT_ALLOWED') entry.end('IP_NOT_ALLOWED');
      }),
    );
  };
  const timer = setInterval(() => void sweep(), options.sweepMs);
  timer.unref();

  const plugin: GatewayPlugin = {
    onSubscribe({ args }) {
      const payload = (args.contextValue as { jwt?: { payload?: { sid?: unknown; cid?: unknown; exp?: unknown } } }).jwt?.payload;
      const sid = typeof payload?.sid === 'string' ? payload.sid : undefined;
      const cid = typeof payload?.cid === 'string' ? payload.cid : undefined;
      if (!sid && !cid) return undefined;
      const ip = options.clientAddress(args.contextValue as RawRequestContext).ip;
      const expiresAt = typeof payload?.exp === 'number' ? payload.exp * 1000 : 0;
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isStream(result)) return;
          let expiry: NodeJS.Timeout | undefined;
          const entry: LiveEntry = { sid, cid, ip, expiresAt, end: (ending) => control.end(ENDINGS[ending]()) };
          const control = endable(result, () => {
            clearTimeout(expiry);
            live.delete(entry);
          });
          live.add(entry);
          // Ended at the instant the token expires, not at the next sweep (timers cap near 24.8 days).
          const wait = expiresAt - Date.now();
          if (wait < 2 ** 31 - 1) {
            expiry = setTimeout(() => entry.end('TOKEN_EXPIRED'), Math.max(0, wait));
            expiry.unref();
          }
          setResult(control.stream);
        },
      };
    },
  };

  return {
    plugin,
    /** Live subscriptions of signed-in callers now (for tests). */
    size: () => live.size,
    dispose() {
      clearInterval(timer);
    },
  };
}

export type LiveAccess = ReturnType<typeof liveAccess>;
