import { describe, expect, it } from 'vitest';

import { isBlankRow, MASTER_DATA_FORMATS, masterDataInput, readMasterDataHeader, textProblem } from './master-data-files.js';

const products = MASTER_DATA_FORMATS.PRODUCTS!;

describe('master data files', () => {
  it('maps the columns it knows, in any case and order, to the owner fields; absent columns stay absent', () => {
    const header = readMasterDataHeader(products, ['Category', 'SKU', 'Pack Size', 'name', 'brand', 'Unknown']);
    if (!header.ok) throw new Error(header.message);
    expect(masterDataInput(header.columns, ['o-rings', ' ORG-1 ', 100, 'O-ring', 'SealPro', 'x'])).toEqual({
      category: 'o-rings',
      sku: 'ORG-1',
      packSize: '100',
      name: 'O-ring',
      brand: 'SealPro',
    });
  });

  it('names the missing required columns', () => {
    expect(readMasterDataHeader(MASTER_DATA_FORMATS.STOCK!, ['sku', 'on hand'])).toEqual({
      ok: false,
      code: 'MISSING_COLUMNS',
      message: 'The first row must name the columns sku, warehouse, on_hand; missing: warehouse.',
    });
  });

  it('keys rows for the report', () => {
    expect(MASTER_DATA_FORMATS.STOCK!.key({ sku: 'A-1', warehouse: 'wh-north' })).toBe('A-1@WH-NORTH');
    expect(MASTER_DATA_FORMATS.DEALERS!.key({ code: '' })).toBeNull();
  });

  it('reads spreadsheet dates as instants and refuses control characters', () => {
    const header = readMasterDataHeader(MASTER_DATA_FORMATS.IN_TRANSIT!, ['reference', 'sku', 'warehouse', 'quantity', 'eta']);
    if (!header.ok) throw new Error(header.message);
    expect(masterDataInput(header.columns, ['R', 'S', 'W', 1, new Date(Date.UTC(2027, 0, 18))]).eta).toBe('2027-01-18T00:00:00.000Z');
    expect(textProblem({ name: 'a\u0000b' })).toMatchObject({ code: 'INVALID_TEXT', field: 'name' });
    expect(textProblem({ name: 'line\nbreak' })).toBeNull();
    expect([isBlankRow([' ', null, '']), isBlankRow(['', 'x'])]).toEqual([true, false]);
  });
});
