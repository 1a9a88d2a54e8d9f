import { readAmount } from '@dealergraph/runtime';

import { DAY_MS } from './credit.js';

/**
 * INVOICES and PAYMENTS files from the ERP, decided row by row before anything is written: pure. The
 * caller loads what the rows name (accounts, invoices already recorded, payments already recorded)
 * and writes what the plan says, in one transaction. Invoices are ledger rows: once recorded they do
 * not change (a correction is a credit note, recordBalanceAdjustment), so a row that names a recorded
 * invoice is UNCHANGED when it says the same and INVOICE_CONFLICT when it does not. The same file twice
 * is therefore all UNCHANGED.
 */

/** A problem with one row: its code, what is wrong, and the column. */
export interface LedgerImportProblem {
  code: string;
  message: string;
  field: string;
}

export type RowPlan<T> =
  { ok: true; status: 'CREATED'; value: T } | { ok: true; status: 'UNCHANGED' } | { ok: false; problem: LedgerImportProblem };

/** Invoice numbers and payment references: the ERP's keys (ledger-input.ts's reference rule). */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** An amount above this (in cents) is taken for a typing error: 100,000,000.00. */
export const MAX_LEDGER_AMOUNT_CENTS = 10_000_000_000;

const textOf = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw).trim());

/** A date (YYYY-MM-DD, midnight UTC) or an ISO instant with its offset, 2000-2199. Null when empty, undefined when unreadable. */
export function readLedgerDate(raw: unknown): Date | null | undefined {
  const text = textOf(raw);
  if (!text) return null;
  const dateOnly = DATE.test(text);
  if (!dateOnly && !INSTANT.test(text)) return undefined;
  const at = new Date(dateOnly ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(at.getTime())) return undefined;
  if (dateOnly && at.toISOString().slice(0, 10) !== text) return undefined;
  const year = at.getUTCFullYear();
  return year < 2000 || year > 2199 ? undefined : at;
}

function amountOf(raw: unknown, field: string, problems: LedgerImportProblem[]): number {
  const text = textOf(raw);
  if (!text) {
    problems.push({ code: 'REQUIRED', message: `${field} is required.`, field });
    return 0;
  }
  const read = readAmount(text, { field: [field], example: '1250.00' });
  if (!read.ok) {
    problems.push({ code: 'INVALID_AMOUNT', message: read.errors[0]!.message, field });
    return 0;
  }
  if (read.value <= 0) problems.push({ code: 'INVALID_AMOUNT', message: `${field} must be above zero.`, field });
  else if (read.value > MAX_LEDGER_AMOUNT_CENTS)
    problems.push({ code: 'ABSURD_AMOUNT', message: `${field} ${text} is above 100,000,000.00: check the decimal separator.`, field });
  return read.value;
}

function dateOf(raw: unknown, field: string, required: boolean, problems: LedgerImportProblem[]): Date | null {
  const at = readLedgerDate(raw);
  if (at === undefined)
    problems.push({ code: 'INVALID_DATE', message: `${field} "${textOf(raw).slice(0, 30)}" is not a date such as 2027-01-15.`, field });
  else if (at === null && required) problems.push({ code: 'REQUIRED', message: `${field} is required.`, field });
  return at ?? null;
}

function referenceOf(raw: unknown, field: string, problems: LedgerImportProblem[]): string {
  const text = textOf(raw);
  if (!text) problems.push({ code: 'REQUIRED', message: `${field} is required.`, field });
  else if (!REFERENCE.test(text))
    problems.push({
      code: 'INVALID_REFERENCE',
      message: `${field} must be 1-100 letters, digits or . _ : / -, starting with a letter or digit.`,
      field,
    });
  return text;
}

function currencyProblem(raw: unknown, accountCurrency: string): LedgerImportProblem | null {
  const currency = textOf(raw).toUpperCase();
  if (!currency || currency === accountCurrency) return null;
  return {
    code: 'CURRENCY_MISMATCH',
    message: `The account is kept in ${accountCurrency}, not ${currency.slice(0, 10)}.`,
    field: 'currency',
  };
}

const failed = <T>(problems: readonly LedgerImportProblem[]): RowPlan<T> => ({
  ok: false,
  problem: { ...problems[0]!, message: problems.map((p) => p.message).join(' ') },
});

/** Keys that appear in more than one row (case as written): which row is meant cannot be told. */
function duplicated(keys: readonly string[]): Set<string> {
  const seen = new Map<string, number>();
  for (const k of keys) if (k) seen.set(k, (seen.get(k) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([k]) => k));
}

// ---------------------------------------------------------------------------------------------- invoices

/** An INVOICES row as integration hands it over: dealerId and orderId resolved from dealer_code and order_ref. */
export interface InvoiceImportRow {
  number?: unknown;
  dealerId: string;
  orderId?: string | null;
  amount?: unknown;
  currency?: unknown;
  issuedAt?: unknown;
  dueAt?: unknown;
}

export interface InvoiceToCreate {
  number: string;
  dealerId: string;
  orderId: string | null;
  amount: number;
  currency: string;
  issuedAt: Date;
  dueAt: Date;
}

/** An invoice as recorded, as far as a repeat must match it. */
export interface RecordedInvoice {
  number: string;
  dealerId: string;
  orderId: string | null;
  amount: number;
  dueAt: Date;
}

/**
 * Decides every invoice row: the number (the key), the amount (above zero, not absurd), the due date,
 * the issue date (optional: the due date less the account's payment terms, so a repeat computes the
 * same), the currency (the account's, when given), the dealer's credit account. A number already
 * recorded is UNCHANGED when dealer, order, amount and due day agree, else INVOICE_CONFLICT; a number
 * twice in the file fails both rows (DUPLICATE_KEY).
 */
export function planInvoiceImport(input: {
  rows: readonly InvoiceImportRow[];
  accounts: ReadonlyMap<string, { currency: string; paymentTermsDays: number }>;
  recorded: ReadonlyMap<string, RecordedInvoice>;
}): RowPlan<InvoiceToCreate>[] {
  const numbers = input.rows.map((r) => textOf(r.number));
  const twice = duplicated(numbers);
  return input.rows.map((row, i): RowPlan<InvoiceToCreate> => {
    const problems: LedgerImportProblem[] = [];
    const number = referenceOf(row.number, 'number', problems);
    const amount = amountOf(row.amount, 'amount', problems);
    const dueAt = dateOf(row.dueAt, 'dueDate', true, problems);
    const givenIssue = dateOf(row.issuedAt, 'issueDate', false, problems);
    const account = input.accounts.get(row.dealerId);
    if (!account) problems.push({ code: 'NO_CREDIT_ACCOUNT', message: 'The dealer has no credit account yet.', field: 'dealerCode' });
    if (problems.length) return failed(problems);
    if (twice.has(numbers[i]!))
      return failed([{ code: 'DUPLICATE_KEY', message: `Invoice ${number} appears in more than one row.`, field: 'number' }]);
    const currency = currencyProblem(row.currency, account!.currency);
    if (currency) return failed([currency]);
    const issuedAt = givenIssue ?? new Date(dueAt!.getTime() - account!.paymentTermsDays * DAY_MS);
    if (dueAt!.getTime() < issuedAt.getTime())
      return failed([{ code: 'INVALID_DATE', message: 'dueDate must be on or after issueDate.', field: 'dueDate' }]);
    const orderId = row.orderId ?? null;
    const existing = input.recorded.get(number);
    if (existing) {
      const same =
        existing.dealerId === row.dealerId &&
        existing.amount === amount &&
        existing.dueAt.getTime() === dueAt!.getTime() &&
        (existing.orderId ?? null) === orderId;
      return same
        ? { ok: true, status: 'UNCHANGED' }
        : failed([
            {
              code: 'INVOICE_CONFLICT',
              message: `Invoice ${number} was recorded with another dealer, order, amount or due date; an invoice does not change (book a credit note).`,
              field: 'number',
            },
          ]);
    }
    return {
      ok: true,
      status: 'CREATED',
      value: { number, dealerId: row.dealerId, orderId, amount, currency: account!.currency, issuedAt, dueAt: dueAt! },
    };
  });
}

// ---------------------------------------------------------------------------------------------- payments

/** A PAYMENTS row as integration hands it over. */
export interface PaymentImportRow {
  invoiceNumber?: unknown;
  amount?: unknown;
  receivedAt?: unknown;
  reference?: unknown;
  currency?: unknown;
}

/** An invoice a payment may go to: its dealer, currency and what is left to pay now. */
export interface PayableInvoice {
  id: string;
  number: string;
  dealerId: string;
  currency: string;
  outstanding: number;
}

export interface PaymentToCreate {
  externalRef: string;
  invoiceId: string;
  dealerId: string;
  amount: number;
  currency: string;
  receivedAt: Date;
  reference: string;
}

/** A payment as recorded, as far as a repeat must match it. */
export interface RecordedPayment {
  externalRef: string;
  invoiceId: string | null;
  amount: number;
}

/**
 * The key of a payment row: the ERP's reference when the file has one, else invoice, day and amount
 * (`PAY:<invoice>:<YYYY-MM-DD>:<cents>`), so the same file twice finds the same payments.
 */
export function paymentKey(row: { reference: string; invoiceNumber: string; receivedAt: Date; amount: number }): string {
  return row.reference || `PAY:${row.invoiceNumber}:${row.receivedAt.toISOString().slice(0, 10)}:${row.amount}`;
}

function readPaymentRow(row: PaymentImportRow) {
  const problems: LedgerImportProblem[] = [];
  const invoiceNumber = referenceOf(row.invoiceNumber, 'invoiceNumber', problems);
  const amount = amountOf(row.amount, 'amount', problems);
  const receivedAt = dateOf(row.receivedAt, 'date', true, problems);
  const given = textOf(row.reference);
  const reference = given ? referenceOf(given, 'reference', problems) : '';
  const key = problems.length ? '' : paymentKey({ reference, invoiceNumber, receivedAt: receivedAt!, amount });
  return { problems, invoiceNumber, amount, receivedAt, reference, key };
}

/** The key of each readable payment row (null for a row with errors): what to look up among the recorded payments. */
export function paymentRowKeys(rows: readonly PaymentImportRow[]): (string | null)[] {
  return rows.map((row) => readPaymentRow(row).key || null);
}

/**
 * Decides every payment row: the invoice it pays (by number; the dealer is the invoice's), the amount
 * (above zero, at most what is left to pay on the invoice after the earlier rows of the file:
 * OVERPAYMENT), the date, the currency (the invoice's, when given), the key (paymentKey; twice in the
 * file: DUPLICATE_KEY). A key already recorded is UNCHANGED when it paid the same invoice the same
 * amount, else DUPLICATE_REFERENCE. Rows are taken in file order, and only a row that would be
 * written lowers what is left.
 */
export function planPaymentImport(input: {
  rows: readonly PaymentImportRow[];
  invoices: ReadonlyMap<string, PayableInvoice>;
  recorded: ReadonlyMap<string, RecordedPayment>;
}): RowPlan<PaymentToCreate>[] {
  const left = new Map([...input.invoices.values()].map((inv) => [inv.id, inv.outstanding]));
  const read = input.rows.map(readPaymentRow);
  const twice = duplicated(read.map((r) => r.key));
  return read.map((r, i): RowPlan<PaymentToCreate> => {
    if (r.problems.length) return failed(r.problems);
    if (twice.has(r.key))
      return failed([
        {
          code: 'DUPLICATE_KEY',
          message: `Payment ${r.key} appears in more than one row.`,
          field: r.reference ? 'reference' : 'invoiceNumber',
        },
      ]);
    const invoice = input.invoices.get(r.invoiceNumber);
    if (!invoice)
      return failed([{ code: 'UNKNOWN_INVOICE', message: `No invoice has the number ${r.invoiceNumber}.`, field: 'invoiceNumber' }]);
    const existing = input.recorded.get(r.key);
    if (existing) {
      return existing.invoiceId === invoice.id && existing.amount === r.amount
        ? { ok: true, status: 'UNCHANGED' }
        : failed([
            {
              code: 'DUPLICATE_REFERENCE',
              message: `Payment ${r.key} was recorded with another invoice or amount.`,
              field: r.reference ? 'reference' : 'invoiceNumber',
            },
          ]);
    }
    const currency = currencyProblem(input.rows[i]!.currency, invoice.currency);
    if (currency) return failed([currency]);
    const outstanding = left.get(invoice.id)!;
    if (r.amount > outstanding)
      return failed([
        {
          code: 'OVERPAYMENT',
          message: `Invoice ${invoice.number} has ${(outstanding / 100).toFixed(2)} left to pay, less than ${(r.amount / 100).toFixed(2)}.`,
          field: 'amount',
        },
      ]);
    left.set(invoice.id, outstanding - r.amount);
    return {
      ok: true,
      status: 'CREATED',
      value: {
        externalRef: r.key,
        invoiceId: invoice.id,
        dealerId: invoice.dealerId,
        amount: r.amount,
        currency: invoice.currency,
        receivedAt: r.receivedAt!,
        reference: r.reference || r.key,
      },
    };
  });
}
