/**
 * What credit says about one order: pure, no I/O. `assessOrder` shows it before placing (the cart
 * preview and the placement's route step), `placeHold` decides with it under the account's row lock.
 * Money is integer cents.
 *
 * Two limits per dealer: the credit `limit` (the soft limit: `available` is counted from it, and going
 * beyond it is what the exceedance policy decides) and an optional `hardLimit` above it, past which no
 * policy and no approval takes an order on account.
 *
 * The rules, in this order:
 * 1. BLOCKED (oldest overdue invoice past the dealer's block threshold): REFUSE with
 *    CREDIT_BLOCKED_OVERDUE, whatever the amount or any approval; paying the overdue amount unblocks.
 * 2. RESTRICTED: every order needs an approver at level 4 (FINANCE): APPROVAL, unless that approval
 *    was given (`approved`); then the limit rules below decide.
 * 3. Within the available credit: ACCEPT (with a warning when the status is WARNING).
 * 4. Beyond it (shortfall = amount - available, available counted from 0), by the exceedance policy:
 *    - HARD_BLOCK (also a dealer without a credit account): REFUSE, CREDIT_LIMIT_EXCEEDED, even when approved;
 *    - beyond the hard limit (SOFT_WARNING, ROUTE_TO_APPROVAL, an approved exceedance): REFUSE,
 *      CREDIT_LIMIT_EXCEEDED, even when approved;
 *    - an approved exceedance under any other policy: ACCEPT, with a warning;
 *    - SOFT_WARNING: APPROVAL at `softWarningApprovalLevel` (FINANCE by default), with a warning for
 *      the dealer: the order waits for that approver instead of being placed silently;
 *    - ROUTE_TO_APPROVAL: APPROVAL at level 4 (FINANCE);
 *    - PARTIAL_ORDER: PARTIAL: the whole lines that fit the available credit, taken in the dealer's
 *      line order (a line that does not fit is skipped, later smaller ones may still fit):
 *      `partialLines` (their indexes) and `partialAmount`; no line fits: REFUSE;
 *    - PAYMENT_REQUIRED: the order waits for a down payment of the shortfall (`amountToPay`); once
 *      paid it fits the limit exactly.
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
  /** The ceiling above the limit (cents), past which nothing is taken on account; null: none. */
  hardLimit?: number | null;
  /** The level SOFT_WARNING's approval goes to (configurable; FINANCE by default). */
  softWarningApprovalLevel?: number;
  /** The order's line totals in the dealer's order (cents), for PARTIAL_ORDER; omitted: amounts only. */
  lines?: readonly number[] | null;
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
  /** PARTIAL: the indexes (into `lines`) of the whole lines that fit, in order; empty otherwise. */
  partialLines: number[];
  /** PARTIAL: what those lines total (cents); 0 otherwise. */
  partialAmount: number;
}

/**
 * PARTIAL_ORDER's split: the whole lines that fit within `fitsAmount`, in the dealer's line order
 * (a line too large for what is left is skipped, a later smaller one may still fit).
 */
export function linesThatFit({ lines, fitsAmount }: { lines: readonly number[]; fitsAmount: number }): {
  indexes: number[];
  amount: number;
} {
  const indexes: number[] = [];
  let amount = 0;
  lines.forEach((total, i) => {
    if (total > 0 && amount + total <= fitsAmount) {
      indexes.push(i);
      amount += total;
    }
  });
  return { indexes, amount };
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
    partialLines: [] as number[],
    partialAmount: 0,
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
  return decideExceedance({ input, policy, base, over, money });
}

/** Rule 4 beyond HARD_BLOCK: the hard limit, an approved exceedance, then the policy (see the header). */
function decideExceedance({
  input,
  policy,
  base,
  over,
  money,
}: {
  input: OrderCreditInput;
  policy: Exclude<ExceedancePolicy, 'HARD_BLOCK'>;
  base: Omit<OrderCreditDecision, 'outcome'>;
  over: string;
  money: (minor: number) => string;
}): OrderCreditDecision {
  const { amount, limit, available, approved } = input;
  const { shortfall } = base;
  const hardLimit = input.hardLimit ?? null;
  if (hardLimit !== null && (policy === 'SOFT_WARNING' || policy === 'ROUTE_TO_APPROVAL' || approved)) {
    // What the hard limit leaves: the available credit plus the margin between the two limits.
    const hardAvailable = Math.max(0, available + Math.max(0, hardLimit - limit));
    if (amount > hardAvailable) {
      return {
        ...base,
        outcome: 'REFUSE',
        code: 'CREDIT_LIMIT_EXCEEDED',
        reason: `${over} It would also pass your hard credit limit (${money(hardLimit)}), beyond which no order is taken on account: reduce it to at most ${money(hardAvailable)}, or pay open invoices.`,
      };
    }
  }
  if (approved) {
    return { ...base, outcome: 'ACCEPT', warning: `${over} Finance approved it beyond the limit.` };
  }
  switch (policy) {
    case 'SOFT_WARNING': {
      const level = input.softWarningApprovalLevel ?? FINANCE_APPROVAL_LEVEL;
      return {
        ...base,
        outcome: 'APPROVAL',
        code: 'CREDIT_LIMIT_EXCEEDED',
        approvalLevel: level,
        warning: `${over} It waits for approval before it is placed on account; paying open invoices gets you back within your limit.`,
        reason: `${over} Over the limit, it waits for approval (level ${level}).`,
      };
    }
    case 'ROUTE_TO_APPROVAL':
      return {
        ...base,
        outcome: 'APPROVAL',
        code: 'CREDIT_LIMIT_EXCEEDED',
        approvalLevel: FINANCE_APPROVAL_LEVEL,
        reason: `${over} It goes to finance for approval; paying open invoices first avoids the wait.`,
      };
    case 'PARTIAL_ORDER':
      return decidePartial({ input, base, over, money });
    case 'PAYMENT_REQUIRED':
      return {
        ...base,
        outcome: 'PAYMENT_REQUIRED',
        code: 'CREDIT_LIMIT_EXCEEDED',
        amountToPay: shortfall,
        reason: `${over} It waits for a payment of ${money(shortfall)} before it proceeds.`,
      };
  }
}

/** PARTIAL_ORDER beyond the available credit: the whole lines that fit, in the dealer's order; none fits: REFUSE. */
function decidePartial({
  input,
  base,
  over,
  money,
}: {
  input: OrderCreditInput;
  base: Omit<OrderCreditDecision, 'outcome'>;
  over: string;
  money: (minor: number) => string;
}): OrderCreditDecision {
  const { fitsAmount } = base;
  const split = input.lines ? linesThatFit({ lines: input.lines, fitsAmount }) : { indexes: [], amount: 0 };
  if (input.lines && split.indexes.length === 0) {
    return {
      ...base,
      outcome: 'REFUSE',
      code: 'CREDIT_LIMIT_EXCEEDED',
      reason: `${over} No whole line fits within ${money(fitsAmount)}: reduce the quantities, or pay open invoices to free credit.`,
    };
  }
  const rest = input.lines ? input.lines.length - split.indexes.length : 0;
  return {
    ...base,
    outcome: 'PARTIAL',
    code: 'CREDIT_LIMIT_EXCEEDED',
    partialLines: split.indexes,
    partialAmount: split.amount,
    reason: input.lines
      ? `${over} ${split.indexes.length} line${split.indexes.length === 1 ? '' : 's'} (${money(split.amount)}) fit and are placed; the other ${rest} stay for a later order.`
      : `${over} Only lines up to ${money(fitsAmount)} fit: those are placed, the rest stays for a later order.`,
  };
}
