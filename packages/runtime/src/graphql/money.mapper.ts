import { formatAmount } from '../money.js';
import type { Money } from './common.types.js';

/** Maps minor units to the API's Money shape. */
export function toMoney(minor: number, currency: string): Money {
  return { amount: formatAmount(minor), currency };
}
