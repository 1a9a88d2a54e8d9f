import { randomUUID } from 'node:crypto';

import { approvalRoleOf, formatAmount, type UserError, userError } from '@dealergraph/runtime';

import type { OrdersContext } from '../context.js';
import { recordOrderEvent } from '../events/outbox.service.js';
import { Order, type OrderEffect } from '../orders/order.entity.js';
import type { EffectOutcome } from '../orders/order-effects.service.js';
import { finishEffect } from '../orders/order-effects.service.js';
import { changeOrderStatus } from '../orders/order-status.service.js';
import { loadApprovalRules } from './approval-rule.service.js';
import { mayDecide } from './domain/approval-areas.js';
import { creditApprovalStep } from './domain/approval-routing.js';
import { OrderApprovalStep } from './order-approval-step.entity.js';

type HoldEffect = Extract<OrderEffect, { kind: 'HOLD' }>;
type Em = OrdersContext['em'];

/**
 * The last approval of an order, after its decision committed as a HOLD effect (see
 * order-effects.service.ts): credit holds the order's total (idempotent by order id), then the
 * order becomes APPROVED with the approver's steps in one short transaction. Credit asking for its
 * own approver: one who may decide credit's step (mayDecide: FINANCE or the GENERAL_MANAGER by default) holds over the limit now, otherwise a CREDIT_APPROVAL step
 * is added and the order waits. A refusal leaves the order pending, its steps undecided.
 */
export async function completeApproval(ctx: OrdersContext, order: Order, effect: HoldEffect): Promise<EffectOutcome> {
  const hold = (overLimitApproved: boolean) =>
    ctx.services.credit.call('placeHold', { dealerId: order.dealerId, orderId: order.id, amount: order.total, overLimitApproved });
  let held = await hold(effect.overLimitApproved);
  const rules = await loadApprovalRules(ctx.em);
  const creditStep =
    held.status === 'REFUSED' && held.decision.outcome === 'APPROVAL'
      ? creditApprovalStep({ approvalLevel: held.decision.approvalLevel, reason: held.decision.reason, rules })
      : null;
  // The approver holds over the limit now only when they may decide credit's own step (its area and level).
  const approver = { role: effect.approverRole ?? approvalRoleOf(effect.approverLevel) };
  if (creditStep && !effect.overLimitApproved && mayDecide({ approver, step: creditStep })) held = await hold(true);
  const done = await finishEffect(ctx, order.id, effect, async (em, locked): Promise<UserError[]> => {
    const now = new Date();
    if (held.status === 'HELD') {
      await approveSteps(em, locked, effect, now, { final: true });
      locked.overLimitApproved = held.overLimit;
      await changeOrderStatus(em, locked, { to: 'APPROVED', byUserId: effect.byUserId, comment: effect.comment, at: now });
      return [];
    }
    if (held.status === 'RELEASED')
      return [userError('INVALID_TRANSITION', 'The credit of this order was released: it cannot be approved any more.')];
    const { decision } = held;
    if (decision.outcome === 'APPROVAL' && !effect.overLimitApproved) {
      // Credit changed since placement (or the order grew past the available credit): it now asks for its own approver.
      await approveSteps(em, locked, effect, now);
      const step = creditApprovalStep({ approvalLevel: decision.approvalLevel, reason: decision.reason, rules });
      const position = (await em.count(OrderApprovalStep, { order: locked.id })) + 1;
      em.persist(
        em.create(OrderApprovalStep, {
          id: randomUUID(),
          order: locked.id,
          position,
          level: step.level,
          area: step.area,
          role: step.role,
          rule: step.rule,
          reason: step.reason,
        }),
      );
      await ctx.approvalTimers.scheduleWaiting(em, locked.id, now);
      return [];
    }
    const toPay = decision.amountToPay > 0 ? ` The dealer would have to pay ${formatAmount(decision.amountToPay)} first.` : '';
    return [
      userError(
        decision.code ?? 'CREDIT_LIMIT_EXCEEDED',
        `${decision.reason ?? 'Credit refuses to hold this order.'}${toPay} It stays pending.`,
      ),
    ];
  });
  if (!done) return { order: await ctx.em.fork().findOne(Order, { id: order.id }), userErrors: [] };
  return { order: done.result.length ? null : done.order, userErrors: done.result };
}

/**
 * The approver's steps, still pending, become APPROVED with an event each. `final`: the order turns
 * APPROVED in the same transaction, so its status change tells a watcher of the order everything.
 */
async function approveSteps(em: Em, order: Order, effect: HoldEffect, at: Date, options: { final?: boolean } = {}): Promise<void> {
  const steps = await em.find(OrderApprovalStep, { id: { $in: effect.stepIds }, status: 'PENDING' }, { orderBy: { position: 'asc' } });
  for (const step of steps) {
    Object.assign(step, { status: 'APPROVED', decidedByUserId: effect.byUserId, decidedAt: at, comment: effect.comment });
    recordOrderEvent(em, {
      orderId: order.id,
      dealerId: order.dealerId,
      scope: order,
      type: 'APPROVAL_STEP',
      status: order.status,
      actor: effect.byUserId,
      reason: effect.comment,
      data: { level: step.level, area: step.area, step: step.position, decision: 'APPROVED', ...(options.final ? { final: true } : {}) },
      at,
    });
  }
}
