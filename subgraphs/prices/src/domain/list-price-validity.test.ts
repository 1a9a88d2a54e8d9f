import { describe, expect, it } from 'vitest';

import { type ListPriceWindow, planListPriceWindows, windowKey } from './list-price-validity.js';

const P = '00000000-0000-4000-8000-00000000000a';
const Q = '00000000-0000-4000-8000-00000000000b';
const w = (from: string, to: string | null, price = 1000, productId = P): ListPriceWindow => ({
  productId,
  validFrom: new Date(from),
  validTo: to ? new Date(to) : null,
  listPrice: price,
  currency: 'EUR',
});
const plan = (staged: ListPriceWindow[], stored: ListPriceWindow[] = []) =>
  staged.map((s) => planListPriceWindows({ staged, stored }).get(windowKey(s)));

describe('planListPriceWindows', () => {
  it('creates new windows, answers UNCHANGED for the same one and UPDATED for a new end or price', () => {
    const stored = [w('2027-01-01', '2027-02-01')];
    expect(plan([w('2027-02-01', '2027-03-01'), w('2027-03-01', null)], stored)).toEqual(['CREATED', 'CREATED']);
    expect(plan([w('2027-01-01', '2027-02-01')], stored)).toEqual(['UNCHANGED']);
    expect(plan([w('2027-01-01', '2027-01-15')], stored)).toEqual(['UPDATED']);
    expect(plan([w('2027-01-01', '2027-02-01', 1200)], stored)).toEqual(['UPDATED']);
  });

  it('refuses a window that overlaps a stored one or another of the file, of the same product only', () => {
    const stored = [w('2027-01-01', null)];
    expect(plan([w('2027-06-01', '2027-07-01')], stored)).toEqual(['OVERLAPPING_VALIDITY']);
    expect(plan([w('2027-06-01', '2027-07-01', 1000, Q)], stored)).toEqual(['CREATED']);
    expect(plan([w('2027-03-01', '2027-05-01'), w('2027-04-01', null)])).toEqual(['OVERLAPPING_VALIDITY', 'OVERLAPPING_VALIDITY']);
    // Touching ends do not overlap: [from, to) leaves to free.
    expect(plan([w('2027-03-01', '2027-04-01'), w('2027-04-01', null)])).toEqual(['CREATED', 'CREATED']);
  });

  it('counts a stored window the file re-times as replaced: ending it and adding the next in one file works', () => {
    const stored = [w('2027-01-01', null)];
    expect(plan([w('2027-01-01', '2027-06-01'), w('2027-06-01', null, 1100)], stored)).toEqual(['UPDATED', 'CREATED']);
  });
});
