import { describe, expect, it } from 'vitest';

import { priceMismatches } from './price-consistency.js';

const ordered = [
  { sku: 'A', quantity: 10, unitPrice: 1912 },
  { sku: 'B', quantity: 2, unitPrice: 500 },
];

describe('priceMismatches', () => {
  it('finds nothing when every invoiced line has the ordered price, whatever the quantity (partial shipment)', () => {
    expect(priceMismatches({ ordered, invoiced: [{ sku: 'A', quantity: 4, unitPrice: 1912 }] })).toEqual([]);
  });

  it('reports a price off by one cent and a SKU that was not ordered', () => {
    expect(
      priceMismatches({
        ordered,
        invoiced: [
          { sku: 'A', quantity: 10, unitPrice: 1913 },
          { sku: 'B', quantity: 2, unitPrice: 500 },
          { sku: 'C', quantity: 1, unitPrice: 99 },
        ],
      }),
    ).toEqual([
      { sku: 'A', kind: 'PRICE_DIFFERS', orderedUnitPrice: 1912, invoicedUnitPrice: 1913, invoicedQuantity: 10 },
      { sku: 'C', kind: 'NOT_ON_ORDER', orderedUnitPrice: null, invoicedUnitPrice: 99, invoicedQuantity: 1 },
    ]);
  });

  it('accepts either price of a SKU ordered on two lines at two prices', () => {
    const twice = [...ordered, { sku: 'A', quantity: 1, unitPrice: 0 }];
    expect(priceMismatches({ ordered: twice, invoiced: [{ sku: 'A', quantity: 1, unitPrice: 0 }] })).toEqual([]);
  });
});
