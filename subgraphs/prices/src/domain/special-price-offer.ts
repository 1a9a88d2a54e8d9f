/**
 * Which of a dealer's active special prices for one product a line gets: pure, no I/O.
 *
 * A special price is either a negotiated agreement (no quantity limit) or granted from an approved
 * special price request for a number of units (`remaining` left of them). A line takes a limited
 * special price only when its whole quantity fits in what is left: a line is never priced half at one
 * price and half at another, and an order can never take more than was granted. Of the offers that
 * fit, the lowest unit price wins; on a tie the agreement (it uses nothing up), then the smaller id, so
 * the choice is the same on every call.
 */

/** One active special price of the dealer for the product. */
export interface SpecialPriceOffer {
  id: string;
  /** Unit price in cents. */
  unitPrice: number;
  /** Units left of a granted quantity; null for an agreement without a limit. */
  remaining: number | null;
  /** The approved request that granted it; null for a negotiated agreement. */
  requestId: string | null;
}

export interface OfferInput {
  offers: readonly SpecialPriceOffer[];
  /** Units on the line. */
  quantity: number;
}

/** The special price the line is priced with, or null when none fits. */
export function pickSpecialPrice({ offers, quantity }: OfferInput): SpecialPriceOffer | null {
  let best: SpecialPriceOffer | null = null;
  for (const offer of offers) {
    if (offer.remaining !== null && offer.remaining < quantity) continue;
    if (!best || better(offer, best)) best = offer;
  }
  return best;
}

function better(a: SpecialPriceOffer, b: SpecialPriceOffer): boolean {
  if (a.unitPrice !== b.unitPrice) return a.unitPrice < b.unitPrice;
  if ((a.remaining === null) !== (b.remaining === null)) return a.remaining === null;
  return a.id < b.id;
}
