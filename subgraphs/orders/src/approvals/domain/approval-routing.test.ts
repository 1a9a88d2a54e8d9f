import { describe, expect, it } from 'vitest';

import {
  type ApprovalRuleRow,
  creditApprovalStep,
  DEMO_APPROVAL_RULES,
  routeOrder,
  type RoutingInput,
  type RoutingLine,
  SEEDED_APPROVAL_RULES,
} from './approval-routing.js';

const accept = { outcome: 'ACCEPT' as const, approvalLevel: null, reason: null };
const noMinimum = { minimumAmount: 0, belowMinimum: 'REFUSE' as const };
const input = (over: Partial<RoutingInput>): RoutingInput => ({
  total: 100_00,
  currency: 'USD',
  credit: accept,
  minimum: noMinimum,
  ...over,
});

describe('approval routing', () => {
  it('approves a routine order automatically', () => {
    expect(routeOrder(input({}))).toEqual({ outcome: 'AUTO_APPROVE', steps: [] });
    // Exactly 10,000.00 is not above it.
    expect(routeOrder(input({ total: 1_000_000 })).outcome).toBe('AUTO_APPROVE');
  });

  it('sends an order above 10,000.00 to a REGIONAL_MANAGER', () => {
    const decision = routeOrder(input({ total: 1_000_001 }));
    expect(decision.outcome).toBe('APPROVAL');
    if (decision.outcome !== 'APPROVAL') return;
    expect(decision.steps.map((s) => [s.level, s.role, s.rule])).toEqual([[2, 'REGIONAL_MANAGER', 'AMOUNT_OVER_10000']]);
  });

  it('sends an order above 50,000.00 to a SALES_DIRECTOR only (the higher amount rule replaces the lower)', () => {
    const decision = routeOrder(input({ total: 5_000_001 }));
    expect(decision.outcome === 'APPROVAL' && decision.steps.map((s) => s.role)).toEqual(['SALES_DIRECTOR']);
    expect(routeOrder(input({ total: 5_000_000 })).outcome === 'APPROVAL' && routeOrder(input({ total: 5_000_000 }))).toMatchObject({
      steps: [{ level: 2 }],
    });
  });

  it('routes a credit approval to FINANCE and chains it after the amount step', () => {
    const credit = { outcome: 'APPROVAL' as const, approvalLevel: 4, reason: 'Over the credit limit.' };
    expect(routeOrder(input({ credit }))).toMatchObject({
      outcome: 'APPROVAL',
      steps: [{ level: 4, role: 'FINANCE', reason: 'Over the credit limit.' }],
    });
    const chain = routeOrder(input({ credit, total: 2_000_000 }));
    expect(chain.outcome === 'APPROVAL' && chain.steps.map((s) => s.level)).toEqual([2, 4]);
  });

  it('refuses or routes an order below the minimum amount, as configured', () => {
    const refused = routeOrder(input({ total: 499_99, minimum: { minimumAmount: 500_00, belowMinimum: 'REFUSE' } }));
    expect(refused).toMatchObject({ outcome: 'REFUSE', code: 'BELOW_MINIMUM_ORDER' });
    expect(refused.outcome === 'REFUSE' && refused.message).toContain('0.01 USD more');
    const routed = routeOrder(input({ total: 499_99, minimum: { minimumAmount: 500_00, belowMinimum: 'APPROVAL' } }));
    expect(routed).toMatchObject({ outcome: 'APPROVAL', steps: [{ level: 1, role: 'SALES_REP', rule: 'BELOW_MINIMUM_ORDER' }] });
    expect(routeOrder(input({ total: 500_00, minimum: { minimumAmount: 500_00, belowMinimum: 'REFUSE' } })).outcome).toBe('AUTO_APPROVE');
  });

  it('takes its rules from the table it is given, and skips disabled ones', () => {
    const rule: ApprovalRuleRow = {
      name: 'ABOVE_ZERO',
      kind: 'ORDER_TOTAL_ABOVE',
      group: 'X',
      level: 5,
      parameters: { threshold: 0 },
      deadlineHours: 6,
      enabled: true,
    };
    expect(routeOrder(input({ rules: [rule] }))).toMatchObject({
      outcome: 'APPROVAL',
      steps: [{ level: 5, role: 'GENERAL_MANAGER', rule: 'ABOVE_ZERO', deadlineHours: 6 }],
    });
    expect(routeOrder(input({ rules: [{ ...rule, enabled: false }] })).outcome).toBe('AUTO_APPROVE');
    // A changed threshold is just data.
    const amount = SEEDED_APPROVAL_RULES.map((r) => (r.name === 'AMOUNT_OVER_10000' ? { ...r, parameters: { threshold: 500_00 } } : r));
    expect(routeOrder(input({ total: 600_00, rules: amount }))).toMatchObject({
      outcome: 'APPROVAL',
      steps: [{ level: 2, rule: 'AMOUNT_OVER_10000' }],
    });
  });

  it('keeps the demo rules behaviour with the whole seeded table', () => {
    const seeded = (over: Partial<RoutingInput>) =>
      routeOrder(
        input({ rules: SEEDED_APPROVAL_RULES, lines: [ordinary], dealer: { firstOrdersReviewed: true, previousOrders: 0 }, ...over }),
      );
    expect(seeded({}).outcome).toBe('AUTO_APPROVE');
    expect(seeded({ total: 1_000_000 }).outcome).toBe('AUTO_APPROVE');
    expect(seeded({ total: 1_000_001 })).toMatchObject({ steps: [{ level: 2, rule: 'AMOUNT_OVER_10000' }] });
    expect(seeded({ total: 5_000_001 })).toMatchObject({ steps: [{ level: 3, rule: 'AMOUNT_OVER_50000' }] });
    // A special price alone does not stop an order: that rule starts disabled (over-approval).
    expect(seeded({ lines: [{ ...ordinary, specialPrice: true, appliedRules: ['SPECIAL_PRICE'], discountBp: 3_000 }] }).outcome).toBe(
      'AUTO_APPROVE',
    );
  });
});

const ordinary: RoutingLine = { sku: 'A-1', specialPrice: false, appliedRules: ['TIER'], discountBp: 2_000, handling: [] };
const only = (name: string, over: Partial<ApprovalRuleRow> = {}) =>
  SEEDED_APPROVAL_RULES.filter((r) => r.name === name).map((r) => ({ ...r, enabled: true, ...over }));

describe('the rule kinds beyond the demo rules', () => {
  it('SPECIAL_PRICE fires for a line priced from a special price, once enabled', () => {
    const rules = only('SPECIAL_PRICE');
    expect(routeOrder(input({ rules, lines: [ordinary] })).outcome).toBe('AUTO_APPROVE');
    const decision = routeOrder(
      input({ rules, lines: [ordinary, { ...ordinary, sku: 'SP-9', specialPrice: true, appliedRules: ['SPECIAL_PRICE'] }] }),
    );
    expect(decision).toMatchObject({ outcome: 'APPROVAL', steps: [{ level: 1, role: 'SALES_REP', rule: 'SPECIAL_PRICE' }] });
    expect(decision.outcome === 'APPROVAL' && decision.steps[0].reason).toContain('SP-9');
    expect(
      routeOrder(input({ rules: only('SPECIAL_PRICE', { enabled: false }), lines: [{ ...ordinary, specialPrice: true }] })).outcome,
    ).toBe('AUTO_APPROVE');
  });

  it('SPECIAL_PRODUCT fires for the handling classes it names', () => {
    const rules = only('SPECIAL_PRODUCT');
    const hazardous = { ...ordinary, sku: 'HZ-1', handling: ['HAZARDOUS'] };
    expect(routeOrder(input({ rules, lines: [ordinary] })).outcome).toBe('AUTO_APPROVE');
    const decision = routeOrder(input({ rules, lines: [hazardous, { ...ordinary, sku: 'IM-1', handling: ['IMPORTED', 'HAZARDOUS'] }] }));
    expect(decision).toMatchObject({ outcome: 'APPROVAL', steps: [{ level: 1, rule: 'SPECIAL_PRODUCT' }] });
    expect(decision.outcome === 'APPROVAL' && decision.steps[0].reason).toContain('HAZARDOUS, IMPORTED');
    expect(routeOrder(input({ rules: only('SPECIAL_PRODUCT', { parameters: { handling: ['QUOTA'] } }), lines: [hazardous] })).outcome).toBe(
      'AUTO_APPROVE',
    );
  });

  it("NEW_DEALER_FIRST_ORDERS fires for a new dealer's first N orders only", () => {
    const rules = only('NEW_DEALER_FIRST_ORDERS', { parameters: { count: 2 } });
    const route = (dealer: RoutingInput['dealer']) => routeOrder(input({ rules, dealer })).outcome;
    expect(route({ firstOrdersReviewed: false, previousOrders: 0 })).toBe('APPROVAL');
    expect(route({ firstOrdersReviewed: false, previousOrders: 1 })).toBe('APPROVAL');
    expect(route({ firstOrdersReviewed: false, previousOrders: 2 })).toBe('AUTO_APPROVE');
    // The demo dealers (and every established dealer) are exempt; unknown history never fires.
    expect(route({ firstOrdersReviewed: true, previousOrders: 0 })).toBe('AUTO_APPROVE');
    expect(route(null)).toBe('AUTO_APPROVE');
  });

  it('NON_CAMPAIGN_DISCOUNT fires for a deep discount from outside tier, volume breaks and promotions', () => {
    const rules = only('NON_CAMPAIGN_DISCOUNT', { parameters: { discountBp: 3_000 } });
    const route = (line: RoutingLine) => routeOrder(input({ rules, lines: [line] }));
    // Standard terms and campaigns, however deep, do not fire.
    expect(route({ ...ordinary, appliedRules: ['TIER', 'VOLUME_BREAK', 'PROMOTION'], discountBp: 4_000 }).outcome).toBe('AUTO_APPROVE');
    // A special price within the threshold does not; beyond it, it does.
    expect(route({ ...ordinary, specialPrice: true, appliedRules: ['SPECIAL_PRICE'], discountBp: 3_000 }).outcome).toBe('AUTO_APPROVE');
    expect(route({ ...ordinary, specialPrice: true, appliedRules: ['SPECIAL_PRICE', 'VOLUME_BREAK'], discountBp: 3_001 })).toMatchObject({
      outcome: 'APPROVAL',
      steps: [{ level: 2, rule: 'NON_CAMPAIGN_DISCOUNT' }],
    });
  });

  it('does not ask again for a special price an approver granted through a special price request', () => {
    const granted: RoutingLine = { ...ordinary, specialPrice: true, appliedRules: ['SPECIAL_PRICE'], discountBp: 6_000, preApproved: true };
    const rules = [...only('SPECIAL_PRICE'), ...only('NON_CAMPAIGN_DISCOUNT')];
    expect(routeOrder(input({ rules, lines: [granted] })).outcome).toBe('AUTO_APPROVE');
    expect(routeOrder(input({ rules, lines: [{ ...granted, preApproved: false }] }))).toMatchObject({
      outcome: 'APPROVAL',
      steps: [{ rule: 'SPECIAL_PRICE' }, { rule: 'NON_CAMPAIGN_DISCOUNT' }],
    });
  });

  it('chains the groups that fire, lowest level first', () => {
    const rules = SEEDED_APPROVAL_RULES.map((r) => ({ ...r, enabled: true }));
    const decision = routeOrder(
      input({
        rules,
        total: 2_000_000,
        credit: { outcome: 'APPROVAL', approvalLevel: 4, reason: 'Over the limit.' },
        lines: [{ ...ordinary, handling: ['QUOTA'] }],
        dealer: { firstOrdersReviewed: false, previousOrders: 0 },
      }),
    );
    expect(decision.outcome === 'APPROVAL' && decision.steps.map((s) => [s.level, s.rule])).toEqual([
      [1, 'NEW_DEALER_FIRST_ORDERS'],
      [1, 'SPECIAL_PRODUCT'],
      [2, 'AMOUNT_OVER_10000'],
      [4, 'CREDIT_APPROVAL'],
    ]);
  });
});

describe('creditApprovalStep', () => {
  it("is the credit rule's step, at credit's level or the rule's, whichever is higher", () => {
    expect(creditApprovalStep({ approvalLevel: null, reason: null })).toEqual({
      level: 4,
      area: 'FINANCE',
      role: 'FINANCE',
      rule: 'CREDIT_APPROVAL',
      reason: 'Credit asks for an approval.',
      deadlineHours: null,
    });
    expect(creditApprovalStep({ approvalLevel: 5, reason: 'Over the limit.' })).toMatchObject({ level: 5, role: 'GENERAL_MANAGER' });
    expect(creditApprovalStep({ approvalLevel: 2, reason: null })).toMatchObject({ level: 4 });
  });

  it('takes the level of the stored credit rule', () => {
    const rules = DEMO_APPROVAL_RULES.map((r) => (r.kind === 'CREDIT_EXCEEDANCE' ? { ...r, level: 5 } : r));
    expect(creditApprovalStep({ approvalLevel: null, reason: null, rules })).toMatchObject({ level: 5, rule: 'CREDIT_APPROVAL' });
  });
});

describe('areas in routing', () => {
  it('puts credit steps in FINANCE and the other rules in SALES', () => {
    const decision = routeOrder(input({ total: 6_000_000, credit: { outcome: 'APPROVAL', approvalLevel: 4, reason: 'Over the limit.' } }));
    expect(decision.outcome === 'APPROVAL' && decision.steps.map((s) => [s.area, s.level, s.role])).toEqual([
      ['SALES', 3, 'SALES_DIRECTOR'],
      ['FINANCE', 4, 'FINANCE'],
    ]);
  });

  it("lifts a step to its area's ladder: credit asked at level 5 goes to the GENERAL_MANAGER, a SALES rule at level 4 too", () => {
    expect(creditApprovalStep({ approvalLevel: 5, reason: null })).toMatchObject({ area: 'FINANCE', level: 5, role: 'GENERAL_MANAGER' });
    const rules = DEMO_APPROVAL_RULES.map((r) => (r.name === 'AMOUNT_OVER_50000' ? { ...r, level: 4, area: 'SALES' as const } : r));
    const decision = routeOrder(input({ rules, total: 6_000_000 }));
    expect(decision.outcome === 'APPROVAL' && decision.steps.map((s) => [s.area, s.level])).toEqual([['SALES', 5]]);
  });

  it('follows a rule row that puts a sales rule in FINANCE (a rule may say so)', () => {
    const rules = DEMO_APPROVAL_RULES.map((r) => (r.name === 'AMOUNT_OVER_50000' ? { ...r, level: 4, area: 'FINANCE' as const } : r));
    const decision = routeOrder(input({ rules, total: 6_000_000 }));
    expect(decision.outcome === 'APPROVAL' && decision.steps.map((s) => [s.area, s.level, s.role])).toEqual([['FINANCE', 4, 'FINANCE']]);
  });
});
