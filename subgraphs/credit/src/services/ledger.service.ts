import { randomUUID } from 'node:crypto';

import {
  type Claims,
  isApiClient,
  normalizeId,
  ok,
  readOptionalAmount,
  refused,
  type Result,
  type UserError,
  userError,
} from '@dealergraph/runtime';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';

import type { CreditServiceContext } from '../context.js';
import { DAY_MS, outstandingOf } from '../domain/credit.js';
import {
  adjustmentRowProblems,
  allocatePayment,
  boundClientProblem,
  invoiceRowProblems,
  paymentRowProblems,
} from '../domain/ledger-input.js';
import { BalanceAdjustment } from '../entities/balance-adjustment.entity.js';
import { CreditAccount } from '../entities/credit-account.entity.js';
import { CreditHold } from '../entities/credit-hold.entity.js';
import { Invoice } from '../entities/invoice.entity.js';
import { InvoiceLine } from '../entities/invoice-line.entity.js';
import { Payment } from '../entities/payment.entity.js';
import { checkInvoicePrices } from './price-consistency.service.js';

/**
 * Ledger rows from the ERP. Each row is idempotent by its external reference: the same reference again
 * returns what the first call recorded (`duplicate: true`) and changes nothing; the same reference with
 * different content is refused. A bad row is refused whole. Writes for one dealer take its
 * credit_account row lock, like credit holds, so ledger rows and holds never interleave.
 */

/** A ledger row as recorded, and whether an earlier call recorded it (a retry of the same reference). */
export interface Recorded<T> {
  row: T;
  duplicate: boolean;
}

type LedgerOutcome<T> = Result<Recorded<T>>;
const recorded = <T>(row: T, duplicate: boolean): LedgerOutcome<T> => ok({ row, duplicate });

function unknownDealer<T>(): LedgerOutcome<T> {
  return refused(userError('UNKNOWN_DEALER', 'No credit account for this dealer id.', ['input', 'dealerId']));
}
function conflict<T>(): LedgerOutcome<T> {
  return refused(
    userError('DUPLICATE_REFERENCE', 'This external reference was already recorded with different content.', [
      'input',
      'externalReference',
    ]),
  );
}

/**
 * Reads the amounts of a row given as decimal strings; `read(value, field)` answers 0 for one that is
 * not an amount, and `errors` says which (the row is then refused before anything uses the 0).
 */
function amountReader(): { read: (value: string, field: string[]) => number; errors: UserError[] } {
  const errors: UserError[] = [];
  return { errors, read: (value, field) => readOptionalAmount(value, { field }, errors) ?? 0 };
}

/**
 * Runs one ledger write under the dealer's account lock. A concurrent first write of the same reference
 * for another dealer loses on the unique index: it is read back and answered like a retry.
 */
async function underAccountLock<T>(
  ctx: CreditServiceContext,
  caller: Claims | null,
  dealerId: string,
  write: (tx: CreditServiceContext['em'], account: CreditAccount) => Promise<LedgerOutcome<T>>,
  readBack: () => Promise<LedgerOutcome<T> | null>,
): Promise<LedgerOutcome<T>> {
  const id = normalizeId(dealerId);
  const bound = isApiClient(caller) ? (caller?.dealerId ?? null) : null;
  const outside = boundClientProblem({ boundDealerId: bound && normalizeId(bound), dealerId: id });
  if (outside) return refused(outside);
  if (!id) return unknownDealer();
  try {
    return await ctx.em.transactional(async (tx) => {
      const account = await tx.findOne(CreditAccount, { dealerId: id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!account) return unknownDealer<T>();
      return write(tx, account);
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      const again = await readBack();
      if (again) return again;
    }
    throw error;
  }
}

/** An invoice row as the API gives it: amounts are decimal strings. */
export interface InvoiceRowRequest {
  externalReference: string;
  dealerId: string;
  number: string;
  orderId?: string | null;
  currency?: string | null;
  amount: string;
  issuedAt: Date;
  dueAt?: Date | null;
  lines?: readonly { sku: string; name: string; quantity: number; unitPrice: string; lineTotal: string }[] | null;
}

interface RecordInvoiceInput {
  externalReference: string;
  dealerId: string;
  number: string;
  orderId: string | null;
  currency: string | null;
  amount: number;
  issuedAt: Date;
  dueAt: Date | null;
  lines: { sku: string; name: string; quantity: number; unitPrice: number; lineTotal: number }[];
}

function duplicateNumber<T>(number: string): LedgerOutcome<T> {
  return refused(userError('DUPLICATE_NUMBER', `Invoice number ${number} exists already.`, ['input', 'number']));
}

function sameInvoice(existing: Invoice, input: RecordInvoiceInput): boolean {
  return existing.dealerId === input.dealerId && existing.number === input.number && existing.amount === input.amount;
}

/**
 * Records an invoice; when it bills an order with an active credit hold, the hold turns INVOICED
 * (pending → open balance). An invoice with lines and an order is then compared with the order's
 * prices (price-consistency.service.ts); when orders cannot be asked now, the sweep does it later.
 */
export async function recordInvoice(
  ctx: CreditServiceContext,
  caller: Claims | null,
  given: InvoiceRowRequest,
): Promise<LedgerOutcome<Invoice>> {
  const outcome = await recordInvoiceRow(ctx, caller, given);
  if (outcome.ok && !outcome.value.duplicate && outcome.value.row.orderId && given.lines?.length && ctx.orders)
    await checkInvoicePrices(ctx.em.fork(), ctx.orders(), [outcome.value.row.id]).catch(() => {});
  return outcome;
}

function recordInvoiceRow(ctx: CreditServiceContext, caller: Claims | null, given: InvoiceRowRequest): Promise<LedgerOutcome<Invoice>> {
  const { read, errors } = amountReader();
  const input: RecordInvoiceInput = {
    ...given,
    orderId: given.orderId ?? null,
    currency: given.currency ?? null,
    dueAt: given.dueAt ?? null,
    amount: read(given.amount, ['input', 'amount']),
    lines: (given.lines ?? []).map((l, i) => ({
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPrice: read(l.unitPrice, ['input', 'lines', String(i), 'unitPrice']),
      lineTotal: read(l.lineTotal, ['input', 'lines', String(i), 'lineTotal']),
    })),
  };
  if (errors.length) return Promise.resolve(refused(...errors));
  return recordParsedInvoice(ctx, caller, input);
}

async function recordParsedInvoice(
  ctx: CreditServiceContext,
  caller: Claims | null,
  input: RecordInvoiceInput,
): Promise<LedgerOutcome<Invoice>> {
  const readBack = async () => {
    const existing = await ctx.em.fork().findOne(Invoice, { externalRef: input.externalReference });
    if (existing) return sameInvoice(existing, input) ? recorded(existing, true) : conflict<Invoice>();
    // Lost on the number's unique index after all (a writer that took no number lock): still the caller's duplicate.
    return (await ctx.em.fork().findOne(Invoice, { number: input.number })) ? duplicateNumber<Invoice>(input.number) : null;
  };
  return underAccountLock(
    ctx,
    caller,
    input.dealerId,
    async (tx, account) => {
      const existing = await tx.findOne(Invoice, { externalRef: input.externalReference });
      if (existing) return sameInvoice(existing, input) ? recorded(existing, true) : conflict();
      const dueAt = input.dueAt ?? new Date(input.issuedAt.getTime() + account.paymentTermsDays * DAY_MS);
      const problems = invoiceRowProblems({ ...input, dueAt });
      if (input.currency && input.currency !== account.currency) {
        problems.push({ code: 'INVALID_INPUT', message: `The account is kept in ${account.currency}.`, field: ['input', 'currency'] });
      }
      const orderId = input.orderId ? normalizeId(input.orderId) : null;
      if (input.orderId && !orderId)
        problems.push({ code: 'INVALID_INPUT', message: 'orderId is not a valid id.', field: ['input', 'orderId'] });
      if (problems.length) return refused(...problems);
      // Invoice numbers are unique over all dealers (the index is global): two dealers' first writes of
      // one number serialise on the number itself, not on their own account locks.
      await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`credit.invoice-number:${input.number}`]);
      if (await tx.findOne(Invoice, { number: input.number })) return duplicateNumber(input.number);
      const invoice = tx.create(Invoice, {
        id: randomUUID(),
        number: input.number,
        dealerId: account.dealerId,
        orderId,
        amount: input.amount,
        paidAmount: 0,
        currency: account.currency,
        issuedAt: input.issuedAt,
        dueAt,
        externalRef: input.externalReference,
      });
      input.lines.forEach((line, i) => tx.create(InvoiceLine, { invoiceId: invoice.id, lineNo: i + 1, ...line }));
      if (orderId) {
        const hold = await tx.findOne(CreditHold, { orderId, dealerId: account.dealerId, status: 'ACTIVE' });
        if (hold) hold.status = 'INVOICED';
      }
      return recorded(invoice, false);
    },
    readBack,
  );
}

/** A payment row as the API gives it: the amount is a decimal string. */
export interface RecordPaymentInput {
  externalReference: string;
  dealerId: string;
  amount: string;
  receivedAt: Date;
  /** The bank's reference; the external reference when omitted. */
  reference?: string | null;
  /** Apply to this invoice only; otherwise oldest due first, the rest on account. */
  invoiceNumber?: string | null;
  /** The PAYMENT_REQUIRED order it pays up front: kept on account for it, applied to no invoice. */
  orderId?: string | null;
}

/**
 * Records a payment and applies it to the dealer's invoices. A payment for a PAYMENT_REQUIRED order
 * (`orderId`) nudges orders after the commit, so the order goes on at once; when orders does not
 * answer, its periodic sweep finds the payment (prepaymentsDue).
 */
export async function recordPayment(
  ctx: CreditServiceContext,
  caller: Claims | null,
  given: RecordPaymentInput,
): Promise<LedgerOutcome<Payment>> {
  const outcome = await recordPaymentRow(ctx, caller, given);
  const orderId = outcome.ok && !outcome.value.duplicate ? outcome.value.row.orderId : null;
  if (orderId && ctx.orders)
    await ctx
      .orders()
      .call('prepaymentRecorded', { orderId })
      .catch(() => {});
  return outcome;
}

async function recordPaymentRow(
  ctx: CreditServiceContext,
  caller: Claims | null,
  given: RecordPaymentInput,
): Promise<LedgerOutcome<Payment>> {
  const { read, errors } = amountReader();
  const input = { ...given, amount: read(given.amount, ['input', 'amount']) };
  if (errors.length) return refused(...errors);
  const same = (p: Payment) => p.dealerId === input.dealerId && p.amount === input.amount;
  const readBack = async () => {
    const existing = await ctx.em.fork().findOne(Payment, { externalRef: input.externalReference });
    if (!existing) return null;
    return same(existing) ? recorded(existing, true) : conflict<Payment>();
  };
  return underAccountLock(
    ctx,
    caller,
    input.dealerId,
    async (tx, account) => {
      const existing = await tx.findOne(Payment, { externalRef: input.externalReference });
      if (existing) return same(existing) ? recorded(existing, true) : conflict();
      const problems = paymentRowProblems(input);
      if (problems.length) return refused(...problems);
      let orderId: string | null = null;
      if (input.orderId) {
        orderId = normalizeId(input.orderId);
        if (input.invoiceNumber) {
          return refused(userError('INVALID_INPUT', 'A payment is for an order or for an invoice, not both.', ['input', 'orderId']));
        }
        const hold = orderId ? await tx.findOne(CreditHold, { orderId, dealerId: account.dealerId, status: 'ACTIVE' }) : null;
        if (!hold || hold.amountToPay === 0) {
          return refused(userError('UNKNOWN_ORDER', 'This dealer has no order with this id waiting for a payment.', ['input', 'orderId']));
        }
      }
      let candidates: Invoice[];
      if (orderId) {
        // Paid up front for one order: it stays on account, where it frees the credit the order holds.
        candidates = [];
      } else if (input.invoiceNumber) {
        const invoice = await tx.findOne(Invoice, { number: input.invoiceNumber, dealerId: account.dealerId });
        if (!invoice)
          return refused(userError('UNKNOWN_INVOICE', `This dealer has no invoice ${input.invoiceNumber}.`, ['input', 'invoiceNumber']));
        if (input.amount > outstandingOf(invoice)) {
          return refused(userError('OVERPAYMENT', `Invoice ${invoice.number} has less than that left to pay.`, ['input', 'amount']));
        }
        candidates = [invoice];
      } else {
        // A dealer has hundreds of invoices at most; the (dealer_id, due_at) index serves this read.
        candidates = (await tx.find(Invoice, { dealerId: account.dealerId }, { orderBy: { dueAt: 'asc' } })).filter(
          (i) => outstandingOf(i) > 0,
        );
      }
      const byId = new Map(candidates.map((i) => [i.id, i]));
      const { allocations, unapplied } = allocatePayment({
        amount: input.amount,
        invoices: candidates.map((i) => ({ id: i.id, outstanding: outstandingOf(i), dueAt: i.dueAt })),
      });
      for (const a of allocations) byId.get(a.invoiceId)!.paidAmount += a.amount;
      const payment = tx.create(Payment, {
        id: randomUUID(),
        dealerId: account.dealerId,
        invoiceId: allocations.length === 1 ? allocations[0].invoiceId : null,
        amount: input.amount,
        currency: account.currency,
        receivedAt: input.receivedAt,
        reference: input.reference ?? input.externalReference,
        unappliedAmount: unapplied,
        externalRef: input.externalReference,
        orderId,
      });
      return recorded(payment, false);
    },
    readBack,
  );
}

export interface RecordAdjustmentInput {
  externalReference: string;
  dealerId: string;
  /** A signed decimal string: positive debits the dealer, negative credits it. */
  amount: string;
  reason: string;
  recordedAt?: Date | null;
}

/** Records a balance adjustment (credit note or debit). */
export async function recordAdjustment(
  ctx: CreditServiceContext,
  claims: Claims,
  given: RecordAdjustmentInput,
): Promise<LedgerOutcome<BalanceAdjustment>> {
  const { read, errors } = amountReader();
  const input = { ...given, amount: read(given.amount, ['input', 'amount']) };
  if (errors.length) return refused(...errors);
  const same = (a: BalanceAdjustment) => a.dealerId === input.dealerId && a.amount === input.amount;
  const readBack = async () => {
    const existing = await ctx.em.fork().findOne(BalanceAdjustment, { externalRef: input.externalReference });
    if (!existing) return null;
    return same(existing) ? recorded(existing, true) : conflict<BalanceAdjustment>();
  };
  return underAccountLock(
    ctx,
    claims,
    input.dealerId,
    async (tx, account) => {
      const existing = await tx.findOne(BalanceAdjustment, { externalRef: input.externalReference });
      if (existing) return same(existing) ? recorded(existing, true) : conflict();
      const problems = adjustmentRowProblems(input);
      if (input.recordedAt && Number.isNaN(input.recordedAt.getTime()))
        problems.push({ code: 'INVALID_DATE', message: 'recordedAt must be a valid instant.', field: ['input', 'recordedAt'] });
      if (problems.length) return refused(...problems);
      const row = tx.create(BalanceAdjustment, {
        id: randomUUID(),
        dealerId: account.dealerId,
        amount: input.amount,
        currency: account.currency,
        reason: input.reason.trim(),
        recordedAt: input.recordedAt ?? ctx.now(),
        externalRef: input.externalReference,
        recordedBy: claims.sub,
      });
      return recorded(row, false);
    },
    readBack,
  );
}
