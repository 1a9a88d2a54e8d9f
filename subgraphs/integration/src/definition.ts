import type { DemoData } from '@dealergraph/demo-data';
import { buildFederatedSchema, groupedLoader, internalClient, type SubgraphDefinition, type SubgraphRuntime } from '@dealergraph/runtime';

import type { IntegrationContext } from './context.js';
import { MAX_IMPORT_BYTES } from './domain/import-kinds.js';
import { DEFAULT_RETRY_SETTINGS } from './domain/webhook-retry.js';
import { entities, WebhookAttempt } from './entities/index.js';
import { ImportResolver } from './graphql/import.resolver.js';
import { MonitorResolver } from './graphql/monitor.resolver.js';
import { WebhookResolver } from './graphql/webhook.resolver.js';
import { integrationInternalOperations } from './internal/internal-operations.js';
import { migrations } from './migrations/index.js';
import { startImportWorker } from './services/import-worker.js';
import { startIntegrationMonitor } from './services/integration-monitor.service.js';
import { WebhookQueue, type WebhookSettings } from './services/webhook-queue.js';

export interface IntegrationOptions {
  /** How often an idle import worker looks for queued jobs (IMPORT_POLL_MS). */
  importPollMs?: number;
  /** Webhook delivery settings (WEBHOOK_*); tests shorten the retries. */
  webhooks?: Partial<WebhookSettings>;
  /** How often the integration monitor runs (INTEGRATION_MONITOR_MS; default a minute). */
  monitorIntervalMs?: number;
}

/** Calls to the owners: a chunk of 10,000 prices may take a while on a busy database. */
const OWNER_CALL_TIMEOUT_MS = 60_000;

const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = { ...DEFAULT_RETRY_SETTINGS, timeoutMs: 15_000, concurrency: 20, pollSeconds: 1 };

/** The owners' internal operations, as imports call them (none reachable outside a running service). */
function ownerClients(settings: { serviceUrls: Record<string, string>; internalKey: string } | undefined): IntegrationContext['services'] {
  const client = <S extends keyof IntegrationContext['services']>(service: S) =>
    internalClient(service, {
      baseUrl: settings?.serviceUrls[service] ?? '',
      key: settings?.internalKey ?? '',
      timeoutMs: OWNER_CALL_TIMEOUT_MS,
    });
  return {
    dealers: client('dealers'),
    products: client('products'),
    prices: client('prices'),
    credit: client('credit'),
    orders: client('orders'),
  };
}

/**
 * The integration subgraph: the ERP link. It owns import jobs and their row reports, webhook
 * endpoints and deliveries, and writes into the owning subgraphs only through their signed internal
 * operations.
 */
export function integrationSubgraph(options: IntegrationOptions = {}): SubgraphDefinition<IntegrationContext, DemoData> {
  // The worker exists once the service runs; requests before that (none in practice) just leave the job to the poll.
  let wake: () => void = () => {};
  let queue: WebhookQueue | null = null;
  const queueOf = (runtime: SubgraphRuntime) =>
    (queue ??= new WebhookQueue(runtime.orm, { ...DEFAULT_WEBHOOK_SETTINGS, ...options.webhooks }, runtime.logger));
  return {
    name: 'integration',
    // startImport carries the file base64-encoded (4/3 of MAX_IMPORT_BYTES) inside the signed JSON body.
    maxBodyBytes: Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024,
    entities,
    migrations,
    buildSchema: () => buildFederatedSchema({ resolvers: [ImportResolver, WebhookResolver, MonitorResolver] }),
    context: (base, runtime) => {
      return {
        ...base,
        services: ownerClients(runtime?.config),
        wakeImports: () => wake(),
        webhooks: runtime ? queueOf(runtime) : (null as unknown as WebhookQueue),
        loaders: {
          attemptsByDelivery: groupedLoader(
            (ids: string[]) =>
              base.em.find(WebhookAttempt, { deliveryId: { $in: ids } }, { orderBy: { deliveryId: 'asc', attempt: 'asc' } }),
            (a) => a.deliveryId,
          ),
        },
      };
    },
    internalOperations: (_newContext, runtime) =>
      integrationInternalOperations(
        () => queueOf(runtime),
        () => runtime.orm.em.fork(),
      ),
    start: async (runtime, newContext) => {
      const worker = startImportWorker({
        orm: runtime.orm,
        context: newContext,
        pollMs: options.importPollMs ?? 1000,
        logger: runtime.logger,
      });
      wake = () => worker.wake();
      const stopWebhooks = await queueOf(runtime).start(runtime.config.databaseUrl, runtime.metrics);
      runtime.metrics.gauge(
        'dealergraph_webhook_delivery_lag_seconds',
        'Age of the oldest webhook delivery not yet delivered (PENDING or RETRYING; 0 when none waits).',
        async () => {
          const [row] = await runtime.orm.em
            .fork()
            .execute<{ lag: number | null }[]>(
              `select extract(epoch from now() - min(created_at))::float8 as lag from "integration"."webhook_delivery" where status in ('PENDING', 'RETRYING')`,
            );
          return Math.max(0, row?.lag ?? 0);
        },
      );
      const stopMonitor = startIntegrationMonitor({
        newEm: () => runtime.orm.em.fork(),
        credit: () =>
          internalClient('credit', { baseUrl: runtime.config.serviceUrls.credit, key: runtime.config.internalKey, timeoutMs: 10_000 }),
        intervalMs: options.monitorIntervalMs ?? 60_000,
        logger: runtime.logger,
      });
      return async () => {
        wake = () => {};
        await stopMonitor();
        await stopWebhooks();
        await worker.stop();
      };
    },
  };
}

/** The schema alone, for composition and migrations: no database needed. */
export const toolingDefinition = integrationSubgraph();
