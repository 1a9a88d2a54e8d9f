import type { DemoData } from '@dealergraph/demo-data';
import { buildFederatedSchema, canSeeDealer, type SubgraphDefinition } from '@dealergraph/runtime';
import type { Clock } from 'pg-boss';

import { startEscalationSweep } from './approvals/approval-escalation.service.js';
import { ApprovalRuleResolver } from './approvals/approval-rule.resolver.js';
import { ApprovalStatsResolver } from './approvals/approval-stats.resolver.js';
import { ApprovalTimers } from './approvals/approval-timers.service.js';
import { BulkDecisionResolver } from './approvals/bulk-decision.resolver.js';
import { OrderApprovalResolver } from './approvals/order-approval.resolver.js';
import { SpendingLimitResolver } from './approvals/spending-limit.resolver.js';
import { CartResolver } from './cart/cart.resolver.js';
import { DEFAULT_WORKFLOW_SETTINGS, type NotificationSettings, type WorkflowSettings } from './config.js';
import type { OrdersContext } from './context.js';
import { entities } from './entities/index.js';
import { startErpForwarder } from './events/erp-forwarder.js';
import { OrderEventResolver } from './events/order-event.resolver.js';
import { OrderEventHub } from './events/order-event-hub.js';
import { startOrderEvents } from './events/order-events.start.js';
import { SuccessMetricsResolver } from './metrics/success-metrics.resolver.js';
import { migrations } from './migrations/index.js';
import { NotificationPreferenceResolver } from './notifications/notification-preference.resolver.js';
import { startNotifications } from './notifications/notifications.start.js';
import { PushSubscriptionResolver } from './notifications/push-subscription.resolver.js';
import { QuietHoursResolver } from './notifications/quiet-hours.resolver.js';
import { WebPushState } from './notifications/web-push-keys.js';
import { ordersInternalOperations } from './orders/internal-operations.js';
import { createOrderLoaders } from './orders/order.loaders.js';
import { toOrderType } from './orders/order.mapper.js';
import { OrderResolver } from './orders/order.resolver.js';
import { findVisibleOrder } from './orders/order.service.js';
import { OrderLifecycleResolver } from './orders/order-lifecycle.resolver.js';
import { PlacementResolver } from './placement/placement.resolver.js';
import { startOrders } from './placement/workflow-recovery.service.js';
import { seedOrders } from './seed/orders.seed.js';
import { serviceClients } from './service-clients.js';
import { SpecialPriceEventResolver, SpecialPriceRequestResolver } from './special-prices/special-price-request.resolver.js';
import { OrderTemplateResolver } from './templates/order-template.resolver.js';

/** What a process may give the orders subgraph besides its settings. */
export interface OrdersOptions {
  /** The clock approval deadlines run on; tests pass a pg-boss TestClock to move time by hand. */
  clock?: Clock;
  /** The hub the subscriptions listen on; tests pass their own to wait until a subscription is live (`size`). */
  events?: OrderEventHub;
  /** Mail notifications (SMTP server, sender, public URL of links); the defaults keep mails in the dev mailbox. */
  notifications?: Partial<NotificationSettings>;
}

/** The subgraph's resolvers, by feature (each a folder of src/). */
const RESOLVERS: [Function, ...Function[]] = [
  OrderResolver,
  OrderLifecycleResolver,
  PlacementResolver,
  OrderApprovalResolver,
  BulkDecisionResolver,
  ApprovalStatsResolver,
  SuccessMetricsResolver,
  ApprovalRuleResolver,
  SpendingLimitResolver,
  CartResolver,
  OrderTemplateResolver,
  OrderEventResolver,
  NotificationPreferenceResolver,
  PushSubscriptionResolver,
  QuietHoursResolver,
  SpecialPriceRequestResolver,
  SpecialPriceEventResolver,
];

/** The orders subgraph: orders, their lines and status history, the placeOrder workflow and its recovery sweep. */
export function ordersSubgraph(
  settings: Partial<WorkflowSettings> = {},
  options: OrdersOptions = {},
): SubgraphDefinition<OrdersContext, DemoData> {
  const events = options.events ?? new OrderEventHub();
  const webPush = new WebPushState();
  const workflow: WorkflowSettings = { ...DEFAULT_WORKFLOW_SETTINGS, ...settings };
  const approvalTimers = new ApprovalTimers(workflow.approvalDeadlines, options.clock);
  return {
    name: 'orders',
    entities,
    migrations,
    buildSchema: () =>
      buildFederatedSchema({
        resolvers: RESOLVERS,
        pubSub: events,
        referenceResolvers: {
          Order: {
            async __resolveReference(ref: { id: string }, ctx: OrdersContext) {
              const order = await findVisibleOrder(ctx, ref.id);
              return order ? toOrderType(order) : null;
            },
          },
          Dealer: {
            __resolveReference(ref: { id: string }, ctx: OrdersContext) {
              return canSeeDealer(ctx.claims, ref.id) ? { id: ref.id } : null;
            },
          },
          Product: {
            __resolveReference(ref: { id: string }) {
              return { id: ref.id };
            },
          },
        },
      }),
    context: (base, runtime) => ({
      ...base,
      loaders: createOrderLoaders(base.em),
      services: serviceClients(runtime, workflow.stepTimeoutMs),
      runtime,
      workflow,
      approvalTimers,
      events,
      webPush,
    }),
    internalOperations: (newContext) => ordersInternalOperations(newContext),
    start: async (runtime, newContext, serving) => {
      // Started in this order, stopped in the reverse; a failed start stops what already runs.
      const running: (() => Promise<void>)[] = [];
      const stopAll = async () => {
        while (running.length > 0) await running.pop()!();
      };
      try {
        running.push(await startOrders(newContext, workflow.sweepIntervalMs));
        running.push(await startOrderEvents(runtime, serving, events));
        running.push(await startErpForwarder({ orm: runtime.orm, runtime, logger: runtime.logger }));
        running.push(await startNotifications(runtime, newContext, serving, options.notifications, webPush));
        // pg-boss jobs run the approval timers; the periodic sweep is the fallback when they are switched off.
        running.push(
          workflow.approvalTimers === 'PG_BOSS'
            ? await approvalTimers.start({
                databaseUrl: runtime.config.databaseUrl,
                newContext,
                logger: runtime.logger,
                queue: { pollingIntervalSeconds: workflow.approvalPollSeconds },
                metrics: runtime.metrics,
              })
            : startEscalationSweep(newContext, workflow.approvalDeadlines, workflow.escalationSweepMs, () => approvalTimers.now()),
        );
      } catch (error) {
        await stopAll();
        throw error;
      }
      return stopAll;
    },
    seed: seedOrders,
  };
}

/** The schema alone, for composition and migrations: no database needed. */
export const toolingDefinition = ordersSubgraph();
