import { randomUUID } from 'node:crypto';

import { type GraphQLClient, startTestStack, type TestStack, until } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type ErpSimulator, startErpSimulator } from '../src/simulator/erp-simulator.js';

/**
 * Orders out to the ERP through the real gateway, orders' outbox, the integration subgraph's
 * pg-boss queue and a receiver that checks every Standard Webhooks signature (the simulator,
 * receiving only). Retries are short here (1-2 s, 3 retries) through the stack's settings.
 */
const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
  endpoint { id url events secret active } userErrors { code message field } } }`;
const DELIVERIES = `query($status: String, $orderId: ID) { webhookDeliveries(first: 50, status: $status, orderId: $orderId) {
  nodes { id eventId eventType status attempts lastResponseStatus lastError deliveredAt body
          attemptLog { attempt at responseStatus error responseExcerpt durationMs } } totalCount } }`;
const UPSERT_DEALER = `mutation($input: UpsertDealerInput!) { upsertDealer(input: $input) { dealer { id } status userErrors { code message } } }`;
const PLACE =
  'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number status total { amount } } userErrors { code message } } }';

describe('webhooks to the ERP', () => {
  let stack: TestStack;
  let admin: GraphQLClient;
  let dealer: GraphQLClient;
  let erp: ErpSimulator;
  let skus: string[];
  let endpointId: string;

  const placeApproved = async () => {
    const { placeOrder } = await dealer.data(PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku: skus[0], quantity: 1 }] } });
    expect(placeOrder.userErrors).toEqual([]);
    expect(placeOrder.order.status).toBe('APPROVED');
    return placeOrder.order as { id: string; number: string; total: { amount: string } };
  };

  beforeAll(async () => {
    stack = await startTestStack({
      integration: {
        webhooks: { firstDelaySeconds: 1, maxDelaySeconds: 2, retries: 3, timeoutMs: 1500, pollSeconds: 0.5 },
        monitorIntervalMs: 250,
      },
    });
    admin = await stack.loginAs('admin@demo.staff');
    dealer = await stack.loginAs('platinum@demo.dealer');
    erp = await startErpSimulator();
    const { products } = await dealer.data(
      '{ products(first: 50, filter: { inStockOnly: true }) { nodes { sku restriction stock { available } price { unitPrice { amount } appliedRules } } } }',
    );
    skus = products.nodes
      .filter(
        (p: {
          restriction: string | null;
          stock: { available: number };
          price: { unitPrice: { amount: string }; appliedRules: string[] };
        }) =>
          !p.restriction &&
          p.stock.available >= 20 &&
          !p.price.appliedRules.includes('SPECIAL_PRICE') &&
          Number(p.price.unitPrice.amount) < 500,
      )
      .map((p: { sku: string }) => p.sku);
    const { createWebhookEndpoint } = await admin.data(CREATE, {
      input: { url: erp.url, events: ['order.approved', 'order.cancelled', 'order.changed'], description: 'the simulator' },
    });
    expect(createWebhookEndpoint.userErrors).toEqual([]);
    expect(createWebhookEndpoint.endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    endpointId = createWebhookEndpoint.endpoint.id;
    erp.setSecret(createWebhookEndpoint.endpoint.secret);
  });
  afterAll(async () => {
    await erp?.stop();
    await stack?.stop();
  });

  it('sends an approved order, signed, with its lines, prices and dealer; the delivery and its attempt are logged', async () => {
    const order = await placeApproved();
    const event = await until('the order.approved webhook', () => [...erp.unique.values()].find((e) => e.orderId === order.id));
    expect(event).toMatchObject({ type: 'order.approved', orderNumber: order.number, status: 'APPROVED' });
    expect(erp.rejected).toBe(0);

    // The ERP has the event before the worker records its answer: wait for the record.
    const webhookDeliveries = await until('the delivery recorded as DELIVERED', async () => {
      const page = (await admin.data(DELIVERIES, { orderId: order.id })).webhookDeliveries;
      return page.nodes[0]?.status === 'DELIVERED' ? page : null;
    });
    expect(webhookDeliveries.totalCount).toBe(1);
    const [delivery] = webhookDeliveries.nodes;
    expect(delivery).toMatchObject({
      eventId: event.webhookId,
      eventType: 'order.approved',
      status: 'DELIVERED',
      attempts: 1,
      lastResponseStatus: 204,
    });
    expect(delivery.attemptLog).toEqual([expect.objectContaining({ attempt: 1, responseStatus: 204, error: null })]);
    const body = JSON.parse(delivery.body);
    expect(body).toMatchObject({
      type: 'order.approved',
      data: { order: { id: order.id, number: order.number, total: order.total.amount, currency: 'USD' } },
    });
    expect(body.data.order.dealer).toMatchObject({ name: 'Demo Platinum Dealer', code: expect.any(String) });
    expect(body.data.order.lines).toEqual([
      expect.objectContaining({ sku: skus[0], quantity: 1, unitPrice: expect.stringMatching(/^\d+\.\d\d$/) }),
    ]);
  });

  it('retries a failing endpoint with backoff, logs every try, dead-letters after the last, and replays on request', async () => {
    erp.setFaults({ errorRate: 1, errorStatus: 503 });
    const order = await placeApproved();
    const dead = await until(
      'the dead delivery',
      async () => (await admin.data(DELIVERIES, { orderId: order.id, status: 'DEAD' })).webhookDeliveries.nodes[0],
    );
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 4, lastResponseStatus: 503, lastError: 'HTTP 503' });
    expect(dead.attemptLog.map((a: { responseStatus: number; responseExcerpt: string }) => [a.responseStatus, a.responseExcerpt])).toEqual(
      Array(4).fill([503, 'simulated ERP failure']),
    );
    const gaps = dead.attemptLog.slice(1).map((a: { at: string }, i: number) => Date.parse(a.at) - Date.parse(dead.attemptLog[i].at));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(900);
    expect([...erp.unique.values()].some((e) => e.orderId === order.id)).toBe(false);

    // The ERP answers again; the dead delivery goes out on request, with the same webhook-id.
    erp.setFaults({ errorRate: 0 });
    const replay = await admin.data(
      'mutation($id: ID!) { replayWebhookDelivery(id: $id) { delivery { id status } userErrors { code } } }',
      {
        id: dead.id,
      },
    );
    expect(replay.replayWebhookDelivery.userErrors).toEqual([]);
    const event = await until('the replayed webhook', () => erp.unique.get(dead.eventId));
    expect(event.orderId).toBe(order.id);
    const delivered = await until(
      'the delivered status',
      async () => (await admin.data(DELIVERIES, { orderId: order.id, status: 'DELIVERED' })).webhookDeliveries.nodes[0],
    );
    expect(delivered.attempts).toBe(5);
    const again = await admin.data('mutation($id: ID!) { replayWebhookDelivery(id: $id) { userErrors { code } } }', { id: dead.id });
    expect(again.replayWebhookDelivery.userErrors).toEqual([{ code: 'NOT_DEAD' }]);
  });

  it('alerts on a dead delivery; ignoring it (with a reason, audited) lets the later events of its order go and resolves the alert', async () => {
    erp.setFaults({ errorRate: 1, errorStatus: 503 });
    const order = await placeApproved();
    const dead = await until(
      'the dead delivery',
      async () => (await admin.data(DELIVERIES, { orderId: order.id, status: 'DEAD' })).webhookDeliveries.nodes[0],
    );
    const ALERTS = '{ integrationAlerts(first: 50, openOnly: true) { nodes { kind subject message } } }';
    const alert = await until('the DELIVERY_DEAD alert', async () =>
      (await admin.data(ALERTS)).integrationAlerts.nodes.find((a: { subject: string }) => a.subject === dead.id),
    );
    expect(alert).toMatchObject({ kind: 'DELIVERY_DEAD' });
    expect(alert.message).toMatch(/order\.approved .* is dead after every retry .*replay or ignore it/);
    const status = (await admin.data('{ integrationStatus { deadDeliveries openAlerts } }')).integrationStatus;
    expect(status.deadDeliveries).toBeGreaterThanOrEqual(1);

    // The cancellation waits behind the dead delivery of its order.
    erp.setFaults({ errorRate: 0 });
    const { cancelOrder } = await dealer.data(
      'mutation($id: ID!) { cancelOrder(orderId: $id, reason: "ignored test") { userErrors { code } } }',
      {
        id: order.id,
      },
    );
    expect(cancelOrder.userErrors).toEqual([]);
    const waiting = await until('the cancellation queued', async () =>
      (await admin.data(DELIVERIES, { orderId: order.id })).webhookDeliveries.nodes.find(
        (d: { eventType: string }) => d.eventType === 'order.cancelled',
      ),
    );
    expect(waiting.status).toBe('PENDING');

    const IGNORE = `mutation($id: ID!, $reason: String!) { ignoreWebhookDelivery(id: $id, reason: $reason) {
      delivery { status ignoredBy ignoreReason ignoredAt } userErrors { code } } }`;
    expect((await admin.data(IGNORE, { id: dead.id, reason: '  ' })).ignoreWebhookDelivery.userErrors).toEqual([
      { code: 'INVALID_REASON' },
    ]);
    expect((await admin.data(IGNORE, { id: waiting.id, reason: 'no' })).ignoreWebhookDelivery.userErrors).toEqual([{ code: 'NOT_DEAD' }]);
    const ignored = (await admin.data(IGNORE, { id: dead.id, reason: 'keyed into the ERP by hand' })).ignoreWebhookDelivery;
    expect(ignored.userErrors).toEqual([]);
    expect(ignored.delivery).toMatchObject({
      status: 'IGNORED',
      ignoredBy: 'admin@demo.staff',
      ignoreReason: 'keyed into the ERP by hand',
    });
    expect(ignored.delivery.ignoredAt).toBeTruthy();

    const cancelled = await until('the cancellation delivered', () =>
      [...erp.unique.values()].find((e) => e.orderId === order.id && e.type === 'order.cancelled'),
    );
    expect(cancelled.status).toBe('CANCELLED');
    expect([...erp.unique.values()].some((e) => e.orderId === order.id && e.type === 'order.approved')).toBe(false);
    await until(
      'the alert resolved',
      async () => !(await admin.data(ALERTS)).integrationAlerts.nodes.some((a: { subject: string }) => a.subject === dead.id),
    );
  });

  it('keeps the events of one order in order and sends a cancellation of an order the ERP has', async () => {
    const order = await placeApproved();
    const cancelled = await dealer.data(
      'mutation($id: ID!) { cancelOrder(orderId: $id, reason: "wrong part") { order { status } userErrors { code } } }',
      {
        id: order.id,
      },
    );
    expect(cancelled.cancelOrder.userErrors).toEqual([]);
    const events = await until('both events', () => {
      const mine = erp.received.filter((e) => e.orderId === order.id);
      return mine.length >= 2 ? mine : null;
    });
    expect(events.map((e) => e.type)).toEqual(['order.approved', 'order.cancelled']);
  });

  it('sends dealer.changed for a dealer created or changed, with the changed fields, and nothing for an upsert that changes nothing', async () => {
    const upstream = await startErpSimulator();
    try {
      const { createWebhookEndpoint } = await admin.data(CREATE, {
        input: { url: upstream.url, events: ['dealer.changed'], description: 'customer master upstream' },
      });
      expect(createWebhookEndpoint.userErrors).toEqual([]);
      upstream.setSecret(createWebhookEndpoint.endpoint.secret);
      const code = `WH-${randomUUID().slice(0, 8)}`;
      const upsert = async (tier: string) =>
        (
          await admin.data(UPSERT_DEALER, {
            input: { code, name: 'Upstream Test Dealer', tier, region: 'WEST', city: 'Denver', email: 'buyer@upstream.test' },
          })
        ).upsertDealer;
      const created = await upsert('SILVER');
      expect(created.userErrors).toEqual([]);
      const first = await until('dealer.changed for the new dealer', () =>
        [...upstream.unique.values()].find((e) => e.type === 'dealer.changed'),
      );
      expect(first.data).toMatchObject({
        dealer: { id: created.dealer.id, code, tier: 'SILVER', region: 'WEST' },
        created: true,
        changedBy: 'admin@demo.staff',
      });

      expect((await upsert('SILVER')).status).toBe('UNCHANGED');
      expect((await upsert('GOLD')).status).toBe('UPDATED');
      const events = await until('dealer.changed for the tier', () => (upstream.unique.size >= 2 ? [...upstream.unique.values()] : null));
      expect(events[1]!.data).toMatchObject({ dealer: { code, tier: 'GOLD' }, created: false, changedFields: ['tier'] });
      // The unchanged upsert wrote no audit row, so there is nothing left to send: every row is forwarded.
      await until('the audit rows handed over', async () => {
        const [row] = await stack.orms.dealers.em
          .getConnection()
          .execute<{ waiting: number }[]>(`select count(*)::int as waiting from dealers.master_data_change where erp_forwarded_at is null`);
        return row!.waiting === 0;
      });
      expect(upstream.unique.size).toBe(2);
      expect(upstream.rejected).toBe(0);
      // The order endpoint does not hear of dealers.
      expect([...erp.unique.values()].some((e) => e.type === 'dealer.changed')).toBe(false);
    } finally {
      await upstream.stop();
    }
  });

  it('refuses endpoints it cannot deliver to, and is for the portal administrator only', async () => {
    const refused = async (input: Record<string, unknown>) =>
      (await admin.data(CREATE, { input: { url: 'https://erp.example/hooks', events: ['order.approved'], ...input } }))
        .createWebhookEndpoint.userErrors[0]?.code;
    expect(await refused({ url: 'ftp://erp.example' })).toBe('INVALID_URL');
    expect(await refused({ events: [] })).toBe('NO_EVENTS');
    expect(await refused({ events: ['order.shipped'] })).toBe('UNKNOWN_EVENT');
    const listed = await admin.data('{ webhookEndpoints(first: 10) { nodes { id secret active } totalCount } }');
    expect(listed.webhookEndpoints.nodes.find((e: { id: string }) => e.id === endpointId)).toEqual({
      id: endpointId,
      secret: null,
      active: true,
    });
    for (const email of ['platinum@demo.dealer', 'gm@demo.staff']) {
      const client = await stack.loginAs(email);
      const result = await client.request(DELIVERIES, {});
      expect(result.errors?.[0]?.extensions?.code, email).toBe('FORBIDDEN');
    }
  });
});
