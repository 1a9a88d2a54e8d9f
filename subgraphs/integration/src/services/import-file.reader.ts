import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

import { MAX_IMPORT_BYTES } from '../domain/import-kinds.js';

/** The largest file accepted, decoded; base64 adds a third. */
const MAX_FILE_BYTES = MAX_IMPORT_BYTES;

export type ImportFileKind = 'CSV' | 'XLSX';

export type ImportFileCells =
  | { ok: true; kind: ImportFileKind; cells: unknown[][] }
  | { ok: false; code: 'FILE_TOO_LARGE' | 'UNSUPPORTED_FILE' | 'MALFORMED_FILE' | 'EMPTY_FILE'; message: string };

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
function kindByName(filename: string): ImportFileKind | null {
  const lower = filename.trim().toLowerCase();
  if (lower.endsWith('.csv')) return 'CSV';
  if (lower.endsWith('.xlsx')) return 'XLSX';
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

function readCsv(content: Buffer): ImportFileCells {
  const signature = BINARY_SIGNATURES.find((s) => startsWith(content, s.bytes));
  if (signature)
    return {
      ok: false,
      code: 'UNSUPPORTED_FILE',
      message: `The file is named .csv but its content is ${signature.name}: save it as CSV text and import that.`,
    };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return {
      ok: false,
      code: 'UNSUPPORTED_FILE',
      message: 'The file is named .csv but is not UTF-8 text: save it as "CSV UTF-8" and import that.',
    };
  }
  if (text.includes('\u0000'))
    return { ok: false, code: 'UNSUPPORTED_FILE', message: 'The file is named .csv but holds binary data, not CSV text.' };
  try {
    // Excel writes ";" where "," is the decimal separator; both, and tabs, are common.
    const cells = parseCsv(text, {
      bom: true,
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
    return { ok: true, kind: 'CSV', cells };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    return {
      ok: false,
      code: 'MALFORMED_FILE',
      message: `The CSV cannot be read${line ? ` near line ${line}` : ''}: ${error.message.replace(/^.*?:\s*/, '')}`,
    };
  }
}

async function readXlsx(content: Buffer): Promise<ImportFileCells> {
  if (!startsWith(content, [...ZIP_MAGIC])) {
    return {
      ok: false,
      code: 'UNSUPPORTED_FILE',
      message: 'The file is named .xlsx but its content is not an Excel workbook (.xlsx): open it in Excel and save it as .xlsx.',
    };
  }
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
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, code: 'EMPTY_FILE', message: 'The workbook has no sheet.' };
  const values = sheet.getSheetValues() as unknown[][];
  const cells: unknown[][] = [];
  // Row arrays are 1-based and sparse (blank rows are holes): keep the row numbers Excel shows.
  for (let r = 1; r < values.length; r++) cells.push(Array.isArray(values[r]) ? values[r].slice(1).map(plainCell) : []);
  return { ok: true, kind: 'XLSX', cells };
}

/**
 * The same checks as the orders subgraph's order files (subgraphs share no code but the runtime):
 * the size before decoding, the kind from the name, base64. The content is checked against the kind
 * when it is read (a PDF renamed .csv is refused then).
 */
export function decodeImportFile({
  filename,
  contentBase64,
}: {
  filename: string;
  contentBase64: string;
}):
  | { ok: true; kind: ImportFileKind; content: Buffer }
  | { ok: false; code: 'FILE_TOO_LARGE' | 'UNSUPPORTED_FILE' | 'MALFORMED_FILE' | 'EMPTY_FILE'; message: string } {
  const encoded = contentBase64.replace(/\s+/g, '');
  if (encoded.length > Math.ceil(MAX_FILE_BYTES / 3) * 4) {
    return {
      ok: false,
      code: 'FILE_TOO_LARGE',
      message: `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: split it into smaller files.`,
    };
  }
  const kind = kindByName(filename);
  if (!kind)
    return {
      ok: false,
      code: 'UNSUPPORTED_FILE',
      message: `"${filename.slice(0, 100)}" is neither a .csv nor an .xlsx file: send one of those.`,
    };
  if (!BASE64.test(encoded) || encoded.length % 4 === 1)
    return { ok: false, code: 'MALFORMED_FILE', message: 'contentBase64 is not base64: send the file bytes base64-encoded.' };
  const content = Buffer.from(encoded, 'base64');
  if (content.length === 0) return { ok: false, code: 'EMPTY_FILE', message: 'The file is empty.' };
  return { ok: true, kind, content };
}

/** The rows of cells of a decoded file. */
export function readImportCells(filename: string, content: Buffer): Promise<ImportFileCells> {
  return kindByName(filename) === 'XLSX' ? readXlsx(content) : Promise.resolve(readCsv(content));
}
