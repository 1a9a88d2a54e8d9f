import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';

import type { ServiceMetrics } from './service-metrics.js';

/** Distinct operation names kept as labels; later names count as "other", so callers cannot grow the registry without end. */
const MAX_OPERATION_NAMES = 200;

/**
 * A name for an operation sent without one (the gateway's calls to a subgraph are anonymous): its type
 * and root fields, e.g. `query products,_entities`.
 */
function rootFields(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return 'unparsed';
  const fields = operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '…'));
  return `${operation.operation} ${[...new Set(fields)].sort().join(',').slice(0, 120)}`;
}

/** Counts and times every operation a subgraph answers, and counts its errors by code. */
export function graphqlMetricsPlugin(metrics: ServiceMetrics): ApolloServerPlugin {
  const names = new Set<string>();
  const label = (operation: string) => {
    if (names.has(operation)) return operation;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(operation);
    return operation;
  };
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, response }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const errors = body.errors ?? [];
          for (const error of errors) metrics.countError(String(error.extensions?.code ?? 'UNKNOWN'));
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.observeOperation(label(operationName ?? rootFields(operation)), errors.length ? 'error' : 'ok', seconds);
        },
      };
    },
  };
}
