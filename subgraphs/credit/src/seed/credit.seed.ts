import type { DemoData } from '@dealergraph/demo-data';
import { type EntityManager, insertInChunks, type Progress } from '@dealergraph/runtime';

import { CreditAccount } from '../entities/credit-account.entity.js';
import { CreditHold } from '../entities/credit-hold.entity.js';
import { Invoice } from '../entities/invoice.entity.js';
import { InvoiceLine } from '../entities/invoice-line.entity.js';
import { Payment } from '../entities/payment.entity.js';

/** Writes the demo credit accounts, invoices, payments and active holds in one transaction, unless accounts exist already. */
export async function seedCredit(em: EntityManager, demoData: () => DemoData, progress: Progress): Promise<boolean> {
  return em.transactional(async (tx) => {
    if ((await tx.count(CreditAccount, {})) > 0) return false;
    const data = demoData();
    await insertInChunks(
      tx,
      CreditAccount,
      data.creditAccounts.map((a) => ({ ...a, updatedAt: data.anchor })),
    );
    await insertInChunks(tx, Invoice, data.invoices);
    const lines = invoiceLinesOf(data);
    await insertInChunks(tx, InvoiceLine, lines);
    await insertInChunks(tx, Payment, data.payments);
    await insertInChunks(
      tx,
      CreditHold,
      data.creditHolds.map((h) => ({ ...h, status: 'ACTIVE', releasedAt: null })),
    );
    progress(
      `credit: ${data.creditAccounts.length} accounts, ${data.invoices.length} invoices (${lines.length} lines), ${data.payments.length} payments, ${data.creditHolds.length} holds`,
    );
    return true;
  });
}

/** Each demo invoice bills one shipped order: its lines are that order's lines at the order's snapshot prices. */
function invoiceLinesOf(data: DemoData): InvoiceLine[] {
  const orders = new Map(data.orders.map((o) => [o.id, o]));
  return data.invoices.flatMap((invoice) =>
    (invoice.orderId ? (orders.get(invoice.orderId)?.lines ?? []) : []).map((line, i) => ({
      invoiceId: invoice.id,
      lineNo: i + 1,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      lineTotal: line.lineTotal,
    })),
  );
}
