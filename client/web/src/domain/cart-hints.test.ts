import { describe, expect, it } from 'vitest';

import { canPlaceOrder, creditNotice, lineHints } from './cart-hints';

const line = { orderable: true, problem: null, priceChanged: false, volumeBreakHint: null, stockStatus: 'IN_STOCK' };

describe('cart hints', () => {
  it('a plain line has none; each fact adds its hint, most urgent first', () => {
    expect(lineHints(line)).toEqual([]);
    expect(
      lineHints({ ...line, priceChanged: true, volumeBreakHint: 'Order 5 more for 10 % off', stockStatus: 'LOW' }).map((h) => h.kind),
    ).toEqual(['PRICE_CHANGED', 'LOW_STOCK', 'VOLUME_BREAK']);
    expect(lineHints({ ...line, stockStatus: 'OUT' })).toEqual([{ kind: 'OUT_OF_STOCK', tone: 'danger' }]);
  });

  it('a line that cannot be ordered says only that (and a changed price), not stock or volume breaks', () => {
    expect(
      lineHints({ ...line, orderable: false, priceChanged: true, volumeBreakHint: 'x', stockStatus: 'OUT' }).map((h) => h.kind),
    ).toEqual(['NOT_ORDERABLE', 'PRICE_CHANGED']);
  });

  it('reads the credit preview outcome', () => {
    expect(creditNotice(null)).toBeNull();
    expect(creditNotice({ outcome: 'ACCEPT' })?.kind).toBe('OK');
    expect(creditNotice({ outcome: 'ACCEPT', warning: 'Near your limit' })?.kind).toBe('WARNING');
    expect(creditNotice({ outcome: 'APPROVAL' })?.kind).toBe('APPROVAL');
    expect(creditNotice({ outcome: 'PARTIAL' })?.kind).toBe('WARNING');
    expect(creditNotice({ outcome: 'PAYMENT_REQUIRED' })?.kind).toBe('WARNING');
    expect(creditNotice({ outcome: 'REFUSE' })).toEqual({ kind: 'BLOCKED', tone: 'danger' });
  });

  it('lets an ordering role place a cart whose lines are all orderable', () => {
    expect(canPlaceOrder([line], 'ORDER_ENTRY')).toBe(true);
    expect(canPlaceOrder([line], 'VIEW_ONLY')).toBe(false);
    expect(canPlaceOrder([], 'DEALER_ADMIN')).toBe(false);
    expect(canPlaceOrder([line, { ...line, orderable: false }], 'DEALER_ADMIN')).toBe(false);
  });
});
