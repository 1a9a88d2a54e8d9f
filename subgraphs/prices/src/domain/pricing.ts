/**
 * Pricing of one order line: pure, no I/O. Services load the rows, call these functions, and map the
 * result; the field `Product.price` and `quoteLines` (used by orders) share this one code path, so
 * the price stored on an order line is exactly the price the dealer was shown.
 *
 * The documented order of the rules (all amounts integer cents, each step rounded once with
 * runtime's `discount()`, half away from zero):
 *
 *   1. Base price: the dealer's best of
 *        - the tier price: list price minus the tier discount (rule TIER, only when that discount > 0);
 *        - an active special price agreed with the dealer (rule SPECIAL_PRICE).
 *      Whichever is lower wins. A special price only wins when it is strictly lower than the tier price,
 *      so a tie is priced as TIER (a special price can route an order to approval; a tie should not).
 *      With no tier discount and no winning special price, the base is the list price and no rule applies.
 *   2. Volume break by the line's quantity, taken off the base (rule VOLUME_BREAK, only when the break
 *      that matches the quantity has a discount > 0; if several breaks match, the largest discount).
 *   3. The best active promotion on the product, taken off the result of step 2 (rule PROMOTION, only
 *      when its discount > 0). Promotions do not stack: the largest discount is the one applied.
 *
 * The line total is the unit price times the quantity (no further rounding). `discountBp` is the
 * dealer's total discount of the unit price against the list price, in basis points, rounded once.
 * The quantity must be a whole number >= 1; anything else throws {@link InvalidQuantityError}.
 */
import { discount, discountBasisPoints } from '@dealergraph/runtime';

/** The rules that can shape a price, as they appear in `appliedRules`. */
export type PriceRule = 'TIER' | 'SPECIAL_PRICE' | 'VOLUME_BREAK' | 'PROMOTION';

/** A volume break: a discount for a line quantity in [minQuantity, maxQuantity] (no maximum when null). */
export interface VolumeBreakInput {
  minQuantity: number;
  maxQuantity: number | null;
  discountBp: number;
}

/** An active promotion of the product (the caller filters by date: `activeAt` in loaders/price.queries.ts). */
export interface PromotionInput {
  name: string;
  discountBp: number;
}

export interface PriceInput {
  /** The product's list price, in cents. */
  listPrice: number;
  currency: string;
  /** The dealer's tier discount in basis points (2000 = 20 %); 0 when the tier has none. */
  tierDiscountBp: number;
  /** The dealer's active special unit price in cents, or null when there is none. */
  specialPrice: number | null;
  /** The volume breaks of the dealer's price list. */
  volumeBreaks: readonly VolumeBreakInput[];
  /** Promotions of the product already filtered to the active ones. */
  promotions: readonly PromotionInput[];
  /** Units on the line: a whole number >= 1. */
  quantity: number;
}

/** One step of the breakdown: the unit price after the rule. */
export interface PriceStep {
  rule: PriceRule;
  label: string;
  unitPrice: number;
}

export interface ComputedPrice {
  quantity: number;
  currency: string;
  listPrice: number;
  unitPrice: number;
  lineTotal: number;
  /** Unit price against list price, in basis points (2400 = 24 %). */
  discountBp: number;
  appliedRules: PriceRule[];
  steps: PriceStep[];
}

/** The quantity of a line is not a whole number >= 1. */
export class InvalidQuantityError extends Error {
  readonly code = 'INVALID_QUANTITY' as const;

  constructor(readonly quantity: number) {
    super(`The quantity must be a whole number of at least 1, got ${quantity}.`);
    this.name = 'InvalidQuantityError';
  }
}

/** Throws {@link InvalidQuantityError} unless `quantity` is a whole number >= 1. */
export function assertValidQuantity(quantity: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new InvalidQuantityError(quantity);
}

/** The basis points as a percent for labels: 2000 -> "20", 1250 -> "12.5". */
function percentLabel(bp: number): string {
  return String(bp / 100);
}

function assertBasisPoints(what: string, bp: number): void {
  if (!Number.isInteger(bp) || bp < 0 || bp > 10_000) throw new RangeError(`${what} must be 0-10000 basis points, got ${bp}`);
}

function assertCents(what: string, minor: number): void {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`${what} must be a whole number of cents >= 0, got ${minor}`);
}

/** The break that matches `quantity` with the largest discount, or null. */
export function matchingVolumeBreak(volumeBreaks: readonly VolumeBreakInput[], quantity: number): VolumeBreakInput | null {
  let best: VolumeBreakInput | null = null;
  for (const b of volumeBreaks) {
    const matches = quantity >= b.minQuantity && (b.maxQuantity === null || quantity <= b.maxQuantity);
    if (matches && (!best || b.discountBp > best.discountBp)) best = b;
  }
  return best;
}

function rangeLabel(b: VolumeBreakInput): string {
  return b.maxQuantity === null ? `${b.minQuantity}+` : `${b.minQuantity}-${b.maxQuantity}`;
}

/** Prices one line by the documented order (see the header of this file). */
export function computePrice(input: PriceInput): ComputedPrice {
  const { listPrice, currency, tierDiscountBp, specialPrice, volumeBreaks, promotions, quantity } = input;
  assertValidQuantity(quantity);
  assertCents('listPrice', listPrice);
  assertBasisPoints('tierDiscountBp', tierDiscountBp);
  if (specialPrice !== null) assertCents('specialPrice', specialPrice);

  const steps: PriceStep[] = [];

  // 1. Base: the better of tier price and special price.
  const tierPrice = discount(listPrice, tierDiscountBp);
  let unitPrice = listPrice;
  if (specialPrice !== null && specialPrice < tierPrice) {
    unitPrice = specialPrice;
    steps.push({ rule: 'SPECIAL_PRICE', label: 'Special price agreed for your account', unitPrice });
  } else if (tierDiscountBp > 0) {
    unitPrice = tierPrice;
    steps.push({ rule: 'TIER', label: `Tier price: ${percentLabel(tierDiscountBp)} % off list`, unitPrice });
  }

  // 2. Volume break on the base.
  const volumeBreak = matchingVolumeBreak(volumeBreaks, quantity);
  if (volumeBreak) assertBasisPoints('volume break discountBp', volumeBreak.discountBp);
  if (volumeBreak && volumeBreak.discountBp > 0) {
    unitPrice = discount(unitPrice, volumeBreak.discountBp);
    steps.push({
      rule: 'VOLUME_BREAK',
      label: `Volume break ${rangeLabel(volumeBreak)} units: ${percentLabel(volumeBreak.discountBp)} % off`,
      unitPrice,
    });
  }

  // 3. The best active promotion on the result.
  let promotion: PromotionInput | null = null;
  for (const p of promotions) {
    assertBasisPoints('promotion discountBp', p.discountBp);
    if (!promotion || p.discountBp > promotion.discountBp) promotion = p;
  }
  if (promotion && promotion.discountBp > 0) {
    unitPrice = discount(unitPrice, promotion.discountBp);
    steps.push({ rule: 'PROMOTION', label: `Promotion "${promotion.name}": ${percentLabel(promotion.discountBp)} % off`, unitPrice });
  }

  const lineTotal = unitPrice * quantity;
  if (!Number.isSafeInteger(lineTotal)) throw new RangeError(`line total out of range: ${unitPrice} x ${quantity}`);
  return {
    quantity,
    currency,
    listPrice,
    unitPrice,
    lineTotal,
    discountBp: discountBasisPoints(listPrice, unitPrice),
    appliedRules: steps.map((s) => s.rule),
    steps,
  };
}

/** The volume break a line gets now and the next one it could reach by ordering more. */
export interface VolumeBreakOutlook {
  /** The break that applies at this quantity (only one with a discount), or null. */
  current: VolumeBreakInput | null;
  /** The nearest break with a larger discount than the current one, and how many more units reach it. */
  next: (VolumeBreakInput & { quantityMore: number }) | null;
}

/**
 * Where a line stands on the volume-break ladder: "you get 5 % at this quantity; 20 more units get
 * you 10 %". The current break is the one {@link computePrice} applies; the next is the break with
 * the lowest minimum quantity above this one that gives more off (the largest discount on a tie).
 */
export function volumeBreakOutlook({
  volumeBreaks,
  quantity,
}: {
  volumeBreaks: readonly VolumeBreakInput[];
  quantity: number;
}): VolumeBreakOutlook {
  assertValidQuantity(quantity);
  const matching = matchingVolumeBreak(volumeBreaks, quantity);
  const current = matching && matching.discountBp > 0 ? matching : null;
  const floor = current?.discountBp ?? 0;
  let next: VolumeBreakInput | null = null;
  for (const b of volumeBreaks) {
    if (b.minQuantity <= quantity || b.discountBp <= floor) continue;
    if (!next || b.minQuantity < next.minQuantity || (b.minQuantity === next.minQuantity && b.discountBp > next.discountBp)) next = b;
  }
  return { current, next: next ? { ...next, quantityMore: next.minQuantity - quantity } : null };
}
