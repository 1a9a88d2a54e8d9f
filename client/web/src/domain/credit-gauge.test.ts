import { describe, expect, it } from 'vitest';

import { creditGauge } from './credit-gauge';

describe('creditGauge', () => {
  it('splits the used part of the limit into open balance and approved orders', () => {
    expect(creditGauge({ limit: '10000.00', openBalance: '2500.00', pendingOrders: '1000.50', available: '6499.50' })).toEqual({
      balancePercent: 25,
      pendingPercent: 10,
      usedPercent: 35,
      over: false,
    });
  });

  it('caps at the limit and says when more than the limit is used', () => {
    expect(creditGauge({ limit: '1000.00', openBalance: '900.00', pendingOrders: '300.00', available: '-200.00' })).toEqual({
      balancePercent: 90,
      pendingPercent: 10,
      usedPercent: 100,
      over: true,
    });
  });

  it('handles a zero limit and a credit balance', () => {
    expect(creditGauge({ limit: '0.00', openBalance: '0.00', pendingOrders: '0.00', available: '0.00' }).usedPercent).toBe(0);
    expect(creditGauge({ limit: '100.00', openBalance: '-20.00', pendingOrders: '10.00', available: '110.00' }).usedPercent).toBe(0);
  });
});
