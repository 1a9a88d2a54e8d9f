import type { EntityManager } from '@dealergraph/runtime';
import type { EntityName } from '@mikro-orm/core';

import type { InvoiceStatus } from '../domain/credit.js';
import { BalanceAdjustment } from '../entities/balance-adjustment.entity.js';
import { CreditHold } from '../entities/credit-hold.entity.js';
import { Invoice } from '../entities/invoice.entity.js';
import { Payment } from '../entities/payment.entity.js';

/**
 * The grouped SQL behind the loaders and the hold service: each function is ONE statement for any
 * number of dealers. Parameters are passed as `?` bindings (MikroORM escapes them).
 */

/** `"schema"."table"` of an entity, in the schema this ORM was opened on. */
export function tableOf(em: EntityManager, entity: EntityName<object>): string {
  const meta = em.getMetadata().get(entity as never);
  const schema = meta.schema && meta.schema !== '*' ? meta.schema : em.config.get('schema');
  return schema ? `"${schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
}

/**
 * A cent amount PostgreSQL returned as text (sums of bigint columns are `numeric`). Throws rather than
 * hand on a rounded figure when it is not a whole number of cents that a JavaScript number holds exactly.
 */
export function cents(value: unknown): number {
  const minor = Number(value ?? 0);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`credit amount out of range: ${String(value)} cents`);
  return minor;
}

export interface InvoiceTotals {
  /** Sum of what is left to pay on the dealer's invoices. */
  openBalance: number;
  /** The part of it on invoices due before the cutoff. */
  overdue: number;
  /** Due date of the oldest unpaid invoice due before the cutoff. */
  oldestOverdueDueAt: Date | null;
}

/**
 * Open balance, overdue amount and oldest overdue due date per dealer; dealers with nothing open are
 * absent. The open balance is what is left on invoices, plus balance adjustments, minus payments that
 * no invoice took (on account); only invoices can be overdue.
 */
export async function invoiceTotals(em: EntityManager, dealerIds: readonly string[], cutoff: Date): Promise<Map<string, InvoiceTotals>> {
  const at = cutoff.toISOString();
  const ids = [...dealerIds];
  const rows = await em.execute<
    { dealer_id: string; open_balance: string; overdue: string; oldest_overdue_due_at: Date | string | null }[]
  >(
    `with inv as (
       select dealer_id,
              sum(amount - paid_amount) as open_balance,
              coalesce(sum(amount - paid_amount) filter (where due_at < ?::timestamptz), 0) as overdue,
              min(due_at) filter (where due_at < ?::timestamptz) as oldest_overdue_due_at
         from ${tableOf(em, Invoice)}
        where dealer_id in (?) and amount > paid_amount
        group by dealer_id),
     adj as (
       select dealer_id, sum(amount) as adjusted from ${tableOf(em, BalanceAdjustment)} where dealer_id in (?) group by dealer_id),
     acct as (
       select dealer_id, sum(unapplied_amount) as unapplied from ${tableOf(em, Payment)}
        where dealer_id in (?) and unapplied_amount > 0 group by dealer_id),
     ids as (select dealer_id from inv union select dealer_id from adj union select dealer_id from acct)
     select ids.dealer_id,
            coalesce(inv.open_balance, 0) + coalesce(adj.adjusted, 0) - coalesce(acct.unapplied, 0) as open_balance,
            coalesce(inv.overdue, 0) as overdue,
            inv.oldest_overdue_due_at
       from ids left join inv using (dealer_id) left join adj using (dealer_id) left join acct using (dealer_id)`,
    [at, at, ids, ids, ids],
  );
  return new Map(
    rows.map((r) => [
      r.dealer_id,
      {
        openBalance: cents(r.open_balance),
        overdue: cents(r.overdue),
        oldestOverdueDueAt: r.oldest_overdue_due_at === null ? null : new Date(r.oldest_overdue_due_at),
      },
    ]),
  );
}

/** Sum of ACTIVE holds per dealer (approved orders not yet invoiced); dealers without holds are absent. */
export async function activeHoldTotals(em: EntityManager, dealerIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await em.execute<{ dealer_id: string; pending: string }[]>(
    `select dealer_id, sum(amount) as pending
       from ${tableOf(em, CreditHold)}
      where dealer_id in (?) and status = 'ACTIVE'
      group by dealer_id`,
    [[...dealerIds]],
  );
  return new Map(rows.map((r) => [r.dealer_id, cents(r.pending)]));
}

export interface OpenInvoiceRow {
  dealerId: string;
  outstanding: number;
  dueAt: Date;
}

/** What is left to pay on every unpaid invoice of these dealers, with its due date (for ageing). */
export async function openInvoices(em: EntityManager, dealerIds: readonly string[]): Promise<OpenInvoiceRow[]> {
  const rows = await em.execute<{ dealer_id: string; outstanding: string; due_at: Date | string }[]>(
    `select dealer_id, amount - paid_amount as outstanding, due_at
       from ${tableOf(em, Invoice)}
      where dealer_id in (?) and amount > paid_amount`,
    [[...dealerIds]],
  );
  return rows.map((r) => ({ dealerId: r.dealer_id, outstanding: cents(r.outstanding), dueAt: new Date(r.due_at) }));
}

/** One page of one dealer's rows, and how many rows match over all pages. */
export interface DealerPage<T> {
  rows: T[];
  total: number;
}

interface PageQuery {
  table: string;
  /** Extra condition on top of `dealer_id in (...)`, with its bindings. */
  where: { sql: string; params: unknown[] };
  /** Row order inside each dealer's list. */
  orderBy: string;
  offset: number;
  limit: number;
}

/**
 * The same page (offset, limit) of many dealers' lists in one statement: rows are numbered per dealer
 * by a window function; each dealer's first row also comes back when outside the page, only to carry
 * the dealer's total count, and is dropped here.
 */
async function pagesByDealer<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  dealerIds: readonly string[],
  query: Omit<PageQuery, 'table'>,
): Promise<Map<string, DealerPage<T>>> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select * from (
       select t.*,
              row_number() over (partition by t.dealer_id order by ${query.orderBy}) as page_row,
              count(*) over (partition by t.dealer_id) as page_total
         from ${tableOf(em, entity as EntityName<object>)} t
        where t.dealer_id in (?)${query.where.sql ? ` and (${query.where.sql})` : ''}
     ) ranked
     where ranked.page_row = 1 or (ranked.page_row > ? and ranked.page_row <= ?)
     order by ranked.dealer_id, ranked.page_row`,
    [[...dealerIds], ...query.where.params, query.offset, query.offset + query.limit],
  );
  const pages = new Map<string, DealerPage<T>>();
  for (const { page_row: pageRow, page_total: pageTotal, ...row } of rows) {
    const dealerId = row.dealer_id as string;
    let page = pages.get(dealerId);
    if (!page) pages.set(dealerId, (page = { rows: [], total: Number(pageTotal) }));
    const n = Number(pageRow);
    if (n > query.offset && n <= query.offset + query.limit) page.rows.push(em.map(entity, row as never));
  }
  return pages;
}

/** The SQL condition for an invoice status at a cutoff (see `invoiceStatus` in the domain). */
function invoiceStatusCondition(status: InvoiceStatus | null, cutoff: Date): { sql: string; params: unknown[] } {
  const at = cutoff.toISOString();
  switch (status) {
    case 'PAID':
      return { sql: 't.amount <= t.paid_amount', params: [] };
    case 'OPEN':
      return { sql: 't.amount > t.paid_amount and t.due_at >= ?::timestamptz', params: [at] };
    case 'OVERDUE':
      return { sql: 't.amount > t.paid_amount and t.due_at < ?::timestamptz', params: [at] };
    default:
      return { sql: '', params: [] };
  }
}

/** What an invoice list can be narrowed by; every part is optional and they combine (AND). */
export interface InvoiceListFilter {
  status: InvoiceStatus | null;
  issuedFrom?: Date | null;
  issuedBefore?: Date | null;
  dueFrom?: Date | null;
  dueBefore?: Date | null;
  /** Invoice number prefix, e.g. "INV-2026-". */
  numberPrefix?: string | null;
}

/** The window key of a filter, for the page loader: equal filters share one statement. */
export function invoiceFilterKey(f: InvoiceListFilter): string {
  const t = (d: Date | null | undefined) => (d ? d.toISOString() : '');
  return [f.status ?? '', t(f.issuedFrom), t(f.issuedBefore), t(f.dueFrom), t(f.dueBefore), f.numberPrefix ?? ''].join('|');
}

function invoiceFilterCondition(f: InvoiceListFilter, cutoff: Date): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const status = invoiceStatusCondition(f.status, cutoff);
  if (status.sql) {
    parts.push(status.sql);
    params.push(...status.params);
  }
  const bound = (column: string, op: string, value: Date | null | undefined) => {
    if (!value) return;
    parts.push(`t.${column} ${op} ?::timestamptz`);
    params.push(value.toISOString());
  };
  bound('issued_at', '>=', f.issuedFrom);
  bound('issued_at', '<', f.issuedBefore);
  bound('due_at', '>=', f.dueFrom);
  bound('due_at', '<', f.dueBefore);
  if (f.numberPrefix) {
    parts.push(`t.number like ? escape '\\'`);
    params.push(`${f.numberPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  return { sql: parts.join(' and '), params };
}

/** A page of invoices, newest first, per dealer. */
export function invoicePages(
  em: EntityManager,
  dealerIds: readonly string[],
  options: { offset: number; limit: number; filter: InvoiceListFilter; cutoff: Date },
): Promise<Map<string, DealerPage<Invoice>>> {
  return pagesByDealer(em, Invoice, dealerIds, {
    where: invoiceFilterCondition(options.filter, options.cutoff),
    orderBy: 't.issued_at desc, t.id desc',
    offset: options.offset,
    limit: options.limit,
  });
}

/** A page of payments, newest first, per dealer. */
export function paymentPages(
  em: EntityManager,
  dealerIds: readonly string[],
  options: { offset: number; limit: number },
): Promise<Map<string, DealerPage<Payment>>> {
  return pagesByDealer(em, Payment, dealerIds, {
    where: { sql: '', params: [] },
    orderBy: 't.received_at desc, t.id desc',
    offset: options.offset,
    limit: options.limit,
  });
}
