import { badInput, canSeeDealer, isStaff, normalizeId, type PageWindow, requireClaims } from '@dealergraph/runtime';

import type { CreditContext } from '../context.js';
import { type AgeingBuckets, ageingBuckets, assessCredit, type CreditAssessment, dealerThresholds } from '../domain/credit.js';
import type { CreditAccount } from '../entities/credit-account.entity.js';
import type { Invoice } from '../entities/invoice.entity.js';
import type { Payment } from '../entities/payment.entity.js';
import type { InvoiceListFilter } from '../loaders/credit.queries.js';

/** A dealer's credit position at the request's instant: the account plus the figures computed from its invoices and holds. */
export interface CreditPosition extends CreditAssessment {
  account: CreditAccount;
  openBalance: number;
  pendingOrders: number;
}

/**
 * The credit position of a dealer, unchecked: callers check access first. Batched: positions of many
 * dealers in one request cost three statements in all.
 */
export async function positionOf(ctx: CreditContext, dealerId: string): Promise<CreditPosition | null> {
  const [account, totals, pendingOrders] = await Promise.all([
    ctx.loaders.accountByDealer.load(dealerId),
    ctx.loaders.invoiceTotalsByDealer.load(dealerId),
    ctx.loaders.pendingOrdersByDealer.load(dealerId),
  ]);
  if (!account) return null;
  const assessment = assessCredit({
    limit: account.limit,
    openBalance: totals.openBalance,
    pendingOrders,
    overdueAmount: totals.overdue,
    oldestOverdueDueAt: totals.oldestOverdueDueAt,
    now: ctx.now(),
    thresholds: dealerThresholds({ defaults: ctx.thresholds, overdueBlockAfterDays: account.overdueBlockAfterDays }),
  });
  return { ...assessment, account, openBalance: totals.openBalance, pendingOrders };
}

/**
 * A dealer's credit position if the caller may see that dealer; null otherwise, when it has no account,
 * or when the id is not a uuid (such an id never reaches PostgreSQL).
 */
export async function findCreditPosition(ctx: CreditContext, dealerId: string): Promise<CreditPosition | null> {
  const id = normalizeId(dealerId);
  if (!id || !canSeeDealer(ctx.claims, id)) return null;
  return positionOf(ctx, id);
}

/**
 * The `creditAccount` query: a dealer user always gets its own dealer's account (null when it asks
 * for another dealer's id); staff name the dealer. An id that is not a uuid reads as null.
 */
export async function creditAccountFor(ctx: CreditContext, dealerId: string | null | undefined): Promise<CreditPosition | null> {
  const claims = requireClaims(ctx.claims);
  const requested = dealerId ? normalizeId(dealerId) : null;
  if (isStaff(claims)) {
    if (!dealerId) {
      throw badInput('Staff must name the dealer: pass creditAccount(dealerId: ...).', 'dealerId');
    }
    return requested ? positionOf(ctx, requested) : null;
  }
  const own = claims.dealerId;
  if (!own || (dealerId && requested !== own)) return null;
  return positionOf(ctx, own);
}

/** The dealer's open balance split by days past due. Access was checked when the account was read. */
export async function ageingOf(ctx: CreditContext, dealerId: string): Promise<AgeingBuckets> {
  const invoices = await ctx.loaders.openInvoicesByDealer.load(dealerId);
  return ageingBuckets({ invoices, now: ctx.now() });
}

/** A page of the dealer's invoices, newest first, narrowed by the filter. */
export async function listInvoices(
  ctx: CreditContext,
  dealerId: string,
  filter: InvoiceListFilter,
  window: PageWindow,
): Promise<[Invoice[], number]> {
  const page = await ctx.loaders.invoicePage.load({ dealerId, offset: window.offset, limit: window.limit, filter });
  return [page.rows, page.total];
}

/** A page of the dealer's payments, newest first. */
export async function listPayments(ctx: CreditContext, dealerId: string, window: PageWindow): Promise<[Payment[], number]> {
  const page = await ctx.loaders.paymentPage.load({ dealerId, offset: window.offset, limit: window.limit });
  return [page.rows, page.total];
}
