import { type CreditStatus, type CreditThresholds, daysPastDue } from './credit.js';

/**
 * What a dealer sees on its account page besides the raw figures: how much of the limit is used and
 * what to pay to get out of trouble. Pure; money is integer cents.
 */

export interface AccountSummaryInput {
  limit: number;
  openBalance: number;
  pendingOrders: number;
  status: CreditStatus;
  /** Unpaid invoices: what is left on each and when it was due. */
  openInvoices: readonly { outstanding: number; dueAt: Date }[];
  now: Date;
  thresholds: CreditThresholds;
}

export type AccountAction =
  'NONE' | 'PAY_OVERDUE_TO_UNBLOCK' | 'PAY_OVERDUE_TO_LIFT_RESTRICTION' | 'PAY_OVERDUE_TO_CLEAR_WARNING' | 'PAY_TO_GET_UNDER_LIMIT';

export interface AccountSummary {
  /** limit - (openBalance + pendingOrders). */
  available: number;
  /** Exposure (open + pending) as basis points of the limit; null when the limit is 0. */
  utilisationBp: number | null;
  /** Least payment (cents) that takes the account out of BLOCKED: every invoice at or past the block age. */
  amountToUnblock: number;
  /** Least payment that takes the status back to OK: every invoice at or past the warning age. */
  amountToClearStatus: number;
  /** Least payment that brings exposure back within the limit. */
  amountToGetUnderLimit: number;
  /** The most pressing thing to do, in order: unblock, lift restriction, clear warning, get under the limit. */
  action: AccountAction;
  /** What the action asks to pay (cents); 0 when nothing is needed. */
  actionAmount: number;
}

function outstandingAtLeast(invoices: AccountSummaryInput['openInvoices'], days: number, now: Date): number {
  let sum = 0;
  for (const invoice of invoices) if (invoice.outstanding > 0 && daysPastDue(invoice.dueAt, now) >= days) sum += invoice.outstanding;
  return sum;
}

/**
 * The status comes from the oldest overdue invoice, so paying every invoice at or past an age is the
 * least that leaves no invoice at that age. Being over the limit is fixed by paying the excess.
 */
export function summarizeAccount(input: AccountSummaryInput): AccountSummary {
  const exposure = input.openBalance + input.pendingOrders;
  const available = input.limit - exposure;
  const amountToUnblock = input.status === 'BLOCKED' ? outstandingAtLeast(input.openInvoices, input.thresholds.blockedDays, input.now) : 0;
  const toLift =
    input.status === 'BLOCKED' || input.status === 'RESTRICTED'
      ? outstandingAtLeast(input.openInvoices, input.thresholds.restrictedDays, input.now)
      : 0;
  const amountToClearStatus = input.status === 'OK' ? 0 : outstandingAtLeast(input.openInvoices, input.thresholds.warningDays, input.now);
  const amountToGetUnderLimit = Math.max(0, -available);
  let action: AccountAction = 'NONE';
  let actionAmount = 0;
  if (input.status === 'BLOCKED') [action, actionAmount] = ['PAY_OVERDUE_TO_UNBLOCK', amountToUnblock];
  else if (input.status === 'RESTRICTED') [action, actionAmount] = ['PAY_OVERDUE_TO_LIFT_RESTRICTION', toLift];
  else if (input.status === 'WARNING') [action, actionAmount] = ['PAY_OVERDUE_TO_CLEAR_WARNING', amountToClearStatus];
  else if (amountToGetUnderLimit > 0) [action, actionAmount] = ['PAY_TO_GET_UNDER_LIMIT', amountToGetUnderLimit];
  return {
    available,
    utilisationBp: input.limit > 0 ? Math.round((exposure * 10_000) / input.limit) : null,
    amountToUnblock,
    amountToClearStatus,
    amountToGetUnderLimit,
    action,
    actionAmount,
  };
}
