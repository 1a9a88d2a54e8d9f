/**
 * Credit rules: pure functions, no I/O. Money is integer cents; dates are instants in UTC.
 *
 * Days past due count calendar days in UTC: an invoice due at any time on 17 October is 0 days past
 * due on 17 October, 1 day on 18 October, 15 days on 1 November. An invoice is OVERDUE from its
 * first day past due while anything is left to pay. The SQL aggregates use the same rule
 * (`due_at < start of today, UTC`; see {@link overdueCutoff}).
 */

export const DAY_MS = 86_400_000;

export type CreditStatus = 'OK' | 'WARNING' | 'RESTRICTED' | 'BLOCKED';
export type InvoiceStatus = 'OPEN' | 'PAID' | 'OVERDUE';

/** Ages (days past due of the oldest overdue invoice) at which each graduated action starts. */
export interface CreditThresholds {
  warningDays: number;
  restrictedDays: number;
  blockedDays: number;
}

/** The demo's graduated action: warning at 15 days, restriction at 30, block at 45. */
export const DEFAULT_THRESHOLDS: Readonly<CreditThresholds> = { warningDays: 15, restrictedDays: 30, blockedDays: 45 };

/** Why a set of thresholds cannot be used, or null when it can: whole days, 1 <= warning <= restricted <= blocked. */
export function thresholdsProblem(t: CreditThresholds): string | null {
  const values = [t.warningDays, t.restrictedDays, t.blockedDays];
  if (!values.every((v) => Number.isInteger(v) && v >= 1)) return 'credit thresholds must be whole days of at least 1';
  if (!(t.warningDays <= t.restrictedDays && t.restrictedDays <= t.blockedDays)) {
    return 'credit thresholds must grow: warning <= restricted <= blocked days';
  }
  return null;
}

/**
 * A dealer's own thresholds: the defaults, unless the account sets its own block threshold
 * (`overdueBlockAfterDays`, "blocked when more than N days past due": N = 30 blocks from day 31). The
 * warning and restriction ages stay the defaults, brought down to the block age when it is lower, so
 * the graduated order holds (warning <= restricted <= blocked).
 */
export function dealerThresholds({
  defaults,
  overdueBlockAfterDays,
}: {
  defaults: CreditThresholds;
  overdueBlockAfterDays: number | null | undefined;
}): CreditThresholds {
  if (overdueBlockAfterDays === null || overdueBlockAfterDays === undefined) return defaults;
  const blockedDays = overdueBlockAfterDays + 1;
  const restrictedDays = Math.min(defaults.restrictedDays, blockedDays);
  return { warningDays: Math.min(defaults.warningDays, restrictedDays), restrictedDays, blockedDays };
}

/** Why a dealer's block threshold cannot be used, or null: a whole number of days from 0 to 365. */
export function blockThresholdProblem(days: number): string | null {
  return Number.isInteger(days) && days >= 0 && days <= 365 ? null : 'overdueBlockAfterDays must be a whole number of days from 0 to 365';
}

/** Midnight UTC of the instant's day. */
export function startOfDayUtc(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** Invoices due before this instant are past due at `now`: the start of `now`'s day, UTC. */
export function overdueCutoff(now: Date): Date {
  return startOfDayUtc(now);
}

/** Whole calendar days (UTC) from the due date to `now`; 0 when not yet past due. */
export function daysPastDue(dueAt: Date, now: Date): number {
  const days = Math.round((startOfDayUtc(now).getTime() - startOfDayUtc(dueAt).getTime()) / DAY_MS);
  return Math.max(0, days);
}

export interface InvoiceStatusInput {
  amount: number;
  paidAmount: number;
  dueAt: Date;
  now: Date;
}

/** PAID when nothing is left to pay; OVERDUE from the first day past the due date; OPEN before. */
export function invoiceStatus({ amount, paidAmount, dueAt, now }: InvoiceStatusInput): InvoiceStatus {
  if (amount - paidAmount <= 0) return 'PAID';
  return daysPastDue(dueAt, now) >= 1 ? 'OVERDUE' : 'OPEN';
}

/** What is left to pay on an invoice; never negative (an overpayment is not open balance). */
export function outstandingOf(invoice: { amount: number; paidAmount: number }): number {
  return Math.max(0, invoice.amount - invoice.paidAmount);
}

export interface CreditInput {
  /** The assigned credit limit. */
  limit: number;
  /** Sum of what is left to pay on the dealer's invoices. */
  openBalance: number;
  /** Sum of the active credit holds: approved orders not yet invoiced. */
  pendingOrders: number;
  /** The part of the open balance that is past due. */
  overdueAmount: number;
  /** Due date of the oldest invoice that is past due and not paid; null when none is. */
  oldestOverdueDueAt: Date | null;
  now: Date;
  thresholds: CreditThresholds;
}

export interface CreditAssessment {
  /** limit - (openBalance + pendingOrders); negative when the dealer is over its limit. */
  available: number;
  overdue: number;
  /** Days past due of the oldest overdue invoice; 0 when nothing is overdue. */
  oldestOverdueDays: number;
  status: CreditStatus;
}

/** The graduated action for the age of the oldest overdue invoice. */
export function creditStatusFor(oldestOverdueDays: number, t: CreditThresholds): CreditStatus {
  if (oldestOverdueDays <= 0) return 'OK';
  if (oldestOverdueDays >= t.blockedDays) return 'BLOCKED';
  if (oldestOverdueDays >= t.restrictedDays) return 'RESTRICTED';
  if (oldestOverdueDays >= t.warningDays) return 'WARNING';
  return 'OK';
}

/**
 * Available credit and the dealer's credit status. The status depends on overdue ageing only; being
 * over the limit shows as a negative `available` and is decided per order by the exceedance policy.
 */
export function assessCredit(input: CreditInput): CreditAssessment {
  const oldestOverdueDays = input.oldestOverdueDueAt ? daysPastDue(input.oldestOverdueDueAt, input.now) : 0;
  return {
    available: input.limit - (input.openBalance + input.pendingOrders),
    overdue: input.overdueAmount,
    oldestOverdueDays,
    status: creditStatusFor(oldestOverdueDays, input.thresholds),
  };
}

export interface AgeingBuckets {
  /** Not yet past due. */
  current: number;
  days1to30: number;
  days31to60: number;
  days61to90: number;
  over90: number;
}

/** Splits the outstanding amounts by days past due; paid invoices (outstanding <= 0) count nowhere. */
export function ageingBuckets({ invoices, now }: { invoices: readonly { outstanding: number; dueAt: Date }[]; now: Date }): AgeingBuckets {
  const buckets: AgeingBuckets = { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };
  for (const { outstanding, dueAt } of invoices) {
    if (outstanding <= 0) continue;
    const days = daysPastDue(dueAt, now);
    if (days <= 0) buckets.current += outstanding;
    else if (days <= 30) buckets.days1to30 += outstanding;
    else if (days <= 60) buckets.days31to60 += outstanding;
    else if (days <= 90) buckets.days61to90 += outstanding;
    else buckets.over90 += outstanding;
  }
  return buckets;
}

export type ExceedancePolicy = 'HARD_BLOCK' | 'SOFT_WARNING' | 'ROUTE_TO_APPROVAL' | 'PARTIAL_ORDER' | 'PAYMENT_REQUIRED';
