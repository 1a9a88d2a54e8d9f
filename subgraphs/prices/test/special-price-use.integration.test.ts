import { randomUUID } from 'node:crypto';

import { deriveInternalKey, InternalCallError, type InternalClient, internalClient } from '@dealergraph/runtime';
import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

/**
 * Granted special prices through real signed calls to the running prices subgraph: a grant is
 * idempotent by request, orders take its units all or nothing and never past the grant with parallel
 * calls, give them back once, and a revoked grant prices nothing.
 */
let stack: TestStack;
let prices: InternalClient<'prices'>;
let platinum: GraphQLClient;
let dealerId: string;
let bronzeId: string;
let product: { id: string; sku: string; unit: number };

const cents = (amount: string) => Math.round(Number(amount) * 100);
const PRICE = 'query($sku: String!, $q: Int!) { product(sku: $sku) { price(quantity: $q) { unitPrice { amount } appliedRules } } }';
const priceOf = async (quantity: number) => (await platinum.data(PRICE, { sku: product.sku, q: quantity })).product.price;
const usedOf = async (requestId: string) =>
  (
    await stack.orms.prices.em
      .fork()
      .execute<{ used: number }[]>('select quantity_used as used from prices.special_price where request_id = ?', [requestId])
  )[0].used;

/** Every grant of a test is revoked after it, so that one test's special price never prices another's. */
const granted = new Set<string>();

function grant(requestId: string, quantity = 9, unitPrice = product.unit - 100) {
  granted.add(requestId);
  const now = Date.now();
  return prices.call('grantSpecialPrice', {
    requestId,
    dealerId,
    productId: product.id,
    unitPrice,
    quantity,
    validFrom: new Date(now - 60_000).toISOString(),
    validTo: new Date(now + 86_400_000).toISOString(),
  });
}

beforeAll(async () => {
  stack = await startTestStack();
  prices = internalClient('prices', { baseUrl: stack.subgraphs.prices.url, key: deriveInternalKey(stack.hmacSecret) });
  platinum = await stack.loginAs('platinum@demo.dealer');
  dealerId = (await platinum.data('{ me { dealer { id } } }')).me.dealer.id;
  bronzeId = (await (await stack.loginAs('bronze@demo.dealer')).data('{ me { dealer { id } } }')).me.dealer.id;
  const { products } = await platinum.data('{ products(first: 50) { nodes { id sku price { unitPrice { amount } appliedRules } } } }');
  const found = products.nodes.find((p: any) => p.price?.appliedRules.join() === 'TIER' && cents(p.price.unitPrice.amount) > 1_000);
  product = { id: found.id, sku: found.sku, unit: cents(found.price.unitPrice.amount) };
}, 120_000);

afterEach(async () => {
  for (const requestId of granted) await prices.call('revokeSpecialPrice', { requestId });
  granted.clear();
});

afterAll(async () => {
  await stack?.stop();
});

describe('granted special prices', () => {
  it('grants once per request and prices the dealer with it, naming the special price and its request to orders', async () => {
    const requestId = randomUUID();
    const first = await grant(requestId);
    expect(await grant(requestId)).toEqual(first);
    expect(await priceOf(9)).toEqual({ unitPrice: { amount: ((product.unit - 100) / 100).toFixed(2) }, appliedRules: ['SPECIAL_PRICE'] });
    const quote = await prices.call('quoteLines', { dealerId, lines: [{ productId: product.id, quantity: 9 }] });
    expect(quote.lines[0]).toMatchObject({ specialPrice: true, specialPriceId: first.specialPriceId, specialPriceRequestId: requestId });
    // More units than granted: not this price (10 units get the volume break on the tier price).
    expect((await priceOf(10)).appliedRules).toEqual(['TIER', 'VOLUME_BREAK']);
  });

  it('never gives more units than granted to parallel orders, and gives them back once', async () => {
    const requestId = randomUUID();
    const { specialPriceId } = await grant(requestId, 10, product.unit - 200);
    const line = (quantity: number) => [{ specialPriceId, productId: product.id, quantity }];
    const orders = Array.from({ length: 8 }, () => randomUUID());
    const results = await Promise.all(orders.map((orderId) => prices.call('consumeSpecialPrices', { orderId, dealerId, lines: line(3) })));
    const consumed = orders.filter((_o, i) => results[i].status === 'CONSUMED');
    expect(consumed).toHaveLength(3);
    for (const r of results.filter((x) => x.status !== 'CONSUMED')) {
      expect(r).toEqual({
        status: 'EXHAUSTED',
        shortages: [{ specialPriceId, productId: product.id, requested: 3, remaining: expect.any(Number) }],
      });
    }
    expect(await usedOf(requestId)).toBe(9);

    // A repeat answers the first result and takes nothing more.
    expect(await prices.call('consumeSpecialPrices', { orderId: consumed[0], dealerId, lines: line(3) })).toEqual({ status: 'CONSUMED' });
    expect(await usedOf(requestId)).toBe(9);
    // Released once, whatever the number of calls; a released order never takes units again.
    expect(await prices.call('releaseSpecialPrices', { orderId: consumed[0] })).toEqual({ status: 'RELEASED' });
    expect(await prices.call('releaseSpecialPrices', { orderId: consumed[0] })).toEqual({ status: 'RELEASED' });
    expect(await usedOf(requestId)).toBe(6);
    expect(await prices.call('consumeSpecialPrices', { orderId: consumed[0], dealerId, lines: line(3) })).toEqual({ status: 'RELEASED' });
    // A release before any use leaves a tombstone: the late consume takes nothing.
    const late = randomUUID();
    expect(await prices.call('releaseSpecialPrices', { orderId: late })).toEqual({ status: 'NONE' });
    expect(await prices.call('consumeSpecialPrices', { orderId: late, dealerId, lines: line(1) })).toEqual({ status: 'RELEASED' });
    expect(await usedOf(requestId)).toBe(6);
    // Another dealer cannot use it.
    expect((await prices.call('consumeSpecialPrices', { orderId: randomUUID(), dealerId: bronzeId, lines: line(1) })).status).toBe(
      'EXHAUSTED',
    );
    expect(await usedOf(requestId)).toBe(6);
  });

  it('stops pricing with a revoked grant, and a retried grant opens it again', async () => {
    const requestId = randomUUID();
    const { specialPriceId } = await grant(requestId, 5, product.unit - 300);
    expect((await priceOf(1)).appliedRules).toEqual(['SPECIAL_PRICE']);
    expect(await prices.call('revokeSpecialPrice', { requestId })).toEqual({ status: 'REVOKED' });
    expect((await priceOf(1)).appliedRules).toEqual(['TIER']);
    expect(
      (
        await prices.call('consumeSpecialPrices', {
          orderId: randomUUID(),
          dealerId,
          lines: [{ specialPriceId, productId: product.id, quantity: 1 }],
        })
      ).status,
    ).toBe('EXHAUSTED');
    expect(await prices.call('revokeSpecialPrice', { requestId: randomUUID() })).toEqual({ status: 'NONE' });
    expect(await grant(requestId, 5, product.unit - 300)).toEqual({ specialPriceId });
    expect((await priceOf(1)).appliedRules).toEqual(['SPECIAL_PRICE']);
  });

  it('refuses malformed input with 400 and changes nothing', async () => {
    const at = new Date().toISOString();
    const bad = prices.call('grantSpecialPrice', {
      requestId: randomUUID(),
      dealerId,
      productId: product.id,
      unitPrice: 100,
      quantity: 1,
      validFrom: at,
      validTo: at,
    });
    await expect(bad).rejects.toBeInstanceOf(InternalCallError);
    await expect(prices.call('consumeSpecialPrices', { orderId: randomUUID(), dealerId, lines: [] })).rejects.toMatchObject({
      code: 'REJECTED',
    });
    await expect(
      prices.call('grantSpecialPrice', {
        requestId: 'x',
        dealerId,
        productId: product.id,
        unitPrice: 0,
        quantity: 1,
        validFrom: at,
        validTo: at,
      } as never),
    ).rejects.toMatchObject({ code: 'REJECTED' });
  });
});
