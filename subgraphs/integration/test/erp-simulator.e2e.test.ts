import { randomUUID } from 'node:crypto';

import { startTestStack, type TestStack, until } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type ErpSimulator, startErpSimulator } from '../src/simulator/erp-simulator.js';
import { registerSimulator } from '../src/simulator/erp-simulator.register.js';

/**
 * The demo's ERP end to end, as `npm start` runs it: the simulator registers itself (API client,
 * webhook endpoint), receives an approved order and acknowledges, ships and invoices it through the
 * gateway, sending each answer twice (duplicates are harmless); the dealer sees each step.
 */
describe('the ERP simulator', () => {
  let stack: TestStack;
  let erp: ErpSimulator;

  beforeAll(async () => {
    stack = await startTestStack({ integration: { webhooks: { firstDelaySeconds: 1, maxDelaySeconds: 2, retries: 5, pollSeconds: 0.5 } } });
    erp = await startErpSimulator({ pace: { acknowledgeMs: 200, shipMs: 600, invoiceMs: 1000 }, faults: { duplicateAnswers: true } });
    const registration = await registerSimulator({
      graphqlUrl: stack.gatewayUrl,
      admin: { email: 'admin@demo.staff', password: 'demo-pass-2026' },
      url: erp.url,
      log: () => {},
    });
    erp.setSecret(registration.secret);
    erp.setApi({ graphqlUrl: stack.gatewayUrl, clientId: registration.clientId, clientSecret: registration.clientSecret });
  });
  afterAll(async () => {
    await erp?.stop();
    await stack?.stop();
  });

  it('acknowledges, ships and invoices an approved order through the API', async () => {
    const dealer = await stack.loginAs('platinum@demo.dealer');
    const { products } = await dealer.data(
      '{ products(first: 50, filter: { inStockOnly: true }) { nodes { sku restriction stock { available } price { unitPrice { amount } appliedRules } } } }',
    );
    const sku = products.nodes.find(
      (p: { restriction: string | null; stock: { available: number }; price: { unitPrice: { amount: string }; appliedRules: string[] } }) =>
        !p.restriction &&
        p.stock.available >= 5 &&
        !p.price.appliedRules.includes('SPECIAL_PRICE') &&
        Number(p.price.unitPrice.amount) < 500,
    ).sku;
    const { placeOrder } = await dealer.data(
      'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number status } userErrors { code } } }',
      { input: { idempotencyKey: randomUUID(), lines: [{ sku, quantity: 2 }] } },
    );
    expect(placeOrder.order.status).toBe('APPROVED');
    const id = placeOrder.order.id as string;
    await until('the simulator to invoice the order', () => erp.progress.get(id)?.invoiced);
    expect(erp.progress.get(id)).toEqual({
      erpOrderNumber: `ERP-${placeOrder.order.number}`,
      acknowledged: true,
      shipped: true,
      invoiced: true,
      errors: [],
    });
    const { order } = await dealer.data('query($id: ID!) { order(id: $id) { status erpOrderNumber carrier statusHistory { status } } }', {
      id,
    });
    expect(order).toMatchObject({ status: 'SHIPPED', erpOrderNumber: `ERP-${placeOrder.order.number}`, carrier: 'DHL' });
    const [{ n }] = await stack.orms.credit.em
      .getConnection()
      .execute('select count(*)::int as n from credit.invoice where order_id = ?', [id]);
    expect(n).toBe(1);
    // The ERP heard of its own steps as order.changed (PROCESSING, SHIPPED), after the order itself.
    await until('the ERP to hear of its own steps', () => erp.received.filter((e) => e.orderId === id).length >= 3);
    expect(erp.received.filter((e) => e.orderId === id).map((e) => `${e.type}:${e.status}`)).toEqual([
      'order.approved:APPROVED',
      'order.changed:PROCESSING',
      'order.changed:SHIPPED',
    ]);
  });
});
