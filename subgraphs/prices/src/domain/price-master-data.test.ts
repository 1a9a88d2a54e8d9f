import { describe, expect, it } from 'vitest';

import { checkTierRule, checkVolumeBreak, overlappingBreaks, type VolumeBreakData } from './price-master-data.js';

const vb = (minQuantity: number, maxQuantity: number | null): VolumeBreakData => ({ minQuantity, maxQuantity, discountBp: 0 });

describe('tier rules and volume breaks', () => {
  it('reads a tier discount as basis points, any case, with or without %', () => {
    expect(checkTierRule({ tier: 'gold', discountPercent: '15' })).toEqual({ ok: true, value: { tier: 'GOLD', discountBp: 1500 } });
    expect(checkTierRule({ tier: 'BRONZE', discountPercent: '7.5 %' })).toEqual({ ok: true, value: { tier: 'BRONZE', discountBp: 750 } });
  });

  it('refuses negative, malformed and absurd percentages and unknown tiers', () => {
    const codes = (input: Record<string, unknown>) => {
      const c = checkTierRule(input);
      return c.ok ? [] : c.problems.map((p) => p.code);
    };
    expect(codes({ tier: 'GOLD', discountPercent: '-1' })).toEqual(['INVALID_PERCENT']);
    expect(codes({ tier: 'GOLD', discountPercent: '12,5' })).toEqual(['INVALID_PERCENT']);
    expect(codes({ tier: 'GOLD', discountPercent: '90.01' })).toEqual(['ABSURD_DISCOUNT']);
    expect(codes({ tier: 'DIAMOND', discountPercent: '' })).toEqual(['INVALID_TIER', 'REQUIRED']);
  });

  it('checks a volume break alone: quantities from 1, max not below min', () => {
    expect(checkVolumeBreak({ minQuantity: '100', maxQuantity: '', discountPercent: '15' })).toEqual({
      ok: true,
      value: { minQuantity: 100, maxQuantity: null, discountBp: 1500 },
    });
    const c = checkVolumeBreak({ minQuantity: '0', maxQuantity: '5', discountPercent: '1' });
    expect(c.ok ? [] : c.problems.map((p) => p.code)).toEqual(['INVALID_QUANTITY']);
    const d = checkVolumeBreak({ minQuantity: '10', maxQuantity: '5', discountPercent: '1' });
    expect(d.ok ? [] : d.problems.map((p) => p.code)).toEqual(['INVALID_RANGE']);
  });

  it('finds every row of overlapping ranges; an open end overlaps everything after it', () => {
    expect([...overlappingBreaks([vb(1, 9), vb(10, 49), vb(50, null)])]).toEqual([]);
    expect([...overlappingBreaks([vb(1, 9), vb(5, 20), null, vb(30, null), vb(40, 50)])].sort()).toEqual([0, 1, 3, 4]);
    expect([...overlappingBreaks([vb(10, 10), vb(10, 20)])].sort()).toEqual([0, 1]);
  });
});
