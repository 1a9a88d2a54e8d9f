import { formatAmount } from '@dealergraph/runtime';

import type { Statement } from '../domain/statement.js';

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets never run it as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The statement as CSV: an OPENING row, one row per movement with the running balance, a CLOSING row. */
export function statementCsv(statement: Statement, currency: string): string {
  const rows: string[][] = [['date', 'type', 'reference', 'description', 'amount', 'balance', 'currency']];
  rows.push([statement.from.toISOString(), 'OPENING', '', 'Opening balance', '', formatAmount(statement.openingBalance), currency]);
  for (const l of statement.lines) {
    rows.push([l.at.toISOString(), l.kind, l.reference, l.description, formatAmount(l.amount), formatAmount(l.balance), currency]);
  }
  rows.push([statement.to.toISOString(), 'CLOSING', '', 'Closing balance', '', formatAmount(statement.closingBalance), currency]);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
