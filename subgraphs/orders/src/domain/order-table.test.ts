import { describe, expect, it } from 'vitest';

import { readOrderTable } from './order-table.js';

describe('readOrderTable', () => {
  it('finds the columns in any case and order and keeps spreadsheet row numbers', () => {
    const result = readOrderTable({
      cells: [['Quantity', 'Note', 'SKU'], [3, 'x', ' A-1 '], [], ['', '', ''], ['2.0', '', 'B-2'], ['abc', '', 'C-3'], ['1.5', '', 'D-4']],
      maxRows: 10,
    });
    expect(result).toEqual({
      ok: true,
      rows: [
        { row: 2, sku: 'A-1', quantity: 3 },
        { row: 5, sku: 'B-2', quantity: 2 },
        { row: 6, sku: 'C-3', quantity: null },
        { row: 7, sku: 'D-4', quantity: 1.5 },
      ],
    });
  });

  it('names the missing columns', () => {
    const result = readOrderTable({
      cells: [
        ['sku', 'qty'],
        ['A-1', 1],
      ],
      maxRows: 10,
    });
    expect(result).toMatchObject({ ok: false, code: 'MISSING_COLUMNS' });
    expect(!result.ok && result.message).toContain('quantity is missing');
  });

  it('refuses empty files and files past the row limit', () => {
    expect(readOrderTable({ cells: [], maxRows: 10 })).toMatchObject({ ok: false, code: 'EMPTY_FILE' });
    expect(readOrderTable({ cells: [['sku', 'quantity']], maxRows: 10 })).toMatchObject({ ok: false, code: 'EMPTY_FILE' });
    const many = [['sku', 'quantity'], ...Array.from({ length: 11 }, (_, i) => [`S-${i}`, 1])];
    expect(readOrderTable({ cells: many, maxRows: 10 })).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' });
  });
});
