/**
 * Checking a stock import from the ERP (counts on hand per product and warehouse): pure, no I/O.
 *
 * The rules:
 * - A row names a product by sku and a warehouse by code (both as the catalog has them, surrounding
 *   spaces ignored, the code in any case) and gives the units on hand: a whole number, 0 or more.
 *   An optional low-stock threshold follows the same rule.
 * - Each (sku, warehouse) appears once; a repeat is an error, not a silent "last one wins".
 * - All or nothing: one bad row and nothing is imported; every bad row is reported.
 * - The count replaces what was on hand (it is the ERP's truth), so importing the same file twice
 *   changes nothing the second time. Reserved units stay reserved: a count below them leaves the
 *   warehouse oversold, which the catalog shows as owed (domain/stock.ts).
 */

export interface StockImportRow {
  sku: string;
  warehouseCode: string;
  onHand: number;
  lowThreshold?: number | null;
}

export interface StockImportError {
  code: 'UNKNOWN_SKU' | 'UNKNOWN_WAREHOUSE' | 'INVALID_QUANTITY' | 'DUPLICATE';
  message: string;
  /** Index of the row in the input. */
  row: number;
  /** The row's field at fault. */
  field: 'sku' | 'warehouseCode' | 'onHand' | 'lowThreshold';
}

export interface CheckedStockRow {
  productId: string;
  warehouseId: string;
  onHand: number;
  lowThreshold: number | null;
}

export type StockImportCheck = { ok: true; rows: CheckedStockRow[] } | { ok: false; errors: StockImportError[] };

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** Checks every row against the catalog's products (by sku) and warehouses (by upper-case code). */
export function checkStockImport(input: {
  rows: readonly StockImportRow[];
  productIdBySku: ReadonlyMap<string, string>;
  warehouseIdByCode: ReadonlyMap<string, string>;
}): StockImportCheck {
  const errors: StockImportError[] = [];
  const rows: CheckedStockRow[] = [];
  const seen = new Set<string>();
  input.rows.forEach((row, i) => {
    const sku = row.sku.trim();
    const code = row.warehouseCode.trim().toUpperCase();
    const productId = input.productIdBySku.get(sku);
    const warehouseId = input.warehouseIdByCode.get(code);
    const before = errors.length;
    if (!productId) errors.push({ code: 'UNKNOWN_SKU', message: `No product has the sku "${sku}".`, row: i, field: 'sku' });
    if (!warehouseId)
      errors.push({ code: 'UNKNOWN_WAREHOUSE', message: `No warehouse has the code "${code}".`, row: i, field: 'warehouseCode' });
    if (!isCount(row.onHand))
      errors.push({ code: 'INVALID_QUANTITY', message: 'onHand must be a whole number, 0 or more.', row: i, field: 'onHand' });
    if (row.lowThreshold != null && !isCount(row.lowThreshold)) {
      errors.push({ code: 'INVALID_QUANTITY', message: 'lowThreshold must be a whole number, 0 or more.', row: i, field: 'lowThreshold' });
    }
    const key = `${sku}\u0000${code}`;
    if (seen.has(key)) errors.push({ code: 'DUPLICATE', message: `${sku} in ${code} appears more than once.`, row: i, field: 'sku' });
    seen.add(key);
    if (errors.length === before)
      rows.push({ productId: productId!, warehouseId: warehouseId!, onHand: row.onHand, lowThreshold: row.lowThreshold ?? null });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
