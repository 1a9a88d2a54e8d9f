import type { DemoData } from '@dealergraph/demo-data';
import { insertInChunks, type EntityManager, type Progress } from '@dealergraph/runtime';
import { CreditAccount } from '../entities/credit-account.entity.js';
import { CreditHold } from '../entities/credit-hold.entity.js';
import { Invoice } from '../entities/invoice.entity.js';
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
    await insertInChunks(tx, Payment, data.payments);
    await insertInChunks(
      tx,
      CreditHold,
      data.creditHolds.map((h) => ({ ...h, status: 'ACTIVE', releasedAt: null })),
    );
    progress(
      `credit: ${data.creditAccounts.length} accounts, ${data.invoices.length} invoices, ${data.payments.length} payments, ${data.creditHolds.length} holds`,
    );
    return true;
  });
}
