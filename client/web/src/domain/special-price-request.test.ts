import { describe, expect, it } from 'vitest';

import { checkRequest, isDecimalAmount } from './special-price-request';

describe('special price request form', () => {
  it('gives the input to send, trimmed, with no price when none is asked', () => {
    expect(checkRequest({ sku: ' BRG-1 ', quantity: '200', wantedUnitPrice: '', reason: ' Tender ' })).toEqual({
      input: { sku: 'BRG-1', quantity: 200, wantedUnitPrice: null, reason: 'Tender' },
    });
    expect(checkRequest({ sku: 'A', quantity: '1', wantedUnitPrice: '12.5', reason: 'r' })).toEqual({
      input: { sku: 'A', quantity: 1, wantedUnitPrice: '12.5', reason: 'r' },
    });
  });

  it('names the problem of each field', () => {
    expect(checkRequest({ sku: ' ', quantity: '0', wantedUnitPrice: '1,5', reason: '' })).toEqual({
      problems: {
        sku: 'special.skuMissing',
        quantity: 'special.quantityInvalid',
        wantedUnitPrice: 'special.priceInvalid',
        reason: 'special.reasonMissing',
      },
    });
    expect(checkRequest({ sku: 'A', quantity: '2.5', wantedUnitPrice: '', reason: 'r' })).toEqual({
      problems: { quantity: 'special.quantityInvalid' },
    });
  });

  it('takes amounts as exact decimals with at most two fraction digits', () => {
    expect(['0', '12', '12.5', '12.50'].map(isDecimalAmount)).toEqual([true, true, true, true]);
    expect(['', '12.', '.5', '12.505', '-1', '1e3', '1,5'].map(isDecimalAmount)).toEqual([false, false, false, false, false, false, false]);
  });
});
