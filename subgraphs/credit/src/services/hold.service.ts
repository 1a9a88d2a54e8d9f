import { randomUUID } from 'node:crypto';
import { formatAmount } from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';
import type { CreditServiceContext } from '../context.js';
import {
  assessCredit,
  decideHold,
  overdueCutoff,
  type CreditAssessment,
  type ExceedancePolicy,
  type HoldRefusal,
} from '../domain/credit.js';
import { CreditAccount } from '../entities/credit-account.entity.js';
import { CreditHold } from '../entities/credit-hold.entity.js';
import { activeHoldTotals, invoiceTotals } from '../loaders/credit.queries.js';

/**
 * Credit holds, for the order workflow (orders calls these; they are not exposed in the schema).
 * The caller has already authorised the order: these functions check credit, not the caller.
 *
 * Policy, kept simple on purpose:
 * - A hold is placed only within the available credit; beyond it placeHold refuses with
 *   CREDIT_LIMIT_EXCEEDED and returns the dealer's `policy`, and the workflow applies it (HARD_BLOCK:
 *   reject; SOFT_WARNING / ROUTE_TO_APPROVAL / PARTIAL_ORDER / PAYMENT_REQUIRED: route to approval).
 * - When an approver accepted the exceedance, the workflow calls again with `overLimitApproved`:
 *   then every policy but HARD_BLOCK holds the credit and reports `overLimit: true`; HARD_BLOCK
 *   still refuses.
 * - A BLOCKED dealer (oldest overdue invoice at or past the block threshold) gets no hold at all:
 *   CREDIT_BLOCKED_OVERDUE.
 * - A dealer without a credit account has a limit of 0 and is treated as HARD_BLOCK.
 *
 * Concurrency: the dealer's credit_account row is locked (SELECT ... FOR UPDATE) for the whole
 * decision, so concurrent holds for one dealer run one after the other and never overrun the limit.
 * Idempotency: one hold per order id; asking again for an order that has a hold returns that hold.
 */

export interface PlaceHoldInput {
  dealerId: string;
  /** The approved order; one hold per order. */
  orderId: string;
  /** Cents, > 0. */
  amount: number;
  /** A person with the right approval level accepted this order beyond the dealer's limit. */
  overLimitApproved?: boolean;
}

export type PlaceHoldResult =
  | {
      ok: true;
      hold: CreditHold;
      /** Available credit after the hold (cents); negative when the account is now over its limit. */
      available: number;
      /** True when the account is over its limit with this hold (only after an approved exceedance). */
      overLimit: boolean;
    }
  | {
      ok: false;
      code: HoldRefusal;
      /** Available credit before this order (cents). */
      available: number;
      /** The dealer's exceedance policy, for the workflow to apply; null without a credit account. */
      policy: ExceedancePolicy | null;
      /** For people: why, and what to do. */
      message: string;
    };

/** A dealer's credit figures, read in the caller's transaction (no loaders: for services and workflows). */
export interface CreditSnapshot extends CreditAssessment {
  limit: number;
  openBalance: number;
  pendingOrders: number;
  policy: ExceedancePolicy | null;
  currency: string | null;
}

/** Reads a dealer's credit figures now (two grouped statements). A dealer without an account has limit 0. */
export async function readCreditSnapshot(ctx: CreditServiceContext, dealerId: string, account?: CreditAccount | null): Promise<CreditSnapshot> {
  const now = ctx.now();
  const acc = account === undefined ? await ctx.em.findOne(CreditAccount, { dealerId }) : account;
  const [totals, pending] = await Promise.all([invoiceTotals(ctx.em, [dealerId], overdueCutoff(now)), activeHoldTotals(ctx.em, [dealerId])]);
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
    thresholds: ctx.thresholds,
  });
  return { ...assessment, limit, openBalance: t.openBalance, pendingOrders, policy: acc?.exceedancePolicy ?? null, currency: acc?.currency ?? null };
}

function refusalMessage(code: HoldRefusal, amount: number, snapshot: CreditSnapshot): string {
  const money = (minor: number) => (snapshot.currency ? `${formatAmount(minor)} ${snapshot.currency}` : formatAmount(minor));
  if (code === 'CREDIT_BLOCKED_OVERDUE') {
    return `Ordering on account is blocked: an invoice is ${snapshot.oldestOverdueDays} days past due. Pay the overdue invoices (${money(snapshot.overdue)}) to order again.`;
  }
  return `This order (${money(amount)}) exceeds the available credit (${money(Math.max(0, snapshot.available))}).`;
}

/** Holds credit for an approved order, atomically and idempotently (see the policy above). */
export async function placeHold(ctx: CreditServiceContext, input: PlaceHoldInput): Promise<PlaceHoldResult> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new RangeError(`placeHold: amount must be a positive whole number of cents, got ${input.amount}`);
  }
  return ctx.em.transactional(async (tx) => {
    const txCtx: CreditServiceContext = { ...ctx, em: tx };
    // The lock comes first: everything below sees the holds committed by whoever held it before.
    const account = await tx.findOne(CreditAccount, { dealerId: input.dealerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const existing = await tx.findOne(CreditHold, { orderId: input.orderId });
    if (existing) {
      if (existing.dealerId !== input.dealerId) {
        throw new Error(`placeHold: order ${input.orderId} already has a hold for another dealer`);
      }
      const snapshot = await readCreditSnapshot(txCtx, input.dealerId, account);
      return { ok: true as const, hold: existing, available: snapshot.available, overLimit: snapshot.available < 0 };
    }
    const snapshot = await readCreditSnapshot(txCtx, input.dealerId, account);
    const decision = decideHold({
      amount: input.amount,
      available: snapshot.available,
      status: snapshot.status,
      policy: snapshot.policy ?? 'HARD_BLOCK',
      overLimitApproved: input.overLimitApproved ?? false,
    });
    if (!decision.hold) {
      return {
        ok: false as const,
        code: decision.code,
        available: snapshot.available,
        policy: snapshot.policy,
        message: refusalMessage(decision.code, input.amount, snapshot),
      };
    }
    const hold = tx.create(CreditHold, {
      id: randomUUID(),
      dealerId: input.dealerId,
      orderId: input.orderId,
      amount: input.amount,
      status: 'ACTIVE',
      createdAt: ctx.now(),
    });
    const available = snapshot.available - input.amount;
    return { ok: true as const, hold, available, overLimit: available < 0 };
  });
}

/**
 * Releases the hold of a rejected or cancelled order (the workflow's compensation). Idempotent: a
 * released hold stays as it is, an order without a hold is nothing to release (null), and an
 * INVOICED hold is left alone (its amount is in the open balance now). Returns the hold after the call.
 */
export async function releaseHold(ctx: CreditServiceContext, input: { orderId: string }): Promise<CreditHold | null> {
  return ctx.em.transactional(async (tx) => {
    const hold = await tx.findOne(CreditHold, { orderId: input.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!hold) return null;
    if (hold.status === 'ACTIVE') {
      hold.status = 'RELEASED';
      hold.releasedAt = ctx.now();
    }
    return hold;
  });
}
