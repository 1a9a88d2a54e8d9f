import type { BaseContext, SubgraphRuntime } from '@dealergraph/runtime';

import type { ApprovalTimers } from './approvals/approval-timers.service.js';
import type { WorkflowSettings } from './config.js';
import type { OrderEventHub } from './events/order-event-hub.js';
import type { WebPushState } from './notifications/web-push-keys.js';
import type { OrderLoaders } from './orders/order.loaders.js';
import type { ServiceClients } from './service-clients.js';

/** The per-request context of the orders subgraph. */
export interface OrdersContext extends BaseContext {
  loaders: OrderLoaders;
  /** Signed callers of products, prices and credit (the workflow's steps). */
  services: ServiceClients;
  /** The running service (settings, database), for work that outlives the request; absent in schema-only tests. */
  runtime?: SubgraphRuntime;
  /** Timing of the placeOrder workflow (lease, sweep). */
  workflow: WorkflowSettings;
  /** Deadlines, reminders and escalations of approval steps (pg-boss jobs, or the sweep's columns). */
  approvalTimers: ApprovalTimers;
  /** This instance's committed order events, for the subscriptions that check something when they start; absent in schema-only tests. */
  events?: OrderEventHub;
  /** Web push as this instance runs it (the VAPID key, accepted endpoints); absent in schema-only tests. */
  webPush?: WebPushState;
}
