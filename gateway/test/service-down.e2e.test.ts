import { startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A subgraph that is down costs only its own fields, with a coded, retryable answer that names the service
 * and no address; every other service's fields still answer.
 */
describe('a subgraph that cannot be reached', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers SERVICE_UNAVAILABLE for its fields and keeps the others', async () => {
    const dealer = await stack.loginAs('platinum@demo.dealer');
    const query = '{ products(first: 2) { nodes { sku price(quantity: 1) { unitPrice { amount } } } } }';
    const before = await dealer.request(query);
    expect(before.errors).toBeUndefined();
    expect(before.data.products.nodes[0].price.unitPrice.amount).toMatch(/^\d+\.\d\d$/);

    await stack.subgraphs.prices.stop();
    const after = await dealer.request(query);
    expect(after.data.products.nodes.map((node: { sku: string }) => node.sku)).toEqual(
      before.data.products.nodes.map((node: { sku: string }) => node.sku),
    );
    expect(after.data.products.nodes.every((node: { price: unknown }) => node.price === null)).toBe(true);
    const errors = after.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', service: 'prices', retryAfterSeconds: 2 });
      expect(error.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\d+\.\d+\.\d+\.\d+/);
    }

    await stack.subgraphs.orders.stop();
    const orders = await dealer.request('{ orders(first: 1) { totalCount } }');
    expect(orders.errors).toEqual([
      expect.objectContaining({
        path: ['orders'],
        extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', service: 'orders' }),
      }),
    ]);
  });
});
