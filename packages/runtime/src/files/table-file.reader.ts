import ExcelJS from 'exceljs';

import { readCsvRows } from './csv-rows.js';
import { inspectXlsx, MIN_XLSX_UNCOMPRESSED_BYTES } from './xlsx-package.reader.js';
import { readXmlRows } from './xml-rows.reader.js';

/**
 * The one reader of the CSV and XLSX files people send us: dealers' order uploads (orders) and the
 * ERP's imports (integration). Every check happens before the file costs anything: the size before
 * decoding, the kind from the name and then against the content (a PDF renamed .csv is refused), a
 * CSV with one separator (csv-rows.ts), an XLSX inspected before it is parsed (xlsx-package.reader.ts),
 * rows counted against the limit before they are read.
 */

export type TableFileKind = 'CSV' | 'XLSX' | 'XML';

/** The kinds a reader takes unless told otherwise (XML is for the ERP's imports). */
const DEFAULT_KINDS: readonly TableFileKind[] = ['CSV', 'XLSX'];

/** Why a file cannot be read, as a code the caller answers (a userError or an import job's status). */
export type TableFileProblem = {
  ok: false;
  code: 'FILE_TOO_LARGE' | 'UNSUPPORTED_FILE' | 'MALFORMED_FILE' | 'EMPTY_FILE';
  message: string;
};

export type TableFileCells = { ok: true; kind: TableFileKind; cells: unknown[][] } | TableFileProblem;

/** What a reader of one kind of file allows. */
export interface TableFileLimits {
  /** The largest file, decoded (base64 adds a third on the wire). */
  maxBytes: number;
  /** Data rows a file may have: past it (blank lines and rows of a sheet counted before parsing), FILE_TOO_LARGE. */
  maxRows: number;
  /** Header names that pick a CSV's separator (e.g. sku and quantity). */
  columns?: readonly string[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Signatures of files people rename by mistake; none of them is ever a CSV. */
const BINARY_SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'a PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'a ZIP or Office file', bytes: [0x50, 0x4b] },
  { name: 'an old Excel (.xls) or Office file', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GZIP archive', bytes: [0x1f, 0x8b] },
];

const startsWith = (buffer: Buffer, bytes: number[]) => bytes.every((b, i) => buffer[i] === b);

/** What kind of file the name says it is; null for anything else. */
export function tableFileKind(filename: string): TableFileKind | null {
  const lower = filename.trim().toLowerCase();
  if (lower.endsWith('.csv')) return 'CSV';
  if (lower.endsWith('.xlsx')) return 'XLSX';
  if (lower.endsWith('.xml')) return 'XML';
  return null;
}

/** A cell of exceljs as plain data: formulas by their result, rich text and links by their text. */
function plainCell(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return value;
  const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
  if ('result' in v) return plainCell(v.result);
  if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
  if ('text' in v) return plainCell(v.text);
  if (v.error) return v.error;
  return null;
}

function readCsv(content: Buffer, { maxRows, columns }: TableFileLimits): TableFileCells {
  const signature = BINARY_SIGNATURES.find((s) => startsWith(content, s.bytes));
  if (signature)
    return {
      ok: false,
      code: 'UNSUPPORTED_FILE',
      message: `The file is named .csv but its content is ${signature.name}: save it as CSV text and send that.`,
    };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return {
      ok: false,
      code: 'UNSUPPORTED_FILE',
      message: 'The file is named .csv but is not UTF-8 text: save it as "CSV UTF-8" and send that.',
    };
  }
  if (text.includes('\u0000'))
    return { ok: false, code: 'UNSUPPORTED_FILE', message: 'The file is named .csv but holds binary data, not CSV text.' };
  // Blank lines count against the limit (twice the rows): a file of them is refused by its size, not read row by row.
  const read = readCsvRows({ text, maxRecords: maxRows, maxLines: maxRows * 2 + 1, columns });
  if (!read.ok) return read;
  // Spreadsheet row numbers are kept: blank lines stay as empty rows (one shared array).
  const cells: string[][] = [];
  for (const record of read.records) {
    while (cells.length < record.line - 1) cells.push(NO_CELLS);
    cells.push(record.cells);
  }
  return { ok: true, kind: 'CSV', cells };
}

const NO_CELLS: string[] = [];

async function readXlsx(content: Buffer, { maxRows, maxBytes }: TableFileLimits): Promise<TableFileCells> {
  if (!startsWith(content, [...ZIP_MAGIC])) {
    return {
      ok: false,
      code: 'UNSUPPORTED_FILE',
      message: 'The file is named .xlsx but its content is not an Excel workbook (.xlsx): open it in Excel and save it as .xlsx.',
    };
  }
  // A workbook compresses about tenfold; never below the budget an order sheet needs.
  const inspected = await inspectXlsx(content, maxRows, Math.max(MIN_XLSX_UNCOMPRESSED_BYTES, maxBytes * 8));
  if (!inspected.ok) return inspected;
  if (inspected.sheetName === null) return { ok: false, code: 'EMPTY_FILE', message: 'The workbook has no visible sheet.' };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return {
      ok: false,
      code: 'MALFORMED_FILE',
      message: 'The workbook cannot be read: it is damaged or not an .xlsx workbook. Open it in Excel and save it again.',
    };
  }
  // The first sheet people see: a hidden one (a lookup table, an old version) is not the data.
  const sheet = workbook.worksheets.find((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
  if (!sheet) return { ok: false, code: 'EMPTY_FILE', message: 'The workbook has no visible sheet.' };
  const values = sheet.getSheetValues() as unknown[][];
  const cells: unknown[][] = [];
  // Row arrays are 1-based and sparse (blank rows are holes): keep the row numbers Excel shows.
  for (let r = 1; r < values.length; r++) cells.push(Array.isArray(values[r]) ? values[r].slice(1).map(plainCell) : []);
  return { ok: true, kind: 'XLSX', cells };
}

/**
 * Checks and decodes a file sent as base64: the size before decoding, then the kind by its name,
 * then the base64 itself. The content is checked against the kind when it is read
 * ({@link readTableCells}).
 */
export function decodeTableFile({
  filename,
  contentBase64,
  maxBytes,
  kinds = DEFAULT_KINDS,
}: {
  filename: string;
  contentBase64: string;
  maxBytes: number;
  /** The kinds this reader takes (default CSV and XLSX). */
  kinds?: readonly TableFileKind[];
}): { ok: true; kind: TableFileKind; content: Buffer } | TableFileProblem {
  const encoded = contentBase64.replace(/\s+/g, '');
  if (encoded.length > Math.ceil(maxBytes / 3) * 4) {
    return {
      ok: false,
      code: 'FILE_TOO_LARGE',
      message: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: split it into smaller files.`,
    };
  }
  const kind = tableFileKind(filename);
  if (!kind || !kinds.includes(kind))
    return {
      ok: false,
      code: 'UNSUPPORTED_FILE',
      message: `"${filename.slice(0, 100)}" is not a ${kinds.map((k) => `.${k.toLowerCase()}`).join(' or ')} file: send one of those.`,
    };
  if (!BASE64.test(encoded) || encoded.length % 4 === 1)
    return { ok: false, code: 'MALFORMED_FILE', message: 'contentBase64 is not base64: send the file bytes base64-encoded.' };
  const content = Buffer.from(encoded, 'base64');
  if (content.length === 0) return { ok: false, code: 'EMPTY_FILE', message: 'The file is empty.' };
  return { ok: true, kind, content };
}

/** The rows of cells of decoded content of a kind (the rows as a spreadsheet numbers them). */
export function readTableCells(kind: TableFileKind, content: Buffer, limits: TableFileLimits): Promise<TableFileCells> {
  if (kind === 'XML') return Promise.resolve(readXmlRows(content, limits));
  return kind === 'CSV' ? Promise.resolve(readCsv(content, limits)) : readXlsx(content, limits);
}

/** {@link decodeTableFile}, then {@link readTableCells}: a file sent as base64 into rows of cells. */
export async function readTableFile(input: { filename: string; contentBase64: string } & TableFileLimits): Promise<TableFileCells> {
  const decoded = decodeTableFile(input);
  if (!decoded.ok) return decoded;
  return readTableCells(decoded.kind, decoded.content, input);
}
