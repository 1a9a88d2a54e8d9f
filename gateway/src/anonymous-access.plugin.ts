import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/** Root fields an anonymous caller may use: signing in and the session mutations. */
const ANONYMOUS_FIELDS = new Set(['login', 'refreshSession', 'logout', '__typename']);
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

function rootFieldNames(document: DocumentNode, operationName: string | null | undefined): string[] {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return [];
  return operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '(fragment)'));
}

/**
 * Refuses, before any subgraph is called, an anonymous operation that asks for anything but sign-in
 * (and, outside production, introspection for GraphiQL). Subgraphs check again; this keeps anonymous
 * traffic away from them.
 */
export function useAnonymousAccess(options: { allowIntrospection: boolean }): GatewayPlugin {
  const gate = ({ args, setResultAndStopExecution }: GateEvent) => {
    const context = args.contextValue as { jwt?: { payload?: unknown } };
    if (context.jwt?.payload) return;
    const fields = rootFieldNames(args.document, args.operationName);
    const allowed = fields.every((f) => ANONYMOUS_FIELDS.has(f) || (options.allowIntrospection && INTROSPECTION_FIELDS.has(f)));
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
