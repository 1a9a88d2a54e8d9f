import type { ProductsContext } from '../context.js';
import { summarizeStock, type StockStatus } from '../domain/stock.js';
import { productsByLowerSkus, type ProductRow } from '../loaders/product.queries.js';

/** A product as the ordering side needs it: identity, whether it is sold, its stock now. */
export interface ProductForOrder {
  id: string;
  sku: string;
  name: string;
  brand: string;
  active: boolean;
  /** Whether this dealer may buy it. */
  authorized: boolean;
  stock: { status: StockStatus; available: number };
  substitutes: { id: string; sku: string; name: string; stock: { status: StockStatus; available: number } }[];
}

/**
 * Products by sku (exact, any case, surrounding spaces ignored) or id, for one dealer, in one
 * statement per kind of lookup plus the batched brand and stock loads. Unknown ones are left out;
 * discontinued ones are returned with `active: false` so the caller can say why they cannot be ordered.
 * Ids must be canonical uuids (the internal operation checks them).
 */
export async function lookupProductsForOrder(
  ctx: ProductsContext,
  input: { dealerId: string; skus: readonly string[]; productIds: readonly string[] },
): Promise<ProductForOrder[]> {
  const skus = [...new Set(input.skus.map((s) => s.trim().toLowerCase()).filter(Boolean))];
  const [bySku, byId] = await Promise.all([
    skus.length ? productsByLowerSkus(ctx.em, skus) : Promise.resolve([]),
    Promise.all(input.productIds.map((id) => ctx.loaders.productById.load(id))),
  ]);
  const products = new Map<string, ProductRow>();
  for (const p of [...bySku, ...byId]) if (p) products.set(p.id, p);
  return Promise.all(
    [...products.values()].map(async (product) => {
      const [brand, levels] = await Promise.all([ctx.loaders.brandById.load(product.brandId), ctx.loaders.stockByProduct.load(product.id)]);
      // Same rules as the catalog's Product.stock (domain/stock.ts), so what orders check is what the dealer saw.
      const stock = summarizeStock({
        levels: levels.map((l) => ({ warehouseId: l.warehouseId, onHand: l.onHand, reserved: l.reserved, lowThreshold: l.lowThreshold })),
      });
      return {
        id: product.id,
        sku: product.sku,
        name: product.name,
        brand: brand?.name ?? '',
        active: product.active,
        // Every dealer may buy every product today: dealer assortments arrive on another branch, and
        // will decide this flag (NOT_AUTHORIZED) here.
        authorized: true,
        stock: { status: stock.status, available: stock.available },
        // No substitute data exists yet (it arrives on another branch); until then none is offered.
        substitutes: [],
      };
    }),
  );
}
