import { type EntityManager, tableOf } from '@dealergraph/runtime';

import type { PromotionInput, VolumeBreakInput } from '../domain/pricing.js';
import type { SpecialPriceOffer } from '../domain/special-price-offer.js';
import { DealerPricing } from '../entities/dealer-pricing.entity.js';
import { ListPriceWindow } from '../entities/list-price-window.entity.js';
import { ProductPrice } from '../entities/product-price.entity.js';
import { Promotion } from '../entities/promotion.entity.js';
import { SpecialPrice } from '../entities/special-price.entity.js';
import { TierRule } from '../entities/tier-rule.entity.js';
import type { PriceTier } from '../entities/tiers.js';
import { VolumeBreak } from '../entities/volume-break.entity.js';

/**
 * The read paths of pricing as plain SQL returning plain rows (no entity hydration); the entities
 * serve the writes. Each function is ONE statement for any number of keys.
 */

/**
 * THE validity rule of promotions and special prices, and the only place it is written: a row is
 * active at `at` when `at` lies in [valid_from, valid_to), the start instant included, the end instant
 * excluded; a null valid_to never ends. Two bindings: `at`, `at`.
 */
export function activeAt(alias: string): string {
  return `(${alias}.valid_from <= ?::timestamptz and (${alias}.valid_to is null or ${alias}.valid_to > ?::timestamptz))`;
}

/** What one product contributes to one dealer's price at one instant. */
export interface ProductPricingRow {
  productId: string;
  /** Cents. */
  listPrice: number;
  currency: string;
  /** The product's promotions active at the instant. */
  promotions: PromotionInput[];
  /**
   * The dealer's special prices for the product active at the instant, with what is left of a granted
   * quantity (used-up grants are left out); `pickSpecialPrice` chooses by the line's quantity.
   */
  specialPrices: SpecialPriceOffer[];
}

/** A dealer's price list: its tier and that tier's discount (0 when the tier has no rule). */
export interface DealerPriceListRow {
  dealerId: string;
  tier: PriceTier;
  tierDiscountBp: number;
}

/** A bigint cent amount as PostgreSQL returns it (text); refuses what a JavaScript number cannot hold exactly. */
function cents(value: string | number): number {
  const minor = Number(value);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`price out of range: ${String(value)} cents`);
  return minor;
}

/**
 * List price, active promotions and the dealer's active special prices of each product that has a
 * list price at `at`; products without one are absent. The list price is the dated one active at `at`
 * (list_price_window; windows of a product never overlap), else the base price: so a dated price
 * applies from its first instant on, at the next request.
 */
export async function productPricing(
  em: EntityManager,
  dealerId: string,
  productIds: readonly string[],
  at: Date,
): Promise<ProductPricingRow[]> {
  const rows = await em.execute<
    {
      productId: string;
      listPrice: string;
      currency: string;
      promotions: PromotionInput[];
      specialPrices: { id: string; unitPrice: string | number; remaining: number | null; requestId: string | null }[];
    }[]
  >(
    `select ids.product_id as "productId", coalesce(w.list_price, pp.list_price) as "listPrice", coalesce(w.currency, pp.currency) as currency,
            coalesce((select json_agg(json_build_object('name', m.name, 'discountBp', m.discount_bp) order by m.id)
                        from ${tableOf(em, Promotion)} m where m.product_id = ids.product_id and ${activeAt('m')}), '[]') as promotions,
            coalesce((select json_agg(json_build_object('id', s.id, 'unitPrice', s.unit_price, 'requestId', s.request_id,
                                                        'remaining', s.quantity_limit - s.quantity_used) order by s.id)
                        from ${tableOf(em, SpecialPrice)} s
                       where s.dealer_id = ? and s.product_id = ids.product_id and ${activeAt('s')}
                         and (s.quantity_limit is null or s.quantity_used < s.quantity_limit)), '[]') as "specialPrices"
       from unnest(array[?]::uuid[]) as ids(product_id)
       left join ${tableOf(em, ProductPrice)} pp on pp.product_id = ids.product_id
       left join lateral (select lw.list_price, lw.currency from ${tableOf(em, ListPriceWindow)} lw
                           where lw.product_id = ids.product_id and ${activeAt('lw')} limit 1) w on true
      where pp.product_id is not null or w.list_price is not null`,
    [at, at, dealerId, at, at, [...productIds], at, at],
  );
  return rows.map((r) => ({
    ...r,
    listPrice: cents(r.listPrice),
    specialPrices: r.specialPrices.map((s) => ({
      id: s.id,
      unitPrice: cents(s.unitPrice),
      remaining: s.remaining === null ? null : Number(s.remaining),
      requestId: s.requestId,
    })),
  }));
}

/** The price lists of dealers; dealers without one are absent. */
export function dealerPriceLists(em: EntityManager, dealerIds: readonly string[]): Promise<DealerPriceListRow[]> {
  return em.execute<DealerPriceListRow[]>(
    `select d.dealer_id as "dealerId", d.tier, coalesce(t.discount_bp, 0) as "tierDiscountBp"
       from ${tableOf(em, DealerPricing)} d left join ${tableOf(em, TierRule)} t on t.tier = d.tier
      where d.dealer_id in (?)`,
    [[...dealerIds]],
  );
}

/** Every volume break, by ascending minimum quantity. */
export function volumeBreaks(em: EntityManager): Promise<VolumeBreakInput[]> {
  return em.execute<VolumeBreakInput[]>(
    `select min_quantity as "minQuantity", max_quantity as "maxQuantity", discount_bp as "discountBp" from ${tableOf(em, VolumeBreak)} order by min_quantity, id`,
  );
}
