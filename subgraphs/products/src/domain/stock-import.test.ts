import { describe, expect, it } from 'vitest';

import { checkStockImport } from './stock-import.js';

const productIdBySku = new Map([
  ['BRG-000001', 'p1'],
  ['SEA-000002', 'p2'],
]);
const warehouseIdByCode = new Map([
  ['WH-NORTH', 'w1'],
  ['WH-SOUTH', 'w2'],
]);
const check = (rows: Parameters<typeof checkStockImport>[0]['rows']) => checkStockImport({ rows, productIdBySku, warehouseIdByCode });

describe('checkStockImport', () => {
  it('maps good rows to ids, trimming the sku and reading the warehouse code in any case', () => {
    expect(
      check([
        { sku: ' BRG-000001 ', warehouseCode: 'wh-north', onHand: 12 },
        { sku: 'SEA-000002', warehouseCode: 'WH-SOUTH', onHand: 0, lowThreshold: 5 },
      ]),
    ).toEqual({
      ok: true,
      rows: [
        { productId: 'p1', warehouseId: 'w1', onHand: 12, lowThreshold: null },
        { productId: 'p2', warehouseId: 'w2', onHand: 0, lowThreshold: 5 },
      ],
    });
  });

  it('reports every bad row, with its index and field, and keeps none', () => {
    const result = check([
      { sku: 'BRG-000001', warehouseCode: 'WH-NORTH', onHand: 1 },
      { sku: 'NOPE', warehouseCode: 'WH-EAST', onHand: -1 },
      { sku: 'SEA-000002', warehouseCode: 'WH-SOUTH', onHand: 2.5, lowThreshold: -3 },
      { sku: 'BRG-000001', warehouseCode: 'wh-north', onHand: 4 },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        { code: 'UNKNOWN_SKU', message: expect.any(String), row: 1, field: 'sku' },
        { code: 'UNKNOWN_WAREHOUSE', message: expect.any(String), row: 1, field: 'warehouseCode' },
        { code: 'INVALID_QUANTITY', message: expect.any(String), row: 1, field: 'onHand' },
        { code: 'INVALID_QUANTITY', message: expect.any(String), row: 2, field: 'onHand' },
        { code: 'INVALID_QUANTITY', message: expect.any(String), row: 2, field: 'lowThreshold' },
        { code: 'DUPLICATE', message: expect.any(String), row: 3, field: 'sku' },
      ],
    });
  });

  it('accepts an empty import as nothing to do', () => {
    expect(check([])).toEqual({ ok: true, rows: [] });
  });
});
