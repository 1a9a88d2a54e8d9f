import { discount } from '@dealergraph/runtime';

import { float, int, pick, type SeededFaker, uuid } from './random.js';
import { addDays } from './time.js';
import type {
  DealerTier,
  DemoDealer,
  DemoDealerPricing,
  DemoProduct,
  DemoPromotion,
  DemoSpecialPrice,
  DemoTierRule,
  DemoVolumeBreak,
} from './types.js';

export const TIER_RULES: readonly DemoTierRule[] = [
  { tier: 'PLATINUM', discountBp: 2000 },
  { tier: 'GOLD', discountBp: 1500 },
  { tier: 'SILVER', discountBp: 1000 },
  { tier: 'BRONZE', discountBp: 500 },
];

export const VOLUME_BREAKS: readonly DemoVolumeBreak[] = [
  { minQuantity: 1, maxQuantity: 9, discountBp: 0 },
  { minQuantity: 10, maxQuantity: 49, discountBp: 500 },
  { minQuantity: 50, maxQuantity: 99, discountBp: 1000 },
  { minQuantity: 100, maxQuantity: null, discountBp: 1500 },
];

const PROMOTION_COUNT = 150;
const SPECIAL_PRICE_DEALERS = 60;
/** How many of the first products must carry a running promotion, so a catalog's first page shows one. */
const EARLY_PROMOTED = 4;
const EARLY_WINDOW = 20;

const PROMOTION_NAMES = [
  'Spring Maintenance Sale',
  'Plant Shutdown Special',
  'Quarter-End Deal',
  'Clearance',
  'New Stock Introduction',
  'Overstock Reduction',
  'Preventive Maintenance Week',
  'Distributor Choice',
];

export interface Pricing {
  tierRules: DemoTierRule[];
  volumeBreaks: DemoVolumeBreak[];
  promotions: DemoPromotion[];
  specialPrices: DemoSpecialPrice[];
  dealerPricing: DemoDealerPricing[];
}

/** The tier discount in basis points. */
export function tierDiscountBp(tier: DealerTier): number {
  return TIER_RULES.find((rule) => rule.tier === tier)!.discountBp;
}

/** The volume-break discount in basis points for a line of `quantity` units. */
export function volumeDiscountBp(quantity: number): number {
  const hit = VOLUME_BREAKS.find((b) => quantity >= b.minQuantity && (b.maxQuantity === null || quantity <= b.maxQuantity));
  return hit ? hit.discountBp : 0;
}

/**
 * The unit price a dealer pays by tier and volume break alone: the tier discount off the list price
 * rounded to the cent, then the volume break off that dealer price, rounded again (the published rule
 * applies the break "on the dealer's price").
 */
export function tierVolumeUnitPrice(listPrice: number, tier: DealerTier, quantity: number): number {
  return discount(discount(listPrice, tierDiscountBp(tier)), volumeDiscountBp(quantity));
}

type PromotionTiming = 'ACTIVE' | 'EXPIRED' | 'UPCOMING';

function promotionWindow(faker: SeededFaker, anchor: Date, timing: PromotionTiming): { validFrom: Date; validTo: Date } {
  if (timing === 'ACTIVE') {
    return { validFrom: addDays(anchor, -int(faker, 1, 30)), validTo: addDays(anchor, int(faker, 3, 45)) };
  }
  if (timing === 'EXPIRED') {
    const validTo = addDays(anchor, -int(faker, 1, 90));
    return { validFrom: addDays(validTo, -int(faker, 7, 30)), validTo };
  }
  const validFrom = addDays(anchor, int(faker, 2, 30));
  return { validFrom, validTo: addDays(validFrom, int(faker, 7, 30)) };
}

function generatePromotions(faker: SeededFaker, anchor: Date, products: DemoProduct[]): DemoPromotion[] {
  // One promotion per product at most, so no consumer has to decide between overlapping ones.
  const early = faker.helpers.arrayElements(products.slice(0, EARLY_WINDOW), EARLY_PROMOTED);
  const used = new Set(early.map((p) => p.id));
  const rest = faker.helpers.arrayElements(
    products.filter((p) => !used.has(p.id)),
    PROMOTION_COUNT - EARLY_PROMOTED,
  );
  return [...early, ...rest].map((product, i) => {
    const roll = float(faker);
    const timing: PromotionTiming = i < EARLY_PROMOTED || roll < 0.5 ? 'ACTIVE' : roll < 0.8 ? 'EXPIRED' : 'UPCOMING';
    const discountBp = int(faker, 5, 20) * 100;
    return {
      id: uuid(faker),
      name: `${pick(faker, PROMOTION_NAMES)}: ${discountBp / 100} % off ${product.sku}`,
      productId: product.id,
      discountBp,
      ...promotionWindow(faker, anchor, timing),
    };
  });
}

function specialPricesFor(
  faker: SeededFaker,
  anchor: Date,
  dealer: DemoDealer,
  chosen: DemoProduct[],
  alwaysActive: boolean,
): DemoSpecialPrice[] {
  return chosen.map((product) => {
    // Demo Platinum's contract prices beat its 20 % tier price, so the demo visibly shows SPECIAL_PRICE.
    const offBp = alwaysActive ? int(faker, 2200, 3000) : int(faker, 1500, 3000);
    const roll = float(faker);
    const expired = !alwaysActive && roll >= 0.85;
    // An expired contract price ended recently and ran for a while before that.
    const validTo = expired ? addDays(anchor, -int(faker, 1, 60)) : roll < 0.6 ? null : addDays(anchor, int(faker, 30, 365));
    const validFrom = addDays(validTo && expired ? validTo : anchor, -int(faker, 10, 300));
    return {
      id: uuid(faker),
      dealerId: dealer.id,
      productId: product.id,
      unitPrice: discount(product.listPrice, offBp),
      validFrom,
      validTo,
    };
  });
}

/**
 * Tier rules, volume breaks, about 150 promotions and the special prices of about 60 dealers. Demo
 * Platinum gets at least five running special prices, one on the first product; Demo Bronze none,
 * so it shows plain tier pricing.
 */
export function generatePricing(
  faker: SeededFaker,
  anchor: Date,
  dealers: DemoDealer[],
  products: DemoProduct[],
  demoPlatinum: DemoDealer,
  demoBronze: DemoDealer,
): Pricing {
  const promotions = generatePromotions(faker, anchor, products);

  const specialPrices: DemoSpecialPrice[] = [];
  const platinumProducts = [products[0], ...faker.helpers.arrayElements(products.slice(1), int(faker, 6, 9))];
  specialPrices.push(...specialPricesFor(faker, anchor, demoPlatinum, platinumProducts, true));
  const others = dealers.filter((d) => d.id !== demoPlatinum.id && d.id !== demoBronze.id);
  for (const dealer of faker.helpers.arrayElements(others, SPECIAL_PRICE_DEALERS - 1)) {
    const chosen = faker.helpers.arrayElements(products, int(faker, 5, 15));
    specialPrices.push(...specialPricesFor(faker, anchor, dealer, chosen, false));
  }

  return {
    tierRules: TIER_RULES.map((rule) => ({ ...rule })),
    volumeBreaks: VOLUME_BREAKS.map((b) => ({ ...b })),
    promotions,
    specialPrices,
    dealerPricing: dealers.map((d) => ({ dealerId: d.id, tier: d.tier })),
  };
}
