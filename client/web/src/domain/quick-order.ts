// What the quick order pad reads from rows pasted out of Excel (or typed): one line per row, a SKU
// and a quantity separated by a tab, a comma, a semicolon or spaces. A header row (sku, quantity)
// is skipped; the same SKU twice is one line with the quantities added, as the upload does.

export interface PastedLine {
  sku: string;
  quantity: number;
}

export interface PasteResult {
  lines: PastedLine[];
  /** 1-based numbers of the lines that could not be read, with the text. */
  unreadable: { line: number; text: string }[];
}

const HEADER = /^\s*(sku|part|article)\b.*\b(qty|quantity|menge|amount)\b/i;

export function parsePastedRows(text: string): PasteResult {
  const bySku = new Map<string, number>();
  const unreadable: PasteResult['unreadable'] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const row = raw.trim();
    if (!row || (index === 0 && HEADER.test(row))) return;
    const cells = row
      .split(/\t|;|,|\s+/)
      .map((cell) => cell.trim())
      .filter(Boolean);
    const [sku, quantityText = '1'] = cells;
    const quantity = /^\d{1,6}$/.test(quantityText) ? Number(quantityText) : NaN;
    if (!sku || cells.length > 2 || !Number.isInteger(quantity) || quantity < 1) {
      unreadable.push({ line: index + 1, text: row });
      return;
    }
    const key = sku.toUpperCase();
    bySku.set(key, (bySku.get(key) ?? 0) + quantity);
  });
  return { lines: [...bySku].map(([sku, quantity]) => ({ sku, quantity })), unreadable };
}

/** The accepted upload files: CSV or XLSX by name, at most 1 MB (the API's limit is about that after base64). */
export function checkUploadFile(file: { name: string; size: number }): 'OK' | 'TYPE' | 'TOO_LARGE' {
  if (!/\.(csv|xlsx)$/i.test(file.name)) return 'TYPE';
  return file.size > 1024 * 1024 ? 'TOO_LARGE' : 'OK';
}

/** Base64 of a file's bytes, for uploadOrderLines (chunked: a spread of a large array overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
