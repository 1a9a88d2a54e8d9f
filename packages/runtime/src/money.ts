/**
 * Money inside the platform is an integer number of minor units (cents). This module holds the one
 * rounding function and the conversions to and from the API's exact decimal strings.
 */

/** Thrown when an amount string is not an exact decimal with at most two fraction digits. */
export class InvalidAmountError extends Error {}

const AMOUNT_PATTERN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** Divides and rounds half away from zero: the only rounding rule money uses. */
export function divideRounded(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  return sign * Math.floor((abs * 2 + denominator) / (2 * denominator));
}

/** The amount left after taking `basisPoints` (1500 = 15 %) off `minor`, rounded once. */
export function discount(minor: number, basisPoints: number): number {
  return divideRounded(minor * (10_000 - basisPoints), 10_000);
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
  return divideRounded((from - to) * 10_000, from);
}
