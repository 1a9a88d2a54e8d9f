import { startPeriodic } from '@dealergraph/runtime';

import { planMissingChains } from '../approvals/approval-decision.service.js';
import { fillMissingScopes } from '../approvals/approver-scope.service.js';
import type { OrdersContext } from '../context.js';
import { Order } from '../orders/order.entity.js';
import { sweepStalledEffects } from '../orders/order-effects.service.js';
import { sweepAwaitingPayment } from './payment-due.service.js';
import { recoverWorkflow } from './place-order.service.js';

/**
 * Ends every placeOrder workflow whose lease ran out (its runner crashed or hung): forward when the
 * remaining steps succeed, else compensated. Returns how many it took over. Safe to run in several
 * processes at once: taking a workflow over is a conditional update on its lease.
 */
export async function sweepStalledWorkflows(newContext: () => OrdersContext, limit = 50): Promise<number> {
  const ctx = newContext();
  const stalled = await ctx.em.find(
    Order,
    { workflow: 'RUNNING', leaseUntil: { $lt: new Date() } },
    { fields: ['id'], limit, orderBy: { leaseUntil: 'asc' } },
  );
  let recovered = 0;
  for (const { id } of stalled) {
    try {
      if (await recoverWorkflow(newContext(), id)) recovered += 1;
    } catch (error) {
      // One workflow that cannot be ended now must not stop the others; the next sweep retries it.
      ctx.runtime?.logger.warn('recovery of an order workflow failed', { orderId: id, error: String(error) });
    }
  }
  return recovered;
}

/**
 * The periodic sweep, driven by database state (the lease column) rather than a job queue: the
 * orders table already says which workflows are stalled, a conditional update on the lease makes
 * concurrent sweepers safe, and a queue (pg-boss) would add a second schema and worker polling that
 * adds nothing here. Runs once at start, then every `intervalMs`; returns how to stop it.
 */
export function startWorkflowSweep(newContext: () => OrdersContext, intervalMs: number): () => Promise<void> {
  const sweep = async () => {
    await sweepStalledWorkflows(newContext);
    await sweepStalledEffects(newContext);
    // PAYMENT_REQUIRED orders: paid ones go on, unpaid ones past their deadline are cancelled (credit may be down: next time).
    await sweepAwaitingPayment(newContext).catch((error: unknown) =>
      newContext().runtime?.logger.warn('payment sweep failed', { error: String(error) }),
    );
    // Best effort: dealers may still be starting; the next sweep tries again.
    await fillMissingScopes(newContext()).catch((error: unknown) =>
      newContext().runtime?.logger.warn('approver scope backfill failed', { error: String(error) }),
    );
  };
  return startPeriodic(sweep, intervalMs, (error) => newContext().runtime?.logger.warn('workflow sweep failed', { error: String(error) }));
}

/**
 * Start-up work of the orders service: order numbers continue after the highest one stored (demo
 * data included), pending orders without an approval chain get one, and the sweep starts.
 */
export async function startOrders(newContext: () => OrdersContext, sweepIntervalMs: number): Promise<() => Promise<void>> {
  const ctx = newContext();
  const schema = ctx.em.config.get('schema');
  await ctx.em.getConnection().execute(
    `select setval('"${schema}".order_number_seq', greatest(
        (select last_value from "${schema}".order_number_seq),
        (select coalesce(max(substring(number from '(\\d+)$')::bigint), 0) from "${schema}"."order"),
        1))`,
  );
  await planMissingChains(ctx);
  return startWorkflowSweep(newContext, sweepIntervalMs);
}
