import { describe, expect, it } from 'vitest';

import { createServiceMetrics, watchQueues } from './service-metrics.js';

describe('service metrics', () => {
  it('keeps each service on its own registry, labelled with its name', async () => {
    const orders = createServiceMetrics('orders');
    const credit = createServiceMetrics('credit');
    orders.observeOperation('PlaceOrder', 'ok', 0.02);
    orders.countError('CREDIT_LIMIT_EXCEEDED');
    const text = await orders.registry.metrics();
    expect(text).toContain('dealergraph_graphql_operations_total{operation="PlaceOrder",outcome="ok",service="orders"} 1');
    expect(text).toContain('dealergraph_graphql_errors_total{code="CREDIT_LIMIT_EXCEEDED",service="orders"} 1');
    expect(await credit.registry.metrics()).not.toContain('PlaceOrder');
  });

  it('reads gauges at scrape time; a failed read is NaN and counted, and the scrape still answers', async () => {
    const metrics = createServiceMetrics('orders');
    let depth = 3;
    metrics.gauge('dealergraph_test_depth', 'test', () => depth);
    metrics.gauge('dealergraph_test_broken', 'test', () => Promise.reject(new Error('database down')));
    expect(await metrics.registry.metrics()).toContain('dealergraph_test_depth{service="orders"} 3');
    depth = 5;
    const text = await metrics.registry.metrics();
    expect(text).toContain('dealergraph_test_depth{service="orders"} 5');
    // prom-client writes "Nan"; Prometheus reads NaN in any case.
    expect(text).toMatch(/dealergraph_test_broken\{service="orders"\} nan$/im);
    // Counted as it happens; the counter is written before the gauges are read, so it shows the earlier scrape's failure.
    expect(text).toContain('dealergraph_metric_read_failures_total{metric="dealergraph_test_broken",service="orders"} 1');
  });

  it('reports each pg-boss queue by state', async () => {
    const metrics = createServiceMetrics('integration');
    watchQueues(metrics, { getQueues: async () => [{ name: 'webhooks', queuedCount: 4, deferredCount: 2, activeCount: 1 }] });
    const text = await metrics.registry.metrics();
    expect(text).toContain('dealergraph_queue_jobs{queue="webhooks",state="queued",service="integration"} 4');
    expect(text).toContain('dealergraph_queue_jobs{queue="webhooks",state="deferred",service="integration"} 2');
    expect(text).toContain('dealergraph_queue_jobs{queue="webhooks",state="active",service="integration"} 1');
  });
});
