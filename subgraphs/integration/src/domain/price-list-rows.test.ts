import { describe, expect, it } from 'vitest';

import { checkPriceListRow, markDuplicates, readPriceListHeader, shouldApply } from './price-list-rows.js';

const header = readPriceListHeader(['SKU', 'List Price', 'currency']);
const columns = header.ok ? header.columns : {};
const check = (row: number, cells: unknown[]) => checkPriceListRow({ row, cells, columns });

describe('price list rows', () => {
  it('reads the header in any case and order, and names missing columns', () => {
    expect(header).toEqual({ ok: true, columns: { sku: 0, list_price: 1, currency: 2 } });
    expect(readPriceListHeader(['currency', 'sku'])).toMatchObject({ ok: false, code: 'MISSING_COLUMNS' });
  });

  it('turns a valid row into cents and an upper-case currency', () => {
    expect(check(2, ['A-1', '12.5', 'eur'])).toEqual({
      row: 2,
      key: 'A-1',
      ok: true,
      sku: 'A-1',
      listPrice: 1250,
      currency: 'EUR',
      validFrom: null,
      validTo: null,
    });
    expect(check(3, ['A-2', 7, 'USD'])).toMatchObject({ ok: true, listPrice: 700 });
  });

  it('gives each bad row its code', () => {
    expect(check(2, ['', '1.00', 'EUR'])).toMatchObject({ ok: false, code: 'MISSING_SKU' });
    expect(check(2, ['A', '1,50', 'EUR'])).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
    expect(check(2, ['A', '1.005', 'EUR'])).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
    expect(check(2, ['A', '-1.00', 'EUR'])).toMatchObject({ ok: false, code: 'NEGATIVE_PRICE' });
    expect(check(2, ['A', '99999999.00', 'EUR'])).toMatchObject({ ok: false, code: 'ABSURD_PRICE' });
    expect(check(2, ['A', '1.00', 'euro'])).toMatchObject({ ok: false, code: 'INVALID_CURRENCY' });
  });

  it('reads a dated price: from its first instant, a date alone as midnight UTC, valid_to the whole day', () => {
    const withValidity = readPriceListHeader(['sku', 'list_price', 'currency', 'valid_from', 'valid_to']);
    const dated = (from: string, to: string) =>
      checkPriceListRow({ row: 2, cells: ['A', '1.00', 'EUR', from, to], columns: withValidity.ok ? withValidity.columns : {} });
    expect(dated('2027-01-01', '2027-03-31')).toMatchObject({
      ok: true,
      key: 'A@2027-01-01',
      validFrom: '2027-01-01T00:00:00.000Z',
      validTo: '2027-04-01T00:00:00.000Z',
    });
    expect(dated('2027-01-01T06:00:00+01:00', '')).toMatchObject({ ok: true, validFrom: '2027-01-01T05:00:00.000Z', validTo: null });
    expect(dated('2027-02-30', '')).toMatchObject({ ok: false, code: 'INVALID_DATE' });
    expect(dated('', '2027-03-31')).toMatchObject({ ok: false, code: 'INVALID_VALIDITY' });
    expect(dated('2027-03-01', '2027-02-01')).toMatchObject({ ok: false, code: 'INVALID_VALIDITY' });
    // One SKU may have its base price and dated prices in one file; the same valid_from twice is a duplicate.
    const rows = markDuplicates([dated('', ''), dated('2027-01-01', ''), dated('2027-01-01', '2027-02-01'), dated('2027-06-01', '')]);
    expect(rows.map((r) => (r.ok ? 'OK' : r.code))).toEqual(['OK', 'DUPLICATE_KEY', 'DUPLICATE_KEY', 'OK']);
  });

  it('fails every row of a SKU that appears twice, in any case, unless it has an error of its own', () => {
    const rows = markDuplicates([
      check(2, ['A', '1.00', 'EUR']),
      check(3, ['b', '1.00', 'EUR']),
      check(4, ['a', '2.00', 'EUR']),
      check(5, ['B', '-1.00', 'EUR']),
    ]);
    expect(rows.map((r) => (r.ok ? 'OK' : r.code))).toEqual(['DUPLICATE_KEY', 'DUPLICATE_KEY', 'DUPLICATE_KEY', 'NEGATIVE_PRICE']);
  });

  it('writes nothing unless every row is valid or valid rows only were asked for', () => {
    expect(shouldApply({ failed: 0, validRowsOnly: false })).toBe(true);
    expect(shouldApply({ failed: 1, validRowsOnly: false })).toBe(false);
    expect(shouldApply({ failed: 1, validRowsOnly: true })).toBe(true);
  });
});
