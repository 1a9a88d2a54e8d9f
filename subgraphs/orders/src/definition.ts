import type { DemoData } from '@dealergraph/demo-data';
import { buildFederatedSchema, canSeeDealer, type SubgraphDefinition } from '@dealergraph/runtime';
import type { Clock } from 'pg-boss';

import { DEFAULT_WORKFLOW_SETTINGS, type WorkflowSettings } from './config.js';
import type { OrdersContext } from './context.js';
import { entities } from './entities/index.js';
import { ApprovalRuleResolver } from './graphql/approval-rule.resolver.js';
import { ApprovalStatsResolver } from './graphql/approval-stats.resolver.js';
import { BulkDecisionResolver } from './graphql/bulk-decision.resolver.js';
import { CartResolver } from './graphql/cart.resolver.js';
import { toOrderType } from './graphql/mappers.js';
import { OrderResolver } from './graphql/order.resolver.js';
import { OrderApprovalResolver } from './graphql/order-approval.resolver.js';
import { OrderEventResolver } from './graphql/order-event.resolver.js';
import { OrderTemplateResolver } from './graphql/order-template.resolver.js';
import { OrderWorkflowResolver } from './graphql/order-workflow.resolver.js';
import { SpecialPriceEventResolver, SpecialPriceRequestResolver } from './graphql/special-price-request.resolver.js';
import { createOrderLoaders } from './loaders/order.loaders.js';
import { migrations } from './migrations/index.js';
import { seedOrders } from './seed/orders.seed.js';
import { startEscalationSweep } from './services/approval-escalation.service.js';
import { ApprovalTimers } from './services/approval-timers.service.js';
import { startErpForwarder } from './services/erp-forwarder.js';
import { findVisibleOrder } from './services/order.service.js';
import { OrderEventHub } from './services/order-event-hub.js';
import { startOrderEvents } from './services/order-events.start.js';
import { serviceClients } from './services/service-clients.js';
import { startOrders } from './services/workflow-recovery.service.js';

/** What a process may give the orders subgraph besides its settings. */
export interface OrdersOptions {
  /** The clock approval deadlines run on; tests pass a pg-boss TestClock to move time by hand. */
  clock?: Clock;
  /** The hub the subscriptions listen on; tests pass their own to wait until a subscription is live (`size`). */
  events?: OrderEventHub;
}

/** The orders subgraph: orders, their lines and status history, the placeOrder workflow and its recovery sweep. */
export function ordersSubgraph(
  settings: Partial<WorkflowSettings> = {},
  options: OrdersOptions = {},
): SubgraphDefinition<OrdersContext, DemoData> {
  const events = options.events ?? new OrderEventHub();
  const workflow: WorkflowSettings = { ...DEFAULT_WORKFLOW_SETTINGS, ...settings };
  const approvalTimers = new ApprovalTimers(workflow.approvalDeadlines, options.clock);
  return {
    name: 'orders',
    entities,
    migrations,
    buildSchema: () =>
      buildFederatedSchema({
        resolvers: [
          OrderResolver,
          OrderWorkflowResolver,
          CartResolver,
          OrderTemplateResolver,
          OrderEventResolver,
          BulkDecisionResolver,
          ApprovalStatsResolver,
          OrderApprovalResolver,
          ApprovalRuleResolver,
          SpecialPriceRequestResolver,
          SpecialPriceEventResolver,
        ],
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
    }),
    start: async (runtime, newContext, serving) => {
      const stopWorkflow = await startOrders(newContext, workflow.sweepIntervalMs);
      const stopEvents = await startOrderEvents(runtime, serving, events);
      const stopForwarder = await startErpForwarder({ orm: runtime.orm, runtime, logger: runtime.logger });
      // pg-boss jobs run the approval timers; the periodic sweep is the fallback when they are switched off.
      let stopTimers: () => Promise<void>;
      try {
        stopTimers =
          workflow.approvalTimers === 'PG_BOSS'
            ? await approvalTimers.start({
                databaseUrl: runtime.config.databaseUrl,
                newContext,
                logger: runtime.logger,
                queue: { pollingIntervalSeconds: workflow.approvalPollSeconds },
              })
            : startEscalationSweep(newContext, workflow.approvalDeadlines, workflow.escalationSweepMs, () => approvalTimers.now());
      } catch (error) {
        await stopForwarder();
        await stopEvents();
        await stopWorkflow();
        throw error;
      }
      return async () => {
        await stopTimers();
        await stopForwarder();
        await stopEvents();
        await stopWorkflow();
      };
    },
    seed: seedOrders,
  };
}

/** The schema alone, for composition and migrations: no database needed. */
export const toolingDefinition = ordersSubgraph();
