import type { TracingConfig } from '@dealergraph/runtime';
import type { GatewayConfigContext, GatewayPlugin } from '@graphql-hive/gateway-runtime';

/** The gateway's OpenTelemetry tracing, when it is on: Hive's plugin, to be the first of the plugins. */
export interface GatewayTracing {
  /** Makes the plugin, given the runtime's context (its logger). */
  plugin: ((ctx: GatewayConfigContext) => GatewayPlugin) | null;
}

const OFF: GatewayTracing = { plugin: null };

/**
 * Sets up tracing (OTLP/HTTP JSON to the configured endpoint) and Hive's OpenTelemetry plugin: a span for each
 * request, its GraphQL phases, each subgraph call and its HTTP fetch, whose `traceparent` header carries the trace
 * to the subgraph. A `traceparent` the client sends is continued. Without an endpoint none of it is loaded.
 * The plugin flushes the spans still buffered when the runtime is disposed (the gateway's stop).
 */
export async function startGatewayTracing(config: TracingConfig | undefined): Promise<GatewayTracing> {
  if (!config?.endpoint) return OFF;
  const [{ openTelemetrySetup }, { useOpenTelemetry }, { OTLPTraceExporter }, { AsyncLocalStorageContextManager }] = await Promise.all([
    import('@graphql-hive/plugin-opentelemetry/setup'),
    import('@graphql-hive/plugin-opentelemetry'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/context-async-hooks'),
  ]);
  openTelemetrySetup({
    // Async-aware context: the session check and other calls made while a request runs join its trace.
    contextManager: new AsyncLocalStorageContextManager(),
    resource: { serviceName: 'gateway' },
    traces: { exporter: new OTLPTraceExporter({ url: config.endpoint }) },
    samplingRate: config.sampleRatio,
    // OTel's own diagnostics stay off unless OTEL_LOG_LEVEL asks for them.
    configureDiagLogger: false,
  });
  return {
    plugin: (ctx) =>
      useOpenTelemetry({
        ...ctx,
        traces: {
          // Probes and scrapes would bury the requests; the schema is loaded once, at start.
          spans: { http: ({ request }) => !/\/(readiness|healthcheck|metrics)$/.test(new URL(request.url).pathname), schema: false },
        },
      }) as GatewayPlugin,
  };
}
