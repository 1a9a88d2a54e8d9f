import { CsvError, parse as parseCsv } from 'csv-parse/sync';

/**
 * Reading the rows of a CSV text sent to us (an order upload, an ERP import), bounded: one separator for the whole file, detected
 * from its header line; blank lines skipped without any work beyond finding their end, but counted
 * (a file of blank lines is refused by its line count, not parsed row by row); quoted cells per
 * RFC 4180 (csv-parse). Pure: no I/O.
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

/** The most a single record may hold: a quote left open cannot swallow the rest of a large file silently. */
const MAX_RECORD_CHARS = 1_000_000;

/** The number of lines in `text` up to `limit + 1` (reading stops there). */
function linesUpTo(text: string, limit: number): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < text.length - 1; at = text.indexOf('\n', at + 1)) {
    lines += 1;
    if (lines > limit) break;
  }
  return lines;
}

/**
 * The records of `text` (parsed by csv-parse): at most `maxRecords` non-blank ones besides the header
 * and `maxLines` lines in all (blank ones count), else FILE_TOO_LARGE, decided before any parsing. Cells
 * are trimmed. `columns` are the header names that pick the separator (see the module comment).
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
  if (linesUpTo(text, maxLines) > maxLines) return tooLarge(`${maxLines.toLocaleString('en-US')} lines (blank ones count)`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const header = body.split('\n', maxLines).find((line) => line.trim() !== '');
  if (header === undefined) return { ok: true, separator: ',', records: [] };
  const separator = detectSeparator({ header, columns });
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parseCsv(body, {
      delimiter: separator,
      record_delimiter: ['\r\n', '\n'],
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      max_record_size: MAX_RECORD_CHARS,
      info: true,
      to: maxRecords + 2,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const near = (error as CsvError & { lines?: number }).lines;
    return { ok: false, code: 'MALFORMED_FILE', message: `The CSV cannot be read near line ${near ?? 1}: ${error.message}` };
  }
  if (parsed.length > maxRecords + 1) return tooLarge(`${maxRecords.toLocaleString('en-US')} lines`);
  const records = parsed.map(({ record, info }) => {
    // info.lines is the line the record ends on; a quoted cell's line breaks carried it over several.
    const breaks = record.reduce((sum, cell) => sum + cell.split('\n').length - 1, 0);
    return { line: info.lines - breaks, cells: record };
  });
  return { ok: true, separator, records };
}
