import { describe, expect, it } from 'vitest';

import { routeOrder } from './approval-routing.js';
import { spendingLimitProblems, spendingLimitReason } from './spending-limit.js';

const base = { currency: 'USD', monthSpent: 0 };

describe('spendingLimitReason', () => {
  it('lets an order up to the per-order limit through; above it, the dealer decides', () => {
    expect(spendingLimitReason({ ...base, limits: { perOrder: 10_000, monthly: null }, total: 10_000 })).toBeNull();
    expect(spendingLimitReason({ ...base, limits: { perOrder: 10_000, monthly: null }, total: 10_001 })).toMatch(
      /100\.01 USD is above the user's per-order limit of 100\.00 USD/,
    );
  });

  it("counts the month's other orders against the monthly limit", () => {
    const limits = { perOrder: null, monthly: 50_000 };
    expect(spendingLimitReason({ ...base, limits, monthSpent: 40_000, total: 10_000 })).toBeNull();
    expect(spendingLimitReason({ ...base, limits, monthSpent: 40_000, total: 10_001 })).toMatch(/monthly limit of 500\.00 USD/);
  });

  it('names both when both are passed, and nothing without limits', () => {
    const both = spendingLimitReason({ ...base, limits: { perOrder: 100, monthly: 100 }, total: 200 });
    expect(both).toMatch(/per-order limit .*; with .* monthly limit/);
    expect(spendingLimitReason({ ...base, limits: { perOrder: null, monthly: null }, total: 10 ** 9 })).toBeNull();
  });
});

describe('spendingLimitProblems', () => {
  it('refuses negative, huge and a per-order limit above the monthly one', () => {
    expect(spendingLimitProblems({ perOrder: 0, monthly: null })).toEqual([]);
    expect(spendingLimitProblems({ perOrder: -1, monthly: null }).map((p) => p.field)).toEqual([['input', 'perOrderLimit']]);
    expect(spendingLimitProblems({ perOrder: null, monthly: 10 ** 11 }).map((p) => p.field)).toEqual([['input', 'monthlyLimit']]);
    expect(spendingLimitProblems({ perOrder: 200, monthly: 100 }).map((p) => p.code)).toEqual(['INVALID_AMOUNT']);
  });
});

describe('routing with a spending limit', () => {
  const input = { currency: 'USD', credit: { outcome: 'ACCEPT' as const, approvalLevel: null, reason: null } };
  const minimum = { minimumAmount: 0, belowMinimum: 'REFUSE' as const };

  it("puts the dealer's own step before the distributor's", () => {
    const decision = routeOrder({
      ...input,
      minimum,
      total: 2_000_000,
      spending: { limits: { perOrder: 100_000, monthly: null }, monthSpent: 0 },
    });
    expect(decision.outcome === 'APPROVAL' && decision.steps.map((s) => [s.area, s.level, s.role, s.rule])).toEqual([
      ['DEALER', 0, 'DEALER_ADMIN', 'SPENDING_LIMIT'],
      ['SALES', 2, 'REGIONAL_MANAGER', 'AMOUNT_OVER_10000'],
    ]);
  });

  it('makes an order that no rule stops wait for the dealer alone; within the limit it is approved automatically', () => {
    const over = routeOrder({ ...input, minimum, total: 20_000, spending: { limits: { perOrder: 10_000, monthly: null }, monthSpent: 0 } });
    expect(over.outcome === 'APPROVAL' && over.steps.map((s) => s.area)).toEqual(['DEALER']);
    const within = routeOrder({
      ...input,
      minimum,
      total: 5_000,
      spending: { limits: { perOrder: 10_000, monthly: null }, monthSpent: 0 },
    });
    expect(within.outcome).toBe('AUTO_APPROVE');
  });
});
