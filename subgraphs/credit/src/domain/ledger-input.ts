/**
 * Checks on ledger rows that come from the ERP, before anything is written: pure. Each returns the
 * problems found (empty when the row is fine), so a bad row is refused whole.
 */
import type { UserError } from '@dealergraph/runtime';

/** A user error of a ledger row, with the codes these checks answer. */
export interface LedgerProblem extends UserError {
  code:
    'INVALID_AMOUNT' | 'INVALID_DATE' | 'INVALID_REFERENCE' | 'LINES_DO_NOT_ADD_UP' | 'INVALID_QUANTITY' | 'INVALID_INPUT' | 'FORBIDDEN';
  message: string;
  field: string[];
}

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;

function referenceProblem(value: string, field: string): LedgerProblem[] {
  return REFERENCE.test(value)
    ? []
    : [
        {
          code: 'INVALID_REFERENCE',
          message: `${field} must be 1-100 letters, digits or . _ : / -, starting with a letter or digit.`,
          field: ['input', field],
        },
      ];
}

export interface InvoiceRowInput {
  externalReference: string;
  number: string;
  amount: number;
  issuedAt: Date;
  dueAt: Date;
  lines: readonly { quantity: number; unitPrice: number; lineTotal: number }[];
}

/** An invoice: positive amount, due on or after issue, lines (when given) that add up to the amount. */
export function invoiceRowProblems(row: InvoiceRowInput): LedgerProblem[] {
  const problems = [...referenceProblem(row.externalReference, 'externalReference'), ...referenceProblem(row.number, 'number')];
  if (!Number.isSafeInteger(row.amount) || row.amount <= 0)
    problems.push({ code: 'INVALID_AMOUNT', message: 'The invoice amount must be above zero.', field: ['input', 'amount'] });
  if (Number.isNaN(row.issuedAt.getTime()) || Number.isNaN(row.dueAt.getTime()) || row.dueAt.getTime() < row.issuedAt.getTime()) {
    problems.push({ code: 'INVALID_DATE', message: 'dueAt must be a valid instant on or after issuedAt.', field: ['input', 'dueAt'] });
  }
  row.lines.forEach((line, i) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      problems.push({
        code: 'INVALID_QUANTITY',
        message: `Line ${i + 1}: quantity must be a whole number above zero.`,
        field: ['input', 'lines', String(i), 'quantity'],
      });
    }
    if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0 || !Number.isSafeInteger(line.lineTotal) || line.lineTotal < 0) {
      problems.push({
        code: 'INVALID_AMOUNT',
        message: `Line ${i + 1}: prices must not be negative.`,
        field: ['input', 'lines', String(i)],
      });
    }
  });
  row.lines.forEach((line, i) => {
    // Checked only when the line's figures are sane on their own (reported above otherwise).
    const sane = line.quantity > 0 && [line.quantity, line.unitPrice, line.lineTotal].every((n) => Number.isSafeInteger(n) && n >= 0);
    if (sane && line.quantity * line.unitPrice !== line.lineTotal) {
      problems.push({
        code: 'LINES_DO_NOT_ADD_UP',
        message: `Line ${i + 1}: quantity times unit price must equal the line total.`,
        field: ['input', 'lines', String(i), 'lineTotal'],
      });
    }
  });
  if (row.lines.length > 0 && row.lines.reduce((s, l) => s + l.lineTotal, 0) !== row.amount) {
    problems.push({
      code: 'LINES_DO_NOT_ADD_UP',
      message: 'The line totals must add up to the invoice amount.',
      field: ['input', 'lines'],
    });
  }
  return problems;
}

/**
 * An API client bound to one dealer records ledger rows for that dealer only; people with the role and
 * unbound clients (the distributor's ERP) record for any dealer.
 */
export function boundClientProblem(input: { boundDealerId: string | null; dealerId: string | null }): LedgerProblem | null {
  if (!input.boundDealerId || input.boundDealerId === input.dealerId) return null;
  return {
    code: 'FORBIDDEN',
    message: 'This API client records ledger rows for its own dealer only.',
    field: ['input', 'dealerId'],
  };
}

/** A payment: a positive amount and a valid date. */
export function paymentRowProblems(row: { externalReference: string; amount: number; receivedAt: Date }): LedgerProblem[] {
  const problems = referenceProblem(row.externalReference, 'externalReference');
  if (!Number.isSafeInteger(row.amount) || row.amount <= 0)
    problems.push({ code: 'INVALID_AMOUNT', message: 'The payment amount must be above zero.', field: ['input', 'amount'] });
  if (Number.isNaN(row.receivedAt.getTime()))
    problems.push({ code: 'INVALID_DATE', message: 'receivedAt must be a valid instant.', field: ['input', 'receivedAt'] });
  return problems;
}

/** An adjustment: a non-zero signed amount (positive debits the dealer, negative credits it) and a reason. */
export function adjustmentRowProblems(row: { externalReference: string; amount: number; reason: string }): LedgerProblem[] {
  const problems = referenceProblem(row.externalReference, 'externalReference');
  if (!Number.isSafeInteger(row.amount) || row.amount === 0)
    problems.push({ code: 'INVALID_AMOUNT', message: 'The adjustment amount must not be zero.', field: ['input', 'amount'] });
  if (row.reason.trim().length < 3)
    problems.push({
      code: 'INVALID_INPUT',
      message: 'Say why the balance is adjusted (at least 3 characters).',
      field: ['input', 'reason'],
    });
  return problems;
}

/**
 * How a payment is spread over open invoices: the named invoice alone, or oldest due first. What no
 * invoice takes stays on account (`unapplied`) and still lowers the balance.
 */
export function allocatePayment(input: { amount: number; invoices: readonly { id: string; outstanding: number; dueAt: Date }[] }): {
  allocations: { invoiceId: string; amount: number }[];
  unapplied: number;
} {
  let left = input.amount;
  const allocations: { invoiceId: string; amount: number }[] = [];
  const ordered = [...input.invoices].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : 1));
  for (const invoice of ordered) {
    if (left <= 0) break;
    const take = Math.min(left, invoice.outstanding);
    if (take <= 0) continue;
    allocations.push({ invoiceId: invoice.id, amount: take });
    left -= take;
  }
  return { allocations, unapplied: left };
}

/** A limit change: a limit of zero or more and a reason for the audit trail. */
export function limitChangeProblems(row: { limit: number; reason: string }): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  if (!Number.isSafeInteger(row.limit) || row.limit < 0)
    problems.push({ code: 'INVALID_AMOUNT', message: 'The credit limit must be zero or more.', field: ['input', 'limit'] });
  if (row.reason.trim().length < 3)
    problems.push({
      code: 'INVALID_INPUT',
      message: 'Say why the limit changes (at least 3 characters); it goes into the audit trail.',
      field: ['input', 'reason'],
    });
  return problems;
}
