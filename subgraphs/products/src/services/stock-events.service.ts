import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@dealergraph/runtime';

/**
 * Stock change events, for the `stockChanged` subscription.
 *
 * A writer that changes what is available calls {@link notifyStockChanged} INSIDE its transaction.
 * That sends a PostgreSQL NOTIFY, which PostgreSQL delivers only when the transaction commits and
 * drops when it rolls back: a watcher never sees a change that did not happen, with no outbox table
 * and no relay. Every products instance LISTENs on the channel (they share the database), so with
 * several instances each one's subscribers hear every change; no Redis needed. Delivery is
 * at-most-once, which suits stock: an event names products, not amounts, and each subscriber reads
 * the current availability when it gets the event, so the next event heals a missed one.
 */
export const STOCK_CHANNEL = 'products_stock_changed';

/** Why availability changed. A shipment is not one: it takes the units off on hand AND reserved, so available stays. */
export type StockChangeReason = 'RESERVED' | 'RELEASED' | 'IMPORTED';

/** What travels on the channel (JSON). */
export interface StockChangeMessage {
  /** Unique per notification: the hub drops a repeat. */
  id: string;
  productIds: string[];
  reason: StockChangeReason;
  /** ISO 8601, when the writer sent it. */
  at: string;
}

/** A notification's payload must stay under 8,000 bytes: ~40 bytes per product id. */
const IDS_PER_NOTIFICATION = 150;

/** Tells watchers, once the surrounding transaction commits, that these products' availability changed. */
export async function notifyStockChanged(tx: EntityManager, productIds: readonly string[], reason: StockChangeReason): Promise<void> {
  const ids = [...new Set(productIds)];
  const at = new Date().toISOString();
  for (let i = 0; i < ids.length; i += IDS_PER_NOTIFICATION) {
    const message: StockChangeMessage = { id: randomUUID(), productIds: ids.slice(i, i + IDS_PER_NOTIFICATION), reason, at };
    await tx.execute('select pg_notify(?, ?)', [STOCK_CHANNEL, JSON.stringify(message)]);
  }
}
