import type { EntityManager } from '@dealergraph/runtime';

import type { LedgerMovement } from '../domain/statement.js';
import { BalanceAdjustment } from '../entities/balance-adjustment.entity.js';
import { Invoice } from '../entities/invoice.entity.js';
import { Payment } from '../entities/payment.entity.js';
import { cents, tableOf } from './credit.queries.js';

/**
 * The balance of one dealer before an instant, by the ledger identity
 * invoices + adjustments - payments (one statement).
 */
export async function balanceBefore(em: EntityManager, dealerId: string, before: Date): Promise<number> {
  const at = before.toISOString();
  const [row] = await em.execute<{ balance: string }[]>(
    `select (select coalesce(sum(amount), 0) from ${tableOf(em, Invoice)} where dealer_id = ? and issued_at < ?::timestamptz)
          + (select coalesce(sum(amount), 0) from ${tableOf(em, BalanceAdjustment)} where dealer_id = ? and recorded_at < ?::timestamptz)
          - (select coalesce(sum(amount), 0) from ${tableOf(em, Payment)} where dealer_id = ? and received_at < ?::timestamptz) as balance`,
    [dealerId, at, dealerId, at, dealerId, at],
  );
  return cents(row.balance);
}

/** Every invoice, payment and adjustment of one dealer in [from, to), signed as the balance moves (one statement). */
export async function movementsBetween(em: EntityManager, dealerId: string, from: Date, to: Date): Promise<LedgerMovement[]> {
  const [a, b] = [from.toISOString(), to.toISOString()];
  const rows = await em.execute<
    { kind: LedgerMovement['kind']; at: Date | string; reference: string; description: string; amount: string }[]
  >(
    `select 'INVOICE' as kind, issued_at as at, number as reference,
            'Invoice, due ' || to_char(due_at at time zone 'UTC', 'YYYY-MM-DD') as description, amount
       from ${tableOf(em, Invoice)} where dealer_id = ? and issued_at >= ?::timestamptz and issued_at < ?::timestamptz
     union all
     select 'PAYMENT', received_at, reference, 'Payment received', -amount
       from ${tableOf(em, Payment)} where dealer_id = ? and received_at >= ?::timestamptz and received_at < ?::timestamptz
     union all
     select 'ADJUSTMENT', recorded_at, external_ref, reason, amount
       from ${tableOf(em, BalanceAdjustment)} where dealer_id = ? and recorded_at >= ?::timestamptz and recorded_at < ?::timestamptz`,
    [dealerId, a, b, dealerId, a, b, dealerId, a, b],
  );
  return rows.map((r) => ({
    kind: r.kind,
    at: new Date(r.at),
    reference: r.reference,
    description: r.description,
    amount: cents(r.amount),
  }));
}
