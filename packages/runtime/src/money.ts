/**
 * Money inside the platform is an integer number of minor units (cents). This module holds the one
 * rounding function and the conversions to and from the API's exact decimal strings.
 */

/** Thrown when an amount string is not an exact decimal with at most two fraction digits. */
export class InvalidAmountError extends Error {}

const AMOUNT_PATTERN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * The most units one order line may carry. Far above any real order of spare parts, and low enough
 * that a line total (cents x quantity) stays exact for unit prices up to about 90 million.
 */
export const MAX_LINE_QUANTITY = 100_000;

/**
 * A product of integers that is exact, or a RangeError. Numbers are exact only up to 2^53: beyond,
 * `a * b` silently rounds to a different amount, which money must never do. Callers that take the
 * factors from a request map the RangeError to INVALID_QUANTITY.
 */
function exactProduct(what: string, a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) throw new RangeError(`${what}: ${a} x ${b} needs whole numbers`);
  const product = a * b;
  if (!Number.isSafeInteger(product)) throw new RangeError(`${what}: ${a} x ${b} is beyond exact integer range`);
  return product;
}

/** Divides and rounds half away from zero: the only rounding rule money uses. */
export function divideRounded(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(denominator) || denominator <= 0) throw new RangeError('denominator must be a positive whole number');
  if (!Number.isSafeInteger(numerator)) throw new RangeError(`numerator out of exact integer range: ${numerator}`);
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const twice = abs * 2 + denominator;
  if (!Number.isSafeInteger(twice)) throw new RangeError(`numerator out of exact integer range: ${numerator}`);
  return sign * Math.floor(twice / (2 * denominator));
}

/** The amount left after taking `basisPoints` (1500 = 15 %) off `minor`, rounded once; RangeError when not exact. */
export function discount(minor: number, basisPoints: number): number {
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000)
    throw new RangeError(`basis points must be 0-10000, got ${basisPoints}`);
  return divideRounded(exactProduct('discount', minor, 10_000 - basisPoints), 10_000);
}

/**
 * `cents` x `quantity` (a line total), exact or a RangeError: the quantity must be a whole number
 * from 0 to {@link MAX_LINE_QUANTITY} and the product a safe integer.
 */
export function multiplyMinor(cents: number, quantity: number): number {
  if (!Number.isSafeInteger(quantity) || quantity < 0 || quantity > MAX_LINE_QUANTITY) {
    throw new RangeError(`quantity must be a whole number from 0 to ${MAX_LINE_QUANTITY}, got ${quantity}`);
  }
  return exactProduct('line total', cents, quantity);
}

/** Adds amounts of cents exactly, or a RangeError (an order total past 2^53 is not an amount). */
export function sumMinor(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) {
    if (!Number.isSafeInteger(amount)) throw new RangeError(`not a whole amount of cents: ${amount}`);
    total += amount;
    if (!Number.isSafeInteger(total)) throw new RangeError('sum beyond exact integer range');
  }
  return total;
}

/** Formats minor units as the API's decimal string: 123450 -> "1234.50". */
export function formatAmount(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new InvalidAmountError(`not an integer amount: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${Math.floor(abs / 100)}.${cents}`;
}

/** Parses an exact decimal string ("1234.5", "1234.50", "12") into minor units. */
export function parseAmount(value: string): number {
  const match = AMOUNT_PATTERN.exec(value.trim());
  if (!match) throw new InvalidAmountError(`"${value}" is not a decimal amount with at most two fraction digits`);
  const [, minus, whole, fraction = ''] = match;
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) throw new InvalidAmountError(`"${value}" is too large`);
  return minus ? -minor : minor;
}

/** The discount `basisPoints` that takes `from` down to `to`, for "your discount" displays. */
export function discountBasisPoints(from: number, to: number): number {
  if (from <= 0) return 0;
  return divideRounded(exactProduct('discountBasisPoints', from - to, 10_000), from);
}
