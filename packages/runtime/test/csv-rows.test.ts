import { describe, expect, it } from 'vitest';

import { detectSeparator, readCsvRows } from '../src/files/csv-rows.js';

const COLUMNS = ['sku', 'quantity'];
const read = (text: string, maxRecords = 10, maxLines = 100) => readCsvRows({ text, maxRecords, maxLines, columns: COLUMNS });

describe('detectSeparator', () => {
  it('takes the separator that splits the header into sku and quantity', () => {
    expect(detectSeparator({ columns: COLUMNS, header: 'sku;quantity' })).toBe(';');
    expect(detectSeparator({ columns: COLUMNS, header: 'SKU,Quantity,note;x' })).toBe(',');
    expect(detectSeparator({ columns: COLUMNS, header: 'sku\tquantity' })).toBe('\t');
    expect(detectSeparator({ columns: COLUMNS, header: '"sku";"quantity"' })).toBe(';');
  });
  it('else the most frequent one, else a comma', () => {
    expect(detectSeparator({ columns: COLUMNS, header: 'a;b;c,d' })).toBe(';');
    expect(detectSeparator({ columns: COLUMNS, header: 'nothing' })).toBe(',');
  });
});

describe('readCsvRows', () => {
  it('keeps a decimal comma inside its cell in a semicolon file', () => {
    const result = read('sku;quantity\nA-1;1,000\nA-2;2,5\nA-3;1.000\n');
    expect(result).toEqual({
      ok: true,
      separator: ';',
      records: [
        { line: 1, cells: ['sku', 'quantity'] },
        { line: 2, cells: ['A-1', '1,000'] },
        { line: 3, cells: ['A-2', '2,5'] },
        { line: 4, cells: ['A-3', '1.000'] },
      ],
    });
  });
  it('skips blank lines but keeps the line numbers, reads quoted cells with separators, quotes and line breaks', () => {
    const result = read('\uFEFFsku,quantity\r\n\r\n  \n"A,1",2\r\n"say ""hi""\nthere", 3\n');
    expect(result).toMatchObject({
      ok: true,
      records: [
        { line: 1, cells: ['sku', 'quantity'] },
        { line: 4, cells: ['A,1', '2'] },
        { line: 5, cells: ['say "hi"\nthere', '3'] },
      ],
    });
  });
  it('refuses a file of blank lines by its line count, and too many records, as soon as it passes them', () => {
    expect(read('sku,quantity\n' + '\n'.repeat(500), 10, 100)).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' });
    expect(read('sku,quantity\n' + 'A,1\n'.repeat(11), 10, 100)).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' });
    expect(read('sku,quantity\n' + 'A,1\n'.repeat(10), 10, 100)).toMatchObject({ ok: true });
  });
  it('reports an unclosed quote with its line', () => {
    expect(read('sku,quantity\n"A,1\n')).toMatchObject({ ok: false, code: 'MALFORMED_FILE', message: expect.stringContaining('line 2') });
  });
});
