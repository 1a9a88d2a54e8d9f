import { type EntityManager, keyedLoader } from '@dealergraph/runtime';
import type DataLoader from 'dataloader';

import type { VolumeBreakInput } from '../domain/pricing.js';
import { type DealerPriceListRow, dealerPriceLists, productPricing, type ProductPricingRow, volumeBreaks } from './price.queries.js';

/**
 * The per-request loaders of the prices subgraph. Pricing a page of products costs three statements
 * whatever its size: the products' pricing for the dealer, the dealer's price list, the volume breaks.
 * They read plain rows (price.queries.ts), not entities.
 */
export interface PriceLoaders {
  /**
   * By product id, for one dealer (one loader per dealer and instant): the list price, the promotions
   * and the dealer's special prices active at `at` (default the request's `now`); null without a list price.
   */
  productPricing(dealerId: string, at?: Date | null): DataLoader<string, ProductPricingRow | null>;
  /** A dealer's tier and tier discount by dealer id; null without a price list. */
  priceListByDealer: DataLoader<string, DealerPriceListRow | null>;
  /** Every volume break by ascending minimum quantity, read once per request. */
  volumeBreaks(): Promise<VolumeBreakInput[]>;
}

/** Loaders over one request's EntityManager; `now` fixes which promotions and special prices are active. */
export function createPriceLoaders(em: EntityManager, now: Date): PriceLoaders {
  const pricingLoaders = new Map<string, DataLoader<string, ProductPricingRow | null>>();
  let breaks: Promise<VolumeBreakInput[]> | undefined;
  return {
    productPricing(dealerId, at) {
      const instant = at ?? now;
      const key = `${dealerId}|${instant.getTime()}`;
      let loader = pricingLoaders.get(key);
      if (!loader) {
        loader = keyedLoader(
          (ids) => productPricing(em, dealerId, ids, instant),
          (row) => row.productId,
        );
        pricingLoaders.set(key, loader);
      }
      return loader;
    },
    priceListByDealer: keyedLoader(
      (ids) => dealerPriceLists(em, ids),
      (row) => row.dealerId,
    ),
    volumeBreaks: () => (breaks ??= volumeBreaks(em)),
  };
}
