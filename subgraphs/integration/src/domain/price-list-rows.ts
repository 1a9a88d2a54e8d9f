import { INVALID_AMOUNT, readAmount } from '@dealergraph/runtime';

/**
 * The rows of a PRICE_LIST file, checked one by one before anything is written. Columns (first row,
 * any case, in any order): sku, list_price (a decimal string, at most two fraction digits), currency
 * (ISO 4217); valid_from and valid_to are reserved and must be empty for now (list prices have no
 * validity yet). Decides in order: the header; then each row: a SKU, a price that is a decimal
 * amount, not negative, not absurd, a currency; then SKUs that appear twice (see markDuplicates). Unknown SKUs are known only after asking products.
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
  | 'VALIDITY_NOT_SUPPORTED'
  | 'DUPLICATE_KEY'
  | 'UNKNOWN_SKU';

export type PriceListRow =
  | { row: number; key: string | null; ok: true; sku: string; listPrice: number; currency: string }
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
  if (cell('valid_from') || cell('valid_to'))
    return fail(
      'VALIDITY_NOT_SUPPORTED',
      'valid_from and valid_to are not supported yet: leave them empty (the price applies from the import on).',
    );
  return { ...base, ok: true, sku, listPrice, currency };
}

/**
 * A SKU that appears in more than one row (any case) fails every such row that has no error of its
 * own with DUPLICATE_KEY: which row is meant cannot be told.
 */
export function markDuplicates(rows: readonly PriceListRow[]): PriceListRow[] {
  const seen = new Map<string, number>();
  for (const r of rows) if (r.key) seen.set(r.key.toLowerCase(), (seen.get(r.key.toLowerCase()) ?? 0) + 1);
  return rows.map((r) =>
    r.ok && seen.get(r.sku.toLowerCase())! > 1
      ? { row: r.row, key: r.key, ok: false, code: 'DUPLICATE_KEY', message: `SKU ${r.sku} appears in more than one row.` }
      : r,
  );
}

/** Whether the file's valid rows are written: all rows valid, or the caller asked for valid rows only. */
export function shouldApply(input: { failed: number; validRowsOnly: boolean }): boolean {
  return input.failed === 0 || input.validRowsOnly;
}
