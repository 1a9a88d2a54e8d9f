import { MFA_ENROLMENT_FIELDS, mfaEnrolmentRequired } from '@dealergraph/runtime';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { type DocumentNode, GraphQLError } from 'graphql';

import { ANONYMOUS_FIELDS } from '../anonymous-access.plugin.js';
import type { ClientAddress, RawRequestContext } from './client-address.js';
import { rootFieldOccurrences } from './operation-fields.js';
import type { SessionAccess, SessionCheck } from './session-check.js';

function sessionEnded(): GraphQLError {
  return new GraphQLError('This session has ended (signed out or revoked); sign in again.', {
    extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED', http: { status: 401 } },
  });
}

/** The refusal for an address outside the caller's dealer's allow-list. */
export function ipNotAllowed(): GraphQLError {
  return new GraphQLError('Your dealer allows access only from its own networks, and this address is not one of them.', {
    extensions: { code: 'IP_NOT_ALLOWED', http: { status: 403 } },
  });
}

/**
 * Refuses a verified access token whose session has ended (a token outlives a logout or a revoke by
 * at most the check's cache time, not its whole lifetime), or that comes from an address outside its
 * dealer's allow-list: both in the one session check. A restricted token (MFA enrolment only) may
 * call the enrolment fields and nothing else. Tokens without a session are refused. Sign-in and
 * session mutations pass: they carry their own credential. Runs for HTTP operations and for every
 * subscription a socket starts. An API client's token has no session: its client must not be revoked
 * (`clientCheck`, the same cache rules).
 */
export function useSessionGate(
  check: SessionCheck,
  clientAddress: (context: RawRequestContext) => ClientAddress,
  clientCheck?: SessionCheck,
): GatewayPlugin {
  const gate = async ({ args, setResultAndStopExecution }: GateEvent) => {
    const payload = (args.contextValue as { jwt?: { payload?: { sid?: unknown; cid?: unknown; mfaEnrolmentOnly?: unknown } } }).jwt
      ?.payload;
    if (!payload) return;
    const fields = rootFieldOccurrences(args.document, args.operationName);
    if (fields.every((f) => ANONYMOUS_FIELDS.has(f))) return;
    if (payload.mfaEnrolmentOnly === true && !fields.every((f) => MFA_ENROLMENT_FIELDS.has(f) || ANONYMOUS_FIELDS.has(f))) {
      setResultAndStopExecution({ errors: [mfaEnrolmentRequired()] });
      return;
    }
    const sid = payload.sid;
    let access: SessionAccess = 'ENDED';
    const cid = payload.cid;
    if (typeof sid === 'string' || (typeof cid === 'string' && clientCheck)) {
      try {
        const ip = clientAddress(args.contextValue as RawRequestContext).ip;
        access = typeof sid === 'string' ? await check(sid, ip) : await clientCheck!(cid as string, ip);
      } catch {
        setResultAndStopExecution({
          errors: [
            new GraphQLError('Sign-in cannot be checked right now; try again shortly.', { extensions: { code: 'SERVICE_UNAVAILABLE' } }),
          ],
        });
        return;
      }
    }
    if (access === 'ENDED') setResultAndStopExecution({ errors: [sessionEnded()] });
    else if (access === 'IP_NOT_ALLOWED') setResultAndStopExecution({ errors: [ipNotAllowed()] });
  };
  return { onExecute: gate as never, onSubscribe: gate as never };
}

interface GateEvent {
  args: { contextValue: unknown; document: DocumentNode; operationName?: string | null };
  setResultAndStopExecution(result: { errors: GraphQLError[] }): void;
}
