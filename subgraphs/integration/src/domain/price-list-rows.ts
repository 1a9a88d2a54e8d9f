import { INVALID_AMOUNT, readAmount } from '@dealergraph/runtime';

/**
 * The rows of a PRICE_LIST file, checked one by one before anything is written. Columns (first row,
 * any case, in any order): sku, list_price (a decimal string, at most two fraction digits), currency
 * (ISO 4217); valid_from and valid_to (optional: a dated price, valid from its first instant until
 * valid_to, excluded; a date alone is midnight UTC, and as valid_to the whole day counts; both empty:
 * the base price). Decides in order: the header; then each row: a SKU, a price that is a decimal
 * amount, not negative, not absurd, a currency, the validity; then keys (SKU and valid_from) that appear
 * twice (see markDuplicates). Unknown SKUs are known only after asking products; dated prices that
 * overlap another of their product only after asking prices.
 */
export const PRICE_LIST_COLUMNS = { required: ['sku', 'list_price', 'currency'], optional: ['valid_from', 'valid_to'] } as const;

/** A list price above this (in cents) is taken for a typing error: 10,000,000.00. */
export const MAX_LIST_PRICE_CENTS = 1_000_000_000;

export type PriceListRowCode =
  | 'MISSING_SKU'
  | typeof INVALID_AMOUNT
  | 'NEGATIVE_PRICE'
  | 'ABSURD_PRICE'
  | 'INVALID_CURRENCY'
  | 'INVALID_DATE'
  | 'INVALID_VALIDITY'
  | 'OVERLAPPING_VALIDITY'
  | 'DUPLICATE_KEY'
  | 'UNKNOWN_SKU';

export type PriceListRow =
  | {
      row: number;
      key: string | null;
      ok: true;
      sku: string;
      listPrice: number;
      currency: string;
      /** A dated price's first instant and end (ISO); null for the base price. */
      validFrom: string | null;
      validTo: string | null;
    }
  | { row: number; key: string | null; ok: false; code: PriceListRowCode; message: string };

export type HeaderResult = { ok: true; columns: Record<string, number> } | { ok: false; code: 'MISSING_COLUMNS'; message: string };

const text = (cell: unknown) => (cell === null || cell === undefined ? '' : String(cell).trim());

/** Where each column is, from the header row; names compared without case, spaces as underscores. */
export function readPriceListHeader(header: readonly unknown[]): HeaderResult {
  const columns: Record<string, number> = {};
  header.forEach((cell, i) => {
    const name = text(cell).toLowerCase().replace(/\s+/g, '_');
    if (name && !(name in columns)) columns[name] = i;
  });
  const missing = PRICE_LIST_COLUMNS.required.filter((c) => !(c in columns));
  if (missing.length)
    return {
      ok: false,
      code: 'MISSING_COLUMNS',
      message: `The first row must name the columns ${PRICE_LIST_COLUMNS.required.join(', ')}; missing: ${missing.join(', ')}.`,
    };
  return { ok: true, columns };
}

/** One data row, alone. `row` is its number as a spreadsheet shows it. */
export function checkPriceListRow(input: { row: number; cells: readonly unknown[]; columns: Record<string, number> }): PriceListRow {
  const cell = (name: string) => (input.columns[name] === undefined ? '' : text(input.cells[input.columns[name]!]));
  const sku = cell('sku');
  const base = { row: input.row, key: sku || null };
  const fail = (code: PriceListRowCode, message: string): PriceListRow => ({ ...base, ok: false, code, message });
  if (!sku) return fail('MISSING_SKU', 'The row has no SKU.');
  const rawPrice = cell('list_price');
  const read = readAmount(rawPrice, { field: ['list_price'], example: '12.50' });
  if (!read.ok) return fail(INVALID_AMOUNT, `list_price: ${read.errors[0].message}`);
  const listPrice = read.value;
  if (listPrice < 0) return fail('NEGATIVE_PRICE', `list_price ${rawPrice} is negative.`);
  if (listPrice > MAX_LIST_PRICE_CENTS)
    return fail('ABSURD_PRICE', `list_price ${rawPrice} is above 10,000,000.00: check the decimal separator.`);
  const currency = cell('currency').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    return fail('INVALID_CURRENCY', `currency "${currency.slice(0, 10)}" is not an ISO 4217 code such as EUR.`);
  const from = readInstant(cell('valid_from'), false);
  const to = readInstant(cell('valid_to'), true);
  if (from === undefined) return fail('INVALID_DATE', `valid_from "${cell('valid_from').slice(0, 30)}" is not a date such as 2027-01-15.`);
  if (to === undefined) return fail('INVALID_DATE', `valid_to "${cell('valid_to').slice(0, 30)}" is not a date such as 2027-03-31.`);
  if (to && !from) return fail('INVALID_VALIDITY', 'valid_to needs a valid_from (a base price has neither).');
  if (from && to && to <= from) return fail('INVALID_VALIDITY', 'valid_to must be after valid_from.');
  const validFrom = from?.toISOString() ?? null;
  return {
    ...base,
    key: validFrom ? `${sku}@${validFrom.slice(0, 10)}` : sku,
    ok: true,
    sku,
    listPrice,
    currency,
    validFrom,
    validTo: to?.toISOString() ?? null,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A date (YYYY-MM-DD, midnight UTC; as an end, the next midnight: the whole day counts) or an ISO
 * instant with its offset, 2000-2199. Null when empty, undefined when unreadable.
 */
export function readInstant(text: string, end: boolean): Date | null | undefined {
  if (!text) return null;
  const dateOnly = DATE.test(text);
  if (!dateOnly && !INSTANT.test(text)) return undefined;
  const at = new Date(dateOnly ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(at.getTime()) || (dateOnly && at.toISOString().slice(0, 10) !== text)) return undefined;
  if (at.getUTCFullYear() < 2000 || at.getUTCFullYear() > 2199) return undefined;
  return dateOnly && end ? new Date(at.getTime() + 86_400_000) : at;
}

/**
 * A price's key is its SKU (any case) and valid_from: one that appears in more than one row fails every
 * such row that has no error of its own with DUPLICATE_KEY: which row is meant cannot be told. One SKU
 * may have a base price and dated prices in one file.
 */
export function markDuplicates(rows: readonly PriceListRow[]): PriceListRow[] {
  const keyOf = (r: Extract<PriceListRow, { ok: true }>) => `${r.sku.toLowerCase()}@${r.validFrom ?? ''}`;
  const seen = new Map<string, number>();
  // A row with an error of its own still names its SKU: it makes the others of that SKU ambiguous.
  const countKey = (r: PriceListRow) => (r.ok ? keyOf(r) : r.key ? `${r.key.toLowerCase()}@` : null);
  for (const r of rows) {
    const key = countKey(r);
    if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return rows.map((r) =>
    r.ok && seen.get(keyOf(r))! > 1
      ? {
          row: r.row,
          key: r.key,
          ok: false,
          code: 'DUPLICATE_KEY',
          message: `SKU ${r.sku}${r.validFrom ? ` from ${r.validFrom}` : ''} appears in more than one row.`,
        }
      : r,
  );
}

/** Whether the file's valid rows are written: all rows valid, or the caller asked for valid rows only. */
export function shouldApply(input: { failed: number; validRowsOnly: boolean }): boolean {
  return input.failed === 0 || input.validRowsOnly;
}
