import type { DemoData } from '@dealergraph/demo-data';
import { buildFederatedSchema, internalClient, type SubgraphDefinition } from '@dealergraph/runtime';

import type { IntegrationContext } from './context.js';
import { entities } from './entities/index.js';
import { ImportResolver } from './graphql/import.resolver.js';
import { migrations } from './migrations/index.js';
import { startImportWorker } from './services/import-worker.js';

export interface IntegrationOptions {
  /** How often an idle import worker looks for queued jobs (IMPORT_POLL_MS). */
  importPollMs?: number;
}

/** Calls to the owners: a chunk of 10,000 prices may take a while on a busy database. */
const OWNER_CALL_TIMEOUT_MS = 60_000;

/**
 * The integration subgraph: the ERP link. It owns import jobs and their row reports, and writes into
 * the owning subgraphs only through their signed internal operations.
 */
export function integrationSubgraph(options: IntegrationOptions = {}): SubgraphDefinition<IntegrationContext, DemoData> {
  // The worker exists once the service runs; requests before that (none in practice) just leave the job to the poll.
  let wake: () => void = () => {};
  return {
    name: 'integration',
    entities,
    migrations,
    buildSchema: () => buildFederatedSchema({ resolvers: [ImportResolver] }),
    context: (base, runtime) => {
      const settings = runtime?.config;
      const client = <S extends 'products' | 'prices'>(service: S) =>
        internalClient(service, {
          baseUrl: settings?.serviceUrls[service] ?? '',
          key: settings?.internalKey ?? '',
          timeoutMs: OWNER_CALL_TIMEOUT_MS,
        });
      return { ...base, services: { products: client('products'), prices: client('prices') }, wakeImports: () => wake() };
    },
    start: async (runtime, newContext) => {
      const worker = startImportWorker({
        orm: runtime.orm,
        context: newContext,
        pollMs: options.importPollMs ?? 1000,
        logger: runtime.logger,
      });
      wake = () => worker.wake();
      return async () => {
        wake = () => {};
        await worker.stop();
      };
    },
  };
}

/** The schema alone, for composition and migrations: no database needed. */
export const toolingDefinition = integrationSubgraph();
