import { groupedLoader, keyedLoader, type EntityManager } from '@dealergraph/runtime';
import type DataLoader from 'dataloader';
import { DealerPricing } from '../entities/dealer-pricing.entity.js';
import { ProductPrice } from '../entities/product-price.entity.js';
import { Promotion } from '../entities/promotion.entity.js';
import { SpecialPrice } from '../entities/special-price.entity.js';
import { TierRule } from '../entities/tier-rule.entity.js';
import { VolumeBreak } from '../entities/volume-break.entity.js';

/**
 * The per-request loaders of the prices subgraph. Pricing a page of products costs a constant number of
 * statements: one per loader batch (list prices, promotions, the dealer's special prices, the dealer's
 * tier) plus tier rules and volume breaks, each read once per request.
 */
export interface PriceLoaders {
  /** List price by product id. */
  listPriceByProduct: DataLoader<string, ProductPrice | null>;
  /** Promotions by product id whose window contains the request's `now`. */
  activePromotionsByProduct: DataLoader<string, Promotion[]>;
  /** The special prices of one dealer by product id whose window contains `now` (one loader per dealer). */
  activeSpecialPrices(dealerId: string): DataLoader<string, SpecialPrice[]>;
  /** A dealer's tier assignment by dealer id. */
  dealerPricingByDealer: DataLoader<string, DealerPricing | null>;
  /** Every tier rule, read once per request. */
  tierRules(): Promise<TierRule[]>;
  /** Every volume break by ascending minimum quantity, read once per request. */
  volumeBreaks(): Promise<VolumeBreak[]>;
}

/** Loaders over one request's EntityManager; `now` fixes which promotions and special prices are active. */
export function createPriceLoaders(em: EntityManager, now: Date): PriceLoaders {
  const specialPriceLoaders = new Map<string, DataLoader<string, SpecialPrice[]>>();
  let tierRules: Promise<TierRule[]> | undefined;
  let volumeBreaks: Promise<VolumeBreak[]> | undefined;
  return {
    listPriceByProduct: keyedLoader((ids) => em.find(ProductPrice, { productId: { $in: ids } }), (p) => p.productId),
    activePromotionsByProduct: groupedLoader(
      (ids) => em.find(Promotion, { productId: { $in: ids }, validFrom: { $lte: now }, validTo: { $gt: now } }),
      (p) => p.productId,
    ),
    activeSpecialPrices(dealerId) {
      let loader = specialPriceLoaders.get(dealerId);
      if (!loader) {
        loader = groupedLoader(
          (ids) =>
            em.find(SpecialPrice, {
              dealerId,
              productId: { $in: ids },
              validFrom: { $lte: now },
              $or: [{ validTo: null }, { validTo: { $gt: now } }],
            }),
          (s) => s.productId,
        );
        specialPriceLoaders.set(dealerId, loader);
      }
      return loader;
    },
    dealerPricingByDealer: keyedLoader((ids) => em.find(DealerPricing, { dealerId: { $in: ids } }), (d) => d.dealerId),
    tierRules: () => (tierRules ??= em.find(TierRule, {})),
    volumeBreaks: () => (volumeBreaks ??= em.find(VolumeBreak, {}, { orderBy: { minQuantity: 'asc' } })),
  };
}
