import { describe, expect, it } from 'vitest';

import { inLockOrder, mergeDemand, planReservation } from './stock-allocation.js';

const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const WA = '00000000-0000-4000-8000-0000000000aa';
const WB = '00000000-0000-4000-8000-0000000000bb';
const WC = '00000000-0000-4000-8000-0000000000cc';

describe('planReservation', () => {
  it('serves a line from the warehouse with the most available first', () => {
    const levels = [
      { productId: P1, warehouseId: WA, onHand: 10, reserved: 2 },
      { productId: P1, warehouseId: WB, onHand: 30, reserved: 0 },
    ];
    expect(planReservation({ lines: [{ productId: P1, quantity: 5 }], levels })).toEqual({
      ok: true,
      allocations: [{ productId: P1, warehouseId: WB, quantity: 5 }],
    });
  });

  it('splits over warehouses when one is not enough, sorted in lock order', () => {
    const levels = [
      { productId: P1, warehouseId: WA, onHand: 10, reserved: 2 },
      { productId: P1, warehouseId: WB, onHand: 30, reserved: 0 },
      { productId: P1, warehouseId: WC, onHand: 3, reserved: 0 },
    ];
    expect(planReservation({ lines: [{ productId: P1, quantity: 40 }], levels })).toEqual({
      ok: true,
      allocations: [
        { productId: P1, warehouseId: WA, quantity: 8 },
        { productId: P1, warehouseId: WB, quantity: 30 },
        { productId: P1, warehouseId: WC, quantity: 2 },
      ],
    });
  });

  it('breaks a tie of available units by the lower warehouse id, whatever the row order', () => {
    const levels = [
      { productId: P1, warehouseId: WB, onHand: 5, reserved: 0 },
      { productId: P1, warehouseId: WA, onHand: 5, reserved: 0 },
    ];
    expect(planReservation({ lines: [{ productId: P1, quantity: 3 }], levels })).toEqual({
      ok: true,
      allocations: [{ productId: P1, warehouseId: WA, quantity: 3 }],
    });
  });

  it('adds up lines of the same product and reserves the exact last unit', () => {
    const levels = [{ productId: P1, warehouseId: WA, onHand: 7, reserved: 2 }];
    expect(
      planReservation({
        lines: [
          { productId: P1, quantity: 3 },
          { productId: P1, quantity: 2 },
        ],
        levels,
      }),
    ).toEqual({
      ok: true,
      allocations: [{ productId: P1, warehouseId: WA, quantity: 5 }],
    });
    expect(
      planReservation({
        lines: [
          { productId: P1, quantity: 3 },
          { productId: P1, quantity: 3 },
        ],
        levels,
      }),
    ).toEqual({
      ok: false,
      shortages: [{ productId: P1, requested: 6, available: 5 }],
    });
  });

  it('plans nothing when any line is short and reports every short product', () => {
    const levels = [
      { productId: P1, warehouseId: WA, onHand: 100, reserved: 0 },
      { productId: P2, warehouseId: WA, onHand: 1, reserved: 0 },
    ];
    const unknown = '00000000-0000-4000-8000-000000000009';
    expect(
      planReservation({
        lines: [
          { productId: P1, quantity: 1 },
          { productId: P2, quantity: 2 },
          { productId: unknown, quantity: 1 },
        ],
        levels,
      }),
    ).toEqual({
      ok: false,
      shortages: [
        { productId: P2, requested: 2, available: 1 },
        { productId: unknown, requested: 1, available: 0 },
      ],
    });
  });

  it('never counts an oversold warehouse as stock, and reports what the catalog shows', () => {
    const levels = [
      { productId: P1, warehouseId: WA, onHand: 2, reserved: 5 },
      { productId: P1, warehouseId: WB, onHand: 4, reserved: 0 },
    ];
    // WB alone has 4, but the catalog shows 4 - 3 owed = 1 available: only that one can be promised.
    expect(planReservation({ lines: [{ productId: P1, quantity: 2 }], levels })).toEqual({
      ok: false,
      shortages: [{ productId: P1, requested: 2, available: 1 }],
    });
    expect(planReservation({ lines: [{ productId: P1, quantity: 1 }], levels })).toEqual({
      ok: true,
      allocations: [{ productId: P1, warehouseId: WB, quantity: 1 }],
    });
  });
});

describe('mergeDemand and inLockOrder', () => {
  it('merges by product in first-seen order', () => {
    expect(
      mergeDemand({
        lines: [
          { productId: P2, quantity: 1 },
          { productId: P1, quantity: 2 },
          { productId: P2, quantity: 3 },
        ],
      }),
    ).toEqual([
      { productId: P2, quantity: 4 },
      { productId: P1, quantity: 2 },
    ]);
  });

  it('sorts by product id, then warehouse id', () => {
    const rows = [
      { productId: P2, warehouseId: WA },
      { productId: P1, warehouseId: WB },
      { productId: P1, warehouseId: WA },
    ];
    expect(inLockOrder(rows)).toEqual([
      { productId: P1, warehouseId: WA },
      { productId: P1, warehouseId: WB },
      { productId: P2, warehouseId: WA },
    ]);
  });
});
