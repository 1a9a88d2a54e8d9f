/**
 * Reading the rows of a CSV text sent to us (an order upload, an ERP import), bounded: one separator for the whole file, detected
 * from its header line; blank lines skipped without any work beyond finding their end, but counted
 * (a file of blank lines is refused by its line count, not parsed row by row); quoted cells per
 * RFC 4180. Pure: no I/O.
 *
 * The separator is the one of `,` `;` `\t` that splits the first non-blank line into cells naming
 * the expected columns (e.g. sku and quantity); else the one that occurs most in it; else `,`. One
 * separator, so a quantity "1,000" in a semicolon file stays one cell (and is judged as a quantity,
 * not split into 1 and 000).
 */

export const CSV_SEPARATORS = [',', ';', '\t'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** One non-blank record and the line it starts on (1-based, as an editor shows it). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvRowsResult =
  | { ok: true; separator: CsvSeparator; records: CsvRecord[] }
  | { ok: false; code: 'FILE_TOO_LARGE'; message: string }
  | { ok: false; code: 'MALFORMED_FILE'; message: string };

/** Splits one line on `separator` outside quotes (for detection only: quotes are not unescaped). */
function naiveCells(line: string, separator: string): string[] {
  const cells: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      cells.push(line.slice(start, i));
      start = i + 1;
    }
  }
  cells.push(line.slice(start));
  return cells.map((c) => c.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

/** The separator of a CSV whose header line is `header` (see the module comment). */
export function detectSeparator({ header, columns = [] }: { header: string; columns?: readonly string[] }): CsvSeparator {
  const naming = columns.length
    ? CSV_SEPARATORS.find((s) => {
        const cells = naiveCells(header, s);
        return columns.every((c) => cells.includes(c.toLowerCase()));
      })
    : undefined;
  if (naming) return naming;
  const counts = CSV_SEPARATORS.map((s) => header.split(s).length - 1);
  const most = Math.max(...counts);
  return most > 0 ? CSV_SEPARATORS[counts.indexOf(most)] : ',';
}

const isBlank = (text: string, from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // space, tab, CR
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
};

/**
 * The records of `text`: at most `maxRecords` non-blank ones and `maxLines` lines in all, else
 * FILE_TOO_LARGE as soon as either is passed (nothing after it is read). Cells are trimmed. `columns`
 * are the header names that pick the separator (see the module comment).
 */
export function readCsvRows({
  text,
  maxRecords,
  maxLines,
  columns,
}: {
  text: string;
  maxRecords: number;
  maxLines: number;
  columns?: readonly string[];
}): CsvRowsResult {
  const tooLarge = (what: string): CsvRowsResult => ({
    ok: false,
    code: 'FILE_TOO_LARGE',
    message: `The file has more than ${what}; split it into smaller files.`,
  });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let separator: CsvSeparator | null = null;
  let line = 1;
  let pos = 0;
  while (pos < body.length) {
    if (line > maxLines) return tooLarge(`${maxLines.toLocaleString('en-US')} lines (blank ones count)`);
    const end = body.indexOf('\n', pos);
    const lineEnd = end < 0 ? body.length : end;
    if (isBlank(body, pos, lineEnd)) {
      pos = lineEnd + 1;
      line += 1;
      continue;
    }
    separator ??= detectSeparator({ header: body.slice(pos, lineEnd), columns });
    if (records.length >= maxRecords + 1) return tooLarge(`${maxRecords.toLocaleString('en-US')} lines`);
    const parsed = readRecord(body, pos, separator);
    if ('error' in parsed)
      return { ok: false, code: 'MALFORMED_FILE', message: `The CSV cannot be read near line ${line}: ${parsed.error}` };
    records.push({ line, cells: parsed.cells });
    line += parsed.lines;
    pos = parsed.next;
  }
  return { ok: true, separator: separator ?? ',', records };
}

/** One record from `start`: its cells, the position after it, and how many lines it spans. */
function readRecord(text: string, start: number, separator: string): { cells: string[]; next: number; lines: number } | { error: string } {
  const cells: string[] = [];
  let lines = 1;
  let i = start;
  for (;;) {
    if (text[i] === '"') {
      // A quoted cell: "" is a quote; it may span lines.
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) return { error: 'a quoted cell is not closed' };
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === '\n') lines += 1;
        value += c;
        i += 1;
      }
      while (i < text.length && text[i] !== separator && text[i] !== '\n') {
        if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\r') return { error: 'text after a quoted cell' };
        i += 1;
      }
      cells.push(value);
    } else {
      const stop = nextStop(text, i, separator);
      cells.push(text.slice(i, stop).trim());
      i = stop;
    }
    if (i >= text.length || text[i] === '\n') return { cells, next: i + 1, lines };
    i += 1; // the separator
  }
}

/** The index of the next separator or line end from `i`. */
function nextStop(text: string, i: number, separator: string): number {
  let j = i;
  while (j < text.length && text[j] !== separator && text[j] !== '\n') j += 1;
  return j;
}
