import { describe, expect, it } from 'vitest';

import {
  ageingBuckets,
  assessCredit,
  blockThresholdProblem,
  type CreditInput,
  creditStatusFor,
  daysPastDue,
  dealerThresholds,
  DEFAULT_THRESHOLDS,
  invoiceStatus,
  thresholdsProblem,
} from './credit.js';

const now = new Date('2026-11-01T10:30:00Z');
/** An instant `days` calendar days before `now`'s day, at an arbitrary time of that day. */
const daysAgo = (days: number, time = '17:45:00') => {
  const d = new Date(Date.UTC(2026, 10, 1 - days));
  return new Date(`${d.toISOString().slice(0, 10)}T${time}Z`);
};

const base: CreditInput = {
  limit: 25_000_000,
  openBalance: 0,
  pendingOrders: 0,
  overdueAmount: 0,
  oldestOverdueDueAt: null,
  now,
  thresholds: DEFAULT_THRESHOLDS,
};

describe('daysPastDue', () => {
  it('counts calendar days in UTC, whatever the time of day', () => {
    expect(daysPastDue(daysAgo(0, '23:59:59'), now)).toBe(0);
    expect(daysPastDue(daysAgo(1, '23:59:59'), now)).toBe(1);
    expect(daysPastDue(daysAgo(1, '00:00:00'), now)).toBe(1);
    expect(daysPastDue(daysAgo(15, '00:00:00'), new Date('2026-11-01T00:00:00Z'))).toBe(15);
  });
  it('is 0 for a due date in the future', () => {
    expect(daysPastDue(new Date('2026-12-01T00:00:00Z'), now)).toBe(0);
  });
});

describe('assessCredit', () => {
  it('available = limit - (open balance + pending orders)', () => {
    const result = assessCredit({ ...base, limit: 1_000_000, openBalance: 300_000, pendingOrders: 250_050, overdueAmount: 0 });
    expect(result).toEqual({ available: 449_950, overdue: 0, oldestOverdueDays: 0, status: 'OK' });
  });

  it('goes negative when the dealer is over its limit', () => {
    const result = assessCredit({ ...base, limit: 100_000, openBalance: 90_000, pendingOrders: 30_001 });
    expect(result.available).toBe(-20_001);
    expect(result.status).toBe('OK');
  });

  it('passes the overdue amount through', () => {
    expect(assessCredit({ ...base, overdueAmount: 12_345, openBalance: 20_000, oldestOverdueDueAt: daysAgo(3) }).overdue).toBe(12_345);
  });

  it.each([
    [1, 'OK'],
    [14, 'OK'],
    [15, 'WARNING'],
    [29, 'WARNING'],
    [30, 'RESTRICTED'],
    [44, 'RESTRICTED'],
    [45, 'BLOCKED'],
    [120, 'BLOCKED'],
  ] as const)('an oldest overdue invoice %i days past due gives %s', (days, status) => {
    const result = assessCredit({ ...base, openBalance: 10_000, overdueAmount: 10_000, oldestOverdueDueAt: daysAgo(days) });
    expect(result.oldestOverdueDays).toBe(days);
    expect(result.status).toBe(status);
  });

  it('is OK with nothing overdue', () => {
    const result = assessCredit(base);
    expect(result.oldestOverdueDays).toBe(0);
    expect(result.status).toBe('OK');
  });

  it('uses the thresholds it is given', () => {
    const thresholds = { warningDays: 5, restrictedDays: 10, blockedDays: 20 };
    const at = (days: number) => assessCredit({ ...base, thresholds, oldestOverdueDueAt: daysAgo(days) }).status;
    expect([at(4), at(5), at(9), at(10), at(19), at(20)]).toEqual(['OK', 'WARNING', 'WARNING', 'RESTRICTED', 'RESTRICTED', 'BLOCKED']);
  });
});

describe('dealerThresholds', () => {
  const defaults = { warningDays: 15, restrictedDays: 30, blockedDays: 45 };

  it('keeps the graduated 15/30/45 default when the dealer sets no block threshold', () => {
    expect(dealerThresholds({ defaults, overdueBlockAfterDays: null })).toBe(defaults);
    expect([14, 15, 29, 30, 44, 45].map((d) => creditStatusFor(d, defaults))).toEqual([
      'OK',
      'WARNING',
      'WARNING',
      'RESTRICTED',
      'RESTRICTED',
      'BLOCKED',
    ]);
  });

  it("blocks when MORE than the dealer's days past due: 30 blocks on day 31, not on day 30", () => {
    const t = dealerThresholds({ defaults, overdueBlockAfterDays: 30 });
    expect(t).toEqual({ warningDays: 15, restrictedDays: 30, blockedDays: 31 });
    expect(creditStatusFor(30, t)).toBe('RESTRICTED');
    expect(creditStatusFor(31, t)).toBe('BLOCKED');
  });

  it('brings the lower ages down to a block threshold below them, and can block later than the default', () => {
    expect(dealerThresholds({ defaults, overdueBlockAfterDays: 10 })).toEqual({ warningDays: 11, restrictedDays: 11, blockedDays: 11 });
    const late = dealerThresholds({ defaults, overdueBlockAfterDays: 60 });
    expect([creditStatusFor(60, late), creditStatusFor(61, late)]).toEqual(['RESTRICTED', 'BLOCKED']);
    expect(thresholdsProblem(dealerThresholds({ defaults, overdueBlockAfterDays: 0 }))).toBeNull();
  });

  it('takes whole days from 0 to 365', () => {
    expect([0, 30, 365].map(blockThresholdProblem)).toEqual([null, null, null]);
    expect(blockThresholdProblem(-1)).toMatch(/0 to 365/);
    expect(blockThresholdProblem(1.5)).toMatch(/whole number/);
  });
});

describe('thresholdsProblem', () => {
  it('accepts the defaults and refuses unordered or non-positive thresholds', () => {
    expect(thresholdsProblem(DEFAULT_THRESHOLDS)).toBeNull();
    expect(thresholdsProblem({ warningDays: 30, restrictedDays: 15, blockedDays: 45 })).toMatch(/grow/);
    expect(thresholdsProblem({ warningDays: 0, restrictedDays: 15, blockedDays: 45 })).toMatch(/at least 1/);
  });
});

describe('invoiceStatus', () => {
  it('is PAID when fully paid, even long past due', () => {
    expect(invoiceStatus({ amount: 5_000, paidAmount: 5_000, dueAt: daysAgo(100), now })).toBe('PAID');
  });
  it('is OPEN until the due date has passed', () => {
    expect(invoiceStatus({ amount: 5_000, paidAmount: 0, dueAt: new Date('2026-11-20T00:00:00Z'), now })).toBe('OPEN');
    expect(invoiceStatus({ amount: 5_000, paidAmount: 0, dueAt: daysAgo(0, '00:00:01'), now })).toBe('OPEN');
  });
  it('is OVERDUE from the first day past due, also when partly paid', () => {
    expect(invoiceStatus({ amount: 5_000, paidAmount: 0, dueAt: daysAgo(1, '23:00:00'), now })).toBe('OVERDUE');
    expect(invoiceStatus({ amount: 5_000, paidAmount: 4_999, dueAt: daysAgo(40), now })).toBe('OVERDUE');
  });
});

describe('ageingBuckets', () => {
  it('puts each outstanding amount in the bucket of its days past due, bounds included', () => {
    const invoices = [
      { outstanding: 1, dueAt: new Date('2026-11-15T00:00:00Z') }, // not due yet
      { outstanding: 2, dueAt: daysAgo(0) }, // due today
      { outstanding: 10, dueAt: daysAgo(1) },
      { outstanding: 20, dueAt: daysAgo(30) },
      { outstanding: 100, dueAt: daysAgo(31) },
      { outstanding: 200, dueAt: daysAgo(60) },
      { outstanding: 1_000, dueAt: daysAgo(61) },
      { outstanding: 2_000, dueAt: daysAgo(90) },
      { outstanding: 10_000, dueAt: daysAgo(91) },
      { outstanding: 20_000, dueAt: daysAgo(400) },
      { outstanding: 0, dueAt: daysAgo(5) }, // paid: counts nowhere
    ];
    expect(ageingBuckets({ invoices, now })).toEqual({
      current: 3,
      days1to30: 30,
      days31to60: 300,
      days61to90: 3_000,
      over90: 30_000,
    });
  });
  it('is all zero without open invoices', () => {
    expect(ageingBuckets({ invoices: [], now })).toEqual({ current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 });
  });
});
