import { randomUUID } from 'node:crypto';

import {
  type Claims,
  type EntityManager,
  type InternalClient,
  normalizeId,
  type PageWindow,
  type UserError,
  userError,
} from '@dealergraph/runtime';

import { priceMismatches } from '../domain/price-consistency.js';
import { PriceMismatchRecord } from '../entities/price-mismatch.entity.js';

/** Invoices compared per pass of the sweep (and per call to orders). */
const CHECK_BATCH = 200;

interface InvoiceToCheck {
  id: string;
  order_id: string;
  dealer_id: string;
  currency: string;
}

/**
 * Compares invoices that have lines and an order with the order's lines (their unit prices as the
 * dealer was shown them), records a mismatch per line that differs, and marks each invoice checked.
 * Invoices already checked are skipped, so a retry or two instances at once record nothing twice.
 * Returns how many invoices were checked. Throws when orders cannot be asked (the sweep tries again).
 */
export async function checkInvoicePrices(
  em: EntityManager,
  orders: InternalClient<'orders'>,
  invoiceIds?: readonly string[],
): Promise<{ checked: number; mismatches: number }> {
  const connection = em.getConnection();
  const waiting = await connection.execute<InvoiceToCheck[]>(
    `select i.id, i.order_id, i.dealer_id, i.currency from credit.invoice i
      where i.order_id is not null and exists (select 1 from credit.invoice_line l where l.invoice_id = i.id)
        and not exists (select 1 from credit.invoice_price_check c where c.invoice_id = i.id)
        ${invoiceIds ? 'and i.id = any(?::uuid[])' : ''}
      order by i.issued_at limit ?`,
    invoiceIds ? [`{${invoiceIds.join(',')}}`, CHECK_BATCH] : [CHECK_BATCH],
  );
  if (waiting.length === 0) return { checked: 0, mismatches: 0 };
  const { orders: ordered } = await orders.call('orderLinePrices', { orderIds: [...new Set(waiting.map((i) => i.order_id))] });
  const byOrder = new Map(ordered.map((o) => [o.orderId, o]));
  const lines = await connection.execute<{ invoice_id: string; sku: string; quantity: number; unit_price: string }[]>(
    `select invoice_id, sku, quantity, unit_price::text as unit_price from credit.invoice_line where invoice_id = any(?::uuid[]) order by invoice_id, line_no`,
    [`{${waiting.map((i) => i.id).join(',')}}`],
  );
  const now = new Date();
  let found = 0;
  await em.transactional(async (tx) => {
    for (const invoice of waiting) {
      const order = byOrder.get(invoice.order_id);
      // An invoice for an order this portal does not have (keyed into the ERP directly) has nothing to compare with.
      const mismatches = order
        ? priceMismatches({
            ordered: order.lines,
            invoiced: lines
              .filter((l) => l.invoice_id === invoice.id)
              .map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: Number(l.unit_price) })),
          })
        : [];
      const inserted = await tx
        .getConnection()
        .execute<{ invoice_id: string }[]>(
          `insert into credit.invoice_price_check (invoice_id, checked_at, mismatches) values (?, ?, ?) on conflict do nothing returning invoice_id`,
          [invoice.id, now, mismatches.length],
          'all',
          tx.getTransactionContext(),
        );
      if (inserted.length === 0) continue; // another instance checked it meanwhile
      found += mismatches.length;
      for (const m of mismatches)
        tx.persist(
          tx.create(PriceMismatchRecord, {
            id: randomUUID(),
            invoiceId: invoice.id,
            orderId: invoice.order_id,
            dealerId: invoice.dealer_id,
            currency: invoice.currency,
            ...m,
            detectedAt: now,
          }),
        );
    }
  });
  return { checked: waiting.length, mismatches: found };
}

/** A mismatch with its invoice's number, for the list. */
export interface PriceMismatchView extends PriceMismatchRecord {
  invoiceNumber: string;
}

/** Price mismatches, open ones first, newest first (finance and administrators, by the matrix). */
export async function listPriceMismatches(
  em: EntityManager,
  input: PageWindow & { openOnly: boolean },
): Promise<{ nodes: PriceMismatchView[]; totalCount: number }> {
  const [records, totalCount] = await em.findAndCount(PriceMismatchRecord, input.openOnly ? { resolvedAt: null } : {}, {
    orderBy: [{ resolvedAt: 'desc nulls first' }, { detectedAt: 'desc' }, { id: 'asc' }],
    offset: input.offset,
    limit: input.limit,
  });
  const invoices = records.length
    ? await em
        .getConnection()
        .execute<{ id: string; number: string }[]>(`select id, number from credit.invoice where id = any(?::uuid[])`, [
          `{${[...new Set(records.map((r) => r.invoiceId))].join(',')}}`,
        ])
    : [];
  const byId = new Map(invoices.map((i) => [i.id, i]));
  return {
    nodes: records.map((r) => Object.assign(r, { invoiceNumber: byId.get(r.invoiceId)?.number ?? '' })),
    totalCount,
  };
}

/** The invoices with a mismatch not resolved yet: what the integration monitor alerts on. */
export async function openPriceMismatchInvoices(em: EntityManager): Promise<{ invoiceId: string; invoiceNumber: string; lines: number }[]> {
  const rows = await em.getConnection().execute<{ invoice_id: string; number: string; lines: number }[]>(
    `select m.invoice_id, i.number, count(*)::int as lines from credit.price_mismatch m join credit.invoice i on i.id = m.invoice_id
      where m.resolved_at is null group by m.invoice_id, i.number order by min(m.detected_at) limit 1000`,
  );
  return rows.map((r) => ({ invoiceId: r.invoice_id, invoiceNumber: r.number, lines: r.lines }));
}

/** Closes a mismatch with a note (credited, re-invoiced, agreed with the dealer): who, when, why. */
export async function resolvePriceMismatch(
  em: EntityManager,
  caller: Claims,
  input: { id: string; note: string },
): Promise<{ mismatch: PriceMismatchView | null; userErrors: UserError[] }> {
  const note = input.note.trim();
  if (!note || note.length > 500)
    return { mismatch: null, userErrors: [userError('INVALID_NOTE', 'Say how it was settled, in 1 to 500 characters.', ['note'])] };
  const id = normalizeId(input.id);
  const mismatch = id ? await em.findOne(PriceMismatchRecord, { id }) : null;
  if (!mismatch) return { mismatch: null, userErrors: [userError('NOT_FOUND', 'No such price mismatch.', ['id'])] };
  const changed = await em.nativeUpdate(
    PriceMismatchRecord,
    { id: mismatch.id, resolvedAt: null },
    { resolvedAt: new Date(), resolvedBy: caller.email ?? caller.sub, resolutionNote: note },
  );
  await em.refresh(mismatch);
  const [invoice] = await em
    .getConnection()
    .execute<{ number: string }[]>(`select number from credit.invoice where id = ?`, [mismatch.invoiceId]);
  const view = Object.assign(mismatch, { invoiceNumber: invoice?.number ?? '' });
  if (changed === 0) return { mismatch: view, userErrors: [userError('ALREADY_RESOLVED', 'It was resolved already.', ['id'])] };
  return { mismatch: view, userErrors: [] };
}
