import { describe, expect, it } from 'vitest';

import { stockStatus, summarizeStock } from './stock.js';

describe('stockStatus', () => {
  it('is OUT at zero and below', () => {
    expect(stockStatus({ available: 0, lowThreshold: 10 })).toBe('OUT');
    expect(stockStatus({ available: -3, lowThreshold: 10 })).toBe('OUT');
  });
  it('is LOW from one unit up to the threshold, inclusive', () => {
    expect(stockStatus({ available: 1, lowThreshold: 10 })).toBe('LOW');
    expect(stockStatus({ available: 10, lowThreshold: 10 })).toBe('LOW');
  });
  it('is IN_STOCK above the threshold', () => {
    expect(stockStatus({ available: 11, lowThreshold: 10 })).toBe('IN_STOCK');
  });
  it('never reads LOW with a zero threshold', () => {
    expect(stockStatus({ available: 1, lowThreshold: 0 })).toBe('IN_STOCK');
    expect(stockStatus({ available: 0, lowThreshold: 0 })).toBe('OUT');
  });
});

describe('summarizeStock', () => {
  const row = (warehouseId: string, onHand: number, reserved: number, lowThreshold: number) => ({
    warehouseId,
    onHand,
    reserved,
    lowThreshold,
  });

  it('sums available and thresholds over warehouses', () => {
    const summary = summarizeStock({ levels: [row('n', 30, 5, 10), row('c', 8, 0, 10), row('s', 0, 0, 10)] });
    expect(summary).toEqual({
      available: 33,
      lowThreshold: 30,
      status: 'IN_STOCK',
      warehouses: [
        { warehouseId: 'n', available: 25, status: 'IN_STOCK' },
        { warehouseId: 'c', available: 8, status: 'LOW' },
        { warehouseId: 's', available: 0, status: 'OUT' },
      ],
    });
  });

  it('reads LOW when the total is at the summed threshold, although one warehouse alone is green', () => {
    const summary = summarizeStock({ levels: [row('n', 20, 0, 10), row('c', 0, 0, 10)] });
    expect(summary.available).toBe(20);
    expect(summary.status).toBe('LOW');
    expect(summary.warehouses.map((w) => w.status)).toEqual(['IN_STOCK', 'OUT']);
  });

  it('reads IN_STOCK one unit above the summed threshold', () => {
    expect(summarizeStock({ levels: [row('n', 21, 0, 10), row('c', 0, 0, 10)] }).status).toBe('IN_STOCK');
  });

  it('counts an oversold warehouse against the others and never shows a negative quantity', () => {
    const summary = summarizeStock({ levels: [row('n', 2, 7, 5), row('c', 4, 0, 5)] });
    expect(summary.available).toBe(0);
    expect(summary.status).toBe('OUT');
    expect(summary.warehouses).toEqual([
      { warehouseId: 'n', available: 0, status: 'OUT' },
      { warehouseId: 'c', available: 4, status: 'LOW' },
    ]);
  });

  it('subtracts reservations', () => {
    const summary = summarizeStock({ levels: [row('n', 50, 45, 3)] });
    expect(summary).toMatchObject({ available: 5, lowThreshold: 3, status: 'IN_STOCK' });
  });

  it('is OUT with no stock rows at all', () => {
    expect(summarizeStock({ levels: [] })).toEqual({ available: 0, lowThreshold: 0, status: 'OUT', warehouses: [] });
  });
});
