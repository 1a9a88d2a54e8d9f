/**
 * What credit says about one order: pure, no I/O. `assessOrder` shows it before placing, `placeHold`
 * decides with it under the account's row lock. Money is integer cents.
 *
 * The rules, in this order:
 * 1. BLOCKED (oldest overdue invoice at or past the block threshold): REFUSE with
 *    CREDIT_BLOCKED_OVERDUE, whatever the amount or any approval; paying the overdue amount unblocks.
 * 2. RESTRICTED: every order needs an approver at level 4 (FINANCE): APPROVAL, unless that approval
 *    was given (`approved`); then the limit rules below decide.
 * 3. Within the available credit: ACCEPT (with a warning when the status is WARNING).
 * 4. Beyond it (shortfall = amount - available, available counted from 0), by the exceedance policy:
 *    - HARD_BLOCK (also a dealer without a credit account): REFUSE, CREDIT_LIMIT_EXCEEDED, even when approved;
 *    - an approved exceedance under any other policy: ACCEPT, with a warning;
 *    - SOFT_WARNING: ACCEPT with a warning;
 *    - ROUTE_TO_APPROVAL: APPROVAL at level 4 (FINANCE);
 *    - PARTIAL_ORDER: PARTIAL: only lines up to `fitsAmount` (the available credit) fit;
 *    - PAYMENT_REQUIRED: it can be placed after a down payment of the shortfall (`amountToPay`).
 */
import { formatAmount } from '@dealergraph/runtime';

import type { CreditStatus, ExceedancePolicy } from './credit.js';

/** The approval level of finance: credit decisions beyond the limit and for restricted accounts. */
export const FINANCE_APPROVAL_LEVEL = 4;

export type OrderCreditOutcome = 'ACCEPT' | 'APPROVAL' | 'REFUSE' | 'PARTIAL' | 'PAYMENT_REQUIRED';

export interface OrderCreditInput {
  /** The order total in cents, > 0. */
  amount: number;
  limit: number;
  /** limit - (open balance + active holds); negative when over the limit. */
  available: number;
  status: CreditStatus;
  overdue: number;
  /** Days past due of the oldest overdue invoice, for the dealer's message. */
  oldestOverdueDays: number;
  /** The account's policy; null for a dealer without a credit account (treated as HARD_BLOCK, limit 0). */
  policy: ExceedancePolicy | null;
  currency: string | null;
  /** An approver at level 4 accepted this order's credit situation (exceedance or restriction). */
  approved: boolean;
}

export interface OrderCreditDecision {
  outcome: OrderCreditOutcome;
  code: 'CREDIT_LIMIT_EXCEEDED' | 'CREDIT_BLOCKED_OVERDUE' | null;
  /** For the dealer: why, and what to do (null when the order simply fits). */
  reason: string | null;
  warning: string | null;
  policy: ExceedancePolicy;
  status: CreditStatus;
  limit: number;
  available: number;
  shortfall: number;
  amountToPay: number;
  fitsAmount: number;
  approvalLevel: number | null;
  currency: string | null;
}

/** Decides one order against the dealer's credit (see the rules above). */
export function decideOrderCredit(input: OrderCreditInput): OrderCreditDecision {
  const { amount, limit, available, status, overdue, oldestOverdueDays, currency, approved } = input;
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`amount must be a positive whole number of cents, got ${amount}`);
  const policy = input.policy ?? 'HARD_BLOCK';
  const money = (minor: number) => (currency ? `${formatAmount(minor)} ${currency}` : formatAmount(minor));
  const fitsAmount = Math.max(0, available);
  const shortfall = Math.max(0, amount - fitsAmount);
  const base = {
    policy,
    status,
    limit,
    available,
    shortfall,
    fitsAmount,
    currency,
    amountToPay: 0,
    approvalLevel: null,
    code: null,
    reason: null,
    warning: null,
  };
  const days = `${oldestOverdueDays} day${oldestOverdueDays === 1 ? '' : 's'}`;

  if (status === 'BLOCKED') {
    return {
      ...base,
      outcome: 'REFUSE',
      code: 'CREDIT_BLOCKED_OVERDUE',
      amountToPay: overdue,
      reason: `Ordering on account is blocked: an invoice is ${days} past due. Pay the overdue ${money(overdue)} to order again.`,
    };
  }
  if (status === 'RESTRICTED' && !approved) {
    return {
      ...base,
      outcome: 'APPROVAL',
      approvalLevel: FINANCE_APPROVAL_LEVEL,
      reason: `Your account is restricted: an invoice is ${days} past due, so every order waits for approval by finance. Paying the overdue ${money(overdue)} lifts the restriction.`,
    };
  }
  if (shortfall === 0) {
    const warning =
      status === 'WARNING'
        ? `An invoice is ${days} past due (${money(overdue)} overdue). Pay it soon to keep ordering without restrictions.`
        : null;
    return { ...base, outcome: 'ACCEPT', warning };
  }

  const over = `This order (${money(amount)}) exceeds your available credit (${money(fitsAmount)}) by ${money(shortfall)}.`;
  if (policy === 'HARD_BLOCK') {
    return {
      ...base,
      outcome: 'REFUSE',
      code: 'CREDIT_LIMIT_EXCEEDED',
      reason: `${over} Reduce the order to at most ${money(fitsAmount)}, or pay open invoices to free credit.`,
    };
  }
  if (approved) {
    return { ...base, outcome: 'ACCEPT', warning: `${over} Finance approved it beyond the limit.` };
  }
  switch (policy) {
    case 'SOFT_WARNING':
      return { ...base, outcome: 'ACCEPT', warning: `${over} It is accepted this time; pay open invoices to get back within your limit.` };
    case 'ROUTE_TO_APPROVAL':
      return {
        ...base,
        outcome: 'APPROVAL',
        code: 'CREDIT_LIMIT_EXCEEDED',
        approvalLevel: FINANCE_APPROVAL_LEVEL,
        reason: `${over} It goes to finance for approval; paying open invoices first avoids the wait.`,
      };
    case 'PARTIAL_ORDER':
      return {
        ...base,
        outcome: 'PARTIAL',
        code: 'CREDIT_LIMIT_EXCEEDED',
        reason: `${over} Only lines up to ${money(fitsAmount)} fit: remove lines or split the order.`,
      };
    case 'PAYMENT_REQUIRED':
      return {
        ...base,
        outcome: 'PAYMENT_REQUIRED',
        code: 'CREDIT_LIMIT_EXCEEDED',
        amountToPay: shortfall,
        reason: `${over} Pay ${money(shortfall)} up front to place it.`,
      };
  }
}
