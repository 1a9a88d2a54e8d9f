import { describe, expect, it } from 'vitest';

import { decideOrderCredit, FINANCE_APPROVAL_LEVEL, linesThatFit, type OrderCreditInput } from './order-credit.js';

const ok: OrderCreditInput = {
  amount: 40_000,
  limit: 100_000,
  available: 50_000,
  status: 'OK',
  overdue: 0,
  oldestOverdueDays: 0,
  policy: 'HARD_BLOCK',
  currency: 'USD',
  approved: false,
};
const over = { ...ok, amount: 80_000 }; // 300.00 over the available 500.00
const POLICIES = ['HARD_BLOCK', 'SOFT_WARNING', 'ROUTE_TO_APPROVAL', 'PARTIAL_ORDER', 'PAYMENT_REQUIRED'] as const;

describe('decideOrderCredit: within the available credit', () => {
  it('accepts under every policy, to the last cent', () => {
    for (const policy of POLICIES) {
      expect(decideOrderCredit({ ...ok, policy })).toMatchObject({
        outcome: 'ACCEPT',
        code: null,
        reason: null,
        warning: null,
        shortfall: 0,
        amountToPay: 0,
        fitsAmount: 50_000,
      });
      expect(decideOrderCredit({ ...ok, amount: 50_000, policy }).outcome).toBe('ACCEPT');
    }
  });

  it('accepts with a warning when an invoice is past the warning threshold', () => {
    const d = decideOrderCredit({ ...ok, status: 'WARNING', overdue: 12_345, oldestOverdueDays: 20 });
    expect(d.outcome).toBe('ACCEPT');
    expect(d.warning).toBe('An invoice is 20 days past due (123.45 USD overdue). Pay it soon to keep ordering without restrictions.');
  });
});

describe('decideOrderCredit: beyond the available credit, by policy', () => {
  it('HARD_BLOCK refuses with CREDIT_LIMIT_EXCEEDED and says what fits', () => {
    expect(decideOrderCredit(over)).toEqual({
      outcome: 'REFUSE',
      code: 'CREDIT_LIMIT_EXCEEDED',
      reason:
        'This order (800.00 USD) exceeds your available credit (500.00 USD) by 300.00 USD. Reduce the order to at most 500.00 USD, or pay open invoices to free credit.',
      warning: null,
      policy: 'HARD_BLOCK',
      status: 'OK',
      limit: 100_000,
      available: 50_000,
      shortfall: 30_000,
      amountToPay: 0,
      fitsAmount: 50_000,
      approvalLevel: null,
      currency: 'USD',
      partialLines: [],
      partialAmount: 0,
    });
  });

  it('SOFT_WARNING warns and asks finance (level 4) to approve instead of placing it silently', () => {
    const d = decideOrderCredit({ ...over, policy: 'SOFT_WARNING' });
    expect(d).toMatchObject({ outcome: 'APPROVAL', code: 'CREDIT_LIMIT_EXCEEDED', approvalLevel: 4, shortfall: 30_000 });
    expect(d.warning).toBe(
      'This order (800.00 USD) exceeds your available credit (500.00 USD) by 300.00 USD. It waits for approval before it is placed on account; paying open invoices gets you back within your limit.',
    );
    expect(d.reason).toMatch(/waits for approval \(level 4\)/);
  });

  it('SOFT_WARNING routes to the configured approval level', () => {
    expect(decideOrderCredit({ ...over, policy: 'SOFT_WARNING', softWarningApprovalLevel: 2 })).toMatchObject({
      outcome: 'APPROVAL',
      approvalLevel: 2,
    });
  });

  it('ROUTE_TO_APPROVAL routes to finance (level 4)', () => {
    const d = decideOrderCredit({ ...over, policy: 'ROUTE_TO_APPROVAL' });
    expect(d).toMatchObject({
      outcome: 'APPROVAL',
      code: 'CREDIT_LIMIT_EXCEEDED',
      approvalLevel: FINANCE_APPROVAL_LEVEL,
      shortfall: 30_000,
    });
    expect(FINANCE_APPROVAL_LEVEL).toBe(4);
    expect(d.reason).toMatch(/goes to finance for approval/);
  });

  it('PARTIAL_ORDER without lines says how much of the order fits', () => {
    const d = decideOrderCredit({ ...over, policy: 'PARTIAL_ORDER' });
    expect(d).toMatchObject({ outcome: 'PARTIAL', code: 'CREDIT_LIMIT_EXCEEDED', fitsAmount: 50_000, amountToPay: 0, partialLines: [] });
    expect(d.reason).toMatch(/Only lines up to 500.00 USD fit/);
  });

  it("PARTIAL_ORDER takes the whole lines that fit, in the dealer's order, skipping one too large", () => {
    const d = decideOrderCredit({ ...over, policy: 'PARTIAL_ORDER', lines: [20_000, 35_000, 25_000] });
    expect(d).toMatchObject({ outcome: 'PARTIAL', partialLines: [0, 2], partialAmount: 45_000, fitsAmount: 50_000 });
    expect(d.reason).toBe(
      'This order (800.00 USD) exceeds your available credit (500.00 USD) by 300.00 USD. 2 lines (450.00 USD) fit and are placed; the other 1 stay for a later order.',
    );
  });

  it('PARTIAL_ORDER refuses when no whole line fits', () => {
    const d = decideOrderCredit({ ...over, amount: 110_001, policy: 'PARTIAL_ORDER', lines: [50_001, 60_000] });
    expect(d).toMatchObject({ outcome: 'REFUSE', code: 'CREDIT_LIMIT_EXCEEDED', partialLines: [] });
    expect(d.reason).toMatch(/No whole line fits within 500.00 USD/);
  });

  it('linesThatFit fills to the last cent and never beyond', () => {
    expect(linesThatFit({ lines: [10, 20, 30], fitsAmount: 30 })).toEqual({ indexes: [0, 1], amount: 30 });
    expect(linesThatFit({ lines: [31, 30], fitsAmount: 30 })).toEqual({ indexes: [1], amount: 30 });
    expect(linesThatFit({ lines: [10, 20], fitsAmount: 0 })).toEqual({ indexes: [], amount: 0 });
  });

  it('PAYMENT_REQUIRED states the down payment that makes it fit', () => {
    const d = decideOrderCredit({ ...over, policy: 'PAYMENT_REQUIRED' });
    expect(d).toMatchObject({ outcome: 'PAYMENT_REQUIRED', code: 'CREDIT_LIMIT_EXCEEDED', amountToPay: 30_000 });
    expect(d.reason).toMatch(/waits for a payment of 300.00 USD before it proceeds/);
  });

  it('the hard limit refuses what no approval may take, and leaves what fits below it to the policy', () => {
    // Limit 1,000.00 (available 500.00) and a hard limit of 1,200.00: 700.00 can be taken at most.
    const hard = { ...over, hardLimit: 120_000 };
    for (const policy of ['SOFT_WARNING', 'ROUTE_TO_APPROVAL'] as const) {
      const d = decideOrderCredit({ ...hard, policy });
      expect(d).toMatchObject({ outcome: 'REFUSE', code: 'CREDIT_LIMIT_EXCEEDED' });
      expect(d.reason).toMatch(/pass your hard credit limit \(1200.00 USD\).*at most 700.00 USD/);
      expect(decideOrderCredit({ ...hard, policy, approved: true }).outcome).toBe('REFUSE');
      expect(decideOrderCredit({ ...hard, policy, amount: 70_000 }).outcome).toBe('APPROVAL');
      expect(decideOrderCredit({ ...hard, policy, amount: 70_001 }).outcome).toBe('REFUSE');
    }
    expect(decideOrderCredit({ ...hard, policy: 'PAYMENT_REQUIRED' }).outcome).toBe('PAYMENT_REQUIRED');
    expect(decideOrderCredit({ ...hard, policy: 'PARTIAL_ORDER' }).outcome).toBe('PARTIAL');
  });

  it('counts an account already over its limit as no credit at all', () => {
    const d = decideOrderCredit({ ...ok, amount: 1_000, available: -5_000, policy: 'PAYMENT_REQUIRED' });
    expect(d).toMatchObject({ outcome: 'PAYMENT_REQUIRED', shortfall: 1_000, amountToPay: 1_000, fitsAmount: 0, available: -5_000 });
  });

  it('treats a dealer without an account as HARD_BLOCK with no credit', () => {
    const d = decideOrderCredit({ ...ok, amount: 100, limit: 0, available: 0, policy: null, currency: null });
    expect(d).toMatchObject({ outcome: 'REFUSE', code: 'CREDIT_LIMIT_EXCEEDED', policy: 'HARD_BLOCK', shortfall: 100 });
    expect(d.reason).toMatch(/^This order \(1.00\) exceeds your available credit \(0.00\)/);
  });
});

describe('decideOrderCredit: an approved exceedance', () => {
  it('is accepted with a warning under every policy but HARD_BLOCK (no hard limit)', () => {
    for (const policy of POLICIES.filter((p) => p !== 'HARD_BLOCK')) {
      const d = decideOrderCredit({ ...over, policy, approved: true });
      expect(d).toMatchObject({ outcome: 'ACCEPT', code: null, shortfall: 30_000 });
      expect(d.warning).toMatch(/Finance approved it beyond the limit/);
    }
  });

  it('does not move HARD_BLOCK', () => {
    expect(decideOrderCredit({ ...over, approved: true })).toMatchObject({ outcome: 'REFUSE', code: 'CREDIT_LIMIT_EXCEEDED' });
  });
});

describe('decideOrderCredit: overdue statuses', () => {
  const restricted = { ...ok, status: 'RESTRICTED' as const, overdue: 7_000, oldestOverdueDays: 31 };
  const blocked = { ...ok, status: 'BLOCKED' as const, overdue: 9_900, oldestOverdueDays: 46 };

  it('RESTRICTED routes every order to finance, even a small one under SOFT_WARNING', () => {
    for (const policy of POLICIES) {
      const d = decideOrderCredit({ ...restricted, amount: 100, policy });
      expect(d).toMatchObject({ outcome: 'APPROVAL', approvalLevel: 4, code: null, shortfall: 0 });
      expect(d.reason).toBe(
        'Your account is restricted: an invoice is 31 days past due, so every order waits for approval by finance. Paying the overdue 70.00 USD lifts the restriction.',
      );
    }
  });

  it('RESTRICTED and approved: the limit rules decide', () => {
    expect(decideOrderCredit({ ...restricted, approved: true }).outcome).toBe('ACCEPT');
    expect(decideOrderCredit({ ...restricted, amount: 80_000, approved: true }).outcome).toBe('REFUSE');
    expect(decideOrderCredit({ ...restricted, amount: 80_000, approved: true, policy: 'ROUTE_TO_APPROVAL' }).outcome).toBe('ACCEPT');
  });

  it('BLOCKED refuses everything with CREDIT_BLOCKED_OVERDUE and the overdue amount to pay, approved or not', () => {
    for (const policy of POLICIES) {
      for (const approved of [false, true]) {
        const d = decideOrderCredit({ ...blocked, amount: 1, policy, approved });
        expect(d).toMatchObject({ outcome: 'REFUSE', code: 'CREDIT_BLOCKED_OVERDUE', amountToPay: 9_900 });
        expect(d.reason).toBe('Ordering on account is blocked: an invoice is 46 days past due. Pay the overdue 99.00 USD to order again.');
      }
    }
  });

  it('refuses an amount that is not positive whole cents', () => {
    expect(() => decideOrderCredit({ ...ok, amount: 0 })).toThrow(RangeError);
    expect(() => decideOrderCredit({ ...ok, amount: 1.5 })).toThrow(RangeError);
    expect(() => decideOrderCredit({ ...ok, amount: 2 ** 53 })).toThrow(RangeError);
  });
});
