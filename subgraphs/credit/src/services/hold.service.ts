import { randomUUID } from 'node:crypto';

import { LockMode } from '@mikro-orm/core';

import type { CreditServiceContext } from '../context.js';
import { assessCredit, type CreditAssessment, dealerThresholds, type ExceedancePolicy, overdueCutoff } from '../domain/credit.js';
import { decideOrderCredit, type OrderCreditDecision } from '../domain/order-credit.js';
import { CreditAccount } from '../entities/credit-account.entity.js';
import { CreditHold } from '../entities/credit-hold.entity.js';
import { ReleasedOrder } from '../entities/released-order.entity.js';
import { activeHoldTotals, invoiceTotals } from '../loaders/credit.queries.js';

/**
 * Credit holds and order credit decisions, for the order workflow (orders calls these through signed
 * internal calls; they are not in the schema). The caller has already authorised the order: these
 * functions check credit, not the caller. The decision itself is the pure `decideOrderCredit`
 * (domain/order-credit.ts): every exceedance policy, the overdue statuses, the dealer's message.
 *
 * - assessOrder: the decision for an amount now; holds nothing.
 * - placeHold: at the moment the order becomes APPROVED. The dealer's credit_account row is locked
 *   (SELECT ... FOR UPDATE) for the whole decision, so concurrent holds for one dealer run one after
 *   the other and never overrun the available credit; the hold is inserted in that same transaction.
 *   Only an ACCEPT decision holds; anything else is REFUSED with the decision, for the workflow to
 *   apply (route to approval, ask for a payment, ...). `overLimitApproved`: an approver at level 4
 *   accepted what the decision asked approval for (an exceedance, a restricted account); HARD_BLOCK
 *   and BLOCKED still refuse.
 * - Idempotent by order id: asking again for an order with a hold returns that hold; asking again for
 *   an order whose hold was released answers RELEASED (never "held": the credit is not held).
 * - A dealer without a credit account has a limit of 0 and is treated as HARD_BLOCK.
 */

export interface PlaceHoldInput {
  dealerId: string;
  /** The approved order; one hold per order. */
  orderId: string;
  /** Cents, > 0. */
  amount: number;
  /** An approver at level 4 accepted this order's credit situation (exceedance or restriction). */
  overLimitApproved?: boolean;
  /**
   * PAYMENT_REQUIRED: hold the whole order even when it needs a payment first; the account is over
   * its limit by exactly `amountToPay` until the payment for the order is recorded. Other outcomes
   * are unchanged.
   */
  prepay?: boolean;
}

export type PlaceHoldResult =
  | {
      status: 'HELD';
      hold: CreditHold;
      /** Available credit after the hold (cents); negative when the account is now over its limit. */
      available: number;
      /** True when the account is over its limit with this hold (an approved or tolerated exceedance). */
      overLimit: boolean;
      /** A prepay hold: what the dealer pays before the order proceeds (cents); 0 when it fits. */
      amountToPay: number;
    }
  /** Nothing held: the decision says why and what the dealer can do. */
  | { status: 'REFUSED'; decision: OrderCreditDecision }
  /** The order was released before (its hold, or before it had one: hold null); it is not held again. */
  | { status: 'RELEASED'; hold: CreditHold | null };

/** An order id that already has a hold of another dealer: the caller's bug, not a credit decision. */
export class HoldConflictError extends Error {}

/** A dealer's credit figures, read in the caller's transaction (no loaders: for services and workflows). */
export interface CreditSnapshot extends CreditAssessment {
  limit: number;
  hardLimit: number | null;
  openBalance: number;
  pendingOrders: number;
  policy: ExceedancePolicy | null;
  currency: string | null;
}

/** Reads a dealer's credit figures now (two grouped statements). A dealer without an account has limit 0. */
export async function readCreditSnapshot(
  ctx: CreditServiceContext,
  dealerId: string,
  account?: CreditAccount | null,
): Promise<CreditSnapshot> {
  const now = ctx.now();
  const acc = account === undefined ? await ctx.em.findOne(CreditAccount, { dealerId }) : account;
  const [totals, pending] = await Promise.all([
    invoiceTotals(ctx.em, [dealerId], overdueCutoff(now)),
    activeHoldTotals(ctx.em, [dealerId]),
  ]);
  const t = totals.get(dealerId) ?? { openBalance: 0, overdue: 0, oldestOverdueDueAt: null };
  const pendingOrders = pending.get(dealerId) ?? 0;
  const limit = acc?.limit ?? 0;
  const assessment = assessCredit({
    limit,
    openBalance: t.openBalance,
    pendingOrders,
    overdueAmount: t.overdue,
    oldestOverdueDueAt: t.oldestOverdueDueAt,
    now,
    thresholds: dealerThresholds({ defaults: ctx.thresholds, overdueBlockAfterDays: acc?.overdueBlockAfterDays }),
  });
  return {
    ...assessment,
    limit,
    hardLimit: acc?.hardLimit ?? null,
    openBalance: t.openBalance,
    pendingOrders,
    policy: acc?.exceedancePolicy ?? null,
    currency: acc?.currency ?? null,
  };
}

/** The credit decision for an order of `amount` from a snapshot (see domain/order-credit.ts). */
function decide(
  ctx: CreditServiceContext,
  snapshot: CreditSnapshot,
  amount: number,
  approved: boolean,
  lines?: readonly number[] | null,
): OrderCreditDecision {
  return decideOrderCredit({
    hardLimit: snapshot.hardLimit,
    softWarningApprovalLevel: ctx.softWarningApprovalLevel,
    lines: lines ?? null,
    amount,
    limit: snapshot.limit,
    available: snapshot.available,
    status: snapshot.status,
    overdue: snapshot.overdue,
    oldestOverdueDays: snapshot.oldestOverdueDays,
    policy: snapshot.policy,
    currency: snapshot.currency,
    approved,
  });
}

function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`amount must be a positive whole number of cents, got ${amount}`);
}

/**
 * What credit says about an order of `amount` for this dealer now; holds nothing (three statements).
 * `lines`: the order's line totals in the dealer's order, for PARTIAL_ORDER's split.
 */
export async function assessOrder(
  ctx: CreditServiceContext,
  input: { dealerId: string; amount: number; lines?: readonly number[] | null },
): Promise<OrderCreditDecision> {
  assertAmount(input.amount);
  return decide(ctx, await readCreditSnapshot(ctx, input.dealerId), input.amount, false, input.lines);
}

/** Holds credit for an approved order, atomically and idempotently (see the header). */
export async function placeHold(ctx: CreditServiceContext, input: PlaceHoldInput): Promise<PlaceHoldResult> {
  assertAmount(input.amount);
  return ctx.em.transactional(async (tx): Promise<PlaceHoldResult> => {
    const txCtx: CreditServiceContext = { ...ctx, em: tx };
    // The lock comes first: everything below sees the holds committed by whoever held it before.
    const account = await tx.findOne(CreditAccount, { dealerId: input.dealerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    await lockOrder(tx, input.orderId);
    const existing = await tx.findOne(CreditHold, { orderId: input.orderId });
    if (!existing && (await tx.findOne(ReleasedOrder, { orderId: input.orderId }))) return { status: 'RELEASED', hold: null };
    if (existing) {
      if (existing.dealerId !== input.dealerId) throw new HoldConflictError(`order ${input.orderId} already has a hold for another dealer`);
      if (existing.status === 'RELEASED') return { status: 'RELEASED', hold: existing };
      const snapshot = await readCreditSnapshot(txCtx, input.dealerId, account);
      const paid = await paidFor(tx, input.orderId);
      const amountToPay = Math.max(0, existing.amountToPay - paid);
      return { status: 'HELD', hold: existing, available: snapshot.available, overLimit: snapshot.available < 0, amountToPay };
    }
    const snapshot = await readCreditSnapshot(txCtx, input.dealerId, account);
    const decision = decide(ctx, snapshot, input.amount, input.overLimitApproved ?? false);
    const prepaying = input.prepay === true && decision.outcome === 'PAYMENT_REQUIRED';
    if (decision.outcome !== 'ACCEPT' && !prepaying) return { status: 'REFUSED', decision };
    const hold = tx.create(CreditHold, {
      id: randomUUID(),
      dealerId: input.dealerId,
      orderId: input.orderId,
      amount: input.amount,
      status: 'ACTIVE',
      createdAt: ctx.now(),
      amountToPay: prepaying ? decision.amountToPay : 0,
    });
    const available = snapshot.available - input.amount;
    return { status: 'HELD', hold, available, overLimit: available < 0, amountToPay: prepaying ? decision.amountToPay : 0 };
  });
}

/** What was paid up front for an order (payments recorded with its id), in cents. */
async function paidFor(em: CreditServiceContext['em'], orderId: string): Promise<number> {
  const [row] = await em.execute<{ paid: string | null }[]>('select sum(amount) as paid from "credit"."payment" where order_id = ?', [
    orderId,
  ]);
  return Number(row?.paid ?? 0);
}

/**
 * What is still to pay up front on each of these orders (prepay holds), in cents: 0 once paid, absent
 * for an order without a prepay hold or whose hold is no longer active.
 */
export async function prepaymentsDue(ctx: CreditServiceContext, orderIds: readonly string[]): Promise<Map<string, number>> {
  if (orderIds.length === 0) return new Map();
  const rows = await ctx.em.execute<{ order_id: string; due: string }[]>(
    `select h.order_id, greatest(0, h.amount_to_pay - coalesce((select sum(p.amount) from "credit"."payment" p where p.order_id = h.order_id), 0)) as due
       from "credit"."credit_hold" h where h.order_id in (?) and h.status = 'ACTIVE' and h.amount_to_pay > 0`,
    [orderIds],
  );
  return new Map(rows.map((r) => [r.order_id, Number(r.due)]));
}

/**
 * Serialises every call for one order (placeHold, releaseHold) for the rest of the transaction, so a
 * release and a late hold of the same order cannot both miss each other. Always taken after the
 * account lock, never before: no cycle.
 */
async function lockOrder(tx: CreditServiceContext['em'], orderId: string): Promise<void> {
  await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`credit-order:${orderId}`]);
}

/**
 * Releases the hold of a rejected or cancelled order (the workflow's compensation). Idempotent: a
 * released hold stays as it is, and an INVOICED hold is left alone (its amount is in the open balance
 * now). An order without a hold has nothing to release (null), and is recorded as released so that a
 * placeHold arriving later (after a timeout) holds nothing. Returns the hold after the call.
 */
export async function releaseHold(ctx: CreditServiceContext, input: { orderId: string }): Promise<CreditHold | null> {
  return ctx.em.transactional(async (tx) => {
    await lockOrder(tx, input.orderId);
    const hold = await tx.findOne(CreditHold, { orderId: input.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!hold) {
      await tx.execute('insert into "credit"."released_order" (order_id, released_at) values (?, ?) on conflict (order_id) do nothing', [
        input.orderId,
        ctx.now(),
      ]);
      return null;
    }
    if (hold.status === 'ACTIVE') {
      hold.status = 'RELEASED';
      hold.releasedAt = ctx.now();
    }
    return hold;
  });
}
