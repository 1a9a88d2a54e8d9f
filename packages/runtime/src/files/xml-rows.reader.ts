import { XMLParser, XMLValidator } from 'fast-xml-parser';

import type { TableFileCells, TableFileLimits } from './table-file.reader.js';

/**
 * An XML file as rows of cells, for ERPs that export XML: a root element holding one element per row
 * (any names, e.g. `<products><product>…</product></products>`), each holding one element per column.
 * The first row of cells is the header, the union of the column names in the order they first
 * appear; a column a row lacks is empty. The five XML escapes (`&amp;` …) are read; a document type
 * declaration (entities, external files) is refused, so no entity expansion happens. Attributes are ignored.
 */
export function readXmlRows(content: Buffer, { maxRows }: Pick<TableFileLimits, 'maxRows'>): TableFileCells {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return { ok: false, code: 'UNSUPPORTED_FILE', message: 'The file is named .xml but is not UTF-8 text: export it as UTF-8 XML.' };
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return { ok: false, code: 'UNSUPPORTED_FILE', message: 'The XML declares a document type (<!DOCTYPE>): export it without one.' };
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return {
      ok: false,
      code: 'MALFORMED_FILE',
      message: `The XML is not well-formed (line ${valid.err.line}: ${valid.err.msg}): fix the export and send it again.`,
    };
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    processEntities: true,
    htmlEntities: false,
    parseTagValue: false,
    trimValues: true,
    ignoreDeclaration: true,
  });
  const document = parser.parse(text) as Record<string, unknown>;
  const roots = Object.values(document);
  const root = roots.length === 1 ? roots[0] : null;
  const rows = root && typeof root === 'object' ? Object.values(root as Record<string, unknown>) : [];
  const records = rows.length === 1 && Array.isArray(rows[0]) ? (rows[0] as unknown[]) : rows.length === 1 ? [rows[0]] : null;
  if (!records || records.length === 0 || records.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) {
    return {
      ok: false,
      code: records?.length === 0 || !root ? 'EMPTY_FILE' : 'MALFORMED_FILE',
      message: 'The XML must be one root element holding one element per row (all of one name), each holding one element per column.',
    };
  }
  if (records.length > maxRows) {
    return { ok: false, code: 'FILE_TOO_LARGE', message: `The file has ${records.length} rows; at most ${maxRows}: split it.` };
  }
  const columns: string[] = [];
  for (const record of records as Record<string, unknown>[])
    for (const name of Object.keys(record)) if (!columns.includes(name)) columns.push(name);
  const cell = (value: unknown) => (value === undefined || value === null || typeof value === 'object' ? null : String(value));
  const cells: unknown[][] = [
    columns,
    ...(records as Record<string, unknown>[]).map((record) => columns.map((name) => cell(record[name]))),
  ];
  return { ok: true, kind: 'XML', cells };
}
