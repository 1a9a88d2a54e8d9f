import {
  defineInternalOperations,
  type InternalHandlers,
  InternalInputError,
  optionalStrings,
  requireDealerSegment,
  requireLines,
  requireMasterDataBatch,
  requireUuid,
} from '@dealergraph/runtime';

import type { ProductsContext } from '../context.js';
import { productsByLowerSkus } from '../loaders/product.queries.js';
import { upsertCategories, upsertWarehouses } from '../services/catalog-master.service.js';
import { setDealerSegment } from '../services/dealer-segment.service.js';
import { lookupProductsForOrder } from '../services/product-lookup.service.js';
import { upsertProducts } from '../services/product-master.service.js';
import { setStockLevels, upsertInTransit } from '../services/stock-master.service.js';
import { releaseStock, reserveStock, shipStock } from '../services/stock-reservation.service.js';

/** The products subgraph's internal operations (see contracts.ts), for the order workflow. */
export function productsInternalOperations(newContext: () => ProductsContext): InternalHandlers<'products'> {
  return defineInternalOperations('products', {
    async lookupProducts(input) {
      const dealerId = requireUuid(input?.dealerId, 'dealerId');
      const skus = optionalStrings(input?.skus, 'skus');
      const productIds = optionalStrings(input?.productIds, 'productIds').map((id, i) => requireUuid(id, `productIds[${i}]`));
      if (!skus.length && !productIds.length) throw new InternalInputError('name at least one sku or product id');
      return { products: await lookupProductsForOrder(newContext(), { dealerId, skus, productIds }) };
    },
    async reserveStock(input) {
      const orderId = requireUuid(input?.orderId, 'orderId');
      const dealerId = requireUuid(input?.dealerId, 'dealerId');
      const lines = requireLines(input?.lines);
      return reserveStock(newContext(), { orderId, dealerId, lines });
    },
    async releaseStock(input) {
      return { status: await releaseStock(newContext(), { orderId: requireUuid(input?.orderId, 'orderId') }) };
    },
    async shipStock(input) {
      return shipStock(newContext(), { orderId: requireUuid(input?.orderId, 'orderId') });
    },
    async resolveSkus(input) {
      const skus = optionalStrings(input?.skus, 'skus');
      if (!skus.length) return { products: [] };
      // Answered in the caller's spelling, so it can match its own rows by the SKU it sent.
      const byLower = new Map(skus.map((sku) => [sku.toLowerCase(), sku]));
      const rows = await productsByLowerSkus(newContext().em, [...byLower.keys()]);
      return { products: rows.map((row) => ({ sku: byLower.get(row.sku.toLowerCase()) ?? row.sku, id: row.id })) };
    },
    async setDealerSegment(input) {
      return { status: await setDealerSegment(newContext(), requireDealerSegment(input)) };
    },
    async upsertProducts(input) {
      const batch = requireMasterDataBatch(input);
      const { applied, rows } = await upsertProducts(newContext(), batch.rows, batch);
      return { applied, rows };
    },
    async setStockLevels(input) {
      const batch = requireMasterDataBatch(input);
      return setStockLevels(newContext(), batch.rows, batch);
    },
    async upsertInTransit(input) {
      const batch = requireMasterDataBatch(input);
      return upsertInTransit(newContext(), batch.rows, batch);
    },
    async upsertCategories(input) {
      const batch = requireMasterDataBatch(input);
      const { applied, rows } = await upsertCategories(newContext(), batch.rows, batch);
      return { applied, rows };
    },
    async upsertWarehouses(input) {
      const batch = requireMasterDataBatch(input);
      const { applied, rows } = await upsertWarehouses(newContext(), batch.rows, batch);
      return { applied, rows };
    },
  });
}
