import { randomUUID } from 'node:crypto';

import {
  type Claims,
  type CreditDecision,
  type EntityManager,
  InternalCallError,
  type InternalProduct,
  isStaff,
  MAX_INTERNAL_LINES,
  ok,
  type QuotedLine,
  Refusal,
  refusalUnlessAllowed,
  refused,
  requireClaims,
  type Result,
  serviceUnavailable,
  type UserError,
  userError,
} from '@dealergraph/runtime';
import { raw } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';

import type { OrdersContext } from '../context.js';
import { CartLine } from './cart-line.entity.js';
import { cartBusy, withCartLock, withCartTurn } from './cart-lock.js';
import {
  allUsable,
  CART_MAX_LINE_QUANTITY,
  type CatalogEntry,
  classifyLines,
  type LineVerdict,
  quantityProblem,
  type RequestedLine,
  volumeBreakHint,
  withoutUnpriced,
} from './domain/cart-lines.js';

/** A business refusal as the API reports it. */
export interface CartLineView {
  id: string;
  productId: string;
  sku: string;
  name: string | null;
  quantity: number;
  /** False when the product is no longer sold, not in the assortment, or has no price: it cannot be ordered. */
  orderable: boolean;
  /** Why the line cannot be ordered, when it cannot. */
  problem: string | null;
  quote: QuotedLine | null;
  volumeBreakHint: string | null;
  stock: InternalProduct['stock'] | null;
  /** Unit price in cents when the line was added or its quantity last set. */
  addedUnitPrice: number;
  priceChanged: boolean;
  addedAt: Date;
}

/** A user's cart, priced now. */
export interface CartView {
  dealerId: string;
  currency: string;
  lines: CartLineView[];
  /** Sum of the orderable lines' totals, in cents. */
  total: number;
  totalQuantity: number;
}

/** What a request that adds lines did: one verdict per requested line. */
export interface AddedLines {
  verdicts: LineVerdict[];
  /** True when at least one line went into the cart. */
  added: boolean;
}

/** Who changes a cart: the dealer user it belongs to. */
export interface CartOwner {
  userId: string;
  dealerId: string;
}

/** The cart's owner: a dealer user; staff have no cart. */
function cartOwner(claims: Claims): { userId: string; dealerId: string } | null {
  if (isStaff(claims) || !claims.dealerId) return null;
  return { userId: claims.sub, dealerId: claims.dealerId };
}

/** The operations that change a cart or a template, each with its row in the authorization matrix. */
export type CartOperation =
  | 'Mutation.addToCart'
  | 'Mutation.updateCartLine'
  | 'Mutation.removeFromCart'
  | 'Mutation.clearCart'
  | 'Mutation.uploadOrderLines'
  | 'Mutation.addTemplateToCart'
  | 'Mutation.saveCartAsTemplate'
  | 'Mutation.saveOrderAsTemplate'
  | 'Mutation.deleteOrderTemplate'
  | 'Mutation.reorder';

/**
 * The owner who may change the cart, or refused with FORBIDDEN saying why not: the authorization
 * matrix's row of `operation` answers for the role; the cart is the caller's own (data scope).
 */
export function cartWriter(ctx: OrdersContext, operation: CartOperation): Result<CartOwner> {
  const claims = requireClaims(ctx.claims);
  const owner = cartOwner(claims);
  const forbidden = refusalUnlessAllowed(
    claims,
    operation,
    owner
      ? `Your role (${claims.role}) may look at prices and orders but not change a cart.`
      : 'Staff users have no cart: carts belong to dealer users.',
  );
  if (forbidden) return refused(forbidden);
  return owner ? ok(owner) : refused(userError('FORBIDDEN', 'Staff users have no cart: carts belong to dealer users.'));
}

/** Internal calls that fail leave the cart as it was; the caller gets a retryable error, never internals. */
async function fromService<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof InternalCallError) {
      if (error.code !== 'REJECTED')
        throw serviceUnavailable(`${what} did not answer in time; nothing was changed. Try again in a moment.`);
      throw new GraphQLError(`${what} refused the request; nothing was changed.`, { extensions: { code: 'BAD_REQUEST' } });
    }
    throw error;
  }
}

/** The owners take at most MAX_INTERNAL_LINES items a call: bigger carts go in parallel chunks. */
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_INTERNAL_LINES) out.push(items.slice(i, i + MAX_INTERNAL_LINES));
  return out;
}

/**
 * What one request already learned from the catalog and pricing: a mutation looks lines up and
 * prices them, then returns the cart, which needs the same answers. Within one request they stand.
 */
interface RequestMemo {
  products: Map<string, InternalProduct>;
  quotes: Map<string, QuotedLine>;
  currency: string;
}
const memos = new WeakMap<OrdersContext, RequestMemo>();
const memoOf = (ctx: OrdersContext): RequestMemo => {
  let memo = memos.get(ctx);
  if (!memo) memos.set(ctx, (memo = { products: new Map(), quotes: new Map(), currency: '' }));
  return memo;
};
const quoteKey = (productId: string, quantity: number) => `${productId}:${quantity}`;

/** Catalog entries by id or SKU for a dealer: one call per MAX_INTERNAL_LINES items not yet known in this request. */
async function lookup(ctx: OrdersContext, dealerId: string, by: { skus?: string[]; productIds?: string[] }): Promise<InternalProduct[]> {
  const memo = memoOf(ctx);
  if (by.productIds) {
    const missing = by.productIds.filter((id) => !memo.products.has(id));
    await lookupFresh(ctx, dealerId, 'productIds', missing);
    return by.productIds.flatMap((id) => memo.products.get(id) ?? []);
  }
  return lookupFresh(ctx, dealerId, 'skus', by.skus ?? []);
}

async function lookupFresh(ctx: OrdersContext, dealerId: string, key: 'skus' | 'productIds', values: string[]): Promise<InternalProduct[]> {
  if (values.length === 0) return [];
  const parts = await Promise.all(
    chunks(values).map((part) => fromService('The catalog', () => ctx.services.products.call('lookupProducts', { dealerId, [key]: part }))),
  );
  const products = parts.flatMap((p) => p.products);
  const memo = memoOf(ctx);
  for (const product of products) memo.products.set(product.id, product);
  return products;
}

/** Prices lines now by the same code path as Product.price: one call per MAX_INTERNAL_LINES lines not yet priced in this request. */
export async function quote(
  ctx: OrdersContext,
  dealerId: string,
  lines: { productId: string; quantity: number }[],
): Promise<{ currency: string; lines: QuotedLine[] }> {
  const memo = memoOf(ctx);
  const missing = lines.filter((l) => !memo.quotes.has(quoteKey(l.productId, l.quantity)));
  if (missing.length) {
    const parts = await Promise.all(
      chunks(missing).map((part) => fromService('Pricing', () => ctx.services.prices.call('quoteLines', { dealerId, lines: part }))),
    );
    for (const part of parts) {
      memo.currency ||= part.currency;
      for (const q of part.lines) memo.quotes.set(quoteKey(q.productId, q.quantity), q);
    }
  }
  return { currency: memo.currency, lines: lines.flatMap((l) => memo.quotes.get(quoteKey(l.productId, l.quantity)) ?? []) };
}

/** The lines of the caller's cart as they stand, oldest first (a read: a template saves them); empty for staff. */
export async function readCartLines(ctx: OrdersContext): Promise<{ productId: string; sku: string; quantity: number }[]> {
  const owner = cartOwner(requireClaims(ctx.claims));
  if (!owner) return [];
  const lines = await ctx.em.find(CartLine, { userId: owner.userId, dealerId: owner.dealerId }, { orderBy: { addedAt: 'asc', id: 'asc' } });
  return lines.map((line) => ({ productId: line.productId, sku: line.sku, quantity: line.quantity }));
}

/** A cart line as a cart order takes it, and as a compensated order gives it back. */
export interface TakenCartLine {
  productId: string;
  sku: string;
  quantity: number;
  addedUnitPrice: number;
  currency: string;
}

/**
 * The lines of a user's cart, oldest first, removed from it: call it in the locked transaction that
 * stores the order (`withCartLock`), so the order takes exactly the lines it read and a line added
 * after it stays in the cart.
 */
export async function takeCartLines(em: EntityManager, userId: string, dealerId: string): Promise<TakenCartLine[]> {
  const lines = await em.find(CartLine, { userId, dealerId }, { orderBy: { addedAt: 'asc', id: 'asc' } });
  if (lines.length) await em.nativeDelete(CartLine, { id: { $in: lines.map((l) => l.id) } });
  return lines.map((l) => ({
    productId: l.productId,
    sku: l.sku,
    quantity: l.quantity,
    addedUnitPrice: l.addedUnitPrice,
    currency: l.currency,
  }));
}

/**
 * Puts the lines of an order that was not placed back into the cart (in the locked transaction that
 * deletes the order, so they come back exactly once): quantities add to what the cart holds now.
 */
export async function restoreCartLines(em: EntityManager, owner: { userId: string; dealerId: string }, lines: readonly TakenCartLine[]) {
  const now = Date.now();
  for (let i = 0; i < lines.length; i += 1000) {
    const rows = lines.slice(i, i + 1000).map((line, j) => ({
      id: randomUUID(),
      userId: owner.userId,
      dealerId: owner.dealerId,
      ...line,
      addedAt: new Date(now + i + j),
      updatedAt: new Date(now),
    }));
    const table = `"${em.config.get('schema')}"."cart_line"`;
    await em
      .createQueryBuilder(CartLine)
      .insert(rows)
      .onConflict(['userId', 'productId'])
      .merge({ quantity: raw(`least(${table}.quantity + excluded.quantity, ${CART_MAX_LINE_QUANTITY})`) })
      .execute();
  }
}

/** The caller's cart priced now (one catalog call, one pricing call); null for staff. */
export async function loadCart(ctx: OrdersContext): Promise<CartView | null> {
  const owner = cartOwner(requireClaims(ctx.claims));
  if (!owner) return null;
  const rows = await ctx.em.find(CartLine, { userId: owner.userId, dealerId: owner.dealerId }, { orderBy: { addedAt: 'asc', id: 'asc' } });
  const [products, quoted] = await Promise.all([
    lookup(ctx, owner.dealerId, { productIds: rows.map((r) => r.productId) }),
    quote(
      ctx,
      owner.dealerId,
      rows.map((r) => ({ productId: r.productId, quantity: r.quantity })),
    ),
  ]);
  const productById = new Map(products.map((p) => [p.id, p]));
  const quoteById = new Map(quoted.lines.map((q) => [q.productId, q]));
  let total = 0;
  let totalQuantity = 0;
  const lines = rows.map((row): CartLineView => {
    const product = productById.get(row.productId) ?? null;
    const q = quoteById.get(row.productId) ?? null;
    const problem =
      !product || !product.active
        ? `${row.sku} is no longer sold: remove it from the cart.`
        : !product.authorized
          ? `${row.sku} is no longer in your assortment: remove it from the cart.`
          : !q?.priceable
            ? `${row.sku} has no price for your dealer: remove it or ask your sales rep.`
            : null;
    const orderable = problem === null;
    if (orderable && q) {
      total += q.lineTotal;
      totalQuantity += row.quantity;
    }
    return {
      id: row.id,
      productId: row.productId,
      sku: product?.sku ?? row.sku,
      name: product?.name ?? null,
      quantity: row.quantity,
      orderable,
      problem,
      quote: q?.priceable ? q : null,
      volumeBreakHint: q?.priceable ? volumeBreakHint({ reached: q.volumeBreak, next: q.nextVolumeBreak }) : null,
      stock: product?.stock ?? null,
      addedUnitPrice: row.addedUnitPrice,
      priceChanged: !!q?.priceable && q.unitPrice !== row.addedUnitPrice,
      addedAt: row.addedAt,
    };
  });
  if (!Number.isSafeInteger(total))
    throw Refusal.of('INVALID_QUANTITY', 'The cart total is too large to be computed exactly: lower some quantities.');
  return { dealerId: owner.dealerId, currency: quoted.currency || rows[0]?.currency || 'USD', lines, total, totalQuantity };
}

/**
 * What credit would say about an order of the cart's total now: a preview, nothing is held; null for
 * an empty cart. `lineTotals`: the orderable lines' totals in cart order (the placement's order), for
 * PARTIAL_ORDER's split.
 */
export async function creditPreview(
  ctx: OrdersContext,
  cart: Pick<CartView, 'dealerId' | 'total'> & { lineTotals?: number[] },
): Promise<CreditDecision | null> {
  if (cart.total <= 0) return null;
  return fromService('Credit', () =>
    ctx.services.credit.call('assessOrder', { dealerId: cart.dealerId, amount: cart.total, lines: cart.lineTotals ?? null }),
  );
}

/** A cart read changed before its lock was had (another process wrote it): read and price it again, at most this often. */
const STALE_ROUNDS = 3;

const cartState = (lines: readonly Pick<CartLine, 'productId' | 'quantity'>[]) =>
  lines
    .map((l) => `${l.productId}:${l.quantity}`)
    .sort()
    .join(',');

/**
 * Adds requested lines to the caller's cart (typed SKUs, file rows, a template, a past order): each
 * line gets a verdict; usable lines are added (repeats of a product merged), unless `allOrNothing`
 * and one line is unusable, in which case nothing changes. Quantities add to what the cart holds.
 * The catalog and pricing are asked in the user's turn but before the locked transaction, which then
 * checks that the cart is still what was priced (see cart-lock.ts).
 */
export async function addLines(
  ctx: OrdersContext,
  lines: readonly RequestedLine[],
  options: { allOrNothing?: boolean; operation?: CartOperation } = {},
): Promise<Result<AddedLines>> {
  const writer = cartWriter(ctx, options.operation ?? 'Mutation.addToCart');
  if (!writer.ok) return writer;
  const owner = writer.value;
  const skus = [...new Set(lines.map((l) => l.sku.trim()).filter(Boolean))];
  const products = await lookup(ctx, owner.dealerId, { skus });
  const catalog = new Map<string, CatalogEntry>(products.map((p) => [p.sku.toLowerCase(), p]));
  return withCartTurn(owner.userId, async (locked) => {
    for (let round = 0; round < STALE_ROUNDS; round += 1) {
      const existing = await ctx.em.fork().find(CartLine, { userId: owner.userId }, { fields: ['productId', 'quantity'] });
      const inCart = new Map(existing.map((l) => [l.productId, l.quantity]));
      let result = classifyLines({ lines, catalog, inCart, cartLineCount: existing.length });
      const quoted = await quote(
        ctx,
        owner.dealerId,
        result.plans.map((p) => ({ productId: p.productId, quantity: p.quantity })),
      );
      const quoteById = new Map(quoted.lines.map((q) => [q.productId, q]));
      result = withoutUnpriced({
        result,
        unpriced: new Set(result.plans.filter((p) => !quoteById.get(p.productId)?.priceable).map((p) => p.productId)),
      });
      if (options.allOrNothing && !allUsable(result)) return ok({ verdicts: result.verdicts, added: false });
      const now = Date.now();
      const rows = result.plans.map((plan, i) => ({
        id: randomUUID(),
        userId: owner.userId,
        dealerId: owner.dealerId,
        productId: plan.productId,
        sku: plan.sku,
        quantity: plan.quantity,
        addedUnitPrice: quoteById.get(plan.productId)!.unitPrice,
        currency: quoted.currency || 'USD',
        // Lines read back by addedAt keep the order they were requested in (new lines only; merges keep theirs).
        addedAt: new Date(now + i),
        updatedAt: new Date(now),
      }));
      const written = await locked(ctx, async (em) => {
        const current = await em.find(CartLine, { userId: owner.userId }, { fields: ['productId', 'quantity'] });
        if (cartState(current) !== cartState(existing)) return false;
        for (let i = 0; i < rows.length; i += 1000) {
          await em
            .createQueryBuilder(CartLine)
            .insert(rows.slice(i, i + 1000))
            .onConflict(['userId', 'productId'])
            .merge(['quantity', 'addedUnitPrice', 'currency', 'updatedAt', 'sku'])
            .execute();
        }
        return true;
      });
      if (written) return ok({ verdicts: result.verdicts, added: rows.length > 0 });
    }
    throw cartBusy();
  });
}

/** Turns verdicts of typed lines into per-line userErrors, `field` pointing at the input line. */
export function verdictErrors(verdicts: readonly LineVerdict[], path: string[]): UserError[] {
  return verdicts
    .filter((v) => v.status !== 'OK' && v.status !== 'DUPLICATE')
    .map((v) => userError(v.status, v.message, [...path, String(v.index), v.status === 'INVALID_QUANTITY' ? 'quantity' : 'sku']));
}

/** The userErrors of adding lines: the refusal of the whole request, or one per line that could not be added. */
export function addedLinesErrors(result: Result<AddedLines>, path: string[]): UserError[] {
  return result.ok ? verdictErrors(result.value.verdicts, path) : result.errors;
}

/** Most SKUs one removeFromCart names: a cart holds at most CART_MAX_LINES products, and one call is one statement. */
export const MAX_REMOVE_SKUS = 1_000;

const likePattern = (sku: string) => sku.trim().replace(/[\\%_]/g, (c) => `\\${c}`);

/** Finds a line of the user's cart by SKU (any case). */
async function lineBySku(em: EntityManager, userId: string, sku: string): Promise<CartLine | null> {
  return em.findOne(CartLine, { userId, sku: { $ilike: likePattern(sku) } });
}

/**
 * Sets the quantity of a cart line (0 removes it); re-prices it, so the "price when added" is the
 * new quantity's. The price is asked before the locked transaction, for the line as read then.
 */
export async function updateCartLine(ctx: OrdersContext, sku: string, quantity: number): Promise<UserError[]> {
  const writer = cartWriter(ctx, 'Mutation.updateCartLine');
  if (!writer.ok) return writer.errors;
  const owner = writer.value;
  if (quantity !== 0) {
    const problem = quantityProblem({ quantity });
    if (problem) return [userError('INVALID_QUANTITY', `${sku}: ${problem} Send 0 to remove the line.`, ['quantity'])];
  }
  const notInCart = [userError('NOT_IN_CART', `${sku} is not in your cart.`, ['sku'])];
  return withCartTurn(owner.userId, async (locked) => {
    const seen = await lineBySku(ctx.em.fork(), owner.userId, sku);
    if (!seen) return notInCart;
    const quoted = quantity === 0 ? null : await quote(ctx, owner.dealerId, [{ productId: seen.productId, quantity }]);
    const q = quoted?.lines[0];
    if (quoted && !q?.priceable)
      return [userError('NOT_AUTHORIZED', `${seen.sku} has no price for your dealer and cannot be ordered: remove it.`, ['sku'])];
    return locked(ctx, async (em) => {
      const line = await em.findOne(CartLine, { id: seen.id });
      if (!line) return notInCart;
      if (!quoted || !q) em.remove(line);
      else Object.assign(line, { quantity, addedUnitPrice: q.unitPrice, currency: quoted.currency });
      return [];
    });
  });
}

/**
 * Removes lines from the caller's cart by SKU (any case) in one statement; SKUs that are not in it
 * are reported once each (a repeated SKU is removed once, not reported). At most MAX_REMOVE_SKUS.
 */
export async function removeFromCart(ctx: OrdersContext, skus: readonly string[]): Promise<UserError[]> {
  const writer = cartWriter(ctx, 'Mutation.removeFromCart');
  if (!writer.ok) return writer.errors;
  const owner = writer.value;
  if (skus.length > MAX_REMOVE_SKUS)
    return [
      userError('TOO_MANY_SKUS', `Remove at most ${MAX_REMOVE_SKUS.toLocaleString('en-US')} SKUs at once, or clear the cart.`, ['skus']),
    ];
  const firstIndex = new Map<string, number>();
  skus.forEach((sku, index) => {
    const key = sku.trim().toLowerCase();
    if (!firstIndex.has(key)) firstIndex.set(key, index);
  });
  if (firstIndex.size === 0) return [];
  return withCartLock(ctx, owner.userId, async (em) => {
    const keys = [...firstIndex.keys()];
    const removed = await em.execute<{ sku: string }[]>(
      `delete from "${em.config.get('schema')}"."cart_line" where user_id = ? and lower(sku) in (${keys.map(() => '?').join(', ')}) returning sku`,
      [owner.userId, ...keys],
    );
    const gone = new Set(removed.map((r) => r.sku.toLowerCase()));
    return [...firstIndex]
      .filter(([key]) => !gone.has(key))
      .map(([, index]) => userError('NOT_IN_CART', `${skus[index]} is not in your cart.`, ['skus', String(index)]));
  });
}

/** Empties the caller's cart. */
export async function clearCart(ctx: OrdersContext): Promise<UserError[]> {
  const writer = cartWriter(ctx, 'Mutation.clearCart');
  if (!writer.ok) return writer.errors;
  const owner = writer.value;
  await withCartLock(ctx, owner.userId, (em) => em.nativeDelete(CartLine, { userId: owner.userId }));
  return [];
}
