import { createRequire, syncBuiltinESMExports } from 'node:module';

import { context, propagation, trace } from '@opentelemetry/api';

import { ConfigError, type Env, envOptional } from '../config.js';

/**
 * Where a process sends its OpenTelemetry traces (OTLP over HTTP, JSON), and how many it keeps.
 * Off (`endpoint` null) unless OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set:
 * then the SDK is not even loaded, and a request pays nothing for tracing.
 */
export interface TracingConfig {
  /** The full URL spans are posted to (`<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces`); null: tracing off. */
  endpoint: string | null;
  /** OTEL_TRACES_SAMPLER_ARG: the share of traces the gateway starts that are recorded (0 to 1; 1 by default). */
  sampleRatio: number;
}

export const TRACING_OFF: TracingConfig = Object.freeze({ endpoint: null, sampleRatio: 1 });

/**
 * The standard OTel variables, read the standard way: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is the whole URL,
 * OTEL_EXPORTER_OTLP_ENDPOINT the base one `/v1/traces` is added to. Only the `http/json` protocol is
 * spoken (OTEL_EXPORTER_OTLP_PROTOCOL, when set, must say so), so a collector's plain HTTP receiver works.
 */
export function readTracingConfig(env: Env): TracingConfig {
  const traces = envOptional(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const base = envOptional(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (envOptional(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true' || (!traces && !base)) return TRACING_OFF;
  const protocol = envOptional(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ?? envOptional(env, 'OTEL_EXPORTER_OTLP_PROTOCOL');
  if (protocol && protocol !== 'http/json')
    throw new ConfigError(`OTEL_EXPORTER_OTLP_PROTOCOL must be http/json (the one OTLP protocol spoken here), not "${protocol}".`);
  const endpoint = traces ?? `${base!.replace(/\/+$/, '')}/v1/traces`;
  try {
    new URL(endpoint);
  } catch {
    throw new ConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT must be a URL such as http://127.0.0.1:4318, not "${endpoint}".`);
  }
  const ratioText = envOptional(env, 'OTEL_TRACES_SAMPLER_ARG');
  const sampleRatio = ratioText === undefined ? 1 : Number(ratioText);
  if (!(sampleRatio >= 0 && sampleRatio <= 1))
    throw new ConfigError(`OTEL_TRACES_SAMPLER_ARG must be between 0 and 1, not "${ratioText}".`);
  return { endpoint, sampleRatio };
}

/** Tracing of this process, once started: flushes what is buffered and stops. */
export interface RunningTracing {
  stop(): Promise<void>;
}

const NOTHING: RunningTracing = { stop: async () => {} };
let started: Promise<RunningTracing> | undefined;

/**
 * Starts the OpenTelemetry SDK of a subgraph process: a server span for each HTTP request (its parent from
 * the caller's `traceparent`), a client span for each call made with node:http (the signed internal calls),
 * a span for each SQL statement (pg). Once per process: the in-process stacks of the tests run several
 * subgraphs in one, and the first one's name stays. Without an endpoint nothing is loaded.
 */
export function startTracing(service: string, config: TracingConfig | undefined): Promise<RunningTracing> {
  if (!config?.endpoint) return Promise.resolve(NOTHING);
  return (started ??= load(service, config as TracingConfig & { endpoint: string }));
}

async function load(service: string, config: TracingConfig & { endpoint: string }): Promise<RunningTracing> {
  // Loaded on demand: a process without an endpoint never pays for the SDK's modules.
  const [{ NodeSDK }, { OTLPTraceExporter }, { HttpInstrumentation }, { PgInstrumentation }, base, { resourceFromAttributes }] =
    await Promise.all([
      import('@opentelemetry/sdk-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/instrumentation-http'),
      import('@opentelemetry/instrumentation-pg'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/resources'),
    ]);
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ 'service.name': service, 'service.namespace': 'dealergraph' }),
    autoDetectResources: false,
    // A subgraph records a trace when its caller did (the gateway decides); alone, by the same ratio.
    sampler: new base.ParentBasedSampler({ root: new base.TraceIdRatioBasedSampler(config.sampleRatio) }),
    traceExporter: new OTLPTraceExporter({ url: config.endpoint }),
    // Traces only: metrics are Prometheus' (GET /metrics), logs go to stdout with their trace ids.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes every second would bury the requests.
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics|readiness)\b/.test(request.url ?? ''),
      }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  // The instrumentations patch a module when it is required next. node:http and pg were loaded already
  // (by ESM imports, which require hooks do not see): require them once more so they are patched now,
  // and copy the patched node:http functions to its ESM named exports (`import { request } from 'node:http'`).
  const require = createRequire(import.meta.url);
  require('node:http');
  require('pg');
  syncBuiltinESMExports();
  return {
    stop: async () => {
      await sdk.shutdown().catch(() => {});
      started = undefined;
    },
  };
}

/**
 * The W3C `traceparent` (and `tracestate`) of the span running now, for a call made on its behalf that
 * no instrumentation sees; nothing when tracing is off or no span runs.
 */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The trace and span id of the span running now, for a log line; none when tracing is off. */
export function activeTraceIds(): { trace_id: string; span_id: string } | undefined {
  const span = trace.getSpanContext(context.active());
  return span && trace.isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : undefined;
}
