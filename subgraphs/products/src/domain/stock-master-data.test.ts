import { describe, expect, it } from 'vitest';

import { checkInTransit, checkStockLevel, readEta } from './stock-master-data.js';

describe('stock and in-transit rows', () => {
  it('reads a stock count; the threshold is optional', () => {
    expect(checkStockLevel({ sku: ' A-1 ', warehouse: 'wh-north', onHand: '12', lowThreshold: '' })).toEqual({
      ok: true,
      value: { sku: 'A-1', warehouse: 'WH-NORTH', onHand: 12, lowThreshold: null },
    });
    expect(checkStockLevel({ sku: 'A', warehouse: 'W', onHand: '-1' })).toMatchObject({
      ok: false,
      problems: [{ code: 'INVALID_QUANTITY', field: 'onHand' }],
    });
    expect(checkStockLevel({ sku: '', warehouse: 'W', onHand: '2.5' })).toMatchObject({
      ok: false,
      problems: [{ code: 'REQUIRED' }, { code: 'INVALID_QUANTITY' }],
    });
  });

  it('reads a shipment; quantity 0 is allowed (it removes the shipment)', () => {
    expect(checkInTransit({ reference: 'ASN-1', sku: 'A', warehouse: 'w', quantity: '0', eta: '2027-01-15' })).toEqual({
      ok: true,
      value: { reference: 'ASN-1', sku: 'A', warehouse: 'W', quantity: 0, eta: '2027-01-15T00:00:00.000Z' },
    });
    expect(checkInTransit({ reference: 'ASN-1', sku: 'A', warehouse: 'W', quantity: '1', eta: 'soon' })).toMatchObject({
      ok: false,
      problems: [{ code: 'INVALID_DATE', field: 'eta' }],
    });
  });

  it('takes dates and instants, refuses days that do not exist', () => {
    expect(readEta('')).toBeNull();
    expect(readEta('2027-01-15T10:30:00+02:00')).toBe('2027-01-15T08:30:00.000Z');
    expect(readEta('2027-02-30')).toBeUndefined();
    expect(readEta('15.01.2027')).toBeUndefined();
  });
});
