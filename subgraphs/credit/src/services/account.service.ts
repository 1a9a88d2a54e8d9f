import { intInRange } from '@dealergraph/runtime';

import type { CreditContext } from '../context.js';
import { type AccountSummary, summarizeAccount } from '../domain/account-summary.js';
import { dealerThresholds } from '../domain/credit.js';
import { type CalendarGranularity, type DueCalendar, dueCalendar } from '../domain/due-calendar.js';
import type { CreditPosition } from './credit.service.js';

/** The account page's figures and advice for a position the caller may already see. */
export async function summaryOf(ctx: CreditContext, position: CreditPosition): Promise<AccountSummary> {
  const openInvoices = await ctx.loaders.openInvoicesByDealer.load(position.account.dealerId);
  return summarizeAccount({
    limit: position.account.limit,
    openBalance: position.openBalance,
    pendingOrders: position.pendingOrders,
    status: position.status,
    openInvoices,
    now: ctx.now(),
    thresholds: dealerThresholds({ defaults: ctx.thresholds, overdueBlockAfterDays: position.account.overdueBlockAfterDays }),
  });
}

/** What the dealer has to pay, by due day or week, over the next `horizonDays` (at most a year). */
export async function dueCalendarOf(
  ctx: CreditContext,
  dealerId: string,
  granularity: CalendarGranularity,
  horizonDays: number,
): Promise<DueCalendar> {
  const items = await ctx.loaders.openInvoicesByDealer.load(dealerId);
  return dueCalendar({
    items,
    now: ctx.now(),
    granularity,
    horizonDays: intInRange({ value: horizonDays, min: 1, max: 366, name: 'horizonDays' }),
  });
}
