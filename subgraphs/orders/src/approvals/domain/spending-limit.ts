/**
 * The dealer's own decision process: a DEALER_ADMIN gives an ORDER_ENTRY user spending limits, per
 * order and/or per calendar month (UTC). An order above either waits for the dealer's own approver
 * (a DEALER step, decided by a DEALER_ADMIN of that dealer: approval-areas.ts) before any of the
 * distributor's steps. "Above" means more than: an order of exactly the limit goes through.
 */

/** A user's limits, in minor units; null: no limit of that kind. */
export interface SpendingLimits {
  perOrder: number | null;
  monthly: number | null;
}

export interface SpendingInput {
  limits: SpendingLimits;
  /** This order's total, minor units. */
  total: number;
  /**
   * What the user's other orders of this month add up to (placed or being placed, not rejected or
   * cancelled), minor units.
   */
  monthSpent: number;
  currency: string;
}

const amount = (minor: number) => `${Math.floor(minor / 100).toLocaleString('en-US')}.${String(minor % 100).padStart(2, '0')}`;

/** Why the order needs the dealer's own approval, or null when it is within the user's limits. */
export function spendingLimitReason({ limits, total, monthSpent, currency }: SpendingInput): string | null {
  const reasons: string[] = [];
  if (limits.perOrder !== null && total > limits.perOrder) {
    reasons.push(
      `the order total ${amount(total)} ${currency} is above the user's per-order limit of ${amount(limits.perOrder)} ${currency}`,
    );
  }
  if (limits.monthly !== null && monthSpent + total > limits.monthly) {
    reasons.push(
      `with ${amount(monthSpent)} ${currency} ordered this month it comes to ${amount(monthSpent + total)} ${currency}, above the user's monthly limit of ${amount(limits.monthly)} ${currency}`,
    );
  }
  if (reasons.length === 0) return null;
  const text = reasons.join('; ');
  return `${text[0].toUpperCase()}${text.slice(1)}: it waits for the dealer's own approval (DEALER_ADMIN).`;
}

/** The longest limit accepted: 100,000,000.00 (a bigint column, but a limit past this is a typo). */
export const MAX_SPENDING_LIMIT = 10_000_000_000;

/** What is wrong with limits as a DEALER_ADMIN set them (amounts already read as minor units). */
export function spendingLimitProblems(limits: SpendingLimits): { code: string; message: string; field: string[] }[] {
  const problems: { code: string; message: string; field: string[] }[] = [];
  for (const [key, value] of [
    ['perOrderLimit', limits.perOrder],
    ['monthlyLimit', limits.monthly],
  ] as const) {
    if (value !== null && (!Number.isSafeInteger(value) || value < 0 || value > MAX_SPENDING_LIMIT))
      problems.push({
        code: 'INVALID_AMOUNT',
        message: `${key} must be from 0.00 to ${amount(MAX_SPENDING_LIMIT)}.`,
        field: ['input', key],
      });
  }
  if (limits.perOrder !== null && limits.monthly !== null && limits.perOrder > limits.monthly)
    problems.push({
      code: 'INVALID_AMOUNT',
      message: 'The per-order limit cannot be above the monthly limit.',
      field: ['input', 'perOrderLimit'],
    });
  return problems;
}
