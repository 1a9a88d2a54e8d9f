import { describe, expect, it } from 'vitest';

import { MAX_IMPORT_BYTES } from '../domain/import-kinds.js';
import { decodeImportFile, readImportCells } from './import-file.reader.js';

describe('files to import', () => {
  it('refuses a file over the size limit before decoding it', () => {
    const tooLarge = 'A'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4);
    expect(decodeImportFile({ filename: 'p.csv', contentBase64: tooLarge })).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' });
  });

  it('tells CSV from XLSX by name and checks the content', async () => {
    const decoded = decodeImportFile({
      filename: 'P.CSV',
      contentBase64: Buffer.from('sku;list_price;currency\nA;1.00;EUR').toString('base64'),
    });
    expect(decoded).toMatchObject({ ok: true, kind: 'CSV' });
    expect(await readImportCells('P.CSV', decoded.ok ? decoded.content : Buffer.alloc(0))).toEqual({
      ok: true,
      kind: 'CSV',
      cells: [
        ['sku', 'list_price', 'currency'],
        ['A', '1.00', 'EUR'],
      ],
    });
    expect(await readImportCells('p.xlsx', Buffer.from('sku,list_price'))).toMatchObject({ ok: false, code: 'UNSUPPORTED_FILE' });
  });
});
