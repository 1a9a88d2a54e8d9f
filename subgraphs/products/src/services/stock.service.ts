import type { ProductsContext } from '../context.js';
import { summarizeStock, type StockSummary } from '../domain/stock.js';
import type { InTransit } from '../entities/in-transit.entity.js';

/** A product's stock over all warehouses and per warehouse (warehouses by code). */
export async function stockOf(ctx: ProductsContext, productId: string): Promise<StockSummary> {
  const levels = await ctx.loaders.stockByProduct.load(productId);
  return summarizeStock({ levels });
}

/** A product's inbound shipments, soonest first. */
export async function inTransitOf(ctx: ProductsContext, productId: string): Promise<InTransit[]> {
  return ctx.loaders.inTransitByProduct.load(productId);
}
