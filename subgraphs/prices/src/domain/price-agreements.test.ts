import { describe, expect, it } from 'vitest';

import { checkPromotion, checkSpecialPriceAgreement, overlappingRows, readValidity, windowsOverlap } from './price-agreements.js';

const codes = (checked: { ok: boolean; problems?: { code: string; field: string }[] }) =>
  checked.ok ? [] : checked.problems!.map((p) => [p.code, p.field]);

describe('readValidity', () => {
  it('reads a date as midnight UTC, and as an end the whole day; an instant as it is', () => {
    expect(readValidity('2027-03-01', false)?.toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(readValidity('2027-03-31', true)?.toISOString()).toBe('2027-04-01T00:00:00.000Z');
    expect(readValidity('2027-03-31T12:00:00+02:00', true)?.toISOString()).toBe('2027-03-31T10:00:00.000Z');
    expect(readValidity('', true)).toBeNull();
  });

  it('refuses what is not a real date, an instant without its offset, and years out of range', () => {
    for (const text of ['2027-02-30', '31.03.2027', '2027-03-31T12:00:00', '1999-12-31', 'tomorrow'])
      expect(readValidity(text, false), text).toBeUndefined();
  });
});

describe('windowsOverlap', () => {
  const at = (d: string) => new Date(`${d}T00:00:00Z`);
  it('treats the end as excluded and a missing end as forever', () => {
    expect(windowsOverlap({ from: at('2027-01-01'), to: at('2027-02-01') }, { from: at('2027-02-01'), to: null })).toBe(false);
    expect(windowsOverlap({ from: at('2027-01-01'), to: at('2027-02-02') }, { from: at('2027-02-01'), to: null })).toBe(true);
    expect(windowsOverlap({ from: at('2027-05-01'), to: null }, { from: at('2027-01-01'), to: null })).toBe(true);
  });

  it('finds every row of an overlapping pair within a group only', () => {
    const w = (from: string, to: string | null) => ({ from: at(from), to: to ? at(to) : null });
    expect(
      overlappingRows([
        { group: 'A', window: w('2027-01-01', '2027-02-01') },
        { group: 'A', window: w('2027-01-15', '2027-03-01') },
        { group: 'B', window: w('2027-01-15', '2027-03-01') },
        null,
        { group: 'A', window: w('2027-03-01', null) },
      ]),
    ).toEqual(new Set([0, 1]));
  });
});

describe('checkPromotion', () => {
  const good = { code: 'SPRING-27', name: 'Spring sale', discountPercent: '12.5', validFrom: '2027-03-01', validTo: '2027-03-31' };

  it('reads a campaign row', () => {
    expect(checkPromotion(good)).toEqual({
      ok: true,
      value: {
        code: 'SPRING-27',
        name: 'Spring sale',
        discountBp: 1250,
        validFrom: new Date('2027-03-01T00:00:00Z'),
        validTo: new Date('2027-04-01T00:00:00Z'),
      },
    });
  });

  it('gives each bad value its code', () => {
    expect(codes(checkPromotion({ ...good, code: 'spring sale' }))).toEqual([['INVALID_CODE', 'code']]);
    expect(codes(checkPromotion({ ...good, discountPercent: '0' }))).toEqual([['INVALID_PERCENT', 'discountPercent']]);
    expect(codes(checkPromotion({ ...good, discountPercent: '95' }))).toEqual([['ABSURD_DISCOUNT', 'discountPercent']]);
    expect(codes(checkPromotion({ ...good, validTo: '' }))).toEqual([['REQUIRED', 'validTo']]);
    expect(codes(checkPromotion({ ...good, validTo: '2027-02-30' }))).toEqual([['INVALID_DATE', 'validTo']]);
    expect(codes(checkPromotion({ ...good, validTo: '2027-02-01' }))).toEqual([['INVALID_VALIDITY', 'validTo']]);
    expect(codes(checkPromotion({ ...good, name: '' }))).toEqual([['REQUIRED', 'name']]);
  });
});

describe('checkSpecialPriceAgreement', () => {
  const good = { reference: 'SPA-1001', unitPrice: '19.90', currency: 'usd', validFrom: '2027-01-01', validTo: '' };

  it('reads an agreement without an end', () => {
    expect(checkSpecialPriceAgreement(good)).toEqual({
      ok: true,
      value: { reference: 'SPA-1001', unitPrice: 1990, currency: 'USD', validFrom: new Date('2027-01-01T00:00:00Z'), validTo: null },
    });
  });

  it('refuses a price that is not an amount, zero, absurd, a bad currency and a missing start', () => {
    expect(codes(checkSpecialPriceAgreement({ ...good, unitPrice: '19,90' }))).toEqual([['INVALID_AMOUNT', 'unitPrice']]);
    expect(codes(checkSpecialPriceAgreement({ ...good, unitPrice: '0' }))).toEqual([['INVALID_AMOUNT', 'unitPrice']]);
    expect(codes(checkSpecialPriceAgreement({ ...good, unitPrice: '-3.00' }))).toEqual([['INVALID_AMOUNT', 'unitPrice']]);
    expect(codes(checkSpecialPriceAgreement({ ...good, unitPrice: '12000000.00' }))).toEqual([['ABSURD_PRICE', 'unitPrice']]);
    expect(codes(checkSpecialPriceAgreement({ ...good, currency: 'US$' }))).toEqual([['INVALID_CURRENCY', 'currency']]);
    expect(codes(checkSpecialPriceAgreement({ ...good, validFrom: '' }))).toEqual([['REQUIRED', 'validFrom']]);
  });
});
