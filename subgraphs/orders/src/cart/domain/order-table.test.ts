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
        { row: 5, sku: 'B-2', quantity: null },
        { row: 6, sku: 'C-3', quantity: null },
        { row: 7, sku: 'D-4', quantity: null },
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

  it('takes whole numbers written with digits only: thousands and decimal separators are refused, not guessed', () => {
    const result = readOrderTable({
      cells: [
        ['sku', 'quantity'],
        ['A', '1,000'],
        ['B', '2,5'],
        ['C', '1.000'],
        ['D', ' +12 '],
        ['E', 7],
        ['F', 2.5],
      ],
      maxRows: 10,
    });
    expect(result.ok && result.rows.map((r) => r.quantity)).toEqual([null, null, null, 12, 7, 2.5]);
  });

  it('repeats at most a few column names of a header of any size', () => {
    const header = ['qty', 'x'.repeat(5_000), ...Array.from({ length: 5_000 }, (_, i) => `col${i}`)];
    const result = readOrderTable({ cells: [header, ['A', 1]], maxRows: 10 });
    expect(result).toMatchObject({ ok: false, code: 'MISSING_COLUMNS' });
    const message = !result.ok ? result.message : '';
    expect(message.length).toBeLessThan(600);
    expect(message).toContain('and 4,992 more');
  });

  it('refuses empty files and files past the row limit', () => {
    expect(readOrderTable({ cells: [], maxRows: 10 })).toMatchObject({ ok: false, code: 'EMPTY_FILE' });
    expect(readOrderTable({ cells: [['sku', 'quantity']], maxRows: 10 })).toMatchObject({ ok: false, code: 'EMPTY_FILE' });
    const many = [['sku', 'quantity'], ...Array.from({ length: 11 }, (_, i) => [`S-${i}`, 1])];
    expect(readOrderTable({ cells: many, maxRows: 10 })).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' });
  });
});
