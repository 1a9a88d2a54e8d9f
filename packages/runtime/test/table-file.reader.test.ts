import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { decodeTableFile, readTableCells, readTableFile, type TableFileLimits } from '../src/files/index.js';

const LIMITS: TableFileLimits = { maxBytes: 64 * 1024, maxRows: 5, columns: ['sku', 'quantity'] };
const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

async function workbook(sheets: { name: string; rows: unknown[][]; hidden?: boolean }[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name, { state: s.hidden ? 'hidden' : 'visible' });
    for (const row of s.rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('decodeTableFile', () => {
  it('refuses a file over the size limit before decoding it', () => {
    const tooLarge = 'A'.repeat(Math.ceil(LIMITS.maxBytes / 3) * 4 + 4);
    expect(decodeTableFile({ filename: 'p.csv', contentBase64: tooLarge, maxBytes: LIMITS.maxBytes })).toMatchObject({
      ok: false,
      code: 'FILE_TOO_LARGE',
    });
  });

  it('tells CSV from XLSX by name, and refuses other names, bad base64 and empty files', () => {
    const decode = (filename: string, contentBase64: string) => decodeTableFile({ filename, contentBase64, maxBytes: LIMITS.maxBytes });
    expect(decode('P.CSV', base64('sku;quantity'))).toMatchObject({ ok: true, kind: 'CSV' });
    expect(decode('order.xlsx', base64('PK'))).toMatchObject({ ok: true, kind: 'XLSX' });
    expect(decode('order.pdf', base64('x'))).toMatchObject({ ok: false, code: 'UNSUPPORTED_FILE' });
    expect(decode('order.csv', 'not base64!')).toMatchObject({ ok: false, code: 'MALFORMED_FILE' });
    expect(decode('order.csv', '')).toMatchObject({ ok: false, code: 'EMPTY_FILE' });
  });
});

describe('readTableFile', () => {
  it('reads a CSV with one separator, keeps row numbers and a "1,000" in a semicolon file as one cell', async () => {
    const text = 'sku;quantity\nA-1;1,000\n\nB-2;3';
    expect(await readTableFile({ ...LIMITS, filename: 'o.csv', contentBase64: base64(text) })).toEqual({
      ok: true,
      kind: 'CSV',
      cells: [['sku', 'quantity'], ['A-1', '1,000'], [], ['B-2', '3']],
    });
  });

  it('picks the separator from the expected columns of the reader (a price list here)', async () => {
    const file = { maxBytes: LIMITS.maxBytes, maxRows: 5, columns: ['sku', 'list_price', 'currency'] };
    expect(await readTableFile({ ...file, filename: 'p.csv', contentBase64: base64('sku;list_price;currency\nA;1.00;EUR') })).toEqual({
      ok: true,
      kind: 'CSV',
      cells: [
        ['sku', 'list_price', 'currency'],
        ['A', '1.00', 'EUR'],
      ],
    });
  });

  it('refuses more rows than the limit, before reading them', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => `S-${i};1`).join('\n');
    expect(await readTableFile({ ...LIMITS, filename: 'o.csv', contentBase64: base64(`sku;quantity\n${rows}`) })).toMatchObject({
      ok: false,
      code: 'FILE_TOO_LARGE',
    });
  });

  it('checks the content against the name: a PDF named .csv, text named .xlsx', async () => {
    expect(await readTableFile({ ...LIMITS, filename: 'o.csv', contentBase64: base64('%PDF-1.7 ...') })).toMatchObject({
      ok: false,
      code: 'UNSUPPORTED_FILE',
    });
    expect(await readTableCells('XLSX', Buffer.from('sku,quantity'), LIMITS)).toMatchObject({ ok: false, code: 'UNSUPPORTED_FILE' });
  });

  it('reads the first visible sheet of a workbook, with the rows Excel shows', async () => {
    const xlsx = await workbook([
      { name: 'lookup', rows: [['not', 'this']], hidden: true },
      {
        name: 'order',
        rows: [
          ['sku', 'quantity'],
          ['A-1', 2],
          ['B-2', 3],
        ],
      },
    ]);
    expect(await readTableFile({ ...LIMITS, filename: 'o.xlsx', contentBase64: base64(xlsx) })).toEqual({
      ok: true,
      kind: 'XLSX',
      cells: [
        ['sku', 'quantity'],
        ['A-1', 2],
        ['B-2', 3],
      ],
    });
  });

  it('refuses a sheet with more rows than the limit before parsing it', async () => {
    const xlsx = await workbook([{ name: 'order', rows: [['sku', 'quantity'], ...Array.from({ length: 20 }, (_, i) => [`S-${i}`, 1])] }]);
    expect(await readTableFile({ ...LIMITS, filename: 'o.xlsx', contentBase64: base64(xlsx) })).toMatchObject({
      ok: false,
      code: 'FILE_TOO_LARGE',
    });
  });
});

describe('XML files (the ERP imports)', () => {
  const xml = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);

  it('are taken only where asked for: imports yes, the order upload (CSV and XLSX) no', () => {
    const content = base64('<rows><row><sku>A</sku></row></rows>');
    expect(
      decodeTableFile({ filename: 'prices.XML', contentBase64: content, maxBytes: 1024, kinds: ['CSV', 'XLSX', 'XML'] }),
    ).toMatchObject({
      ok: true,
      kind: 'XML',
    });
    expect(decodeTableFile({ filename: 'order.xml', contentBase64: content, maxBytes: 1024 })).toMatchObject({
      ok: false,
      code: 'UNSUPPORTED_FILE',
      message: '"order.xml" is not a .csv or .xlsx file: send one of those.',
    });
  });

  it('read one element per row and one per column, the header the columns in order of first use', async () => {
    const read = await readTableCells(
      'XML',
      xml(
        '<products><product><sku>BRG-1</sku><name>Bearing &amp; seal</name></product><product><sku>BRG-2</sku><brand>SKF</brand></product></products>',
      ),
      LIMITS,
    );
    expect(read).toEqual({
      ok: true,
      kind: 'XML',
      cells: [
        ['sku', 'name', 'brand'],
        ['BRG-1', 'Bearing & seal', null],
        ['BRG-2', null, 'SKF'],
      ],
    });
    // One row alone is a row too, not a list of columns.
    expect(await readTableCells('XML', xml('<rows><row><sku>X</sku></row></rows>'), LIMITS)).toMatchObject({ cells: [['sku'], ['X']] });
  });

  it('refuse what is not well-formed, not of that shape, over the row limit, or declares entities to expand', async () => {
    expect(await readTableCells('XML', xml('<rows><row><sku>A</row></rows>'), LIMITS)).toMatchObject({ ok: false, code: 'MALFORMED_FILE' });
    expect(await readTableCells('XML', xml('<rows></rows>'), LIMITS)).toMatchObject({ ok: false, code: 'EMPTY_FILE' });
    expect(await readTableCells('XML', xml('<rows><a><sku>1</sku></a><b>2</b></rows>'), LIMITS)).toMatchObject({
      ok: false,
      code: 'MALFORMED_FILE',
    });
    const many = `<rows>${'<row><sku>A</sku></row>'.repeat(LIMITS.maxRows + 1)}</rows>`;
    expect(await readTableCells('XML', xml(many), LIMITS)).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' });
    const laughs = xml(
      '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rows><row><sku>&b;</sku></row></rows>',
    );
    expect(await readTableCells('XML', laughs, LIMITS)).toMatchObject({ ok: false, code: 'UNSUPPORTED_FILE' });
  });
});
