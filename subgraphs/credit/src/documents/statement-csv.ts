import { formatAmount } from '@dealergraph/runtime';

import type { Statement } from '../domain/statement.js';

/**
 * RFC 4180 quoting, after the OWASP guard against CSV injection: any cell that starts with = + - @ tab
 * or carriage return is prefixed with ' so spreadsheets never run it as a formula, except a plain
 * amount (-12.50), which is a number and nothing else. "-1+1+cmd|..." starts like a number and is not one.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
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
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
