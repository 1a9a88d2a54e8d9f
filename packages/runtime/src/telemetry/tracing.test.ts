import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { createLogger } from '../logger.js';
import { activeTraceIds, readTracingConfig, startTracing, traceHeaders } from './tracing.js';

describe('tracing settings (the standard OTEL_* variables)', () => {
  it('is off without an endpoint, or when OTEL_SDK_DISABLED says so', () => {
    expect(readTracingConfig({})).toEqual({ endpoint: null, sampleRatio: 1 });
    expect(readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' }).endpoint).toBeNull();
  });

  it('posts to <base>/v1/traces, or to the traces endpoint as given', () => {
    expect(readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({
      endpoint: 'http://collector:4318/v1/traces',
      sampleRatio: 1,
    });
    expect(
      readTracingConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://ignored:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/otlp/traces',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
      }),
    ).toEqual({ endpoint: 'http://c:4318/otlp/traces', sampleRatio: 0.25 });
  });

  it('refuses a protocol it does not speak, a URL that is none and a ratio outside 0..1, saying what to set', () => {
    expect(() => readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      /http\/json/,
    );
    expect(() => readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow(/must be a URL/);
    expect(() => readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(
      /between 0 and 1/,
    );
  });

  it('starts nothing without an endpoint: no trace ids, no trace headers', async () => {
    const tracing = await startTracing('orders', readTracingConfig({}));
    expect(traceHeaders()).toEqual({});
    expect(activeTraceIds()).toBeUndefined();
    await tracing.stop();
  });
});

describe('the running span, as logs and calls see it', () => {
  afterEach(() => {
    trace.disable();
    context.disable();
    propagation.disable();
    vi.restoreAllMocks();
  });

  it('puts the trace and span id on every log line and a traceparent on calls made inside a span', () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(new BasicTracerProvider());
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    const logger = createLogger('orders', 'info', 'json');
    const seen = trace.getTracer('test').startActiveSpan('placeOrder', (span) => {
      logger.info('placing');
      const ids = { traceId: span.spanContext().traceId, spanId: span.spanContext().spanId, headers: traceHeaders() };
      span.end();
      return ids;
    });
    logger.info('after');
    vi.restoreAllMocks();
    const [inside, after] = lines.map((line) => JSON.parse(line));
    expect(inside).toMatchObject({ msg: 'placing', trace_id: seen.traceId, span_id: seen.spanId });
    expect(seen.headers.traceparent).toBe(`00-${seen.traceId}-${seen.spanId}-01`);
    expect(after.trace_id).toBeUndefined();
  });
});
