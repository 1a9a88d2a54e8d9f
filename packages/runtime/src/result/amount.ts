import { InvalidAmountError, parseAmount } from '../money.js';
import { ok, type Result, type UserError, userError } from './result.js';

/** The one code of an amount that cannot be used, wherever it is given. */
export const INVALID_AMOUNT = 'INVALID_AMOUNT';

export interface AmountRule {
  /** Where the amount was given, for the user error. */
  field: readonly string[];
  /** The smallest amount allowed, in minor units (e.g. 0 refuses negatives, 1 refuses zero too). */
  min?: number;
  /** An example amount for the message, e.g. "250.00". */
  example?: string;
}

/**
 * Reads an amount given as a decimal string ("1234.5", "1234.50", "12") into minor units, or the
 * user error INVALID_AMOUNT at `field`: the one amount reader of the API and of imported files.
 */
export function readAmount(value: string, rule: AmountRule): Result<number> {
  const example = rule.example ?? '1234.50';
  let minor: number;
  try {
    minor = parseAmount(value);
  } catch (error) {
    if (!(error instanceof InvalidAmountError)) throw error;
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return { ok: false, errors: [userError(INVALID_AMOUNT, `"${shown}" is not an amount such as "${example}".`, rule.field)] };
  }
  if (rule.min !== undefined && minor < rule.min) {
    const least = rule.min === 0 ? 'zero or more' : rule.min === 1 ? 'above zero' : `at least ${rule.min / 100}`;
    return { ok: false, errors: [userError(INVALID_AMOUNT, `The amount must be ${least}; "${value}" is not.`, rule.field)] };
  }
  return ok(minor);
}

/**
 * {@link readAmount} for an optional input that collects its problems: null when absent or not an
 * amount (the problem pushed onto `errors`), else the minor units.
 */
export function readOptionalAmount(value: string | null | undefined, rule: AmountRule, errors: UserError[]): number | null {
  if (value === null || value === undefined) return null;
  const read = readAmount(value, rule);
  if (read.ok) return read.value;
  errors.push(...read.errors);
  return null;
}
