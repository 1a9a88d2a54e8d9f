import { discount } from '@dealergraph/runtime';

import { tierDiscountBp, tierVolumeUnitPrice, volumeDiscountBp } from './pricing.js';
import { int, pickWeighted, type SeededFaker, uuid } from './random.js';
import type { DealerTier, DemoOrderLine, DemoProduct } from './types.js';

const LINE_COUNT_WEIGHTS = { '1': 10, '2': 15, '3': 18, '4': 17, '5': 14, '6': 11, '7': 8, '8': 7 } as const;
const MAX_QUANTITY = 2_000;

/** Finds products by list price quickly: history generation asks ~45,000 times. */
export class ProductPicker {
  private readonly sorted: DemoProduct[];
  private readonly prices: number[];

  constructor(products: DemoProduct[]) {
    // Plain string comparison, not localeCompare: the order must not depend on the ICU build.
    this.sorted = [...products].sort((a, b) => a.listPrice - b.listPrice || (a.sku < b.sku ? -1 : 1));
    this.prices = this.sorted.map((p) => p.listPrice);
  }

  /** First index whose price is >= `price` (or > `price` when `after`). */
  private bound(price: number, after: boolean): number {
    let lo = 0;
    let hi = this.prices.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.prices[mid] < price || (after && this.prices[mid] === price)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A product listed within [min, max] cents not in `exclude`; the nearest cheaper one if none is. */
  pick(faker: SeededFaker, min: number, max: number, exclude: Set<string>): DemoProduct {
    const lo = this.bound(min, false);
    const hi = this.bound(max, true);
    if (hi > lo) {
      for (let attempt = 0; attempt < 6; attempt++) {
        const product = this.sorted[int(faker, lo, hi - 1)];
        if (!exclude.has(product.id)) return product;
      }
    }
    for (let i = Math.max(0, hi - 1); i >= 0; i--) if (!exclude.has(this.sorted[i].id)) return this.sorted[i];
    return this.sorted.find((p) => !exclude.has(p.id))!;
  }
}

/** Quantities people actually order: round numbers once they get large. */
function tidyQuantity(quantity: number): number {
  if (quantity > 100) return Math.round(quantity / 10) * 10;
  if (quantity > 20) return Math.round(quantity / 5) * 5;
  return Math.max(1, quantity);
}

/**
 * Order lines adding up to roughly `target` cents, priced by tier and volume break alone: unit price
 * = list price less the tier discount, rounded to the cent, less the volume break, rounded again.
 * Each line gets an even share of what is left, so the last lines correct the earlier ones' overshoot.
 */
export function fillLines(faker: SeededFaker, picker: ProductPicker, tier: DealerTier, target: number): DemoOrderLine[] {
  const tierBp = tierDiscountBp(tier);
  const drawn = Number(pickWeighted(faker, LINE_COUNT_WEIGHTS));
  // A small order has few lines: nobody orders eight items for 40 dollars in total.
  const count = Math.max(1, Math.min(drawn, Math.floor(target / 2_500)));
  const lines: DemoOrderLine[] = [];
  const used = new Set<string>();
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const budget = Math.max(300, (target - sum) / (count - i));
    const product = picker.pick(faker, budget / 150, budget * 1.1, used);
    used.add(product.id);
    const dealerPrice = discount(product.listPrice, tierBp);
    let quantity = tidyQuantity(Math.min(MAX_QUANTITY, Math.round(budget / dealerPrice)));
    // The volume break lowers the unit price, so ask once more how many units the budget buys.
    const unitAtFirstGuess = discount(dealerPrice, volumeDiscountBp(quantity));
    quantity = tidyQuantity(Math.min(MAX_QUANTITY, Math.round(budget / unitAtFirstGuess)));
    const unitPrice = tierVolumeUnitPrice(product.listPrice, tier, quantity);
    const lineTotal = unitPrice * quantity;
    sum += lineTotal;
    lines.push({ id: uuid(faker), productId: product.id, sku: product.sku, name: product.name, quantity, unitPrice, lineTotal });
  }
  return lines;
}
