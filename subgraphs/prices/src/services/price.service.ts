import { canSeeDealer, type Claims, forbidden, isStaff, normalizeId, requireClaims } from '@dealergraph/runtime';

import type { PricesContext } from '../context.js';
import { assertValidQuantity, type ComputedPrice, computePrice, type VolumeBreakOutlook, volumeBreakOutlook } from '../domain/pricing.js';
import { pickSpecialPrice } from '../domain/special-price-offer.js';
import type { PriceTier } from '../entities/tiers.js';

/** One line to price: a product and how many units. */
export interface PriceLine {
  productId: string;
  quantity: number;
}

/** A line's price for one dealer, with the special price it was based on (when SPECIAL_PRICE applied). */
export interface DealerPrice extends ComputedPrice {
  specialPriceId: string | null;
  /** The approved special price request that granted that special price; null for an agreement. */
  specialPriceRequestId: string | null;
}

/** A priced line; `price` is null when the product has no list price or the dealer no price list. */
export interface QuotedLine extends PriceLine {
  price: DealerPrice | null;
}

/**
 * Whose price the caller may see: a dealer user its own dealer's (asking for another dealer reads as
 * null); staff the dealer they name (null without one); anonymous callers nobody's. A requested id
 * that is not a uuid names no dealer: null.
 */
export function pricingDealerFor(claims: Claims | null, requestedDealerId: string | null): string | null {
  if (!claims) return null;
  const requested = requestedDealerId === null ? null : normalizeId(requestedDealerId);
  if (isStaff(claims)) return requested;
  if (!claims.dealerId) return null;
  if (requestedDealerId !== null && requested !== claims.dealerId) return null;
  return claims.dealerId;
}

/**
 * Prices one line for a dealer through the request's loaders. Every line of a request is loaded in the
 * same batch, so a page of products costs the same handful of statements as one product.
 */
async function priceLine(
  ctx: PricesContext,
  rawDealerId: string,
  rawProductId: string,
  quantity: number,
  at: Date | null = null,
): Promise<DealerPrice | null> {
  assertValidQuantity(quantity);
  // A malformed id has no price. It must not reach PostgreSQL: it would fail the statement of the
  // whole batch, and so every other line of the request.
  const dealerId = normalizeId(rawDealerId);
  const productId = normalizeId(rawProductId);
  if (!dealerId || !productId) return null;
  const { loaders } = ctx;
  const [priceList, pricing, volumeBreaks] = await Promise.all([
    loaders.priceListByDealer.load(dealerId),
    loaders.productPricing(dealerId, at).load(productId),
    loaders.volumeBreaks(),
  ]);
  if (!priceList || !pricing) return null;
  // The loader returns only the list price, promotions and special prices active at `at` (the request's `now` by default).
  const special = pickSpecialPrice({ offers: pricing.specialPrices, quantity });
  const price = computePrice({
    listPrice: pricing.listPrice,
    currency: pricing.currency,
    tierDiscountBp: priceList.tierDiscountBp,
    specialPrice: special?.unitPrice ?? null,
    volumeBreaks,
    promotions: pricing.promotions,
    quantity,
  });
  const based = special !== null && price.appliedRules.includes('SPECIAL_PRICE');
  return { ...price, specialPriceId: based ? special.id : null, specialPriceRequestId: based ? special.requestId : null };
}

/**
 * The price of `quantity` units of a product for the dealer the caller may see (see
 * {@link pricingDealerFor}); null when nobody's price may be shown or there is none.
 * Throws InvalidQuantityError for a quantity that is not a whole number >= 1.
 */
export async function productPrice(
  ctx: PricesContext,
  input: { productId: string; quantity: number; dealerId?: string | null; at?: Date | null },
): Promise<ComputedPrice | null> {
  assertValidQuantity(input.quantity);
  const dealerId = pricingDealerFor(ctx.claims, input.dealerId ?? null);
  if (!dealerId) return null;
  return priceLine(ctx, dealerId, input.productId, input.quantity, input.at ?? null);
}

/**
 * Prices order lines for a dealer with the same code path as `Product.price`, for orders to snapshot
 * the prices the dealer saw. The caller must be allowed to see the dealer (FORBIDDEN otherwise); every
 * quantity is checked before anything is read (InvalidQuantityError).
 */
export async function quoteLines(ctx: PricesContext, input: { dealerId: string; lines: readonly PriceLine[] }): Promise<QuotedLine[]> {
  if (!canSeeDealer(requireClaims(ctx.claims), input.dealerId)) throw forbidden("You may not see this dealer's prices.");
  for (const line of input.lines) assertValidQuantity(line.quantity);
  return Promise.all(
    input.lines.map(async (line) => ({
      productId: line.productId,
      quantity: line.quantity,
      price: await priceLine(ctx, input.dealerId, line.productId, line.quantity),
    })),
  );
}

/** An order line priced for a dealer, with where it stands on the volume-break ladder. */
export interface OrderLineQuote extends QuotedLine {
  /** The volume break applied and the next one within reach (empty when the line has no price). */
  outlook: VolumeBreakOutlook;
}

/**
 * Prices order lines for a dealer for another service (orders snapshots them on the order): the same
 * code path as `Product.price`, without a caller to check, because only a signed service call gets
 * here. Every line is loaded in one batch per loader: a constant number of statements for any number
 * of lines. Ids must be canonical uuids and quantities valid (the internal operation checks them).
 */
export async function quoteOrderLines(
  ctx: PricesContext,
  input: { dealerId: string; lines: readonly PriceLine[] },
): Promise<OrderLineQuote[]> {
  for (const line of input.lines) assertValidQuantity(line.quantity);
  const volumeBreaks = ctx.loaders.volumeBreaks();
  return Promise.all(
    input.lines.map(async (line) => {
      const price = await priceLine(ctx, input.dealerId, line.productId, line.quantity);
      const outlook = price
        ? volumeBreakOutlook({ volumeBreaks: await volumeBreaks, quantity: line.quantity })
        : { current: null, next: null };
      return { productId: line.productId, quantity: line.quantity, price, outlook };
    }),
  );
}

/** A dealer's price list: its tier, the tier discount and the volume breaks. */
export interface DealerPriceList {
  tier: PriceTier;
  tierDiscountBp: number;
  volumeBreaks: { minQuantity: number; maxQuantity: number | null; discountBp: number }[];
}

/** The signed-in dealer user's price list; null for staff or a dealer without a price list. */
export async function myPriceList(ctx: PricesContext): Promise<DealerPriceList | null> {
  const claims = requireClaims(ctx.claims);
  if (isStaff(claims) || !claims.dealerId) return null;
  const [priceList, volumeBreaks] = await Promise.all([ctx.loaders.priceListByDealer.load(claims.dealerId), ctx.loaders.volumeBreaks()]);
  if (!priceList) return null;
  return {
    tier: priceList.tier,
    tierDiscountBp: priceList.tierDiscountBp,
    volumeBreaks: volumeBreaks.map((b) => ({ minQuantity: b.minQuantity, maxQuantity: b.maxQuantity, discountBp: b.discountBp })),
  };
}
