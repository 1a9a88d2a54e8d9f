import type { ApolloServerPlugin } from '@apollo/server';

import type { ServiceMetrics } from './service-metrics.js';

/** Distinct operation names kept as labels; later names count as "other", so callers cannot grow the registry without end. */
const MAX_OPERATION_NAMES = 200;

/** Counts and times every operation a subgraph answers, and counts its errors by code. */
export function graphqlMetricsPlugin(metrics: ServiceMetrics): ApolloServerPlugin {
  const names = new Set<string>();
  const label = (name: string | null | undefined) => {
    const operation = name ?? 'anonymous';
    if (names.has(operation)) return operation;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(operation);
    return operation;
  };
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, response }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const errors = body.errors ?? [];
          for (const error of errors) metrics.countError(String(error.extensions?.code ?? 'UNKNOWN'));
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.observeOperation(label(operationName), errors.length ? 'error' : 'ok', seconds);
        },
      };
    },
  };
}
