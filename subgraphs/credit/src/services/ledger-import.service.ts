import { randomUUID } from 'node:crypto';

import type { MasterDataBatchOptions, MasterDataBatchResult, MasterDataRowResult } from '@dealergraph/runtime';

import type { CreditServiceContext } from '../context.js';
import {
  type InvoiceImportRow,
  type PayableInvoice,
  type PaymentImportRow,
  paymentRowKeys,
  planInvoiceImport,
  planPaymentImport,
  type RowPlan,
} from '../domain/ledger-import.js';

/**
 * INVOICES and PAYMENTS imports (the ERP's files, through integration): the rows are decided by
 * domain/ledger-import.ts over what is recorded, then written in one transaction, all or nothing
 * unless valid rows only were asked for, nothing in a dry run. The dealers' credit_account rows are
 * locked in dealer order first, like holds and the API's ledger writes, so an import never interleaves
 * with a credit decision: what it adds to the open balance is seen whole or not at all.
 */

const T = (name: string) => `"credit"."${name}"`;

function resultOf<T>(plan: RowPlan<T>): MasterDataRowResult {
  if (!plan.ok) return { status: 'FAILED', code: plan.problem.code, message: plan.problem.message, field: plan.problem.field };
  return { status: plan.status };
}

function shouldWrite(plans: readonly RowPlan<unknown>[], options: MasterDataBatchOptions): boolean {
  return !options.dryRun && !(options.allOrNothing && plans.some((p) => !p.ok));
}

type Tx = CreditServiceContext['em'];

/** Locks the accounts of these dealers in dealer order (the order holds take them in) and reads them. */
async function lockAccounts(tx: Tx, dealerIds: readonly string[]) {
  const ids = [...new Set(dealerIds)].sort();
  if (!ids.length) return new Map<string, { currency: string; paymentTermsDays: number }>();
  const rows = await tx.execute<{ dealer_id: string; currency: string; payment_terms_days: number }[]>(
    `select dealer_id, currency, payment_terms_days from ${T('credit_account')} where dealer_id in (?) order by dealer_id for update`,
    [ids],
  );
  return new Map(rows.map((r) => [r.dealer_id, { currency: r.currency, paymentTermsDays: r.payment_terms_days }]));
}

/**
 * Invoices by number. A new invoice that bills an order with an active credit hold turns the hold
 * INVOICED (pending becomes open balance), as recordInvoice does. Numbers are serialised with
 * recordInvoice's advisory lock on each, taken in sorted order after the account locks.
 */
export async function importInvoices(
  ctx: CreditServiceContext,
  rows: readonly InvoiceImportRow[],
  options: MasterDataBatchOptions,
): Promise<MasterDataBatchResult> {
  return ctx.em.transactional(async (tx) => {
    const accounts = await lockAccounts(
      tx,
      rows.map((r) => r.dealerId),
    );
    const numbers = [...new Set(rows.map((r) => String(r.number ?? '').trim()).filter(Boolean))].sort();
    if (numbers.length)
      await tx.execute(
        // unnest keeps the array's (sorted) order, so every importer takes the locks in one order.
        `select count(pg_advisory_xact_lock(hashtextextended('credit.invoice-number:' || n, 0))) from unnest(array[?]::text[]) as n`,
        [numbers],
      );
    const recordedRows = numbers.length
      ? await tx.execute<{ number: string; dealer_id: string; order_id: string | null; amount: string; due_at: Date }[]>(
          `select number, dealer_id, order_id, amount, due_at from ${T('invoice')} where number in (?)`,
          [numbers],
        )
      : [];
    const recorded = new Map(
      recordedRows.map((r) => [
        r.number,
        { number: r.number, dealerId: r.dealer_id, orderId: r.order_id, amount: Number(r.amount), dueAt: new Date(r.due_at) },
      ]),
    );
    const plans = planInvoiceImport({ rows, accounts, recorded });
    const results = plans.map(resultOf);
    const applied = shouldWrite(plans, options);
    const creates = plans.flatMap((p) => (p.ok && p.status === 'CREATED' ? [p.value] : []));
    if (!applied || !creates.length) return { applied, rows: results };
    const invoices = creates.map((c) => ({
      id: randomUUID(),
      number: c.number,
      dealer_id: c.dealerId,
      order_id: c.orderId,
      amount: c.amount,
      currency: c.currency,
      issued_at: c.issuedAt.toISOString(),
      due_at: c.dueAt.toISOString(),
    }));
    // external_ref is the number: the ERP's key of an invoice, as recordInvoice's callers mostly pass it.
    await tx.execute(
      `insert into ${T('invoice')} (id, number, dealer_id, order_id, amount, paid_amount, currency, issued_at, due_at, external_ref)
       select r.id, r.number, r.dealer_id, r.order_id, r.amount, 0, r.currency, r.issued_at, r.due_at, r.number
         from jsonb_to_recordset(?::jsonb) as r(id uuid, number text, dealer_id uuid, order_id uuid, amount bigint, currency text,
                                                 issued_at timestamptz, due_at timestamptz)`,
      [JSON.stringify(invoices)],
      'run',
    );
    const billed = invoices.filter((i) => i.order_id).map((i) => ({ order_id: i.order_id, dealer_id: i.dealer_id }));
    if (billed.length)
      await tx.execute(
        `update ${T('credit_hold')} h set status = 'INVOICED'
           from jsonb_to_recordset(?::jsonb) as r(order_id uuid, dealer_id uuid)
          where h.order_id = r.order_id and h.dealer_id = r.dealer_id and h.status = 'ACTIVE'`,
        [JSON.stringify(billed)],
        'run',
      );
    return { applied, rows: results };
  });
}

/**
 * Payments by the ERP's reference (or invoice, day and amount): each goes to the invoice it names,
 * whose paid amount grows by it. The invoices and their dealers' accounts are locked first (accounts
 * in dealer order, then the invoices), so what is left to pay is read under the lock.
 */
export async function importPayments(
  ctx: CreditServiceContext,
  rows: readonly PaymentImportRow[],
  options: MasterDataBatchOptions,
): Promise<MasterDataBatchResult> {
  return ctx.em.transactional(async (tx) => {
    const numbers = [...new Set(rows.map((r) => String(r.invoiceNumber ?? '').trim()).filter(Boolean))];
    const owners = numbers.length
      ? await tx.execute<{ dealer_id: string }[]>(`select distinct dealer_id from ${T('invoice')} where number in (?)`, [numbers])
      : [];
    await lockAccounts(
      tx,
      owners.map((o) => o.dealer_id),
    );
    const invoiceRows = numbers.length
      ? await tx.execute<{ id: string; number: string; dealer_id: string; currency: string; amount: string; paid_amount: string }[]>(
          `select id, number, dealer_id, currency, amount, paid_amount from ${T('invoice')} where number in (?) order by id for update`,
          [numbers],
        )
      : [];
    const invoices = new Map<string, PayableInvoice>(
      invoiceRows.map((r) => [
        r.number,
        { id: r.id, number: r.number, dealerId: r.dealer_id, currency: r.currency, outstanding: Number(r.amount) - Number(r.paid_amount) },
      ]),
    );
    const keys = [...new Set(paymentRowKeys(rows).filter((k): k is string => k !== null))];
    const recordedRows = keys.length
      ? await tx.execute<{ external_ref: string; invoice_id: string | null; amount: string }[]>(
          `select external_ref, invoice_id, amount from ${T('payment')} where external_ref in (?)`,
          [keys],
        )
      : [];
    const recorded = new Map(
      recordedRows.map((r) => [r.external_ref, { externalRef: r.external_ref, invoiceId: r.invoice_id, amount: Number(r.amount) }]),
    );
    const plans = planPaymentImport({ rows, invoices, recorded });
    const results = plans.map(resultOf);
    const applied = shouldWrite(plans, options);
    const creates = plans.flatMap((p) => (p.ok && p.status === 'CREATED' ? [p.value] : []));
    if (!applied || !creates.length) return { applied, rows: results };
    await tx.execute(
      `insert into ${T('payment')} (id, dealer_id, invoice_id, amount, currency, received_at, reference, unapplied_amount, external_ref)
       select r.id, r.dealer_id, r.invoice_id, r.amount, r.currency, r.received_at, r.reference, 0, r.external_ref
         from jsonb_to_recordset(?::jsonb) as r(id uuid, dealer_id uuid, invoice_id uuid, amount bigint, currency text,
                                                 received_at timestamptz, reference text, external_ref text)`,
      [
        JSON.stringify(
          creates.map((c) => ({
            id: randomUUID(),
            dealer_id: c.dealerId,
            invoice_id: c.invoiceId,
            amount: c.amount,
            currency: c.currency,
            received_at: c.receivedAt.toISOString(),
            reference: c.reference,
            external_ref: c.externalRef,
          })),
        ),
      ],
      'run',
    );
    await tx.execute(
      `update ${T('invoice')} i set paid_amount = i.paid_amount + p.paid
         from (select r.invoice_id, sum(r.amount) as paid from jsonb_to_recordset(?::jsonb) as r(invoice_id uuid, amount bigint) group by r.invoice_id) p
        where i.id = p.invoice_id`,
      [JSON.stringify(creates.map((c) => ({ invoice_id: c.invoiceId, amount: c.amount })))],
      'run',
    );
    return { applied, rows: results };
  });
}
