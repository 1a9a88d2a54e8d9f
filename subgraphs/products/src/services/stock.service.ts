import type { ProductsContext } from '../context.js';
import { type StockSummary, summarizeStock } from '../domain/stock.js';
import type { InTransit } from '../entities/in-transit.entity.js';

/** A product's stock with the caller's preferred warehouse, if it has one. */
export interface ProductStock extends StockSummary {
  preferredWarehouseId: string | null;
}

/** A product's stock over all warehouses and per warehouse (the caller's dealer's preferred warehouse first, then by code). */
export async function stockOf(ctx: ProductsContext, productId: string): Promise<ProductStock> {
  const levels = await ctx.loaders.stockByProduct.load(productId);
  return { ...summarizeStock({ levels }), preferredWarehouseId: levels.find((l) => l.preferred)?.warehouseId ?? null };
}

/** A product's inbound shipments, soonest first. */
export async function inTransitOf(ctx: ProductsContext, productId: string): Promise<InTransit[]> {
  return ctx.loaders.inTransitByProduct.load(productId);
}
