import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** A gauge's reading: one value, or one value per label set. */
export type GaugeReading = number | { labels: Record<string, string>; value: number }[];

/**
 * One process's (or, in tests, one service's) Prometheus metrics: its own registry, never the global
 * one, so that the test suite's many in-process stacks do not mix their figures.
 */
export interface ServiceMetrics {
  readonly service: string;
  readonly registry: Registry;
  /** One GraphQL operation answered: its name, whether it had errors, its duration. */
  observeOperation(operation: string, outcome: 'ok' | 'error', seconds: number): void;
  /** One error answered, by its `extensions.code`. */
  countError(code: string): void;
  /**
   * A gauge read when Prometheus scrapes (pool use, queue depth, outbox lag): `read` may query the
   * database; a failed read makes the gauge NaN (labelled ones: no series) for that scrape and counts
   * in `dealergraph_metric_read_failures_total`, instead of failing the scrape.
   */
  gauge(name: string, help: string, read: () => GaugeReading | Promise<GaugeReading>, labelNames?: string[]): void;
}

/** Creates a service's metrics; `process` adds Node's own (CPU, memory, event-loop delay) for a real process. */
export function createServiceMetrics(service: string, options: { process?: boolean } = {}): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (options.process) collectDefaultMetrics({ register: registry });
  const operations = new Counter({
    name: 'dealergraph_graphql_operations_total',
    help: 'GraphQL operations answered, by operation name and outcome (error when the answer carried errors).',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'dealergraph_graphql_operation_seconds',
    help: 'Time to answer a GraphQL operation, by operation name.',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'dealergraph_graphql_errors_total',
    help: 'Errors answered, by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const readFailures = new Counter({
    name: 'dealergraph_metric_read_failures_total',
    help: 'Gauge reads that failed at scrape time (the gauge is NaN, or has no series, for that scrape).',
    labelNames: ['metric'],
    registers: [registry],
  });
  return {
    service,
    registry,
    observeOperation(operation, outcome, seconds) {
      operations.inc({ operation, outcome });
      durations.observe({ operation }, seconds);
    },
    countError(code) {
      errors.inc({ code });
    },
    gauge(name, help, read, labelNames = []) {
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        async collect() {
          this.reset();
          try {
            const reading = await read();
            if (typeof reading === 'number') this.set(reading);
            else for (const { labels, value } of reading) this.set(labels, value);
          } catch {
            // Unknown, not zero: a lag that cannot be read must not look like no lag.
            readFailures.inc({ metric: name });
            if (!labelNames.length) this.set(Number.NaN);
          }
        },
      });
    },
  };
}

/** The part of a pg-boss instance the queue gauge reads (kept structural: the runtime does not depend on pg-boss). */
export interface QueueCounts {
  getQueues(): Promise<{ name: string; queuedCount?: number; activeCount?: number; deferredCount?: number }[]>;
}

/** Adds `dealergraph_queue_jobs{queue,state}`: jobs waiting, deferred (retries, delays) and active in each pg-boss queue. */
export function watchQueues(metrics: ServiceMetrics, boss: QueueCounts, name = 'dealergraph_queue_jobs'): void {
  metrics.gauge(
    name,
    'pg-boss jobs by queue and state (queued, deferred, active), as pg-boss last counted them.',
    async () =>
      (await boss.getQueues()).flatMap((queue) => [
        { labels: { queue: queue.name, state: 'queued' }, value: queue.queuedCount ?? 0 },
        { labels: { queue: queue.name, state: 'deferred' }, value: queue.deferredCount ?? 0 },
        { labels: { queue: queue.name, state: 'active' }, value: queue.activeCount ?? 0 },
      ]),
    ['queue', 'state'],
  );
}
