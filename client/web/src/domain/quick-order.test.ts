import { describe, expect, it } from 'vitest';

import { checkUploadFile, parsePastedRows, toBase64 } from './quick-order';

describe('parsePastedRows (the quick order pad)', () => {
  it('reads tab-separated rows pasted from Excel, skipping the header', () => {
    expect(parsePastedRows('SKU\tQuantity\nAB-100\t3\ncd-200\t12\n')).toEqual({
      lines: [
        { sku: 'AB-100', quantity: 3 },
        { sku: 'CD-200', quantity: 12 },
      ],
      unreadable: [],
    });
  });

  it('takes commas, semicolons and spaces; a SKU alone is one piece; the same SKU twice is added up', () => {
    expect(parsePastedRows('a-1,2\na-2;5\n a-3   7 \na-4\nA-1\t4').lines).toEqual([
      { sku: 'A-1', quantity: 6 },
      { sku: 'A-2', quantity: 5 },
      { sku: 'A-3', quantity: 7 },
      { sku: 'A-4', quantity: 1 },
    ]);
  });

  it('reports the lines it cannot read by their number, and keeps the rest', () => {
    const result = parsePastedRows('A-1\t2\nA-2\tmany\nA-3\t0\nA-4 1 2\n\nA-5\t-3\nA-6\t1');
    expect(result.lines).toEqual([
      { sku: 'A-1', quantity: 2 },
      { sku: 'A-6', quantity: 1 },
    ]);
    expect(result.unreadable.map((u) => u.line)).toEqual([2, 3, 4, 6]);
  });
});

describe('upload files', () => {
  it('accepts CSV and XLSX up to 1 MB', () => {
    expect(checkUploadFile({ name: 'order.XLSX', size: 10 })).toBe('OK');
    expect(checkUploadFile({ name: 'order.csv', size: 1024 * 1024 })).toBe('OK');
    expect(checkUploadFile({ name: 'order.csv', size: 1024 * 1024 + 1 })).toBe('TOO_LARGE');
    expect(checkUploadFile({ name: 'order.pdf', size: 10 })).toBe('TYPE');
  });

  it('encodes bytes to base64 exactly, also past one chunk', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
