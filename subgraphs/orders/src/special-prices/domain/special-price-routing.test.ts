import { describe, expect, it } from 'vitest';

import { grantedValidTo, routeSpecialPrice, termsProblems } from './special-price-routing.js';

const now = new Date('2026-11-30T08:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe('routeSpecialPrice', () => {
  it('sends an offer request to a SALES_REP', () => {
    expect(routeSpecialPrice({ currentUnitPrice: 10_000, unitPrice: null, quantity: 5 })).toMatchObject({
      level: 1,
      role: 'SALES_REP',
      rule: 'PRICE_OFFER_REQUESTED',
    });
  });

  it.each([
    [9_500, 1, 'SALES_REP', 'DISCOUNT_UP_TO_5_PERCENT'],
    [9_499, 2, 'REGIONAL_MANAGER', 'DISCOUNT_UP_TO_15_PERCENT'],
    [8_500, 2, 'REGIONAL_MANAGER', 'DISCOUNT_UP_TO_15_PERCENT'],
    [8_499, 3, 'SALES_DIRECTOR', 'DISCOUNT_UP_TO_30_PERCENT'],
    [7_000, 3, 'SALES_DIRECTOR', 'DISCOUNT_UP_TO_30_PERCENT'],
    [6_999, 5, 'GENERAL_MANAGER', 'DISCOUNT_OVER_30_PERCENT'],
  ])('routes %i against 100.00 (one unit) to level %i', (unitPrice, level, role, rule) => {
    expect(routeSpecialPrice({ currentUnitPrice: 10_000, unitPrice, quantity: 1 })).toMatchObject({ level, role, rule });
  });

  it('raises the level by the money given away over the quantity', () => {
    // 5 % off 100.00 is level 1; 5.00 x 201 units = 1,005.00 given away: level 2.
    expect(routeSpecialPrice({ currentUnitPrice: 10_000, unitPrice: 9_500, quantity: 200 })).toMatchObject({
      level: 1,
      concession: 100_000,
    });
    expect(routeSpecialPrice({ currentUnitPrice: 10_000, unitPrice: 9_500, quantity: 201 })).toMatchObject({
      level: 2,
      rule: 'CONCESSION_OVER_1000',
      concession: 100_500,
    });
    expect(routeSpecialPrice({ currentUnitPrice: 10_000, unitPrice: 9_500, quantity: 2_001 })).toMatchObject({
      level: 3,
      rule: 'CONCESSION_OVER_10000',
    });
    // A deeper discount keeps its own higher level.
    expect(routeSpecialPrice({ currentUnitPrice: 10_000, unitPrice: 5_000, quantity: 10_000 }).level).toBe(5);
  });

  it('reports the discount in basis points', () => {
    expect(routeSpecialPrice({ currentUnitPrice: 2_000, unitPrice: 1_800, quantity: 3 })).toMatchObject({
      discountBp: 1000,
      concession: 600,
    });
  });
});

describe('termsProblems', () => {
  const ok = { currentUnitPrice: 10_000, unitPrice: 9_000, quantity: 10, validTo: days(30), now };

  it('accepts sound terms, with or without a price or an end', () => {
    expect(termsProblems(ok)).toEqual([]);
    expect(termsProblems({ ...ok, unitPrice: null, validTo: null })).toEqual([]);
  });

  it('refuses quantities that are not whole numbers from 1 to 100,000', () => {
    for (const quantity of [0, -1, 1.5, 100_001])
      expect(termsProblems({ ...ok, quantity }).map((p) => p.code)).toEqual(['INVALID_QUANTITY']);
  });

  it('refuses a price that is not above zero and below the current price', () => {
    for (const unitPrice of [0, -5, 10_000, 12_000]) expect(termsProblems({ ...ok, unitPrice }).map((p) => p.field)).toEqual(['unitPrice']);
  });

  it('refuses an end in the past or further than a year and a day', () => {
    expect(termsProblems({ ...ok, validTo: now })[0]?.code).toBe('INVALID_VALIDITY');
    expect(termsProblems({ ...ok, validTo: days(367) })[0]?.code).toBe('INVALID_VALIDITY');
    expect(termsProblems({ ...ok, validTo: days(366) })).toEqual([]);
  });
});

describe('grantedValidTo', () => {
  it("takes the approver's end, else the dealer's, else 90 days", () => {
    expect(grantedValidTo({ approverValidTo: days(10), dealerValidTo: days(20), now })).toEqual(days(10));
    expect(grantedValidTo({ approverValidTo: null, dealerValidTo: days(20), now })).toEqual(days(20));
    expect(grantedValidTo({ approverValidTo: null, dealerValidTo: null, now })).toEqual(days(90));
  });
});
