import { MAX_LINE_QUANTITY } from '@dealergraph/runtime';

/**
 * The rules of putting lines into a cart: which requested line is usable, which are the same
 * product, and what a dealer is told about volume breaks. Pure: the caller looks products up and
 * prices them; this module decides.
 */

/** Most units of one product in one cart line: the exact-money bound of line totals. */
export const CART_MAX_LINE_QUANTITY = MAX_LINE_QUANTITY;
/** Most distinct products in one cart (and data rows in one uploaded file). */
export const CART_MAX_LINES = 10_000;

/** How a requested line (a typed line, a file row, a template or order line) was taken. */
export type LineStatus = 'OK' | 'UNKNOWN_SKU' | 'NOT_AUTHORIZED' | 'INVALID_QUANTITY' | 'OUT_OF_STOCK' | 'DUPLICATE';

/** A line as requested: the quantity may be anything a file or a client can hold. */
export interface RequestedLine {
  sku: string;
  /** A whole number to be usable; null when the cell held no number at all. */
  quantity: number | null;
}

/** What the catalog says about a SKU for this dealer (see contracts.ts InternalProduct). */
export interface CatalogEntry {
  id: string;
  sku: string;
  name: string;
  active: boolean;
  authorized: boolean;
  stock: { status: 'IN_STOCK' | 'LOW' | 'OUT'; available: number };
  substitutes: { id: string; sku: string; name: string; stock: { status: 'IN_STOCK' | 'LOW' | 'OUT'; available: number } }[];
}

/** The verdict on one requested line. */
export interface LineVerdict {
  index: number;
  sku: string;
  quantity: number | null;
  status: LineStatus;
  message: string;
  /** The product, when the SKU named one. */
  productId: string | null;
  /** For OUT_OF_STOCK: products that can stand in, in stock first. */
  substitutes: CatalogEntry['substitutes'];
  /** For DUPLICATE: the index of the line it was merged into. */
  mergedInto: number | null;
}

/** A product and the quantity the cart line will have after the request. */
export interface CartLinePlan {
  productId: string;
  sku: string;
  /** The quantity the request adds. */
  added: number;
  /** The line's quantity after the request (what was there plus what is added). */
  quantity: number;
  /** The first requested line of this product. */
  index: number;
}

export interface ClassifyLinesInput {
  lines: readonly RequestedLine[];
  /** Catalog entries by lower-case SKU; a SKU not in it is unknown. */
  catalog: ReadonlyMap<string, CatalogEntry>;
  /** What the cart already holds, by product id. */
  inCart: ReadonlyMap<string, number>;
  /** Products in the cart, so a request that adds new ones can be held to CART_MAX_LINES. */
  cartLineCount: number;
}

export interface ClassifyLinesResult {
  verdicts: LineVerdict[];
  /** One plan per product with at least one OK line, in the order first requested. */
  plans: CartLinePlan[];
}

const readableQuantity = (quantity: number | null) => (quantity === null ? 'no number' : String(quantity));

/** Why a quantity cannot be used, or null when it can. */
export function quantityProblem({ quantity }: { quantity: number | null }): string | null {
  if (quantity === null || !Number.isFinite(quantity)) return 'The quantity is not a number.';
  if (!Number.isInteger(quantity)) return `The quantity ${quantity} is not a whole number.`;
  if (quantity <= 0) return `The quantity ${quantity} must be at least 1.`;
  if (quantity > CART_MAX_LINE_QUANTITY)
    return `The quantity ${quantity} is more than ${CART_MAX_LINE_QUANTITY.toLocaleString('en-US')}, the most one line may hold.`;
  return null;
}

/**
 * Decides each requested line: unusable SKUs and quantities, products the dealer may not buy or
 * that are out of stock (with substitutes), and repeats of a product, which are merged into its
 * first line. Everything usable becomes one plan per product, added on top of the cart's quantity.
 */
export function classifyLines({ lines, catalog, inCart, cartLineCount }: ClassifyLinesInput): ClassifyLinesResult {
  const verdicts: LineVerdict[] = [];
  const plans = new Map<string, CartLinePlan>();
  let newProducts = 0;
  lines.forEach((line, index) => {
    const sku = line.sku.trim();
    const verdict = (status: LineStatus, message: string, extra: Partial<LineVerdict> = {}): void => {
      verdicts.push({ index, sku, quantity: line.quantity, status, message, productId: null, substitutes: [], mergedInto: null, ...extra });
    };
    if (!sku) return verdict('UNKNOWN_SKU', 'The line has no SKU.');
    const product = catalog.get(sku.toLowerCase());
    if (!product || !product.active) return verdict('UNKNOWN_SKU', `No product with SKU ${sku} is sold.`);
    const problem = quantityProblem({ quantity: line.quantity });
    if (problem) return verdict('INVALID_QUANTITY', `${sku}: ${problem}`, { productId: product.id });
    const quantity = line.quantity as number;
    if (!product.authorized)
      return verdict('NOT_AUTHORIZED', `${product.sku} is not in your assortment: ask your sales rep.`, { productId: product.id });
    if (product.stock.status === 'OUT' || product.stock.available <= 0) {
      const offered = product.substitutes.filter((s) => s.stock.available > 0);
      const hint = offered.length
        ? ` Available instead: ${offered
            .slice(0, 3)
            .map((s) => s.sku)
            .join(', ')}.`
        : '';
      return verdict('OUT_OF_STOCK', `${product.sku} is out of stock.${hint}`, { productId: product.id, substitutes: offered });
    }
    const plan = plans.get(product.id);
    if (plan) {
      if (plan.quantity + quantity > CART_MAX_LINE_QUANTITY) {
        return verdict(
          'INVALID_QUANTITY',
          `${product.sku}: with this line the cart would hold ${plan.quantity + quantity}, more than ${CART_MAX_LINE_QUANTITY.toLocaleString('en-US')}.`,
          { productId: product.id },
        );
      }
      plan.added += quantity;
      plan.quantity += quantity;
      const first = plan.index;
      return verdict('DUPLICATE', `${product.sku} is also on an earlier line: ${quantity} added to it.`, {
        productId: product.id,
        mergedInto: first,
      });
    }
    const existing = inCart.get(product.id) ?? 0;
    if (existing + quantity > CART_MAX_LINE_QUANTITY) {
      return verdict(
        'INVALID_QUANTITY',
        `${product.sku}: the cart already holds ${existing}; ${readableQuantity(quantity)} more would pass ${CART_MAX_LINE_QUANTITY.toLocaleString('en-US')}.`,
        { productId: product.id },
      );
    }
    if (existing === 0 && cartLineCount + newProducts >= CART_MAX_LINES) {
      return verdict(
        'INVALID_QUANTITY',
        `A cart holds at most ${CART_MAX_LINES.toLocaleString('en-US')} products; ${product.sku} was not added.`,
        { productId: product.id },
      );
    }
    if (existing === 0) newProducts += 1;
    plans.set(product.id, { productId: product.id, sku: product.sku, added: quantity, quantity: existing + quantity, index });
    verdict('OK', existing ? `${quantity} added to the ${existing} already in the cart.` : `${quantity} added.`, { productId: product.id });
  });
  return { verdicts, plans: [...plans.values()] };
}

/**
 * Marks every line of products that cannot be priced for this dealer (no price for it) as
 * NOT_AUTHORIZED, duplicates included, and drops their plans.
 */
export function withoutUnpriced({ result, unpriced }: { result: ClassifyLinesResult; unpriced: ReadonlySet<string> }): ClassifyLinesResult {
  if (unpriced.size === 0) return result;
  const verdicts = result.verdicts.map((v) =>
    v.productId && unpriced.has(v.productId) && (v.status === 'OK' || v.status === 'DUPLICATE')
      ? {
          ...v,
          status: 'NOT_AUTHORIZED' as const,
          message: `${v.sku} has no price for your dealer and cannot be ordered: ask your sales rep.`,
          mergedInto: null,
        }
      : v,
  );
  return { verdicts, plans: result.plans.filter((p) => !unpriced.has(p.productId)) };
}

/** Whether every line can be used (OK or merged into one that is): the all-or-nothing test. */
export function allUsable({ verdicts }: { verdicts: readonly LineVerdict[] }): boolean {
  return verdicts.every((v) => v.status === 'OK' || v.status === 'DUPLICATE');
}

/** A volume break as the pricing side reports it. */
export interface VolumeBreakInfo {
  minQuantity: number;
  /** Decimal string such as "5.00". */
  percent: string;
}

const percentText = (percent: string) => `${percent.replace(/\.00$/, '').replace(/(\.\d)0$/, '$1')} %`;

/**
 * The sentence a dealer sees next to a line: "3 more for 5 % off", or which break it has reached
 * when there is no next one; null when the product has no volume breaks.
 */
export function volumeBreakHint({
  reached,
  next,
}: {
  reached: VolumeBreakInfo | null;
  next: (VolumeBreakInfo & { quantityMore: number }) | null;
}): string | null {
  if (next) return `${next.quantityMore} more for ${percentText(next.percent)} off`;
  if (reached && Number(reached.percent) > 0) return `Best volume break reached: ${percentText(reached.percent)} off`;
  return null;
}
