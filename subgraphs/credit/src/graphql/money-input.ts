import { parseAmount, type UserError } from '@dealergraph/runtime';

/** A decimal string from the API as cents, or the userError INVALID_AMOUNT for the given field. */
export function parseMoneyInput(value: string, field: string[]): { ok: true; minor: number } | { ok: false; error: UserError } {
  try {
    return { ok: true, minor: parseAmount(value) };
  } catch {
    return {
      ok: false,
      error: { code: 'INVALID_AMOUNT', message: `"${value}" is not an amount: use a decimal string such as "1234.50".`, field },
    };
  }
}
