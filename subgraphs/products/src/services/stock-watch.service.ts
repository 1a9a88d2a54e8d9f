import { badInput, type EventHub, expandEvents } from '@dealergraph/runtime';

import type { ProductsContext } from '../context.js';
import { createProductLoaders } from '../loaders/product.loaders.js';
import type { ProductRow } from '../loaders/product.queries.js';
import { assortmentDealer } from './assortment.service.js';
import { findProductById, findProductBySku } from './product.service.js';
import type { StockChangeMessage, StockChangeReason } from './stock-events.service.js';

/** The most skus one subscription may watch. */
export const MAX_WATCHED_SKUS = 100;

/** One watched product whose availability changed, as the caller may see it now. */
export interface StockChangeEvent {
  sku: string;
  reason: StockChangeReason;
  at: Date;
  product: ProductRow;
}

/**
 * A subscription's context lives as long as the subscription, but each event must read stock as
 * committed now: a fresh unit of work and fresh loaders for every event (events of one subscription
 * are executed one after the other, so swapping them between events is safe).
 */
function renew(ctx: ProductsContext): void {
  ctx.em = ctx.em.fork();
  ctx.loaders = createProductLoaders(ctx.em, assortmentDealer(ctx.claims));
}

/**
 * The stock changes of the watched skus for the caller, from the hub's stream of committed changes.
 * Only products the caller may see are watched (its dealer's assortment; staff: all), checked when it
 * subscribes AND again for each event, so a product withdrawn from the assortment meanwhile goes
 * quiet; unknown and invisible skus are ignored alike (the answer says nothing about them).
 * Stopping the subscription stops listening at once, even while it waits for an event.
 */
export async function watchStock(
  ctx: ProductsContext,
  skus: readonly string[],
  hub: EventHub<StockChangeMessage>,
): Promise<AsyncIterableIterator<StockChangeEvent>> {
  const wanted = [...new Set(skus.map((s) => s.trim()).filter(Boolean))];
  if (wanted.length === 0) throw badInput('Name at least one sku to watch.', 'skus');
  if (wanted.length > MAX_WATCHED_SKUS) throw badInput(`Watch at most ${MAX_WATCHED_SKUS} skus per subscription.`, 'skus');
  const visible = await Promise.all(wanted.map((sku) => findProductBySku(ctx, sku)));
  const watched = new Set(visible.flatMap((p) => (p ? [p.id] : [])));
  return expandEvents(hub, async (message: StockChangeMessage): Promise<StockChangeEvent[]> => {
    const changed = message.productIds.filter((id) => watched.has(id));
    if (changed.length === 0) return [];
    renew(ctx);
    const products = await Promise.all(changed.map((id) => findProductById(ctx, id)));
    return products.flatMap((product) =>
      product ? [{ sku: product.sku, reason: message.reason, at: new Date(message.at), product }] : [],
    );
  });
}
