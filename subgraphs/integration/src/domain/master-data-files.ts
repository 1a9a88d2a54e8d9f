import type { ImportKind } from './import-kinds.js';

/**
 * The files of master data kinds (every kind but PRICE_LIST): which columns each has, which name the
 * row's key, and how a row becomes the owner's input. Pure, no I/O. The owner checks the values by
 * its own rules and answers each row (code and message); this side reads the header, skips blank
 * rows, and turns cells into the owner's field names. A column that is absent leaves its field out
 * (the owner keeps what the record has where the field allows it); a present but empty cell is empty.
 */

/** One column: its name in the file (snake_case, any case and spaces in the file) and the owner's field. */
interface Column {
  name: string;
  field: string;
  required?: boolean;
}

export interface MasterDataFormat {
  columns: readonly Column[];
  /** The row's key for the report (and duplicates), from its input. */
  key(input: Record<string, unknown>): string | null;
  /** Where the rows go. */
  owner: 'dealers' | 'products' | 'credit' | 'prices';
  /** Columns naming dealers by code: replaced by `dealerId` after asking dealers (UNKNOWN_DEALER otherwise). */
  dealerCodeField?: string;
  /** Columns naming products by SKU, for owners that key by product (prices): `productId` after asking products (UNKNOWN_SKU otherwise). */
  skuField?: string;
  /**
   * A column naming an order (its SO- number, the ERP's number or its id): `orderId` after asking
   * orders (UNKNOWN_ORDER otherwise; ORDER_OF_ANOTHER_DEALER when the row's dealer is not the order's).
   * Optional: an empty cell names no order.
   */
  orderRefField?: string;
}

/** A cell as text: a spreadsheet date as an ISO instant, anything else as written. */
const text = (v: unknown) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v).trim());

export const MASTER_DATA_FORMATS: Partial<Record<ImportKind, MasterDataFormat>> = {
  DEALERS: {
    owner: 'dealers',
    columns: [
      { name: 'code', field: 'code', required: true },
      { name: 'name', field: 'name', required: true },
      { name: 'tier', field: 'tier', required: true },
      { name: 'dealer_type', field: 'dealerType' },
      { name: 'region', field: 'region', required: true },
      { name: 'city', field: 'city', required: true },
      { name: 'email', field: 'email', required: true },
      { name: 'phone', field: 'phone' },
      { name: 'contract_type', field: 'contractType' },
      { name: 'active', field: 'active' },
    ],
    key: (input) => text(input.code) || null,
  },
  PRODUCTS: {
    owner: 'products',
    columns: [
      { name: 'sku', field: 'sku', required: true },
      { name: 'name', field: 'name', required: true },
      { name: 'brand', field: 'brand', required: true },
      { name: 'category', field: 'category', required: true },
      { name: 'description', field: 'description' },
      { name: 'unit', field: 'unit' },
      { name: 'pack_size', field: 'packSize' },
      { name: 'handling_class', field: 'handlingClass' },
      { name: 'hazardous', field: 'hazardous' },
      { name: 'active', field: 'active' },
      { name: 'specs', field: 'specs' },
      { name: 'images', field: 'images' },
      { name: 'substitutes', field: 'substitutes' },
    ],
    key: (input) => text(input.sku) || null,
  },
  STOCK: {
    owner: 'products',
    columns: [
      { name: 'sku', field: 'sku', required: true },
      { name: 'warehouse', field: 'warehouse', required: true },
      { name: 'on_hand', field: 'onHand', required: true },
      { name: 'low_threshold', field: 'lowThreshold' },
    ],
    key: (input) => (text(input.sku) ? `${text(input.sku)}@${text(input.warehouse).toUpperCase()}` : null),
  },
  IN_TRANSIT: {
    owner: 'products',
    columns: [
      { name: 'reference', field: 'reference', required: true },
      { name: 'sku', field: 'sku', required: true },
      { name: 'warehouse', field: 'warehouse', required: true },
      { name: 'quantity', field: 'quantity', required: true },
      { name: 'eta', field: 'eta' },
    ],
    key: (input) => text(input.reference) || null,
  },
  TIER_RULES: {
    owner: 'prices',
    columns: [
      { name: 'tier', field: 'tier', required: true },
      { name: 'discount_percent', field: 'discountPercent', required: true },
    ],
    key: (input) => text(input.tier).toUpperCase() || null,
  },
  VOLUME_BREAKS: {
    owner: 'prices',
    columns: [
      { name: 'min_quantity', field: 'minQuantity', required: true },
      { name: 'max_quantity', field: 'maxQuantity' },
      { name: 'discount_percent', field: 'discountPercent', required: true },
    ],
    key: (input) => text(input.minQuantity) || null,
  },
  PROMOTIONS: {
    owner: 'prices',
    columns: [
      { name: 'code', field: 'code', required: true },
      { name: 'name', field: 'name', required: true },
      { name: 'sku', field: 'sku', required: true },
      { name: 'discount_percent', field: 'discountPercent', required: true },
      { name: 'valid_from', field: 'validFrom', required: true },
      { name: 'valid_to', field: 'validTo', required: true },
    ],
    key: (input) => (text(input.code) ? `${text(input.code)}@${text(input.sku)}` : null),
    skuField: 'sku',
  },
  SPECIAL_PRICES: {
    owner: 'prices',
    columns: [
      { name: 'reference', field: 'reference', required: true },
      { name: 'dealer_code', field: 'dealerCode', required: true },
      { name: 'sku', field: 'sku', required: true },
      { name: 'unit_price', field: 'unitPrice', required: true },
      { name: 'currency', field: 'currency' },
      { name: 'valid_from', field: 'validFrom', required: true },
      { name: 'valid_to', field: 'validTo' },
    ],
    key: (input) => text(input.reference) || null,
    dealerCodeField: 'dealerCode',
    skuField: 'sku',
  },
  DEALER_ADDRESSES: {
    owner: 'dealers',
    columns: [
      { name: 'dealer_code', field: 'dealerCode', required: true },
      { name: 'code', field: 'code', required: true },
      { name: 'kind', field: 'kind', required: true },
      { name: 'name', field: 'name', required: true },
      { name: 'street', field: 'street', required: true },
      { name: 'postal_code', field: 'postalCode', required: true },
      { name: 'city', field: 'city', required: true },
      { name: 'region', field: 'region' },
      { name: 'country', field: 'country', required: true },
      { name: 'default', field: 'isDefault' },
      { name: 'active', field: 'active' },
    ],
    key: (input) => (text(input.dealerCode) ? `${text(input.dealerCode)}/${text(input.code)}` : null),
    dealerCodeField: 'dealerCode',
  },
  DEALER_CONTACTS: {
    owner: 'dealers',
    columns: [
      { name: 'dealer_code', field: 'dealerCode', required: true },
      { name: 'email', field: 'email', required: true },
      { name: 'name', field: 'name', required: true },
      { name: 'role', field: 'role' },
      { name: 'phone', field: 'phone' },
      { name: 'active', field: 'active' },
    ],
    key: (input) => (text(input.dealerCode) ? `${text(input.dealerCode)}/${text(input.email).toLowerCase()}` : null),
    dealerCodeField: 'dealerCode',
  },
  CATEGORIES: {
    owner: 'products',
    columns: [
      { name: 'slug', field: 'slug', required: true },
      { name: 'name', field: 'name', required: true },
      { name: 'parent', field: 'parent' },
    ],
    key: (input) => text(input.slug).toLowerCase() || null,
  },
  WAREHOUSES: {
    owner: 'products',
    columns: [
      { name: 'code', field: 'code', required: true },
      { name: 'name', field: 'name', required: true },
      { name: 'city', field: 'city', required: true },
    ],
    key: (input) => text(input.code).toUpperCase() || null,
  },
  INVOICES: {
    owner: 'credit',
    columns: [
      { name: 'number', field: 'number', required: true },
      { name: 'dealer_code', field: 'dealerCode', required: true },
      { name: 'order_ref', field: 'orderRef' },
      { name: 'amount', field: 'amount', required: true },
      { name: 'currency', field: 'currency' },
      { name: 'issue_date', field: 'issuedAt' },
      { name: 'due_date', field: 'dueAt', required: true },
    ],
    key: (input) => text(input.number) || null,
    dealerCodeField: 'dealerCode',
    orderRefField: 'orderRef',
  },
  PAYMENTS: {
    owner: 'credit',
    columns: [
      { name: 'invoice_number', field: 'invoiceNumber', required: true },
      { name: 'amount', field: 'amount', required: true },
      { name: 'date', field: 'receivedAt', required: true },
      { name: 'reference', field: 'reference' },
      { name: 'currency', field: 'currency' },
    ],
    // The report's key: the ERP's reference, else the invoice and day (credit keys it by invoice, day and amount).
    key: (input) =>
      text(input.reference) || (text(input.invoiceNumber) ? `${text(input.invoiceNumber)}@${text(input.receivedAt).slice(0, 10)}` : null),
  },
  CREDIT_ACCOUNTS: {
    owner: 'credit',
    columns: [
      { name: 'dealer_code', field: 'dealerCode', required: true },
      { name: 'credit_limit', field: 'creditLimit', required: true },
      { name: 'currency', field: 'currency', required: true },
      { name: 'payment_terms_days', field: 'paymentTermsDays', required: true },
      { name: 'exceedance_policy', field: 'exceedancePolicy', required: true },
    ],
    key: (input) => text(input.dealerCode) || null,
    dealerCodeField: 'dealerCode',
  },
};

/** The required column names of a kind, for the reader's separator detection and the header check. */
export const requiredColumns = (format: MasterDataFormat) => format.columns.filter((c) => c.required).map((c) => c.name);

export type MasterDataHeader = { ok: true; columns: Map<string, number> } | { ok: false; code: 'MISSING_COLUMNS'; message: string };

/** Where each known column is, from the header row; names compared without case, spaces and dashes as underscores. */
export function readMasterDataHeader(format: MasterDataFormat, header: readonly unknown[]): MasterDataHeader {
  const at = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = text(cell)
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    if (name && !at.has(name)) at.set(name, i);
  });
  const missing = requiredColumns(format).filter((c) => !at.has(c));
  if (missing.length)
    return {
      ok: false,
      code: 'MISSING_COLUMNS',
      message: `The first row must name the columns ${requiredColumns(format).join(', ')}; missing: ${missing.join(', ')}.`,
    };
  return { ok: true, columns: new Map(format.columns.flatMap((c) => (at.has(c.name) ? [[c.field, at.get(c.name)!]] : []))) };
}

/** One data row as the owner's input: the fields of the columns the file has, cells trimmed to text. */
export function masterDataInput(columns: ReadonlyMap<string, number>, cells: readonly unknown[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [field, i] of columns) input[field] = text(cells[i]);
  return input;
}

/** A row with no text in any cell is skipped. */
export const isBlankRow = (cells: readonly unknown[]) => cells.every((c) => text(c) === '');

/** Control characters (tab and line breaks aside) that no owner stores; PostgreSQL refuses NUL outright. */
const hasControl = (cell: string) =>
  [...cell].some((c) => {
    const code = c.charCodeAt(0);
    return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
  });
const MAX_CELL = 10_000;

/** A row whose cells no owner can take (control characters, a cell over 10,000 characters): INVALID_TEXT, with the column. */
export function textProblem(input: Record<string, unknown>): { status: 'FAILED'; code: string; message: string; field: string } | null {
  for (const [field, value] of Object.entries(input)) {
    const cell = String(value ?? '');
    if (hasControl(cell)) return { status: 'FAILED', code: 'INVALID_TEXT', message: 'The cell holds a control character.', field };
    if (cell.length > MAX_CELL)
      return { status: 'FAILED', code: 'INVALID_TEXT', message: `The cell is longer than ${MAX_CELL} characters.`, field };
  }
  return null;
}
