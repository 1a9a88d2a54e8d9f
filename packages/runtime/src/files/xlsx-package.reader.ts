import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';

/**
 * A look inside an .xlsx package (a ZIP) before any spreadsheet parser sees it, so that a hostile
 * or oversized workbook is refused cheaply and with a code:
 *
 * - every entry is inflated (on libuv's thread pool, off the event loop) against one budget of
 *   uncompressed bytes: a zip bomb stops at the budget (FILE_TOO_LARGE), whatever sizes it declares;
 * - the first visible sheet is found from the workbook's own list (hidden and very hidden sheets
 *   skipped), and its rows are counted in its XML: past the row limit, FILE_TOO_LARGE before parsing.
 */

const inflate = promisify(inflateRaw) as (buffer: Buffer, options: { maxOutputLength: number }) => Promise<Buffer>;

/** The least budget of uncompressed bytes: a 10,000-row order sheet with styles needs a few MB. */
export const MIN_XLSX_UNCOMPRESSED_BYTES = 24 * 1024 * 1024;
/** Entries a workbook may have: a real one has a few dozen. */
const MAX_ENTRIES = 2_000;

export type XlsxInspection =
  { ok: true; sheetName: string | null; rowCount: number } | { ok: false; code: 'FILE_TOO_LARGE' | 'MALFORMED_FILE'; message: string };

const malformed = (detail: string): XlsxInspection => ({
  ok: false,
  code: 'MALFORMED_FILE',
  message: `The workbook cannot be read (${detail}): open it in Excel and save it again as .xlsx.`,
});

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The central directory's entries; null when the file is not a ZIP this reader takes (no ZIP64, no encryption). */
function entriesOf(zip: Buffer): ZipEntry[] | null {
  const from = Math.max(0, zip.length - 65_557);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  if (count > MAX_ENTRIES || at === 0xffffffff) return null;
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const flags = zip.readUInt16LE(at + 8);
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = {
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
    };
    if (flags & 1 || entry.compressedSize === 0xffffffff) return null;
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** An entry's bytes, inflated within `budget`; throws RangeError past it. */
async function contentOf(zip: Buffer, entry: ZipEntry, budget: number): Promise<Buffer> {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) throw new Error('bad local header');
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > budget) throw new RangeError('over budget');
    return data;
  }
  if (entry.method !== 8) throw new Error(`compression method ${entry.method}`);
  return inflate(data, { maxOutputLength: Math.max(1, budget) });
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** The path of the first visible sheet's XML, from the workbook and its relationships. */
function firstVisibleSheet(files: Map<string, string>): { name: string; path: string } | null {
  const workbook = files.get('xl/workbook.xml') ?? '';
  const rels = files.get('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const state = attribute(tag, 'state');
    if (state === 'hidden' || state === 'veryHidden') continue;
    const path = targets.get(attribute(tag, 'r:id') ?? '');
    if (path) return { name: attribute(tag, 'name') ?? '', path };
  }
  return null;
}

/**
 * Inspects an .xlsx package within `maxUnpackedBytes` of uncompressed content; counts the data rows
 * of its first visible sheet.
 */
export async function inspectXlsx(zip: Buffer, maxRows: number, maxUnpackedBytes = MIN_XLSX_UNCOMPRESSED_BYTES): Promise<XlsxInspection> {
  const entries = entriesOf(zip);
  if (!entries) return malformed('not a plain ZIP package');
  let budget = maxUnpackedBytes;
  const files = new Map<string, string>();
  for (const entry of entries) {
    let content: Buffer;
    try {
      content = await contentOf(zip, entry, budget);
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        return {
          ok: false,
          code: 'FILE_TOO_LARGE',
          message: `The workbook unpacks to more than ${Math.round(maxUnpackedBytes / 1024 / 1024)} MB: save only the rows to send in a new workbook.`,
        };
      return malformed('a damaged entry');
    }
    budget -= content.length;
    if (entry.name.endsWith('.xml') || entry.name.endsWith('.rels')) files.set(entry.name, content.toString('utf8'));
  }
  const sheet = firstVisibleSheet(files);
  if (!sheet) return { ok: true, sheetName: null, rowCount: 0 };
  const xml = files.get(sheet.path) ?? '';
  let rowCount = 0;
  for (let at = xml.indexOf('<row'); at >= 0; at = xml.indexOf('<row', at + 4)) {
    // <row ...> or <row>, not <rowBreaks>.
    const next = xml[at + 4];
    if (next !== ' ' && next !== '>' && next !== '/') continue;
    rowCount += 1;
    // The header and blank rows count too: one row over the data limit is a refusal, not a parse.
    if (rowCount > maxRows * 2 + 1)
      return {
        ok: false,
        code: 'FILE_TOO_LARGE',
        message: `The sheet "${sheet.name.slice(0, 40)}" has more than ${maxRows.toLocaleString('en-US')} lines; split it into smaller files.`,
      };
  }
  return { ok: true, sheetName: sheet.name, rowCount };
}
