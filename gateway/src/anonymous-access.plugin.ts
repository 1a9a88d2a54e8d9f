import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { type DocumentNode, GraphQLError } from 'graphql';

import { rootFieldOccurrences } from './security/operation-fields.js';

/** Root fields an anonymous caller may use: signing in, the session mutations, accepting an invitation. */
export const ANONYMOUS_FIELDS = new Set(['login', 'refreshSession', 'logout', 'acceptInvitation', '__typename']);
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/**
 * Refuses, before any subgraph is called, an anonymous operation that asks for anything but sign-in
 * and introspection. Whether an anonymous caller may introspect is the introspection rule's call
 * (validation, before this gate): refused in production, open to GraphiQL in the demo. Subgraphs
 * check again; this keeps anonymous traffic away from them.
 */
export function useAnonymousAccess(): GatewayPlugin {
  const gate = ({ args, setResultAndStopExecution }: GateEvent) => {
    const context = args.contextValue as { jwt?: { payload?: unknown } };
    if (context.jwt?.payload) return;
    const fields = rootFieldOccurrences(args.document, args.operationName);
    const allowed = fields.every((f) => ANONYMOUS_FIELDS.has(f) || INTROSPECTION_FIELDS.has(f));
    if (!allowed) {
      setResultAndStopExecution({
        errors: [
          new GraphQLError('Sign in first: call the login mutation and send its accessToken as "Authorization: Bearer <token>".', {
            extensions: { code: 'UNAUTHENTICATED' },
          }),
        ],
      });
    }
  };
  // Subscriptions do not pass through onExecute: both doors get the same check.
  return { onExecute: gate, onSubscribe: gate as never };
}

interface GateEvent {
  args: { contextValue: unknown; document: DocumentNode; operationName?: string | null };
  setResultAndStopExecution(result: { errors: GraphQLError[] }): void;
}
