import type { ProductsContext } from '../context.js';
import { type StockStatus, summarizeStock } from '../domain/stock.js';
import { type ProductRow, productsByLowerSkus } from '../loaders/product.queries.js';
import { inAssortment } from './assortment.service.js';
import { substitutesForDealer } from './product-details.service.js';

/** How many substitutes an out-of-stock product offers the ordering side. */
const SUBSTITUTE_LIMIT = 5;

type StockNow = { status: StockStatus; available: number };

/** A product as the ordering side needs it: identity, whether it is sold, its stock now. */
export interface ProductForOrder {
  id: string;
  sku: string;
  name: string;
  brand: string;
  active: boolean;
  /** Whether this dealer may buy it. */
  authorized: boolean;
  stock: StockNow;
  /** Special handling approval rules look at: its assortment restriction (CONTRACT_ONLY, IMPORTED, QUOTA) and HAZARDOUS; empty for an ordinary product. */
  handling: string[];
  substitutes: { id: string; sku: string; name: string; stock: StockNow }[];
}

/** Stock of several products by the catalog's rules (domain/stock.ts), one batched load. */
async function stockOf(ctx: ProductsContext, productIds: readonly string[]): Promise<Map<string, StockNow>> {
  const levels = await Promise.all(productIds.map((id) => ctx.loaders.stockByProduct.load(id)));
  return new Map(
    productIds.map((id, i) => {
      const stock = summarizeStock({
        levels: levels[i].map((l) => ({
          warehouseId: l.warehouseId,
          onHand: l.onHand,
          reserved: l.reserved,
          lowThreshold: l.lowThreshold,
        })),
      });
      return [id, { status: stock.status, available: stock.available }];
    }),
  );
}

/**
 * Products by sku (exact, any case, surrounding spaces ignored) or id, for one dealer (null: staff,
 * the whole catalog). Unknown ones are left out; discontinued ones are returned with `active: false`
 * and ones outside the dealer's assortment with `authorized: false`, so the caller can say why they
 * cannot be ordered. Out-of-stock products carry substitutes (same rules as Product.substitutes, in
 * the dealer's assortment), each with its own stock. The number of statements does not grow with the
 * number of products. Ids must be canonical uuids (the internal operation checks them).
 */
export async function lookupProductsForOrder(
  ctx: ProductsContext,
  input: { dealerId: string | null; skus: readonly string[]; productIds: readonly string[] },
): Promise<ProductForOrder[]> {
  const skus = [...new Set(input.skus.map((s) => s.trim().toLowerCase()).filter(Boolean))];
  const [bySku, byId] = await Promise.all([
    skus.length ? productsByLowerSkus(ctx.em, skus) : Promise.resolve([]),
    Promise.all(input.productIds.map((id) => ctx.loaders.productById.load(id))),
  ]);
  const products = new Map<string, ProductRow>();
  for (const p of [...bySku, ...byId]) if (p) products.set(p.id, p);
  const ids = [...products.keys()];
  const [brands, stock, authorized] = await Promise.all([
    Promise.all([...products.values()].map((p) => ctx.loaders.brandById.load(p.brandId))),
    stockOf(ctx, ids),
    input.dealerId ? inAssortment(ctx, input.dealerId, ids) : Promise.resolve(new Set(ids)),
  ]);
  // Substitutes matter only where the product itself cannot be shipped; the ordering side offers them there.
  const out = ids.filter((id) => stock.get(id)?.status === 'OUT');
  const substitutes = await substitutesForDealer(ctx, { productIds: out, limit: SUBSTITUTE_LIMIT, dealerId: input.dealerId });
  const substituteStock = await stockOf(ctx, [...new Set([...substitutes.values()].flat().map((s) => s.id))]);
  return [...products.values()].map((product, i) => ({
    id: product.id,
    sku: product.sku,
    name: product.name,
    brand: brands[i]?.name ?? '',
    active: product.active,
    authorized: authorized.has(product.id),
    stock: stock.get(product.id)!,
    handling: [...(product.restriction ? [product.restriction] : []), ...(product.hazardous ? ['HAZARDOUS'] : [])],
    substitutes: (substitutes.get(product.id) ?? []).map((s) => ({
      id: s.id,
      sku: s.sku,
      name: s.name,
      stock: substituteStock.get(s.id)!,
    })),
  }));
}
