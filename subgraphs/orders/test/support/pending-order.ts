import { randomUUID } from 'node:crypto';

import type { GraphQLClient } from '@dealergraph/testing';
import { expect } from 'vitest';

const cents = (amount: string) => Math.round(Number(amount) * 100);

/** A line of one in-stock product worth between 12,000.00 and 40,000.00: a REGIONAL_MANAGER decides it. */
export async function highValueLine(dealer: GraphQLClient): Promise<{ sku: string; quantity: number }> {
  const { products } = await dealer.data(
    '{ products(first: 100, filter: { inStockOnly: true }) { nodes { sku stock { available } price { unitPrice { amount } } } } }',
  );
  for (const p of products.nodes as { sku: string; stock: { available: number }; price: { unitPrice: { amount: string } } | null }[]) {
    if (!p.price) continue;
    // Volume breaks only lower the price: aim at 20,000.00 at quantity-1 prices, and check the window.
    const quantity = Math.ceil(2_000_000 / cents(p.price.unitPrice.amount));
    if (quantity < 1 || quantity > p.stock.available) continue;
    const { product } = await dealer.data(
      'query($sku: String!, $q: Int!) { product(sku: $sku) { price(quantity: $q) { unitPrice { amount } } } }',
      { sku: p.sku, q: quantity },
    );
    const total = quantity * cents(product.price.unitPrice.amount);
    if (total > 1_200_000 && total < 4_000_000) return { sku: p.sku, quantity };
  }
  throw new Error('no product makes a line between 12,000.00 and 40,000.00');
}

/** Places an order that waits for one REGIONAL_MANAGER (level 2) step; its id. */
export async function placePending(dealer: GraphQLClient): Promise<string> {
  const line = await highValueLine(dealer);
  const { placeOrder } = await dealer.data(
    'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } userErrors { code message } } }',
    {
      input: { idempotencyKey: randomUUID(), lines: [line] },
    },
  );
  expect(placeOrder.userErrors).toEqual([]);
  expect(placeOrder.order.status).toBe('PENDING_APPROVAL');
  return placeOrder.order.id;
}
