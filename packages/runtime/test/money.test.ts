import { describe, expect, it } from 'vitest';

import {
  discount,
  discountBasisPoints,
  divideRounded,
  formatAmount,
  InvalidAmountError,
  MAX_LINE_QUANTITY,
  multiplyMinor,
  parseAmount,
  sumMinor,
} from '../src/money.js';

describe('formatAmount', () => {
  it('formats minor units as a decimal string with two fraction digits', () => {
    expect(formatAmount(123450)).toBe('1234.50');
    expect(formatAmount(123456)).toBe('1234.56');
    expect(formatAmount(100)).toBe('1.00');
    expect(formatAmount(5)).toBe('0.05');
    expect(formatAmount(0)).toBe('0.00');
  });

  it('formats negative amounts with a leading minus', () => {
    expect(formatAmount(-5)).toBe('-0.05');
    expect(formatAmount(-123456)).toBe('-1234.56');
  });

  it('formats the largest safe integer exactly', () => {
    expect(formatAmount(9007199254740991)).toBe('90071992547409.91');
  });

  it('rejects fractions of a cent and unsafe integers', () => {
    expect(() => formatAmount(1.5)).toThrow(InvalidAmountError);
    expect(() => formatAmount(Number.NaN)).toThrow(InvalidAmountError);
    expect(() => formatAmount(9007199254740992)).toThrow(InvalidAmountError);
  });
});

describe('parseAmount', () => {
  it('parses whole amounts and one or two fraction digits', () => {
    expect(parseAmount('12')).toBe(1200);
    expect(parseAmount('1.5')).toBe(150);
    expect(parseAmount('1.50')).toBe(150);
    expect(parseAmount('1234.56')).toBe(123456);
    expect(parseAmount('0.05')).toBe(5);
    expect(parseAmount(' 3.07 ')).toBe(307);
  });

  it('parses negative amounts', () => {
    expect(parseAmount('-1.5')).toBe(-150);
    expect(parseAmount('-0.05')).toBe(-5);
    expect(parseAmount('-1234.56')).toBe(-123456);
  });

  it('rejects more than two fraction digits', () => {
    expect(() => parseAmount('1.555')).toThrow(InvalidAmountError);
    expect(() => parseAmount('0.001')).toThrow(InvalidAmountError);
  });

  it('rejects anything that is not a plain decimal', () => {
    for (const value of ['abc', '', ' ', '1.', '.5', '1,50', '+1', '1e3', '--1', '1.5.0', '0x10']) {
      expect(() => parseAmount(value), value).toThrow(InvalidAmountError);
    }
  });

  it('rejects amounts too large for exact cents', () => {
    expect(parseAmount('90071992547409.91')).toBe(9007199254740991);
    expect(() => parseAmount('90071992547409.92')).toThrow(InvalidAmountError);
    expect(() => parseAmount('99999999999999999999')).toThrow(InvalidAmountError);
    expect(() => parseAmount('-99999999999999999999.99')).toThrow(InvalidAmountError);
  });

  it('round-trips with formatAmount', () => {
    for (const minor of [0, 1, 99, 100, 150, 123456, -5, -123456]) expect(parseAmount(formatAmount(minor))).toBe(minor);
  });
});

describe('divideRounded', () => {
  it('rounds half away from zero', () => {
    expect(divideRounded(1, 2)).toBe(1);
    expect(divideRounded(7, 2)).toBe(4);
    expect(divideRounded(-1, 2)).toBe(-1);
    expect(divideRounded(-7, 2)).toBe(-4);
  });

  it('rounds other fractions to the nearest integer', () => {
    expect(divideRounded(5, 3)).toBe(2);
    expect(divideRounded(4, 3)).toBe(1);
    expect(divideRounded(-5, 3)).toBe(-2);
    expect(divideRounded(-4, 3)).toBe(-1);
    expect(divideRounded(10, 5)).toBe(2);
    expect(divideRounded(0, 7)).toBe(0);
  });

  it('refuses a denominator that is not positive', () => {
    expect(() => divideRounded(10, 0)).toThrow(RangeError);
    expect(() => divideRounded(10, -2)).toThrow(RangeError);
  });
});

describe('discount', () => {
  it('rounds a result of exactly half a cent away from zero', () => {
    expect(discount(5, 1000)).toBe(5); // 4.5
    expect(discount(15, 5000)).toBe(8); // 7.5
    expect(discount(25, 5000)).toBe(13); // 12.5
    expect(discount(14, 2500)).toBe(11); // 10.5
    expect(discount(-5, 1000)).toBe(-5); // -4.5
    expect(discount(-15, 5000)).toBe(-8); // -7.5
  });

  it('rounds other results to the nearest cent', () => {
    expect(discount(1001, 500)).toBe(951); // 950.95
    expect(discount(11, 2500)).toBe(8); // 8.25
    expect(discount(7, 1000)).toBe(6); // 6.3
    expect(discount(123450, 2000)).toBe(98760);
  });

  it('takes nothing off at 0 bp and everything at 10000 bp', () => {
    expect(discount(1000, 0)).toBe(1000);
    expect(discount(1000, 10_000)).toBe(0);
  });
});

describe('discountBasisPoints', () => {
  it('is the discount from one amount to another, rounded once', () => {
    expect(discountBasisPoints(10_000, 8_000)).toBe(2000);
    expect(discountBasisPoints(3, 2)).toBe(3333);
    expect(discountBasisPoints(0, 0)).toBe(0);
  });
});

describe('exact integer bounds', () => {
  const big = 2 ** 53;

  it('refuses a discount whose intermediate product would pass 2^53, instead of rounding it wrongly', () => {
    // 9e12 cents x 10_000 is past 2^53: the float product is no longer the exact product.
    expect(() => discount(9_000_000_000_000, 1_500)).toThrow(RangeError);
    expect(() => discount(Number.MAX_SAFE_INTEGER, 0)).toThrow(RangeError);
    expect(() => discount(Math.floor(Number.MAX_SAFE_INTEGER / 20_000) + 1, 0)).toThrow(RangeError);
    // The largest amount whose product still fits computes exactly.
    // (the rounding doubles the product: the bound is 2^53 / 20_000, about 4.5 billion in whole units).
    const largest = 450_000_000_000;
    expect(discount(largest, 0)).toBe(largest);
    expect(discount(largest, 10_000)).toBe(0);
  });

  it('refuses basis points outside 0-10000 or fractional', () => {
    expect(() => discount(1_000, -1)).toThrow(RangeError);
    expect(() => discount(1_000, 10_001)).toThrow(RangeError);
    expect(() => discount(1_000, 12.5)).toThrow(RangeError);
  });

  it('refuses to divide what is not a safe integer', () => {
    expect(() => divideRounded(big, 3)).toThrow(RangeError);
    expect(() => divideRounded(Number.MAX_SAFE_INTEGER, 3)).toThrow(RangeError);
    expect(() => divideRounded(10, 0)).toThrow(RangeError);
    expect(divideRounded(Math.floor(Number.MAX_SAFE_INTEGER / 4), 1)).toBe(Math.floor(Number.MAX_SAFE_INTEGER / 4));
  });

  it('multiplies cents by a quantity exactly or not at all', () => {
    expect(multiplyMinor(12_345, 3)).toBe(37_035);
    expect(multiplyMinor(12_345, 0)).toBe(0);
    expect(multiplyMinor(90_071_992_547, MAX_LINE_QUANTITY)).toBe(90_071_992_547 * MAX_LINE_QUANTITY);
    expect(() => multiplyMinor(90_071_992_548, MAX_LINE_QUANTITY)).toThrow(RangeError);
    expect(() => multiplyMinor(100, MAX_LINE_QUANTITY + 1)).toThrow(RangeError);
    expect(() => multiplyMinor(100, -1)).toThrow(RangeError);
    expect(() => multiplyMinor(100, 1.5)).toThrow(RangeError);
    expect(() => multiplyMinor(1.5, 2)).toThrow(RangeError);
  });

  it('sums amounts exactly or not at all', () => {
    expect(sumMinor([1, 2, 3])).toBe(6);
    expect(sumMinor([])).toBe(0);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumMinor([0.5])).toThrow(RangeError);
  });

  it('refuses a discount percentage of amounts past 2^53', () => {
    expect(() => discountBasisPoints(Number.MAX_SAFE_INTEGER, 0)).toThrow(RangeError);
    expect(discountBasisPoints(10_000, 7_600)).toBe(2_400);
  });
});
