import { isStaff, requireClaims, type EntityManager } from '@dealergraph/runtime';
import type { OrdersContext } from '../context.js';
import { CartLine } from '../entities/cart-line.entity.js';

/** A cart line as the order workflow needs it. */
export interface CartLineForOrder {
  productId: string;
  sku: string;
  quantity: number;
}

/** The lines of the caller's cart, oldest first; empty for staff (they have no cart). */
export async function cartLinesForOrder(ctx: OrdersContext): Promise<CartLineForOrder[]> {
  const claims = requireClaims(ctx.claims);
  if (isStaff(claims) || !claims.dealerId) return [];
  const lines = await ctx.em.find(CartLine, { userId: claims.sub, dealerId: claims.dealerId }, { orderBy: { addedAt: 'asc', id: 'asc' } });
  return lines.map((line) => ({ productId: line.productId, sku: line.sku, quantity: line.quantity }));
}

/**
 * Empties a user's cart inside the transaction that placed the order (`em` is that transaction's
 * manager), so the cart is emptied if and only if the order is stored.
 */
export async function clearCartAfterOrder(em: EntityManager, userId: string): Promise<void> {
  await em.nativeDelete(CartLine, { userId });
}
