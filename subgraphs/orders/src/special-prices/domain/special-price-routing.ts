/**
 * Who decides a special price request, and whether its terms can be granted at all: pure, no I/O.
 *
 * A special price request is routed like an order, to the levels of approval-routing.ts: the deeper
 * the discount against the dealer's current price for that quantity, and the more money it gives
 * away over the granted quantity, the higher the level. The current price is the dealer's price of one
 * unit: a special price replaces the dealer's base price, and volume breaks and promotions still apply
 * on top of it as on any base. The level of a request is the higher of:
 *
 *   by discount      up to 5 %: SALES_REP (1); up to 15 %: REGIONAL_MANAGER (2);
 *                    up to 30 %: SALES_DIRECTOR (3); above: GENERAL_MANAGER (5, exceptional);
 *   by concession    (current - asked) x quantity above 1,000.00: at least level 2;
 *                    above 10,000.00: at least level 3.
 *
 * A request without a wanted price asks the distributor for an offer: a SALES_REP prices it, and the
 * price the approver grants is routed again by these rules (an approver below that level cannot grant
 * it). An approver's counter offer is checked the same way.
 */
import { approvalRoleOf, discountBasisPoints, MAX_LINE_QUANTITY } from '@dealergraph/runtime';

/** Discount ceilings in basis points and the level that may grant up to each; above the last: level 5. */
export const DISCOUNT_LEVELS: readonly { upToBp: number; level: number }[] = Object.freeze([
  { upToBp: 500, level: 1 },
  { upToBp: 1500, level: 2 },
  { upToBp: 3000, level: 3 },
]);
/** Concession (cents over the whole quantity) above which a level is needed at least. */
export const CONCESSION_LEVELS: readonly { aboveMinor: number; level: number }[] = Object.freeze([
  { aboveMinor: 100_000, level: 2 },
  { aboveMinor: 1_000_000, level: 3 },
]);
const EXCEPTIONAL_LEVEL = 5;

/** The longest a special price may be valid. */
export const MAX_VALIDITY_DAYS = 366;
/** The validity when neither the dealer nor the approver names an end. */
export const DEFAULT_VALIDITY_DAYS = 90;

export interface SpecialPriceRoutingInput {
  /** The dealer's price of one unit now, in cents. */
  currentUnitPrice: number;
  /** The unit price asked for or granted, in cents; null: the dealer asks for an offer. */
  unitPrice: number | null;
  quantity: number;
}

export interface SpecialPriceRouting {
  level: number;
  role: string;
  /** E.g. DISCOUNT_UP_TO_15_PERCENT, CONCESSION_OVER_10000, PRICE_OFFER_REQUESTED. */
  rule: string;
  /** For people: why this level. */
  reason: string;
  /** The discount against the current price, in basis points (0 for an offer request). */
  discountBp: number;
  /** (current - unitPrice) x quantity, in cents (0 for an offer request). */
  concession: number;
}

const money = (minor: number) => `${Math.floor(minor / 100).toLocaleString('en-US')}.${String(minor % 100).padStart(2, '0')}`;
/** The staff role of an approval level (1-5), e.g. 2 -> REGIONAL_MANAGER. */

/** The level that decides a special price of `unitPrice` for `quantity` units (see the header). */
export function routeSpecialPrice({ currentUnitPrice, unitPrice, quantity }: SpecialPriceRoutingInput): SpecialPriceRouting {
  if (unitPrice === null) {
    return {
      level: 1,
      role: approvalRoleOf(1),
      rule: 'PRICE_OFFER_REQUESTED',
      reason: 'The dealer asks for an offer: a SALES_REP prices it.',
      discountBp: 0,
      concession: 0,
    };
  }
  const discountBp = discountBasisPoints(currentUnitPrice, unitPrice);
  const concession = (currentUnitPrice - unitPrice) * quantity;
  const byDiscount = DISCOUNT_LEVELS.find((d) => discountBp <= d.upToBp);
  let level = byDiscount?.level ?? EXCEPTIONAL_LEVEL;
  const pct = (discountBp / 100).toFixed(2);
  let rule = byDiscount
    ? `DISCOUNT_UP_TO_${byDiscount.upToBp / 100}_PERCENT`
    : `DISCOUNT_OVER_${DISCOUNT_LEVELS.at(-1)!.upToBp / 100}_PERCENT`;
  let reason = `${pct} % below the dealer's current price.`;
  for (const c of CONCESSION_LEVELS) {
    if (concession > c.aboveMinor && c.level > level) {
      level = c.level;
      rule = `CONCESSION_OVER_${c.aboveMinor / 100}`;
      reason = `${pct} % below the current price gives away ${money(concession)} over ${quantity} units (above ${money(c.aboveMinor)}).`;
    }
  }
  return { level, role: approvalRoleOf(level), rule, reason, discountBp, concession };
}

/** Terms of a special price to check: asked for by a dealer, or granted by an approver. */
export interface SpecialPriceTerms {
  currentUnitPrice: number;
  unitPrice: number | null;
  quantity: number;
  /** The end of validity asked for; null: the default. */
  validTo: Date | null;
  now: Date;
}

/** Why terms cannot be used, as a userError code, message and the input field it concerns. */
export interface TermsProblem {
  code: 'INVALID_QUANTITY' | 'INVALID_PRICE' | 'INVALID_VALIDITY';
  message: string;
  field: 'quantity' | 'unitPrice' | 'validTo';
}

/**
 * The problems of special price terms (none: usable): a whole quantity from 1 to the order line
 * maximum; a unit price above zero and below the current price (a special price that is not lower
 * would never apply); an end of validity in the future and within MAX_VALIDITY_DAYS.
 */
export function termsProblems({ currentUnitPrice, unitPrice, quantity, validTo, now }: SpecialPriceTerms): TermsProblem[] {
  const problems: TermsProblem[] = [];
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
    problems.push({
      code: 'INVALID_QUANTITY',
      message: `The quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY.toLocaleString('en-US')}.`,
      field: 'quantity',
    });
  }
  if (unitPrice !== null && (unitPrice <= 0 || unitPrice >= currentUnitPrice)) {
    problems.push({
      code: 'INVALID_PRICE',
      message:
        unitPrice <= 0
          ? 'The unit price must be above zero.'
          : `The unit price must be below the current price of ${money(currentUnitPrice)}: a price that is not lower would never apply.`,
      field: 'unitPrice',
    });
  }
  if (validTo !== null) {
    const latest = now.getTime() + MAX_VALIDITY_DAYS * 86_400_000;
    if (validTo.getTime() <= now.getTime())
      problems.push({ code: 'INVALID_VALIDITY', message: 'The end of validity must be in the future.', field: 'validTo' });
    else if (validTo.getTime() > latest)
      problems.push({
        code: 'INVALID_VALIDITY',
        message: `A special price is valid for at most ${MAX_VALIDITY_DAYS} days.`,
        field: 'validTo',
      });
  }
  return problems;
}

/** The end of validity of a granted special price: the approver's, else the dealer's, else the default. */
export function grantedValidTo({
  approverValidTo,
  dealerValidTo,
  now,
}: {
  approverValidTo: Date | null;
  dealerValidTo: Date | null;
  now: Date;
}): Date {
  return approverValidTo ?? dealerValidTo ?? new Date(now.getTime() + DEFAULT_VALIDITY_DAYS * 86_400_000);
}
