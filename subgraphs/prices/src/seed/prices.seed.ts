import type { DemoData } from '@dealergraph/demo-data';
import { type EntityManager, insertInChunks, type Progress } from '@dealergraph/runtime';

import { DealerPricing } from '../entities/dealer-pricing.entity.js';
import { ProductPrice } from '../entities/product-price.entity.js';
import { Promotion } from '../entities/promotion.entity.js';
import { SpecialPrice } from '../entities/special-price.entity.js';
import { TierRule } from '../entities/tier-rule.entity.js';
import { VolumeBreak } from '../entities/volume-break.entity.js';

/**
 * Writes the demo price lists in one transaction, unless list prices exist already: list prices from
 * the products, tier rules, volume breaks, promotions, special prices and each dealer's tier.
 */
export async function seedPrices(em: EntityManager, demoData: () => DemoData, progress: Progress): Promise<boolean> {
  return em.transactional(async (tx) => {
    if ((await tx.count(ProductPrice, {})) > 0) return false;
    const data = demoData();
    await insertInChunks(
      tx,
      ProductPrice,
      data.products.map((p) => ({ productId: p.id, listPrice: p.listPrice, currency: p.currency })),
    );
    await insertInChunks(
      tx,
      TierRule,
      data.tierRules.map((r) => ({ tier: r.tier, discountBp: r.discountBp })),
    );
    await insertInChunks(
      tx,
      VolumeBreak,
      data.volumeBreaks.map((b) => ({ minQuantity: b.minQuantity, maxQuantity: b.maxQuantity, discountBp: b.discountBp })),
    );
    await insertInChunks(
      tx,
      Promotion,
      data.promotions.map((p) => ({
        id: p.id,
        name: p.name,
        productId: p.productId,
        discountBp: p.discountBp,
        validFrom: p.validFrom,
        validTo: p.validTo,
      })),
    );
    await insertInChunks(
      tx,
      SpecialPrice,
      data.specialPrices.map((s) => ({
        id: s.id,
        dealerId: s.dealerId,
        productId: s.productId,
        unitPrice: s.unitPrice,
        validFrom: s.validFrom,
        validTo: s.validTo,
      })),
    );
    await insertInChunks(
      tx,
      DealerPricing,
      data.dealerPricing.map((d) => ({ dealerId: d.dealerId, tier: d.tier })),
    );
    progress(
      `prices: ${data.products.length} list prices, ${data.tierRules.length} tier rules, ${data.volumeBreaks.length} volume breaks, ` +
        `${data.promotions.length} promotions, ${data.specialPrices.length} special prices, ${data.dealerPricing.length} dealer price lists`,
    );
    return true;
  });
}
