import { serveMetrics, type ServiceMetrics } from '@dealergraph/runtime';
import usePrometheus from '@graphql-mesh/plugin-prometheus';

import type { GatewayConfig } from './config.js';

/**
 * Hive's Prometheus plugin on the gateway's own registry: requests, their duration and errors per
 * operation, and each subgraph call's duration and errors per subgraph. Not served on the public port
 * (`endpoint: false`): {@link serveGatewayMetrics} serves the registry on the loopback listener.
 */
export function gatewayMetricsPlugin(metrics: ServiceMetrics, log: unknown) {
  return usePrometheus({
    log: log as never,
    registry: metrics.registry,
    endpoint: false,
    metrics: {
      graphql_envelop_request_duration: true,
      graphql_envelop_error_result: true,
      graphql_envelop_phase_execute: true,
      graphql_gateway_subgraph_execute_duration: true,
      graphql_gateway_subgraph_execute_errors: true,
    },
  });
}

/** Serves the gateway's registry on its metrics listener; a taken port leaves the gateway running without it. */
export async function serveGatewayMetrics(config: GatewayConfig, metrics: ServiceMetrics) {
  if (!config.metrics) return null;
  try {
    return await serveMetrics(metrics.registry, config.metrics);
  } catch (error) {
    console.error(
      `[gateway] metrics listener not started on port ${config.metrics.port} (${(error as Error).message}); set GATEWAY_METRICS_PORT`,
    );
    return null;
  }
}
