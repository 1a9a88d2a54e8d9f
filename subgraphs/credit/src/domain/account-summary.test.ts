import { describe, expect, it } from 'vitest';

import { type AccountSummaryInput, summarizeAccount } from './account-summary.js';
import { DEFAULT_THRESHOLDS } from './credit.js';

const now = new Date('2026-11-01T10:00:00Z');
const dueDaysAgo = (days: number) => new Date(Date.UTC(2026, 10, 1 - days, 12));
const base: AccountSummaryInput = {
  limit: 100_000,
  openBalance: 0,
  pendingOrders: 0,
  status: 'OK',
  openInvoices: [],
  now,
  thresholds: DEFAULT_THRESHOLDS,
};

describe('summarizeAccount', () => {
  it('asks nothing of a healthy account and reports its utilisation', () => {
    const s = summarizeAccount({
      ...base,
      openBalance: 30_000,
      pendingOrders: 20_000,
      openInvoices: [{ outstanding: 30_000, dueAt: dueDaysAgo(-5) }],
    });
    expect(s).toMatchObject({ available: 50_000, utilisationBp: 5_000, action: 'NONE', actionAmount: 0, amountToGetUnderLimit: 0 });
  });

  it('a blocked dealer pays the invoices at or past the block age to unblock, more to clear the status', () => {
    const openInvoices = [
      { outstanding: 10_000, dueAt: dueDaysAgo(50) },
      { outstanding: 7_000, dueAt: dueDaysAgo(45) },
      { outstanding: 5_000, dueAt: dueDaysAgo(20) },
      { outstanding: 3_000, dueAt: dueDaysAgo(3) },
      { outstanding: 1_000, dueAt: dueDaysAgo(-10) },
    ];
    const s = summarizeAccount({ ...base, status: 'BLOCKED', openBalance: 26_000, openInvoices });
    expect(s.action).toBe('PAY_OVERDUE_TO_UNBLOCK');
    expect(s.amountToUnblock).toBe(17_000);
    expect(s.actionAmount).toBe(17_000);
    expect(s.amountToClearStatus).toBe(22_000);
  });

  it('restricted and warning accounts are told what lifts their status', () => {
    const openInvoices = [
      { outstanding: 4_000, dueAt: dueDaysAgo(31) },
      { outstanding: 2_000, dueAt: dueDaysAgo(16) },
    ];
    expect(summarizeAccount({ ...base, status: 'RESTRICTED', openBalance: 6_000, openInvoices })).toMatchObject({
      action: 'PAY_OVERDUE_TO_LIFT_RESTRICTION',
      actionAmount: 4_000,
      amountToUnblock: 0,
      amountToClearStatus: 6_000,
    });
    expect(summarizeAccount({ ...base, status: 'WARNING', openBalance: 2_000, openInvoices: openInvoices.slice(1) })).toMatchObject({
      action: 'PAY_OVERDUE_TO_CLEAR_WARNING',
      actionAmount: 2_000,
    });
  });

  it('an account over its limit is told the excess', () => {
    const s = summarizeAccount({ ...base, openBalance: 90_000, pendingOrders: 25_000 });
    expect(s).toMatchObject({
      available: -15_000,
      amountToGetUnderLimit: 15_000,
      action: 'PAY_TO_GET_UNDER_LIMIT',
      actionAmount: 15_000,
      utilisationBp: 11_500,
    });
  });

  it('a zero limit has no utilisation ratio', () => {
    expect(summarizeAccount({ ...base, limit: 0 }).utilisationBp).toBeNull();
  });
});
