import { describe, expect, it } from 'vitest';
import { routeOrder, stepsDecidedBy, type RoutingInput } from './approval-routing.js';

const accept = { outcome: 'ACCEPT' as const, approvalLevel: null, reason: null };
const noMinimum = { minimumAmount: 0, belowMinimum: 'REFUSE' as const };
const input = (over: Partial<RoutingInput>): RoutingInput => ({ total: 100_00, currency: 'USD', credit: accept, minimum: noMinimum, ...over });

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
    expect(routeOrder(input({ total: 5_000_000 })).outcome === 'APPROVAL' && routeOrder(input({ total: 5_000_000 }))).toMatchObject({ steps: [{ level: 2 }] });
  });

  it('routes a credit approval to FINANCE and chains it after the amount step', () => {
    const credit = { outcome: 'APPROVAL' as const, approvalLevel: 4, reason: 'Over the credit limit.' };
    expect(routeOrder(input({ credit }))).toMatchObject({ outcome: 'APPROVAL', steps: [{ level: 4, role: 'FINANCE', reason: 'Over the credit limit.' }] });
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

  it('takes its rules from the table it is given', () => {
    const rules = [{ name: 'ALWAYS', group: 'X', step: () => ({ level: 5, reason: 'always' }) }];
    expect(routeOrder(input({ rules }))).toMatchObject({ outcome: 'APPROVAL', steps: [{ level: 5, role: 'GENERAL_MANAGER' }] });
  });
});

describe('who decides which steps', () => {
  it('an approver decides every leading step at their level or below, never a higher one', () => {
    expect(stepsDecidedBy({ approverLevel: 1, pendingLevels: [2] })).toBe(0);
    expect(stepsDecidedBy({ approverLevel: 2, pendingLevels: [2, 4] })).toBe(1);
    expect(stepsDecidedBy({ approverLevel: 3, pendingLevels: [2, 3] })).toBe(2);
    expect(stepsDecidedBy({ approverLevel: 5, pendingLevels: [2, 4] })).toBe(2);
    expect(stepsDecidedBy({ approverLevel: 0, pendingLevels: [1] })).toBe(0);
    expect(stepsDecidedBy({ approverLevel: 4, pendingLevels: [] })).toBe(0);
  });
});
