import { randomUUID } from 'node:crypto';

import { GraphQLClient, until } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from './support/otlp-receiver.js';
import { type StartedStack, startStack } from './support/started-stack.js';

const PLACE = 'mutation PlaceTraced($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } userErrors { code } } }';

/** A SKU any dealer may order at once (in stock, no restriction, cheap enough to be approved on the spot). */
export async function orderableSkus(client: GraphQLClient): Promise<string[]> {
  const { products } = await client.data(
    '{ products(first: 60, filter: { inStockOnly: true }) { nodes { sku restriction stock { available } price { unitPrice { amount } appliedRules } } } }',
  );
  return products.nodes
    .filter(
      (p: { restriction: string | null; stock: { available: number }; price: { unitPrice: { amount: string }; appliedRules: string[] } }) =>
        !p.restriction &&
        p.stock.available >= 50 &&
        !p.price.appliedRules.includes('SPECIAL_PRICE') &&
        Number(p.price.unitPrice.amount) < 40,
    )
    .map((p: { sku: string }) => p.sku);
}

/**
 * OpenTelemetry across the processes of `npm start`, exported over OTLP/HTTP (JSON) to a real receiver:
 * one request is one trace, from the gateway through each subgraph it calls and the signed internal calls
 * between them, down to their SQL.
 */
describe('traces across the services (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  let receiver: OtlpReceiver;
  let stack: StartedStack;
  let client: GraphQLClient;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    stack = await startStack({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // Export within a fifth of a second instead of five: the test waits for the spans, not for time.
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
    client = new GraphQLClient(stack.gatewayUrl);
    await client.login('platinum@demo.dealer', 'demo-pass-2026');
  }, 400_000);

  afterAll(async () => {
    await stack?.stop();
    await receiver?.stop();
  });

  it('follows one order from the gateway through orders, products and credit to their SQL, in one trace', async () => {
    const [sku] = await orderableSkus(client);
    const { placeOrder } = await client.data(PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku, quantity: 1 }] } });
    expect(placeOrder.userErrors).toEqual([]);
    expect(placeOrder.order.status).toBe('APPROVED');

    // The gateway's span of the operation names it; its trace is the request's.
    const operation = await until('the gateway span of PlaceTraced', () =>
      receiver.spans.find((s) => s.service === 'gateway' && s.name.startsWith('graphql.operation') && /PlaceTraced/.test(s.name)),
    );
    const inTrace = (service: string, test: (span: ReceivedSpan) => boolean = () => true) =>
      receiver.spans.filter((s) => s.traceId === operation.traceId && s.service === service && test(s));
    const sql = (span: ReceivedSpan) => span.attributes['db.system'] === 'postgresql' || span.attributes['db.system.name'] === 'postgresql';
    await until('the spans of every service and their SQL', () =>
      ['orders', 'credit', 'products'].every((service) => inTrace(service, sql).length > 0),
    );
    // The gateway's call to orders, and the HTTP request orders served for it: its child.
    const call = inTrace('gateway', (s) => s.name === 'subgraph.execute (orders)');
    expect(call).toHaveLength(1);
    const fetches = inTrace('gateway', (s) => s.name === 'http.fetch' && s.parentSpanId === call[0].spanId);
    expect(fetches).toHaveLength(1);
    expect(inTrace('orders', (s) => s.parentSpanId === fetches[0].spanId)).toHaveLength(1);
    // The signed internal calls orders made (reserve stock, hold credit) continue the same trace.
    for (const service of ['products', 'credit']) {
      const served = inTrace(service, (s) =>
        String(s.attributes['http.target'] ?? s.attributes['url.path'] ?? '').startsWith('/internal/'),
      );
      expect(served.length, `${service} served an internal call in the trace`).toBeGreaterThan(0);
      const parents = new Set(inTrace('orders').map((s) => s.spanId));
      expect(served.every((s) => parents.has(s.parentSpanId))).toBe(true);
    }
    expect(new Set(receiver.spans.filter((s) => s.traceId === operation.traceId).map((s) => s.service))).toEqual(
      new Set(['gateway', 'orders', 'products', 'credit', 'prices', 'dealers']),
    );
    expect(receiver.refused).toBe(0);
  });
});
