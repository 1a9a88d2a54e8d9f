import { describe, expect, it } from 'vitest';

import { approverLanes, escalationTarget, levelsOf, mayDecide, rungAtOrAbove, stepAreaOf, stepsDecidedBy } from './approval-areas.js';

const sales = (level: number) => ({ area: 'SALES' as const, level, dealerId: 'd1' });
const finance = (level: number) => ({ area: 'FINANCE' as const, level, dealerId: 'd1' });
const dealerStep = { area: 'DEALER' as const, level: 0, dealerId: 'd1' };
const role = (r: string) => ({ role: r });

describe('mayDecide', () => {
  it('lets a sales approver decide sales steps at their level or below, and no credit step', () => {
    expect(mayDecide({ approver: role('SALES_DIRECTOR'), step: sales(3) })).toBe(true);
    expect(mayDecide({ approver: role('SALES_DIRECTOR'), step: sales(2) })).toBe(true);
    expect(mayDecide({ approver: role('REGIONAL_MANAGER'), step: sales(3) })).toBe(false);
    expect(mayDecide({ approver: role('SALES_DIRECTOR'), step: finance(4) })).toBe(false);
  });

  it('lets FINANCE decide credit and payment steps, never a sales step by seniority', () => {
    expect(mayDecide({ approver: role('FINANCE'), step: finance(4) })).toBe(true);
    for (const level of [1, 2, 3]) expect(mayDecide({ approver: role('FINANCE'), step: sales(level) })).toBe(false);
    expect(mayDecide({ approver: role('FINANCE'), step: finance(5) })).toBe(false);
  });

  it('lets the GENERAL_MANAGER decide both areas, and nobody on staff a dealer step', () => {
    for (const step of [sales(1), sales(3), sales(5), finance(4), finance(5)])
      expect(mayDecide({ approver: role('GENERAL_MANAGER'), step })).toBe(true);
    for (const r of ['SALES_REP', 'REGIONAL_MANAGER', 'SALES_DIRECTOR', 'FINANCE', 'GENERAL_MANAGER', 'ADMIN'])
      expect(mayDecide({ approver: role(r), step: dealerStep })).toBe(false);
  });

  it("lets a DEALER_ADMIN decide their own dealer's step only, and nothing of the distributor's", () => {
    expect(mayDecide({ approver: { role: 'DEALER_ADMIN', dealerId: 'd1' }, step: dealerStep })).toBe(true);
    expect(mayDecide({ approver: { role: 'DEALER_ADMIN', dealerId: 'd2' }, step: dealerStep })).toBe(false);
    expect(mayDecide({ approver: { role: 'DEALER_ADMIN', dealerId: null }, step: dealerStep })).toBe(false);
    expect(mayDecide({ approver: { role: 'DEALER_ADMIN', dealerId: 'd1' }, step: sales(1) })).toBe(false);
    expect(mayDecide({ approver: { role: 'ORDER_ENTRY', dealerId: 'd1' }, step: dealerStep })).toBe(false);
  });

  it('gives ADMIN and the other dealer roles no lane', () => {
    for (const r of ['ADMIN', 'ORDER_ENTRY', 'VIEW_ONLY', 'nobody']) expect(approverLanes({ role: r, dealerId: 'd1' })).toEqual([]);
  });
});

describe('stepsDecidedBy', () => {
  it('counts the leading steps the approver may decide, stopping at the first of another area or above them', () => {
    expect(stepsDecidedBy({ approver: role('SALES_REP'), pending: [sales(2)] })).toBe(0);
    expect(stepsDecidedBy({ approver: role('REGIONAL_MANAGER'), pending: [sales(2), finance(4)] })).toBe(1);
    expect(stepsDecidedBy({ approver: role('SALES_DIRECTOR'), pending: [sales(2), sales(3)] })).toBe(2);
    expect(stepsDecidedBy({ approver: role('SALES_DIRECTOR'), pending: [sales(3), finance(4)] })).toBe(1);
    expect(stepsDecidedBy({ approver: role('FINANCE'), pending: [sales(3), finance(4)] })).toBe(0);
    expect(stepsDecidedBy({ approver: role('GENERAL_MANAGER'), pending: [sales(2), finance(4)] })).toBe(2);
    expect(stepsDecidedBy({ approver: role('GENERAL_MANAGER'), pending: [dealerStep, sales(2)] })).toBe(0);
    expect(stepsDecidedBy({ approver: { role: 'DEALER_ADMIN', dealerId: 'd1' }, pending: [dealerStep, sales(2)] })).toBe(1);
    expect(stepsDecidedBy({ approver: role('FINANCE'), pending: [] })).toBe(0);
  });
});

describe('escalationTarget', () => {
  it('climbs the sales ladder to the GENERAL_MANAGER, skipping FINANCE', () => {
    expect(escalationTarget({ area: 'SALES', level: 1 })).toEqual({ level: 2, role: 'REGIONAL_MANAGER' });
    expect(escalationTarget({ area: 'SALES', level: 2 })).toEqual({ level: 3, role: 'SALES_DIRECTOR' });
    expect(escalationTarget({ area: 'SALES', level: 3 })).toEqual({ level: 5, role: 'GENERAL_MANAGER' });
  });

  it('sends FINANCE to the GENERAL_MANAGER; nothing is above level 5 or a dealer step', () => {
    expect(escalationTarget({ area: 'FINANCE', level: 4 })).toEqual({ level: 5, role: 'GENERAL_MANAGER' });
    expect(escalationTarget({ area: 'SALES', level: 5 })).toBeNull();
    expect(escalationTarget({ area: 'FINANCE', level: 5 })).toBeNull();
    expect(escalationTarget({ area: 'DEALER', level: 0 })).toBeNull();
  });
});

describe('areas of old rows and rule levels', () => {
  it('reads a step stored without an area from its level', () => {
    expect(stepAreaOf({ level: 4 })).toBe('FINANCE');
    expect(stepAreaOf({ level: 3 })).toBe('SALES');
    expect(stepAreaOf({ area: 'DEALER', level: 0 })).toBe('DEALER');
    expect(stepAreaOf({ area: 'bogus', level: 5 })).toBe('SALES');
  });

  it("names each area's levels and lifts a level to the area's ladder", () => {
    expect(levelsOf('SALES')).toEqual([1, 2, 3, 5]);
    expect(levelsOf('FINANCE')).toEqual([4, 5]);
    expect(rungAtOrAbove({ area: 'FINANCE', level: 2 })).toEqual({ level: 4, role: 'FINANCE' });
    expect(rungAtOrAbove({ area: 'SALES', level: 4 })).toEqual({ level: 5, role: 'GENERAL_MANAGER' });
    expect(rungAtOrAbove({ area: 'SALES', level: 6 })).toBeNull();
  });
});
