import type { BaseContext, InternalClient } from '@dealergraph/runtime';
import type DataLoader from 'dataloader';

import type { WebhookAttempt } from './entities/webhook-attempt.entity.js';
import type { WebhookQueue } from './services/webhook-queue.js';

/** The per-request context of the integration subgraph. */
export interface IntegrationContext extends BaseContext {
  /** The owners' internal operations: imports write into them through these, never into their tables. */
  services: {
    dealers: InternalClient<'dealers'>;
    products: InternalClient<'products'>;
    prices: InternalClient<'prices'>;
    credit: InternalClient<'credit'>;
    orders: InternalClient<'orders'>;
  };
  /** Tells the import worker of this process that a job is waiting (it also polls). */
  wakeImports(): void;
  /** The webhook deliveries of this process (replay). */
  webhooks: WebhookQueue;
  loaders: { attemptsByDelivery: DataLoader<string, WebhookAttempt[]> };
}
