import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type DocumentNode } from 'graphql';
import { ANONYMOUS_FIELDS } from '../anonymous-access.plugin.js';
import { rootFieldOccurrences } from './operation-fields.js';
import type { SessionCheck } from './session-check.js';

function sessionEnded(): GraphQLError {
  return new GraphQLError('This session has ended (signed out or revoked); sign in again.', {
    extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED', http: { status: 401 } },
  });
}

/**
 * Refuses a verified access token whose session has ended: a token outlives a logout or a revoke
 * by at most the check's cache time, not its whole lifetime. Tokens without a session are refused.
 * Sign-in and session mutations pass: they carry their own credential. An API client's token has
 * no session: its client must not be revoked (`clientCheck`, the same cache rules).
 */
export function useSessionGate(check: SessionCheck, clientCheck?: SessionCheck): GatewayPlugin {
  const gate = async ({ args, setResultAndStopExecution }: GateEvent) => {
    const payload = (args.contextValue as { jwt?: { payload?: { sid?: unknown; cid?: unknown } } }).jwt?.payload;
    if (!payload) return;
    if (rootFieldOccurrences(args.document, args.operationName).every((f) => ANONYMOUS_FIELDS.has(f))) return;
    const sid = payload.sid;
    let active = false;
    const cid = payload.cid;
    if (typeof sid === 'string' || (typeof cid === 'string' && clientCheck)) {
      try {
        active = typeof sid === 'string' ? await check(sid) : await clientCheck!(cid as string);
      } catch {
        setResultAndStopExecution({
          errors: [new GraphQLError('Sign-in cannot be checked right now; try again shortly.', { extensions: { code: 'SERVICE_UNAVAILABLE' } })],
        });
        return;
      }
    }
    if (!active) setResultAndStopExecution({ errors: [sessionEnded()] });
  };
  return { onExecute: gate as never, onSubscribe: gate as never };
}

interface GateEvent {
  args: { contextValue: unknown; document: DocumentNode; operationName?: string | null };
  setResultAndStopExecution(result: { errors: GraphQLError[] }): void;
}
