/**
 * Reading an uploaded order table (the cells of a CSV or of an XLSX sheet): the first row names the
 * columns, `sku` and `quantity` in any case and order; every later non-blank row is one line. Pure:
 * the file formats are decoded elsewhere.
 */

/** One data row: `row` is the row number as a spreadsheet shows it (the header is row 1). */
export interface OrderTableRow {
  row: number;
  sku: string;
  /** A number when the cell held one (possibly fractional or negative: judged later); else null. */
  quantity: number | null;
}

export type OrderTableResult =
  { ok: true; rows: OrderTableRow[] } | { ok: false; code: 'MISSING_COLUMNS' | 'FILE_TOO_LARGE' | 'EMPTY_FILE'; message: string };

/** A cell's text: numbers and strings as written, anything else (dates, formulas' errors) as its string form. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return String(cell).trim();
}

/**
 * A quantity cell as a number: 12 (a number cell, judged later when fractional), "12", " +12 ";
 * null when it is not a whole number written with digits only: "1,000", "2,5" and "1.000" mean
 * different things in different locales (a thousand, two and a half, one), so none is guessed.
 */
function cellNumber(cell: unknown): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const text = cellText(cell);
  if (!/^[+-]?\d{1,15}$/.test(text)) return null;
  return Number(text);
}

/** How much of a header row a MISSING_COLUMNS message repeats: the first few names, each cut short. */
const SHOWN_COLUMNS = 10;
const SHOWN_NAME_LENGTH = 40;

function foundColumns(header: readonly string[]): string {
  const names = header.filter(Boolean);
  if (names.length === 0) return 'nothing';
  const shown = names
    .slice(0, SHOWN_COLUMNS)
    .map((n) => ([...n].length > SHOWN_NAME_LENGTH ? `${[...n].slice(0, SHOWN_NAME_LENGTH).join('')}…` : n));
  return `${shown.join(', ')}${names.length > SHOWN_COLUMNS ? ` and ${(names.length - SHOWN_COLUMNS).toLocaleString('en-US')} more` : ''}`;
}

/** Finds the sku and quantity columns, then reads the data rows; at most `maxRows` of them. */
export function readOrderTable({ cells, maxRows }: { cells: readonly (readonly unknown[])[]; maxRows: number }): OrderTableResult {
  const headerIndex = cells.findIndex((r) => r.some((c) => cellText(c) !== ''));
  if (headerIndex < 0)
    return { ok: false, code: 'EMPTY_FILE', message: 'The file is empty: its first row must name the columns sku and quantity.' };
  const header = cells[headerIndex].map((c) => cellText(c).toLowerCase());
  const skuColumn = header.indexOf('sku');
  const quantityColumn = header.indexOf('quantity');
  const missing = [skuColumn < 0 ? 'sku' : null, quantityColumn < 0 ? 'quantity' : null].filter(Boolean);
  if (missing.length) {
    return {
      ok: false,
      code: 'MISSING_COLUMNS',
      message: `The first row must name the columns sku and quantity; ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing (found: ${foundColumns(header)}).`,
    };
  }
  const rows: OrderTableRow[] = [];
  for (let i = headerIndex + 1; i < cells.length; i++) {
    const r = cells[i];
    if (!r.some((c) => cellText(c) !== '')) continue;
    if (rows.length >= maxRows) {
      return {
        ok: false,
        code: 'FILE_TOO_LARGE',
        message: `The file has more than ${maxRows.toLocaleString('en-US')} lines; split it into smaller files.`,
      };
    }
    rows.push({ row: i + 1, sku: cellText(r[skuColumn]), quantity: cellNumber(r[quantityColumn]) });
  }
  if (rows.length === 0) return { ok: false, code: 'EMPTY_FILE', message: 'The file names the columns but has no lines below them.' };
  return { ok: true, rows };
}
