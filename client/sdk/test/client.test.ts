// The SDK against the real gateway (five subgraphs over a copy of the seeded database), with 6-second
// access tokens: typed persisted operations, placeOrder retried after its answer was lost (the same
// idempotency key gives the same order, never a second), a non-idempotent mutation not retried, and a
// live subscription that outlives its token (4401, a fresh token, a new socket) and hears the approval.
import { startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  AddToCartDocument,
  CatalogPageDocument,
  createDealerGraphClient,
  type DealerGraphClient,
  DealerGraphError,
  MyDealerDocument,
  OrderUpdatedDocument,
  type OrderUpdatedSubscription,
  PlaceOrderDocument,
} from '../src/index.js';

const ACCESS_TTL = 6;

/** Passes requests to the real network; the next one whose body matches has its answer lost, or is never sent. */
function flakyNetwork() {
  const plan: { match: string; mode: 'lose-answer' | 'fail' }[] = [];
  const sent: string[] = [];
  const flaky: typeof fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    sent.push(body);
    const index = plan.findIndex((p) => body.includes(p.match));
    if (index < 0) return fetch(input, init);
    const [{ mode }] = plan.splice(index, 1);
    if (mode === 'fail') throw new TypeError('fetch failed');
    const response = await fetch(input, init);
    await response.text();
    throw new TypeError('fetch failed (the answer was lost)');
  };
  return { fetch: flaky, plan, sent };
}

describe('@dealergraph/client against the gateway', () => {
  let stack: TestStack;
  let client: DealerGraphClient;
  const network = flakyNetwork();
  const liveEvents: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ tokenLifetimes: { accessTokenTtlSeconds: ACCESS_TTL, refreshTokenTtlSeconds: 3600 } });
    client = createDealerGraphClient({
      url: stack.gatewayUrl,
      credentials: { email: 'platinum@demo.dealer', password: 'demo-pass-2026' },
      fetch: network.fetch,
      retryBaseMs: 50,
      onLive: (event) => liveEvents.push(event.type === 'closed' ? `closed ${event.code}` : event.type),
    });
  });
  afterAll(async () => {
    await client?.close();
    await stack?.stop();
  });

  it('signs in and runs typed persisted operations, sending ids, never the text', async () => {
    const { me } = await client.request(MyDealerDocument);
    expect(me?.email).toBe('platinum@demo.dealer');
    expect(me?.dealer?.credit?.limit.amount).toMatch(/^\d+\.\d\d$/);
    const sent = network.sent.map((body) => JSON.parse(body) as Record<string, unknown>);
    expect(sent.every((body) => typeof body.documentId === 'string' && !('query' in body))).toBe(true);
  });

  it('signs in as an API client by client credentials and reads the catalog with its prices', async () => {
    const dealer = await stack.loginAs('platinum@demo.dealer');
    const { me } = await dealer.data<{ me: { dealer: { id: string } } }>('{ me { dealer { id } } }');
    const admin = await stack.loginAs('admin@demo.staff');
    const { createApiClient } = await admin.data(
      'mutation($d: ID!) { createApiClient(input: { name: "SDK test", scopes: [CATALOG_READ, PRICES_READ], dealerId: $d }) { client { id } clientSecret userErrors { code message } } }',
      { d: me.dealer.id },
    );
    expect(createApiClient.userErrors).toEqual([]);
    const partner = createDealerGraphClient({
      url: stack.gatewayUrl,
      credentials: {
        clientId: createApiClient.client.id,
        clientSecret: createApiClient.clientSecret,
        scopes: ['CATALOG_READ', 'PRICES_READ'],
      },
    });
    try {
      const { products } = await partner.request(CatalogPageDocument, { first: 3, quantity: 1 });
      expect(products.nodes).toHaveLength(3);
      expect(products.nodes[0].price?.unitPrice.amount).toMatch(/^\d+\.\d\d$/);
    } finally {
      await partner.close();
    }
  });

  it('retries placeOrder whose answer was lost, and the key gives the same order once; other mutations are not retried', async () => {
    const { products } = await (
      await stack.loginAs('platinum@demo.dealer')
    ).data<{ products: { nodes: { sku: string }[] } }>('{ products(first: 1, filter: { inStockOnly: true }) { nodes { sku } } }');
    const input = { idempotencyKey: 'sdk-retry-1', lines: [{ sku: products.nodes[0].sku, quantity: 1 }] };
    network.plan.push({ match: '"sdk-retry-1"', mode: 'lose-answer' });
    const { placeOrder } = await client.request(PlaceOrderDocument, { input });
    expect(placeOrder.userErrors).toEqual([]);
    // Sent twice (the answer of the first was lost); a token refresh in between is not counted.
    expect(network.sent.filter((body) => body.includes('"sdk-retry-1"'))).toHaveLength(2);
    const again = await client.request(PlaceOrderDocument, { input });
    expect(again.placeOrder.order?.id).toBe(placeOrder.order?.id);

    network.plan.push({ match: AddToCartDocument.__meta__!.hash!, mode: 'fail' });
    const error = await client
      .request(AddToCartDocument, { lines: [{ sku: products.nodes[0].sku, quantity: 1 }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DealerGraphError);
    expect([(error as DealerGraphError).code, (error as DealerGraphError).attempts]).toEqual(['NETWORK', 1]);
  });

  it('keeps a subscription across token expiry (a fresh token, a new socket) and hears the approval', async () => {
    const dealer = await stack.loginAs('platinum@demo.dealer');
    const { products } = await dealer.data<{
      products: { nodes: { sku: string; stock: { available: number }; price: { unitPrice: { amount: string } } }[] };
    }>('{ products(first: 50, filter: { inStockOnly: true }) { nodes { sku stock { available } price { unitPrice { amount } } } } }');
    const [best] = products.nodes.sort(
      (a, b) => b.stock.available * Number(b.price.unitPrice.amount) - a.stock.available * Number(a.price.unitPrice.amount),
    );
    const quantity = Math.min(best.stock.available, Math.ceil(12_500 / (Number(best.price.unitPrice.amount) * 0.8)));
    const { placeOrder } = await client.request(PlaceOrderDocument, {
      input: { idempotencyKey: 'sdk-live-1', lines: [{ sku: best.sku, quantity }] },
    });
    expect(placeOrder.order?.status, JSON.stringify(placeOrder.userErrors)).toBe('PENDING_APPROVAL');
    const orderId = placeOrder.order!.id;

    const events: OrderUpdatedSubscription['orderUpdated'][] = [];
    const failures: Error[] = [];
    const stop = client.subscribe(
      OrderUpdatedDocument,
      { orderId },
      {
        next: (data) => events.push(data.orderUpdated),
        error: (error) => failures.push(error),
      },
    );
    try {
      // The first socket is closed with 4401 when its token expires; the client opens another with a fresh token.
      await expect
        .poll(() => [...liveEvents, ...failures.map((f) => `failed ${f.message}`)].join(','), {
          timeout: (ACCESS_TTL + 15) * 1000,
          interval: 200,
        })
        .toMatch(/^connected,closed 4401,connected/);
      const manager = await stack.loginAs('manager@demo.staff');
      const { approveOrder } = await manager.data(
        'mutation($id: ID!) { approveOrder(orderId: $id) { order { status } userErrors { code message } } }',
        {
          id: orderId,
        },
      );
      expect(approveOrder.order?.status, JSON.stringify(approveOrder.userErrors)).toBe('APPROVED');
      await expect.poll(() => events.map((e) => e.status), { timeout: 20_000 }).toContain('APPROVED');
      expect(failures).toEqual([]);
    } finally {
      stop();
    }
  });
});
