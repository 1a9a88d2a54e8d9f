import { describe, expect, it } from 'vitest';

import { breakRows, nextBreak } from './volume-breaks';

// The demo's default breaks, given out of order and without upper bounds but the API's.
const BREAKS = [
  { minQuantity: 50, maxQuantity: 99, discountPercent: 10 },
  { minQuantity: 1, maxQuantity: 9, discountPercent: 0 },
  { minQuantity: 100, maxQuantity: null, discountPercent: 15 },
  { minQuantity: 10, discountPercent: 5 },
];

describe('volume break rows', () => {
  it('labels each break by its range, sorted, and marks the one a quantity falls in', () => {
    expect(breakRows(BREAKS, 60)).toEqual([
      { minQuantity: 1, range: '1–9', discountPercent: 0, current: false },
      { minQuantity: 10, range: '10–49', discountPercent: 5, current: false },
      { minQuantity: 50, range: '50–99', discountPercent: 10, current: true },
      { minQuantity: 100, range: '100+', discountPercent: 15, current: false },
    ]);
    expect(breakRows(BREAKS, 100).map((r) => r.current)).toEqual([false, false, false, true]);
    expect(breakRows([{ minQuantity: 5, maxQuantity: 5, discountPercent: 2 }], 5)).toEqual([
      { minQuantity: 5, range: '5', discountPercent: 2, current: true },
    ]);
  });

  it('names how many more pieces reach the next larger discount, and none past the last', () => {
    expect(nextBreak(BREAKS, 1)).toEqual({ missing: 9, discountPercent: 5 });
    expect(nextBreak(BREAKS, 49)).toEqual({ missing: 1, discountPercent: 10 });
    expect(nextBreak(BREAKS, 100)).toBeNull();
    expect(nextBreak([], 3)).toBeNull();
  });
});
