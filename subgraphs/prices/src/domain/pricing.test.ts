import { describe, expect, it } from 'vitest';

import { computePrice, InvalidQuantityError, matchingVolumeBreak, type PriceInput, volumeBreakOutlook } from './pricing.js';

/** The default volume breaks (1-9: 0 %, 10-49: 5 %, 50-99: 10 %, 100+: 15 %). */
const BREAKS = [
  { minQuantity: 1, maxQuantity: 9, discountBp: 0 },
  { minQuantity: 10, maxQuantity: 49, discountBp: 500 },
  { minQuantity: 50, maxQuantity: 99, discountBp: 1000 },
  { minQuantity: 100, maxQuantity: null, discountBp: 1500 },
];

/** List 100.00, PLATINUM (20 %), nothing else. */
const base: PriceInput = {
  listPrice: 10_000,
  currency: 'USD',
  tierDiscountBp: 2000,
  specialPrice: null,
  volumeBreaks: BREAKS,
  promotions: [],
  quantity: 1,
};

/** Independent reference: exact rational arithmetic with BigInt, half away from zero (all values >= 0). */
function off(minor: number, bp: number): number {
  const n = BigInt(minor) * BigInt(10_000 - bp);
  const q = n / 10_000n;
  const r = n % 10_000n;
  return Number(r * 2n >= 10_000n ? q + 1n : q);
}

describe('computePrice: each rule alone', () => {
  it('prices by list alone when nothing applies', () => {
    const p = computePrice({ ...base, tierDiscountBp: 0 });
    expect(p).toEqual({
      quantity: 1,
      currency: 'USD',
      listPrice: 10_000,
      unitPrice: 10_000,
      lineTotal: 10_000,
      discountBp: 0,
      appliedRules: [],
      steps: [],
    });
  });

  it('TIER: list minus the tier discount', () => {
    const p = computePrice(base);
    expect(p.unitPrice).toBe(8000);
    expect(p.lineTotal).toBe(8000);
    expect(p.discountBp).toBe(2000);
    expect(p.appliedRules).toEqual(['TIER']);
    expect(p.steps).toEqual([{ rule: 'TIER', label: 'Tier price: 20 % off list', unitPrice: 8000 }]);
  });

  it('SPECIAL_PRICE alone (no tier discount), when below list', () => {
    const p = computePrice({ ...base, tierDiscountBp: 0, specialPrice: 9000 });
    expect(p.unitPrice).toBe(9000);
    expect(p.appliedRules).toEqual(['SPECIAL_PRICE']);
    expect(p.steps).toEqual([{ rule: 'SPECIAL_PRICE', label: 'Special price agreed for your account', unitPrice: 9000 }]);
    expect(p.discountBp).toBe(1000);
  });

  it('VOLUME_BREAK alone (no tier discount)', () => {
    const p = computePrice({ ...base, tierDiscountBp: 0, quantity: 10 });
    expect(p.unitPrice).toBe(9500);
    expect(p.lineTotal).toBe(95_000);
    expect(p.appliedRules).toEqual(['VOLUME_BREAK']);
    expect(p.steps[0].label).toBe('Volume break 10-49 units: 5 % off');
  });

  it('PROMOTION alone (no tier discount)', () => {
    const p = computePrice({ ...base, tierDiscountBp: 0, promotions: [{ name: 'Clearance', discountBp: 1200 }] });
    expect(p.unitPrice).toBe(8800);
    expect(p.appliedRules).toEqual(['PROMOTION']);
    expect(p.steps).toEqual([{ rule: 'PROMOTION', label: 'Promotion "Clearance": 12 % off', unitPrice: 8800 }]);
  });
});

describe('computePrice: base = best of tier price and special price', () => {
  it('takes the special price when it is lower than the tier price', () => {
    const p = computePrice({ ...base, specialPrice: 7500 });
    expect(p.unitPrice).toBe(7500);
    expect(p.appliedRules).toEqual(['SPECIAL_PRICE']);
    expect(p.discountBp).toBe(2500);
  });

  it('keeps the tier price when the special price is higher', () => {
    const p = computePrice({ ...base, specialPrice: 8500 });
    expect(p.unitPrice).toBe(8000);
    expect(p.appliedRules).toEqual(['TIER']);
  });

  it('keeps the tier price on a tie (a special price only wins when strictly lower)', () => {
    const p = computePrice({ ...base, specialPrice: 8000 });
    expect(p.unitPrice).toBe(8000);
    expect(p.appliedRules).toEqual(['TIER']);
  });

  it('ignores a special price above list when there is no tier discount', () => {
    const p = computePrice({ ...base, tierDiscountBp: 0, specialPrice: 12_000 });
    expect(p.unitPrice).toBe(10_000);
    expect(p.appliedRules).toEqual([]);
  });

  it('accepts a special price of zero', () => {
    const p = computePrice({ ...base, specialPrice: 0, quantity: 3 });
    expect(p.unitPrice).toBe(0);
    expect(p.lineTotal).toBe(0);
    expect(p.discountBp).toBe(10_000);
    expect(p.appliedRules).toEqual(['SPECIAL_PRICE']);
  });
});

describe('computePrice: rules combined, in the documented order', () => {
  it('TIER, then VOLUME_BREAK on the tier price, then PROMOTION on the result', () => {
    const p = computePrice({ ...base, quantity: 50, promotions: [{ name: 'Quarter-End Deal', discountBp: 1000 }] });
    // 100.00 -20 % = 80.00; -10 % (50-99) = 72.00; -10 % promotion = 64.80
    expect(p.steps.map((s) => [s.rule, s.unitPrice])).toEqual([
      ['TIER', 8000],
      ['VOLUME_BREAK', 7200],
      ['PROMOTION', 6480],
    ]);
    expect(p.unitPrice).toBe(6480);
    expect(p.lineTotal).toBe(6480 * 50);
    expect(p.discountBp).toBe(3520);
    expect(p.appliedRules).toEqual(['TIER', 'VOLUME_BREAK', 'PROMOTION']);
  });

  it('SPECIAL_PRICE, then VOLUME_BREAK, then PROMOTION', () => {
    const p = computePrice({ ...base, specialPrice: 7000, quantity: 100, promotions: [{ name: 'P', discountBp: 500 }] });
    // 70.00 -15 % = 59.50; -5 % = 56.525 -> 56.53
    expect(p.steps.map((s) => [s.rule, s.unitPrice])).toEqual([
      ['SPECIAL_PRICE', 7000],
      ['VOLUME_BREAK', 5950],
      ['PROMOTION', 5653],
    ]);
    expect(p.lineTotal).toBe(565_300);
    expect(p.appliedRules).toEqual(['SPECIAL_PRICE', 'VOLUME_BREAK', 'PROMOTION']);
  });

  it('TIER and PROMOTION without a volume break at quantity 9', () => {
    const p = computePrice({ ...base, quantity: 9, promotions: [{ name: 'P', discountBp: 1500 }] });
    expect(p.appliedRules).toEqual(['TIER', 'PROMOTION']);
    expect(p.unitPrice).toBe(6800);
    expect(p.lineTotal).toBe(61_200);
  });

  it('applies only the best of several promotions', () => {
    const p = computePrice({
      ...base,
      promotions: [
        { name: 'Small', discountBp: 500 },
        { name: 'Big', discountBp: 2000 },
        { name: 'Mid', discountBp: 1000 },
      ],
    });
    expect(p.unitPrice).toBe(6400);
    expect(p.steps.at(-1)?.label).toBe('Promotion "Big": 20 % off');
    expect(p.appliedRules.filter((r) => r === 'PROMOTION')).toHaveLength(1);
  });

  it('skips a promotion of 0 %', () => {
    expect(computePrice({ ...base, promotions: [{ name: 'Zero', discountBp: 0 }] }).appliedRules).toEqual(['TIER']);
  });

  it('gives percent labels with fractions', () => {
    const p = computePrice({ ...base, tierDiscountBp: 1250, promotions: [{ name: 'Odd', discountBp: 750 }] });
    expect(p.steps.map((s) => s.label)).toEqual(['Tier price: 12.5 % off list', 'Promotion "Odd": 7.5 % off']);
    expect(p.steps.map((s) => s.unitPrice)).toEqual([8750, 8094]); // 8093.75 -> 8094
  });
});

describe('computePrice: volume break boundaries', () => {
  const cases: [number, number, string[]][] = [
    [1, 8000, ['TIER']],
    [9, 8000, ['TIER']],
    [10, 7600, ['TIER', 'VOLUME_BREAK']],
    [49, 7600, ['TIER', 'VOLUME_BREAK']],
    [50, 7200, ['TIER', 'VOLUME_BREAK']],
    [99, 7200, ['TIER', 'VOLUME_BREAK']],
    [100, 6800, ['TIER', 'VOLUME_BREAK']],
    [100_000, 6800, ['TIER', 'VOLUME_BREAK']],
  ];
  it.each(cases)('quantity %i -> unit price %i', (quantity, unitPrice, rules) => {
    const p = computePrice({ ...base, quantity });
    expect(p.unitPrice).toBe(unitPrice);
    expect(p.lineTotal).toBe(unitPrice * quantity);
    expect(p.appliedRules).toEqual(rules);
  });

  it('labels an open-ended break with "+"', () => {
    expect(computePrice({ ...base, quantity: 100 }).steps[1].label).toBe('Volume break 100+ units: 15 % off');
  });

  it('applies no break when none matches, and the largest when several overlap', () => {
    expect(computePrice({ ...base, volumeBreaks: [], quantity: 500 }).appliedRules).toEqual(['TIER']);
    expect(matchingVolumeBreak([{ minQuantity: 20, maxQuantity: 30, discountBp: 100 }], 10)).toBeNull();
    const overlap = [
      { minQuantity: 1, maxQuantity: null, discountBp: 300 },
      { minQuantity: 10, maxQuantity: 20, discountBp: 700 },
    ];
    expect(matchingVolumeBreak(overlap, 15)?.discountBp).toBe(700);
    expect(matchingVolumeBreak(overlap, 21)?.discountBp).toBe(300);
  });
});

describe('computePrice: rounding, once per step, half away from zero', () => {
  it('rounds a half cent up at the tier step', () => {
    // 0.10 - 15 % = 0.085 -> 0.09
    expect(computePrice({ ...base, listPrice: 10, tierDiscountBp: 1500 }).unitPrice).toBe(9);
  });

  it('rounds below a half cent down', () => {
    // 0.11 - 5 % = 0.1045 -> 0.10
    expect(computePrice({ ...base, listPrice: 11, tierDiscountBp: 500 }).unitPrice).toBe(10);
  });

  it('rounds a half cent up at the volume break step', () => {
    // 0.30 (no tier) - 5 % = 0.285 -> 0.29
    expect(computePrice({ ...base, listPrice: 30, tierDiscountBp: 0, quantity: 10 }).unitPrice).toBe(29);
  });

  it('rounds a half cent up at the promotion step', () => {
    // 0.05 - 10 % = 0.045 -> 0.05
    expect(computePrice({ ...base, listPrice: 5, tierDiscountBp: 0, promotions: [{ name: 'P', discountBp: 1000 }] }).unitPrice).toBe(5);
  });

  it('rounds each step, not the product of the discounts', () => {
    // 19.99: -20 % = 15.992 -> 15.99; -5 % = 15.1905 -> 15.19; -10 % = 13.671 -> 13.67
    const p = computePrice({ ...base, listPrice: 1999, quantity: 10, promotions: [{ name: 'P', discountBp: 1000 }] });
    expect(p.steps.map((s) => s.unitPrice)).toEqual([1599, 1519, 1367]);
    // 0.15: -15 % = 0.1275 -> 0.13, -5 % = 0.1235 -> 0.12; one rounding of 0.15 * 0.85 * 0.95 = 0.121125 would also give 0.12,
    // but 0.45 -15 % = 0.3825 -> 0.38, -15 % = 0.323 -> 0.32 while 0.45 * 0.85 * 0.85 = 0.325125 -> 0.33.
    const q = computePrice({ ...base, listPrice: 45, tierDiscountBp: 1500, quantity: 100 });
    expect(q.steps.map((s) => s.unitPrice)).toEqual([38, 32]);
  });

  it('rounds the discount against list to whole basis points', () => {
    // 19.99 -> 13.67: 31.615... % -> 3162 bp
    const p = computePrice({ ...base, listPrice: 1999, quantity: 10, promotions: [{ name: 'P', discountBp: 1000 }] });
    expect(p.discountBp).toBe(3162);
  });

  it('matches an independent exact computation over many inputs', () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      const listPrice = 1 + rand(2_000_000);
      const tierDiscountBp = [0, 500, 1000, 1500, 2000][rand(5)];
      const specialPrice = rand(3) === 0 ? off(listPrice, 1500 + rand(1500)) : null;
      const quantity = 1 + rand(150);
      const promo = rand(2) === 0 ? 100 * (5 + rand(16)) : 0;
      const p = computePrice({
        ...base,
        listPrice,
        tierDiscountBp,
        specialPrice,
        quantity,
        promotions: promo ? [{ name: 'P', discountBp: promo }] : [],
      });
      const tier = off(listPrice, tierDiscountBp);
      let expected = specialPrice !== null && specialPrice < tier ? specialPrice : tier;
      const vb = quantity >= 100 ? 1500 : quantity >= 50 ? 1000 : quantity >= 10 ? 500 : 0;
      expected = off(expected, vb);
      expected = off(expected, promo);
      expect(p.unitPrice).toBe(expected);
      expect(p.lineTotal).toBe(expected * quantity);
    }
  });
});

describe('computePrice: invalid input', () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses quantity %s with InvalidQuantityError', (quantity) => {
    let thrown: unknown;
    try {
      computePrice({ ...base, quantity });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidQuantityError);
    expect((thrown as InvalidQuantityError).code).toBe('INVALID_QUANTITY');
    expect((thrown as InvalidQuantityError).quantity).toBe(quantity);
  });

  it('refuses discounts outside 0-100 % and negative prices', () => {
    expect(() => computePrice({ ...base, tierDiscountBp: 10_001 })).toThrow(RangeError);
    expect(() => computePrice({ ...base, promotions: [{ name: 'P', discountBp: -1 }] })).toThrow(RangeError);
    expect(() => computePrice({ ...base, listPrice: -1 })).toThrow(RangeError);
    expect(() => computePrice({ ...base, specialPrice: 1.5 })).toThrow(RangeError);
  });
});

describe('volumeBreakOutlook', () => {
  const ladder = [
    { minQuantity: 1, maxQuantity: 9, discountBp: 0 },
    { minQuantity: 10, maxQuantity: 49, discountBp: 300 },
    { minQuantity: 50, maxQuantity: 99, discountBp: 500 },
    { minQuantity: 100, maxQuantity: null, discountBp: 800 },
  ];

  it('below every discount: no current break, the first discounted one next', () => {
    expect(volumeBreakOutlook({ volumeBreaks: ladder, quantity: 4 })).toEqual({
      current: null,
      next: { minQuantity: 10, maxQuantity: 49, discountBp: 300, quantityMore: 6 },
    });
  });

  it('on a break: that break now, the next larger discount next', () => {
    expect(volumeBreakOutlook({ volumeBreaks: ladder, quantity: 10 })).toEqual({
      current: { minQuantity: 10, maxQuantity: 49, discountBp: 300 },
      next: { minQuantity: 50, maxQuantity: 99, discountBp: 500, quantityMore: 40 },
    });
    expect(volumeBreakOutlook({ volumeBreaks: ladder, quantity: 99 }).next).toEqual({
      minQuantity: 100,
      maxQuantity: null,
      discountBp: 800,
      quantityMore: 1,
    });
  });

  it('on the top break: nothing next', () => {
    expect(volumeBreakOutlook({ volumeBreaks: ladder, quantity: 500 })).toEqual({
      current: { minQuantity: 100, maxQuantity: null, discountBp: 800 },
      next: null,
    });
  });

  it('skips breaks further up that give no more off, whatever their order in the list', () => {
    const odd = [
      { minQuantity: 200, maxQuantity: null, discountBp: 900 },
      { minQuantity: 20, maxQuantity: 99, discountBp: 200 },
      { minQuantity: 100, maxQuantity: 199, discountBp: 200 },
      { minQuantity: 1, maxQuantity: 19, discountBp: 400 },
    ];
    expect(volumeBreakOutlook({ volumeBreaks: odd, quantity: 5 })).toEqual({
      current: { minQuantity: 1, maxQuantity: 19, discountBp: 400 },
      next: { minQuantity: 200, maxQuantity: null, discountBp: 900, quantityMore: 195 },
    });
  });

  it('no breaks at all: nothing now, nothing next; an invalid quantity throws', () => {
    expect(volumeBreakOutlook({ volumeBreaks: [], quantity: 1 })).toEqual({ current: null, next: null });
    expect(() => volumeBreakOutlook({ volumeBreaks: ladder, quantity: 0 })).toThrow(InvalidQuantityError);
  });
});
