import { LockMode } from '@mikro-orm/core';

import { OrderApprovalStep } from '../approvals/order-approval-step.entity.js';
import type { OrdersContext } from '../context.js';
import { Order } from '../orders/order.entity.js';
import { releaseAfterChange, startEffect } from '../orders/order-effects.service.js';
import { changeOrderStatus } from '../orders/order-status.service.js';

/**
 * PAYMENT_REQUIRED orders after placement. Such an order is placed AWAITING_PAYMENT with its stock
 * reserved and a prepay hold on credit (the whole order, `paymentDue` of it to pay up front). The
 * periodic sweep (workflow-recovery.service.ts) asks credit what is still due on each waiting order:
 *
 * - paid (a payment recorded with the order's id, the ERP's recordPayment): the order goes on, to
 *   PENDING_APPROVAL when a rule gave it an approval chain (its deadlines start now), else APPROVED;
 * - unpaid past `paymentDueBy`: CANCELLED, and the RELEASE effect gives back the stock, the special
 *   price units and the credit hold (the same undos a cancellation runs; the sweep finishes them after
 *   a crash).
 *
 * Credit also nudges orders right after such a payment (the internal prepaymentRecorded), so a paid
 * order goes on at once; the sweep is what makes it certain.
 *
 * Each change is a conditional, locked transaction on the order (still AWAITING_PAYMENT, no pending
 * effect), so two sweepers or a dealer's own cancellation at the same moment change it once.
 */

/** Orders looked at per sweep. */
const BATCH = 200;

export interface PaymentSweepResult {
  proceeded: number;
  expired: number;
}

/** One pass over the orders waiting for a payment: proceed the paid ones, cancel the expired ones. */
export async function sweepAwaitingPayment(newContext: () => OrdersContext): Promise<PaymentSweepResult> {
  const ctx = newContext();
  const waiting = await ctx.em
    .fork()
    .find(
      Order,
      { status: 'AWAITING_PAYMENT', workflow: 'DONE', effect: null },
      { fields: ['id', 'paymentDueBy'], orderBy: { paymentDueBy: 'asc' }, limit: BATCH },
    );
  const result: PaymentSweepResult = { proceeded: 0, expired: 0 };
  if (waiting.length === 0) return result;
  const { orders } = await ctx.services.credit.call('prepaymentsDue', { orderIds: waiting.map((o) => o.id) });
  const due = new Map(orders.map((o) => [o.orderId, o.amountToPay]));
  const now = new Date();
  for (const order of waiting) {
    if (due.get(order.id) === 0) {
      if (await proceedPaidOrder(newContext(), order.id)) result.proceeded += 1;
    } else if (order.paymentDueBy && order.paymentDueBy.getTime() <= now.getTime()) {
      if (await expireUnpaidOrder(newContext(), order.id, now)) result.expired += 1;
    }
  }
  return result;
}

/**
 * Credit's nudge after a payment for `orderId` (recordPayment with the order's id): the order goes on
 * now when nothing is left to pay. NONE when it does not wait for a payment (any more).
 */
export async function proceedIfPaid(ctx: OrdersContext, orderId: string): Promise<'PROCEEDED' | 'WAITING' | 'NONE'> {
  const order = await ctx.em.fork().findOne(Order, { id: orderId, status: 'AWAITING_PAYMENT', workflow: 'DONE' }, { fields: ['id'] });
  if (!order) return 'NONE';
  const { orders } = await ctx.services.credit.call('prepaymentsDue', { orderIds: [orderId] });
  if (orders[0]?.amountToPay !== 0) return 'WAITING';
  return (await proceedPaidOrder(ctx, orderId)) ? 'PROCEEDED' : 'NONE';
}

/** A paid order goes on: its approval chain starts, or it is approved (credit is held already). False when it moved meanwhile. */
export async function proceedPaidOrder(ctx: OrdersContext, orderId: string): Promise<boolean> {
  return ctx.em.fork().transactional(async (em) => {
    const order = await em.findOne(Order, { id: orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!order || order.status !== 'AWAITING_PAYMENT' || order.effect) return false;
    const now = new Date();
    const chain = await em.count(OrderApprovalStep, { order: order.id });
    if (chain > 0) {
      await changeOrderStatus(em, order, {
        to: 'PENDING_APPROVAL',
        byUserId: null,
        comment: 'Paid up front: waits for approval.',
        at: now,
      });
      await ctx.approvalTimers.scheduleWaiting(em, order.id, now);
    } else {
      await changeOrderStatus(em, order, { to: 'APPROVED', byUserId: null, comment: 'Paid up front: approved automatically.', at: now });
    }
    return true;
  });
}

/** An order not paid in time is cancelled and gives back its stock and credit. False when it moved meanwhile. */
export async function expireUnpaidOrder(ctx: OrdersContext, orderId: string, now: Date): Promise<boolean> {
  const expired = await ctx.em.fork().transactional(async (em) => {
    const order = await em.findOne(Order, { id: orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!order || order.status !== 'AWAITING_PAYMENT' || order.effect || !order.paymentDueBy || order.paymentDueBy > now) return false;
    startEffect(ctx, order, { kind: 'RELEASE' });
    await changeOrderStatus(em, order, {
      to: 'CANCELLED',
      byUserId: null,
      comment: 'Not paid in time: cancelled, its stock and credit released.',
      at: now,
    });
    return true;
  });
  if (expired) await releaseAfterChange(ctx, orderId);
  return expired;
}
