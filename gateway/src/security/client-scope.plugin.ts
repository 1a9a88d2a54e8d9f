import { API_CLIENT_ROLE, AUTHORIZATION_MATRIX, decide, decideClientField } from '@dealergraph/runtime';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { type DocumentNode, getNamedType, GraphQLError, type GraphQLSchema, TypeInfo, visit, visitWithTypeInfo } from 'graphql';

import { selectedOperation } from './operation-fields.js';

/**
 * The schema coordinates (`Query.products`, `Product.price`) an operation selects, fragments
 * included; with `roots` the root fields (those an API client needs a row for) apart.
 */
export function selectedCoordinates(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
): { roots: Set<string>; nested: Set<string> } {
  const roots = new Set<string>();
  const nested = new Set<string>();
  const operation = selectedOperation(document, operationName);
  if (!operation) return { roots, nested };
  const rootTypes = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name, schema.getSubscriptionType()?.name]);
  const typeInfo = new TypeInfo(schema);
  // Fragments are visited wherever they are defined; a fragment not used by the operation only
  // adds coordinates that make the check stricter, never looser.
  const definitions = { ...document, definitions: document.definitions.filter((d) => d.kind !== 'OperationDefinition' || d === operation) };
  visit(
    definitions,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__')) return;
        const coordinate = `${getNamedType(parent).name}.${node.name.value}`;
        (rootTypes.has(parent.name) ? roots : nested).add(coordinate);
      },
    }),
  );
  return { roots, nested };
}

/**
 * Authorizes an API client's operation by its scopes before anything runs: every root field needs a
 * row of the authorization matrix whose scope the client holds, and so does every nested field that
 * has a row (`Product.price` needs PRICES_READ); every other nested field needs a scope that the
 * client field grants (CLIENT_FIELD_GRANTS, deny by default) give it. Refused: FORBIDDEN naming
 * the missing scope. Users' tokens pass (their subgraphs check roles from the same matrix), except
 * for a subscription: a role its row refuses hears FORBIDDEN when it subscribes, rather than
 * holding an upstream subscription that would answer each event with an error.
 */
export function useClientScopes(): GatewayPlugin {
  const gate = ({ args, setResultAndStopExecution }: GateEvent) => {
    const payload = (args.contextValue as { jwt?: { payload?: { role?: unknown; scopes?: unknown } } }).jwt?.payload;
    if (typeof payload?.role !== 'string') return;
    if (payload.role !== API_CLIENT_ROLE) return refuseUserSubscription(payload.role, { args, setResultAndStopExecution });
    const scopes = Array.isArray(payload.scopes) ? payload.scopes.filter((s): s is string => typeof s === 'string') : [];
    const { roots, nested } = selectedCoordinates(args.schema, args.document, args.operationName);
    const refusals: { coordinate: string; message: string; missingScope?: string }[] = [];
    for (const coordinate of [...roots, ...nested]) {
      // Nested fields without a row of their own are denied unless the field grants name a scope the
      // client holds: nothing is inherited from the parent's grant.
      const decision =
        roots.has(coordinate) || AUTHORIZATION_MATRIX[coordinate]
          ? decide({ role: API_CLIENT_ROLE, scopes }, coordinate)
          : decideClientField(scopes, coordinate);
      if (!decision.allowed) refusals.push({ coordinate, message: decision.message, missingScope: decision.missingScope });
    }
    if (refusals.length === 0) return;
    const missingScopes = [...new Set(refusals.flatMap((r) => (r.missingScope ? [r.missingScope] : [])))];
    setResultAndStopExecution({
      errors: refusals.map(
        ({ coordinate, message, missingScope }) =>
          new GraphQLError(message, {
            extensions: { code: 'FORBIDDEN', coordinate, ...(missingScope ? { missingScope } : {}), missingScopes },
          }),
      ),
    });
  };
  return { onExecute: gate as never, onSubscribe: gate as never };
}

function refuseUserSubscription(role: string, { args, setResultAndStopExecution }: GateEvent): void {
  if (selectedOperation(args.document, args.operationName)?.operation !== 'subscription') return;
  const { roots } = selectedCoordinates(args.schema, args.document, args.operationName);
  const refusals = [...roots].flatMap((coordinate) => {
    const decision = decide({ role }, coordinate);
    return decision.allowed ? [] : [new GraphQLError(decision.message, { extensions: { code: 'FORBIDDEN', coordinate } })];
  });
  if (refusals.length) setResultAndStopExecution({ errors: refusals });
}

interface GateEvent {
  args: { schema: GraphQLSchema; contextValue: unknown; document: DocumentNode; operationName?: string | null };
  setResultAndStopExecution(result: { errors: GraphQLError[] }): void;
}
