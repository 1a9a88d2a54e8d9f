import { describe, expect, it } from 'vitest';

import { pickSpecialPrice, type SpecialPriceOffer } from './special-price-offer.js';

const offer = (id: string, unitPrice: number, remaining: number | null): SpecialPriceOffer => ({
  id,
  unitPrice,
  remaining,
  requestId: remaining === null ? null : `r-${id}`,
});

describe('pickSpecialPrice', () => {
  it('is null without offers', () => {
    expect(pickSpecialPrice({ offers: [], quantity: 1 })).toBeNull();
  });

  it('takes the lowest unit price', () => {
    expect(pickSpecialPrice({ offers: [offer('a', 900, null), offer('b', 800, null)], quantity: 3 })?.id).toBe('b');
  });

  it('takes a limited price only when the whole line fits in what is left', () => {
    const offers = [offer('agreement', 900, null), offer('granted', 700, 10)];
    expect(pickSpecialPrice({ offers, quantity: 10 })?.id).toBe('granted');
    expect(pickSpecialPrice({ offers, quantity: 11 })?.id).toBe('agreement');
    expect(pickSpecialPrice({ offers: [offer('granted', 700, 4)], quantity: 5 })).toBeNull();
  });

  it('never picks a used-up grant', () => {
    expect(pickSpecialPrice({ offers: [offer('granted', 700, 0)], quantity: 1 })).toBeNull();
  });

  it('prefers the agreement on a tie, then the smaller id', () => {
    expect(pickSpecialPrice({ offers: [offer('a', 700, 50), offer('z', 700, null)], quantity: 1 })?.id).toBe('z');
    expect(pickSpecialPrice({ offers: [offer('b', 700, 50), offer('a', 700, 50)], quantity: 1 })?.id).toBe('a');
  });
});
