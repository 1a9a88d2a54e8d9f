import { type UserError, userError } from '@dealergraph/runtime';
import { readTableFile, type TableFileLimits } from '@dealergraph/runtime/files';

import type { OrdersContext } from '../context.js';
import { addLines, cartWriter } from './cart.service.js';
import { CART_MAX_LINES, type LineStatus } from './domain/cart-lines.js';
import { readOrderTable } from './domain/order-table.js';

/** An order file: up to 1 MB decoded (a 10,000-line sheet is far below it), a cart's lines, columns sku and quantity. */
const ORDER_FILE: TableFileLimits = { maxBytes: 1024 * 1024, maxRows: CART_MAX_LINES, columns: ['sku', 'quantity'] };
/** One row of the upload report. */
export interface UploadRowReport {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  sku: string;
  quantity: number | null;
  status: LineStatus;
  message: string;
  substitutes: { id: string; sku: string; name: string; stock: { status: string; available: number } }[];
  /** For DUPLICATE: the row it was merged into. */
  mergedIntoRow: number | null;
}

/**
 * What an upload answers: every row's report, and userErrors beside them (a file that cannot be read,
 * or NOT_ALL_VALID when allOrNothing left the cart as it was): the rows are shown even when refused.
 */
export interface UploadResult {
  rows: UploadRowReport[];
  /** True when at least one row went into the cart. */
  added: boolean;
  userErrors: UserError[];
}

export interface UploadInput {
  filename: string;
  contentBase64: string;
  allOrNothing?: boolean | null;
}

/**
 * Adds the lines of an uploaded CSV or XLSX file to the caller's cart and reports every row. A file
 * that cannot be read (too large, not CSV/XLSX by name or content, damaged, without the sku and
 * quantity columns) is a userError and changes nothing; so does any unusable row with allOrNothing.
 */
export async function uploadOrderLines(ctx: OrdersContext, input: UploadInput): Promise<UploadResult> {
  const writer = cartWriter(ctx, 'Mutation.uploadOrderLines');
  if (!writer.ok) return { rows: [], added: false, userErrors: writer.errors };
  const refuse = (code: string, message: string, field: string): UploadResult => ({
    rows: [],
    added: false,
    userErrors: [userError(code, message, ['input', field])],
  });
  const file = await readTableFile({ ...ORDER_FILE, filename: input.filename, contentBase64: input.contentBase64 });
  if (!file.ok)
    return refuse(
      file.code,
      file.message,
      file.code === 'UNSUPPORTED_FILE' && !input.filename.match(/\.(csv|xlsx)$/i) ? 'filename' : 'contentBase64',
    );
  const table = readOrderTable({ cells: file.cells, maxRows: CART_MAX_LINES });
  if (!table.ok) return refuse(table.code, table.message, 'contentBase64');
  const added = await addLines(ctx, table.rows, { allOrNothing: input.allOrNothing ?? false, operation: 'Mutation.uploadOrderLines' });
  if (!added.ok) return { rows: [], added: false, userErrors: added.errors };
  const result = added.value;
  const rows = result.verdicts.map((v): UploadRowReport => ({
    row: table.rows[v.index].row,
    sku: v.sku,
    quantity: v.quantity,
    status: v.status,
    message: v.message,
    substitutes: v.substitutes,
    mergedIntoRow: v.mergedInto === null ? null : table.rows[v.mergedInto].row,
  }));
  const unusable = rows.filter((r) => r.status !== 'OK' && r.status !== 'DUPLICATE').length;
  const userErrors: UserError[] =
    input.allOrNothing && unusable > 0
      ? [
          userError(
            'NOT_ALL_VALID',
            `${unusable} of ${rows.length} rows cannot be ordered, so nothing was added (allOrNothing): see the rows.`,
            ['input', 'contentBase64'],
          ),
        ]
      : [];
  return { rows, added: result.added, userErrors };
}
