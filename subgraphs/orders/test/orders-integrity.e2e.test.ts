import { randomUUID } from 'node:crypto';

import { clearInternalFaults, injectInternalFault } from '@dealergraph/runtime';
import { checkOrderInvariants, type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 12, integrity under concurrency: real parallel requests through the gateway to the real
// subgraphs, then the database checked for the promises between orders, credit and products
// (checkOrderInvariants). Every test here failed before its fix.

let stack: TestStack;
let db: pg.Client;
let platinum: GraphQLClient;
let entry: GraphQLClient;
let gm: GraphQLClient;
let admin: GraphQLClient;
let since: Date;
let cheap: string[];

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
  order { id number status lines { sku quantity } } userErrors { code message } } }`;
const ADD = `mutation($lines: [CartLineInput!]!) { addToCart(lines: $lines) { userErrors { code message } } }`;
const CART = '{ cart { lines { sku quantity } } }';
const CANCEL = `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "burst") { order { id status } userErrors { code message } } }`;
const REJECT = `mutation($id: ID!) { rejectOrder(orderId: $id, reason: "burst") { order { id status } userErrors { code message } } }`;
const APPROVE = `mutation($id: ID!) { approveOrder(orderId: $id, comment: "burst") { order { id status } userErrors { code message } } }`;
const FULFIL = `mutation($input: OrderFulfillmentInput!) { updateOrderFulfillment(input: $input) { order { id status } userErrors { code message } } }`;

/** Sends `count` copies of a request at once (real parallel HTTP requests). */
const burst = <T>(count: number, send: (i: number) => Promise<T>) => Promise.all(Array.from({ length: count }, (_, i) => send(i)));

/** No unexpected error: every answer is data, expected refusals included. */
function answered<T>(results: { errors?: unknown[]; data?: T }[]): T[] {
  for (const r of results) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return results.map((r) => r.data!);
}

async function invariantsHold() {
  expect(await checkOrderInvariants(stack.database.url, { since, settled: true })).toEqual([]);
}

async function placeLines(client: GraphQLClient, lines: { sku: string; quantity: number }[]) {
  const { placeOrder } = await client.data(PLACE, { input: { idempotencyKey: randomUUID(), lines } });
  expect(placeOrder.userErrors).toEqual([]);
  return placeOrder.order as { id: string; status: string };
}

async function cartOf(client: GraphQLClient): Promise<Map<string, number>> {
  const { cart } = await client.data(CART);
  return new Map(cart.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity]));
}

beforeAll(async () => {
  // A quick sweep, so that a test that ends an effect's lease sees it finished soon.
  stack = await startTestStack({ orders: { workflow: { sweepIntervalMs: 300 } } });
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  [platinum, entry, gm, admin] = await Promise.all(
    ['platinum@demo.dealer', 'orders@demo.dealer', 'gm@demo.staff', 'admin@demo.staff'].map((e) => stack.loginAs(e)),
  );
  since = new Date(Date.now() - 1000);
  // Cheap, well-stocked products both demo dealers can buy: many small orders stay under every rule.
  const { products } = await platinum.data(
    '{ products(first: 100, filter: { inStockOnly: true }) { nodes { sku stock { available } price { unitPrice { amount } } } } }',
  );
  cheap = products.nodes
    .filter((p: any) => p.price && p.stock.available >= 200 && Number(p.price.unitPrice.amount) < 50)
    .map((p: any) => p.sku)
    .slice(0, 12);
  expect(cheap.length).toBeGreaterThanOrEqual(6);
});

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('a cart order takes its cart under the cart lock', () => {
  it('8 cart orders at once with 8 keys: one order, the others EMPTY_CART', async () => {
    await entry.data(ADD, {
      lines: [
        { sku: cheap[0], quantity: 2 },
        { sku: cheap[1], quantity: 1 },
      ],
    });
    const results = answered(await burst(8, () => entry.request(PLACE, { input: { idempotencyKey: randomUUID() } })));
    const placed = results.filter((r: any) => r.placeOrder.order);
    expect(placed).toHaveLength(1);
    expect(results.filter((r: any) => r.placeOrder.userErrors[0]?.code === 'EMPTY_CART')).toHaveLength(7);
    expect((placed[0] as any).placeOrder.order.lines).toEqual([
      { sku: cheap[0], quantity: 2 },
      { sku: cheap[1], quantity: 1 },
    ]);
    expect((await cartOf(entry)).size).toBe(0);
    await invariantsHold();
  });

  it('10 addToCart answered OK while a cart order is placed: every unit is in the order or in the cart', async () => {
    const sku = cheap[2];
    await entry.data(ADD, { lines: [{ sku, quantity: 1 }] });
    const [order, ...adds] = await Promise.all([
      entry.request(PLACE, { input: { idempotencyKey: randomUUID() } }),
      ...Array.from({ length: 10 }, () => entry.request(ADD, { lines: [{ sku, quantity: 1 }] })),
    ]);
    answered([order, ...adds]);
    const acknowledged = adds.filter((a: any) => a.data.addToCart.userErrors.length === 0).length;
    expect(acknowledged).toBe(10);
    const inOrder = order.data.placeOrder.order?.lines.find((l: any) => l.sku === sku)?.quantity ?? 0;
    expect(inOrder + ((await cartOf(entry)).get(sku) ?? 0)).toBe(1 + acknowledged);
    await entry.data('mutation { clearCart { userErrors { code } } }');
    await invariantsHold();
  });

  it('a refused cart order gives its lines back to the cart', async () => {
    await entry.data(ADD, { lines: [{ sku: cheap[3], quantity: 3 }] });
    const { placeOrder } = await entry.data(PLACE, { input: { idempotencyKey: randomUUID(), expectedTotal: '0.01' } });
    expect(placeOrder.userErrors.map((e: any) => e.code)).toEqual(['PRICE_CHANGED']);
    expect(await cartOf(entry)).toEqual(new Map([[cheap[3], 3]]));
    await entry.data('mutation { clearCart { userErrors { code } } }');
    await invariantsHold();
  });
});

describe('lifecycle changes commit first, then release or hold in the other services', () => {
  it('23 approved orders cancelled at once: all cancelled, each credit hold and reservation released', async () => {
    const placed = answered(
      await burst(23, (i) =>
        platinum.request(PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku: cheap[i % cheap.length], quantity: 1 }] } }),
      ),
    ).map((r: any) => r.placeOrder.order);
    expect(placed.map((o) => o.status)).toEqual(Array(23).fill('APPROVED'));
    await invariantsHold();
    const cancelled = answered(await burst(23, (i) => platinum.request(CANCEL, { id: placed[i].id })));
    expect(cancelled.map((r: any) => r.cancelOrder.order?.status ?? r.cancelOrder.userErrors[0].code)).toEqual(Array(23).fill('CANCELLED'));
    await invariantsHold();
  });

  it('one order cancelled 10 times at once: one cancellation, the others INVALID_TRANSITION', async () => {
    const order = await placeLines(platinum, [{ sku: cheap[4], quantity: 1 }]);
    const results = answered(await burst(10, () => platinum.request(CANCEL, { id: order.id })));
    const codes = results.map((r: any) => r.cancelOrder.userErrors[0]?.code ?? r.cancelOrder.order.status).sort();
    expect(codes).toEqual(['CANCELLED', ...Array(9).fill('INVALID_TRANSITION')]);
    await invariantsHold();
  });

  it('30 rejections and 15 approvals at once: each order rejected with nothing held, or approved with its hold', async () => {
    const RULE = `mutation($input: CreateApprovalRuleInput!) { createApprovalRule(input: $input) { userErrors { code } } }`;
    const { createApprovalRule } = await admin.data(RULE, {
      input: {
        name: 'BURST_ALL',
        kind: 'ORDER_TOTAL_ABOVE',
        group: 'BURST',
        level: 5,
        threshold: '0.00',
        reason: 'every order waits (test)',
      },
    });
    expect(createApprovalRule.userErrors).toEqual([]);
    try {
      // Placed 15 at a time (placement bursts are tested above); the 45 decisions go at once.
      const pending: { id: string; status: string }[] = [];
      for (let round = 0; round < 3; round += 1) {
        const placed = await burst(15, (i) =>
          (i % 2 ? entry : platinum).request(PLACE, {
            input: { idempotencyKey: randomUUID(), lines: [{ sku: cheap[(round * 15 + i) % cheap.length], quantity: 1 }] },
          }),
        );
        pending.push(...answered(placed).map((r: any) => r.placeOrder.order));
      }
      expect(pending.map((o) => o?.status)).toEqual(Array(45).fill('PENDING_APPROVAL'));
      const decided = answered(await burst(45, (i) => gm.request(i < 30 ? REJECT : APPROVE, { id: pending[i].id })));
      expect(
        decided.map((r: any) => (r.rejectOrder ?? r.approveOrder).order?.status ?? (r.rejectOrder ?? r.approveOrder).userErrors),
      ).toEqual([...Array(30).fill('REJECTED'), ...Array(15).fill('APPROVED')]);
      await invariantsHold();
    } finally {
      await admin.data(
        `mutation { updateApprovalRule(input: { name: "BURST_ALL", enabled: false, reason: "test done" }) { userErrors { code } } }`,
      );
    }
  });
});

describe('one pending order decided 10 times at once', () => {
  it('one approval holds credit and approves it; the others hear ORDER_BUSY or INVALID_TRANSITION, never an error', async () => {
    const RULE = `mutation($input: CreateApprovalRuleInput!) { createApprovalRule(input: $input) { userErrors { code } } }`;
    await admin.data(RULE, {
      input: {
        name: 'SAME_ORDER',
        kind: 'ORDER_TOTAL_ABOVE',
        group: 'SAME',
        level: 5,
        threshold: '0.00',
        reason: 'every order waits (test)',
      },
    });
    let order: { id: string; status: string };
    try {
      order = await placeLines(platinum, [{ sku: cheap[8 % cheap.length], quantity: 1 }]);
    } finally {
      await admin.data(
        `mutation { updateApprovalRule(input: { name: "SAME_ORDER", enabled: false, reason: "test done" }) { userErrors { code } } }`,
      );
    }
    const results = answered(await burst(10, () => gm.request(APPROVE, { id: order.id })));
    const outcomes = results.map((r: any) => r.approveOrder.order?.status ?? r.approveOrder.userErrors[0].code);
    expect(outcomes.filter((o) => o === 'APPROVED')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'APPROVED' && o !== 'ORDER_BUSY' && o !== 'INVALID_TRANSITION')).toEqual([]);
    await invariantsHold();
  });
});

describe('shipping when the warehouse counts less than the order reserved', () => {
  it('refuses with INSUFFICIENT_STOCK, keeps the order PROCESSING with its stock, and ships once recounted', async () => {
    const sku = cheap[5];
    const order = await placeLines(platinum, [{ sku, quantity: 2 }]);
    expect((await gm.data(FULFIL, { input: { orderId: order.id, status: 'PROCESSING' } })).updateOrderFulfillment.order.status).toBe(
      'PROCESSING',
    );
    // What an ERP stock count may do: on hand below what the reservations hold.
    const { rows } = await db.query(
      `update products.stock_level s set on_hand = 1 from products.stock_reservation r
        where r.order_id = $1 and s.product_id = r.product_id and s.warehouse_id = r.warehouse_id
        returning s.product_id, s.warehouse_id, (select on_hand from products.stock_level o where o.product_id = s.product_id and o.warehouse_id = s.warehouse_id) as before`,
      [order.id],
    );
    const ship = { orderId: order.id, status: 'SHIPPED', carrier: 'DHL', trackingNumber: 'T-1' };
    const refused = await gm.request(FULFIL, { input: ship });
    expect(refused.errors).toBeUndefined();
    expect(refused.data.updateOrderFulfillment.userErrors.map((e: any) => e.code)).toEqual(['INSUFFICIENT_STOCK']);
    const { order: after } = await gm.data('query($id: ID!) { order(id: $id) { status } }', { id: order.id });
    expect(after.status).toBe('PROCESSING');
    await invariantsHold();
    for (const r of rows)
      await db.query('update products.stock_level set on_hand = $3 where product_id = $1 and warehouse_id = $2', [
        r.product_id,
        r.warehouse_id,
        r.before,
      ]);
    expect((await gm.data(FULFIL, { input: ship })).updateOrderFulfillment.order.status).toBe('SHIPPED');
    await invariantsHold();
  });
});

describe('an effect whose driver failed is finished by the recovery sweep', () => {
  /** Ends the lease of the order's pending effect (as if its driver died long ago) and waits for the sweep to finish it. */
  async function sweptAfterLease(orderId: string) {
    const { rows } = await db.query(
      `update orders."order" set effect_lease_until = now() - interval '1 second' where id = $1 and effect is not null returning effect->>'kind' as kind`,
      [orderId],
    );
    expect(rows).toHaveLength(1);
    for (let i = 0; i < 200; i += 1) {
      const { rows: left } = await db.query('select 1 from orders."order" where id = $1 and effect is not null', [orderId]);
      if (left.length === 0) return rows[0].kind as string;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the sweep did not finish the effect of ${orderId}`);
  }

  it('credit failing during a cancellation: the order is cancelled at once, the sweep releases its hold', async () => {
    const order = await placeLines(platinum, [{ sku: cheap[6 % cheap.length], quantity: 1 }]);
    injectInternalFault('credit.releaseHold', 'before');
    try {
      const { cancelOrder } = await platinum.data(CANCEL, { id: order.id });
      expect(cancelOrder.order.status).toBe('CANCELLED');
    } finally {
      clearInternalFaults();
    }
    const pending = await checkOrderInvariants(stack.database.url, { since, settled: true });
    expect(pending).toEqual([expect.stringContaining('RELEASE effect is still pending')]);
    expect(await sweptAfterLease(order.id)).toBe('RELEASE');
    await invariantsHold();
  });

  it('the answer of credit lost after it held an approval: the order stays pending (ORDER_BUSY meanwhile), the sweep approves it', async () => {
    const RULE = `mutation($input: CreateApprovalRuleInput!) { createApprovalRule(input: $input) { userErrors { code } } }`;
    await admin.data(RULE, {
      input: {
        name: 'SWEEP_ALL',
        kind: 'ORDER_TOTAL_ABOVE',
        group: 'SWEEP',
        level: 5,
        threshold: '0.00',
        reason: 'every order waits (test)',
      },
    });
    let order: { id: string; status: string };
    try {
      order = await placeLines(platinum, [{ sku: cheap[7 % cheap.length], quantity: 1 }]);
    } finally {
      await admin.data(
        `mutation { updateApprovalRule(input: { name: "SWEEP_ALL", enabled: false, reason: "test done" }) { userErrors { code } } }`,
      );
    }
    expect(order.status).toBe('PENDING_APPROVAL');
    injectInternalFault('credit.placeHold', 'after');
    let failed;
    try {
      failed = await gm.request(APPROVE, { id: order.id });
    } finally {
      clearInternalFaults();
    }
    expect(failed.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(failed.data?.approveOrder?.order?.status).not.toBe('APPROVED');
    const busy = (await gm.data(APPROVE, { id: order.id })).approveOrder;
    expect(busy.userErrors.map((e: any) => e.code)).toEqual(['ORDER_BUSY']);
    expect(await sweptAfterLease(order.id)).toBe('HOLD');
    const { order: after } = await gm.data('query($id: ID!) { order(id: $id) { status } }', { id: order.id });
    expect(after.status).toBe('APPROVED');
    await invariantsHold();
  });
});
