import { randomUUID } from 'node:crypto';

import { clearInternalFaults, injectInternalFault } from '@dealergraph/runtime';
import { checkOrderInvariants, type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// The placeOrder workflow end to end: the real gateway, the five real subgraphs and their signed
// internal calls, real PostgreSQL. Expectations come from what the graph showed before ordering.

let stack: TestStack;
let platinum: GraphQLClient;
let bronze: GraphQLClient;
let viewer: GraphQLClient;
let rep: GraphQLClient;
let manager: GraphQLClient;
let gm: GraphQLClient;

const PLACE = /* GraphQL */ `
  mutation Place($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      order {
        id
        number
        status
        total {
          amount
        }
        lines {
          sku
          quantity
          unitPrice {
            amount
          }
          lineTotal {
            amount
          }
        }
        approvalSteps {
          level
          role
          status
        }
      }
      warning
      userErrors {
        code
        message
        field
      }
    }
  }
`;
const APPROVE = `mutation($id: ID!) { approveOrder(orderId: $id, comment: "ok") { order { id status } userErrors { code message } } }`;

interface Placed {
  order: {
    id: string;
    number: string;
    status: string;
    total: { amount: string };
    lines: { sku: string; quantity: number; unitPrice: { amount: string }; lineTotal: { amount: string } }[];
    approvalSteps: { level: number; role: string; status: string }[];
  } | null;
  warning: string | null;
  userErrors: { code: string; message: string; field: string[] | null }[];
}

const cents = (amount: string) => Math.round(Number(amount) * 100);

async function place(client: GraphQLClient, input: Record<string, unknown>) {
  const result = await client.request<{ placeOrder: Placed }>(PLACE, { input: { idempotencyKey: randomUUID(), ...input } });
  return result;
}

async function placed(client: GraphQLClient, input: Record<string, unknown>): Promise<Placed> {
  const result = await place(client, input);
  expect(result.errors).toBeUndefined();
  return result.data!.placeOrder;
}

async function stockOf(sku: string): Promise<number> {
  const { product } = await platinum.data<{ product: { stock: { available: number } } }>(
    'query($sku: String!) { product(sku: $sku) { stock { available } } }',
    { sku },
  );
  return product.stock.available;
}

async function creditOf(client: GraphQLClient): Promise<{ available: number; pendingOrders: number; limit: number }> {
  const { me } = await client.data('{ me { dealer { credit { limit { amount } available { amount } pendingOrders { amount } } } } }');
  const c = me.dealer.credit;
  return { available: cents(c.available.amount), pendingOrders: cents(c.pendingOrders.amount), limit: cents(c.limit.amount) };
}

async function unitPrice(client: GraphQLClient, sku: string, quantity: number): Promise<number> {
  const { product } = await client.data(
    'query($sku: String!, $q: Int!) { product(sku: $sku) { price(quantity: $q) { unitPrice { amount } } } }',
    { sku, q: quantity },
  );
  return cents(product.price.unitPrice.amount);
}

/** Every order id in the caller's approval queue, page by page. */
async function queueIds(client: GraphQLClient): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { approvalQueue }: { approvalQueue: any } = await client.data(
      'query($after: String) { approvalQueue(first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    ids.push(...approvalQueue.nodes.map((n: { id: string }) => n.id));
    if (!approvalQueue.pageInfo.hasNextPage) return ids;
    after = approvalQueue.pageInfo.endCursor;
  }
}

async function orderCount(client: GraphQLClient): Promise<number> {
  const { orders } = await client.data('{ orders(first: 1) { totalCount } }');
  return orders.totalCount;
}

/** In-stock products the dealer can buy, with their unit price at quantity 1. */
async function catalog(client: GraphQLClient) {
  const { products } = await client.data(
    '{ products(first: 100, filter: { inStockOnly: true }) { nodes { sku stock { status available } price { unitPrice { amount } } } } }',
  );
  return (
    products.nodes as { sku: string; stock: { status: string; available: number }; price: { unitPrice: { amount: string } } | null }[]
  )
    .filter((p) => p.price)
    .map((p) => ({ sku: p.sku, status: p.stock.status, available: p.stock.available, price: cents(p.price!.unitPrice.amount) }));
}

/** A line of one product whose total lands between `min` and `max` cents, given its quantity prices. */
async function lineWorth(client: GraphQLClient, min: number, max: number, exclude: string[] = []) {
  for (const p of (await catalog(client)).filter((x) => !exclude.includes(x.sku)).sort((a, b) => b.price - a.price)) {
    for (
      let quantity = Math.max(1, Math.floor(min / p.price));
      quantity <= Math.min(p.available, Math.ceil(max / Math.max(1, p.price)) + 20);
      quantity += 1
    ) {
      const total = quantity * (await unitPrice(client, p.sku, quantity));
      if (total > min && total < max) return { sku: p.sku, quantity, total };
      if (total >= max) break;
    }
  }
  throw new Error(`no product makes a line between ${min} and ${max}`);
}

beforeAll(async () => {
  stack = await startTestStack();
  [platinum, bronze, viewer, rep, manager, gm] = await Promise.all(
    ['platinum@demo.dealer', 'bronze@demo.dealer', 'viewer@demo.dealer', 'rep@demo.staff', 'manager@demo.staff', 'gm@demo.staff'].map((e) =>
      stack.loginAs(e),
    ),
  );
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

afterEach(() => clearInternalFaults());

describe('placeOrder', () => {
  it('places a routine order at exactly the quoted prices, reserves its stock and holds its credit', async () => {
    const [product] = (await catalog(platinum)).filter((p) => p.available >= 20 && p.price < 50_000);
    const shown = await unitPrice(platinum, product.sku, 3);
    const stockBefore = await stockOf(product.sku);
    const creditBefore = await creditOf(platinum);

    const result = await placed(platinum, {
      lines: [{ sku: product.sku.toLowerCase(), quantity: 3, expectedUnitPrice: (shown / 100).toFixed(2) }],
      poNumber: 'PO-HAPPY-1',
    });
    expect(result.userErrors).toEqual([]);
    expect(result.order).toMatchObject({ status: 'APPROVED', approvalSteps: [] });
    expect(result.order!.lines).toEqual([
      {
        sku: product.sku,
        quantity: 3,
        unitPrice: { amount: (shown / 100).toFixed(2) },
        lineTotal: { amount: ((shown * 3) / 100).toFixed(2) },
      },
    ]);
    expect(cents(result.order!.total.amount)).toBe(shown * 3);

    const { orders } = await platinum.data(
      '{ orders(first: 5, filter: { search: "PO-HAPPY-1" }) { nodes { id status statusHistory { status } } totalCount } }',
    );
    expect(orders.totalCount).toBe(1);
    expect(orders.nodes[0]).toMatchObject({
      id: result.order!.id,
      status: 'APPROVED',
      statusHistory: [{ status: 'PENDING_APPROVAL' }, { status: 'APPROVED' }],
    });
    expect(await stockOf(product.sku)).toBe(stockBefore - 3);
    expect((await creditOf(platinum)).pendingOrders).toBe(creditBefore.pendingOrders + shown * 3);
  });

  it('refuses an order whose confirmed price is out of date (PRICE_CHANGED) and places nothing', async () => {
    const [product] = await catalog(platinum);
    const before = await orderCount(platinum);
    const result = await placed(platinum, { lines: [{ sku: product.sku, quantity: 1, expectedUnitPrice: '0.01' }] });
    expect(result.order).toBeNull();
    expect(result.userErrors.map((e) => e.code)).toEqual(['PRICE_CHANGED']);
    expect(result.userErrors[0].message).toContain((product.price / 100).toFixed(2));
    const total = await placed(platinum, { lines: [{ sku: product.sku, quantity: 1 }], expectedTotal: '0.02' });
    expect(total.userErrors.map((e) => e.code)).toEqual(['PRICE_CHANGED']);
    expect(await orderCount(platinum)).toBe(before);
  });

  it('orders the cart when lines are omitted, and empties it', async () => {
    const [product] = (await catalog(platinum)).filter((p) => p.available >= 5 && p.price < 100_000);
    const add = await platinum.request(
      'mutation($sku: String!) { addToCart(lines: [{ sku: $sku, quantity: 2 }]) { userErrors { code } } }',
      { sku: product.sku },
    );
    expect(add.errors).toBeUndefined();
    const result = await placed(platinum, {});
    expect(result.userErrors).toEqual([]);
    expect(result.order!.lines.map((l) => [l.sku, l.quantity])).toEqual([[product.sku, 2]]);
    const empty = await placed(platinum, {});
    expect(empty.userErrors.map((e) => e.code)).toEqual(['EMPTY_CART']);
  });

  it('sends an order above 10,000.00 to a REGIONAL_MANAGER; the approval holds its credit', async () => {
    const line = await lineWorth(platinum, 1_000_000, 4_000_000);
    const creditBefore = await creditOf(platinum);
    const result = await placed(platinum, { lines: [{ sku: line.sku, quantity: line.quantity }] });
    expect(result.userErrors).toEqual([]);
    expect(result.order).toMatchObject({
      status: 'PENDING_APPROVAL',
      approvalSteps: [{ level: 2, role: 'REGIONAL_MANAGER', status: 'PENDING' }],
    });
    const id = result.order!.id;
    // Pending: nothing held yet.
    expect((await creditOf(platinum)).pendingOrders).toBe(creditBefore.pendingOrders);

    expect(await queueIds(manager)).toContain(id);
    expect(await queueIds(rep)).not.toContain(id);

    const byRep = await rep.data(APPROVE, { id });
    expect(byRep.approveOrder.userErrors.map((e: { code: string }) => e.code)).toEqual(['FORBIDDEN']);
    // The dealer's own admin decides only the dealer's own step (spending limits), never the distributor's.
    const byDealer = await platinum.data(APPROVE, { id });
    expect(byDealer.approveOrder.userErrors.map((e: { code: string }) => e.code)).toEqual(['WRONG_APPROVAL_AREA']);

    const approved = await manager.data(APPROVE, { id });
    expect(approved.approveOrder).toEqual({ order: { id, status: 'APPROVED' }, userErrors: [] });
    expect((await creditOf(platinum)).pendingOrders).toBe(creditBefore.pendingOrders + cents(result.order!.total.amount));
    const again = await manager.data(APPROVE, { id });
    expect(again.approveOrder.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_TRANSITION']);
  });

  it('rejection and cancellation release stock and credit; fulfilment ships with carrier and tracking', async () => {
    const line = await lineWorth(platinum, 1_000_000, 4_000_000);
    const stockBefore = await stockOf(line.sku);
    const pending = await placed(platinum, { lines: [{ sku: line.sku, quantity: line.quantity }] });
    expect(await stockOf(line.sku)).toBe(stockBefore - line.quantity);
    const rejected = await manager.data(
      `mutation($id: ID!) { rejectOrder(orderId: $id, reason: "Too much") { order { status } userErrors { code } } }`,
      { id: pending.order!.id },
    );
    expect(rejected.rejectOrder).toEqual({ order: { status: 'REJECTED' }, userErrors: [] });
    expect(await stockOf(line.sku)).toBe(stockBefore);

    const [small] = (await catalog(platinum)).filter((p) => p.available >= 10 && p.price < 100_000);
    const creditBefore = await creditOf(platinum);
    const approved = await placed(platinum, { lines: [{ sku: small.sku, quantity: 1 }] });
    expect(approved.order!.status).toBe('APPROVED');
    const cancel = `mutation($id: ID!) { cancelOrder(orderId: $id, reason: "Ordered twice") { order { status } userErrors { code } } }`;
    expect((await viewer.data(cancel, { id: approved.order!.id })).cancelOrder.userErrors.map((e: { code: string }) => e.code)).toEqual([
      'FORBIDDEN',
    ]);
    expect((await bronze.data(cancel, { id: approved.order!.id })).cancelOrder.userErrors.map((e: { code: string }) => e.code)).toEqual([
      'NOT_FOUND',
    ]);
    expect((await platinum.data(cancel, { id: approved.order!.id })).cancelOrder).toEqual({
      order: { status: 'CANCELLED' },
      userErrors: [],
    });
    expect((await creditOf(platinum)).pendingOrders).toBe(creditBefore.pendingOrders);

    const shipped = await placed(platinum, { lines: [{ sku: small.sku, quantity: 1 }] });
    const fulfil = `mutation($input: OrderFulfillmentInput!) { updateOrderFulfillment(input: $input) { order { status carrier trackingNumber } userErrors { code } } }`;
    const id = shipped.order!.id;
    expect((await platinum.data(fulfil, { input: { orderId: id, status: 'PROCESSING' } })).updateOrderFulfillment.userErrors[0].code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await gm.data(fulfil, { input: { orderId: id, status: 'SHIPPED', carrier: 'DHL', trackingNumber: '1Z' } })).updateOrderFulfillment
        .userErrors[0].code,
    ).toBe('INVALID_TRANSITION');
    expect((await gm.data(fulfil, { input: { orderId: id, status: 'PROCESSING' } })).updateOrderFulfillment.order.status).toBe(
      'PROCESSING',
    );
    expect((await platinum.data(cancel, { id })).cancelOrder.userErrors[0].code).toBe('INVALID_TRANSITION');
    expect((await gm.data(fulfil, { input: { orderId: id, status: 'SHIPPED' } })).updateOrderFulfillment.userErrors[0].code).toBe(
      'INVALID_INPUT',
    );
    expect(
      (await gm.data(fulfil, { input: { orderId: id, status: 'SHIPPED', carrier: 'DHL', trackingNumber: '1Z999' } })).updateOrderFulfillment
        .order,
    ).toEqual({ status: 'SHIPPED', carrier: 'DHL', trackingNumber: '1Z999' });
    expect((await gm.data(fulfil, { input: { orderId: id, status: 'DELIVERED' } })).updateOrderFulfillment.order.status).toBe('DELIVERED');
  });

  it('answers bad input with the published codes, creates nothing and leaks no internals', async () => {
    const [product] = await catalog(platinum);
    const before = await orderCount(platinum);
    const codes = async (input: Record<string, unknown>, client = platinum) => (await placed(client, input)).userErrors.map((e) => e.code);
    expect(await codes({ lines: [{ sku: 'NO-SUCH-SKU-1', quantity: 1 }] })).toEqual(['UNKNOWN_SKU']);
    expect(await codes({ lines: [{ sku: product.sku, quantity: 0 }] })).toEqual(['INVALID_QUANTITY']);
    expect(await codes({ lines: [{ sku: product.sku, quantity: -3 }] })).toEqual(['INVALID_QUANTITY']);
    expect(await codes({ lines: [{ sku: product.sku, quantity: 2_000_000_000 }] })).toEqual(['INVALID_QUANTITY']);
    expect(await codes({ lines: [] })).toEqual(['EMPTY_CART']);
    expect(await codes({ lines: [{ sku: product.sku, quantity: 1 }] }, viewer)).toEqual(['FORBIDDEN']);
    // Staff enter orders on a dealer's behalf only, naming it (credit-policies.e2e.test.ts has the rest).
    expect(await codes({ lines: [{ sku: product.sku, quantity: 1 }] }, manager)).toEqual(['INVALID_INPUT']);
    // A fractional quantity is not an Int: GraphQL itself refuses it, before any resolver runs.
    const fractional = await place(platinum, { lines: [{ sku: product.sku, quantity: 1.5 }] });
    expect(fractional.data?.placeOrder ?? null).toBeNull();
    expect(fractional.errors?.[0].message).toMatch(/Int/);
    expect(JSON.stringify(fractional.errors)).not.toMatch(/stack|at .*\.ts:/);
    expect(await orderCount(platinum)).toBe(before);

    // Another dealer's order reads as missing.
    const { orders } = await platinum.data('{ orders(first: 1) { nodes { id } } }');
    const { order } = await bronze.data('query($id: ID!) { order(id: $id) { id } }', { id: orders.nodes[0].id });
    expect(order).toBeNull();
    expect((await manager.data(APPROVE, { id: 'not-an-id' })).approveOrder.userErrors[0].code).toBe('NOT_FOUND');
  });
});

describe('minimum order amount', () => {
  it("refuses or routes an order below the dealer's minimum, as the ADMIN configured it", async () => {
    const admin = await stack.loginAs('admin@demo.staff');
    const { me } = await bronze.data('{ me { dealer { id } } }');
    const SET = `mutation($input: MinimumOrderInput!) { setMinimumOrderAmount(input: $input) { policy { minimumAmount belowMinimum } userErrors { code } } }`;
    const byDealer = await bronze.data(SET, { input: { dealerId: me.dealer.id, minimumAmount: '1', belowMinimum: 'REFUSE' } });
    expect(byDealer.setMinimumOrderAmount.userErrors[0].code).toBe('FORBIDDEN');
    const [cheap] = (await catalog(bronze)).filter((p) => p.available >= 5).sort((a, b) => a.price - b.price);
    const minimum = ((cheap.price + 1) / 100).toFixed(2);
    const set = await admin.data(SET, { input: { dealerId: me.dealer.id, minimumAmount: minimum, belowMinimum: 'REFUSE' } });
    expect(set.setMinimumOrderAmount).toEqual({ policy: { minimumAmount: minimum, belowMinimum: 'REFUSE' }, userErrors: [] });
    const stockBefore = await stockOf(cheap.sku);
    const refusedOrder = await placed(bronze, { lines: [{ sku: cheap.sku, quantity: 1 }] });
    expect(refusedOrder.userErrors.map((e) => e.code)).toEqual(['BELOW_MINIMUM_ORDER']);
    expect(await stockOf(cheap.sku)).toBe(stockBefore);

    await admin.data(SET, { input: { dealerId: me.dealer.id, minimumAmount: minimum, belowMinimum: 'APPROVAL' } });
    const routed = await placed(bronze, { lines: [{ sku: cheap.sku, quantity: 1 }] });
    expect(routed.order).toMatchObject({ status: 'PENDING_APPROVAL', approvalSteps: [{ level: 1, role: 'SALES_REP', status: 'PENDING' }] });
    await admin.data(SET, { input: { dealerId: me.dealer.id, minimumAmount: '0', belowMinimum: 'REFUSE' } });
    const cancelled = await bronze.data(`mutation($id: ID!) { cancelOrder(orderId: $id, reason: "test") { order { status } } }`, {
      id: routed.order!.id,
    });
    expect(cancelled.cancelOrder.order.status).toBe('CANCELLED');
    expect(await stockOf(cheap.sku)).toBe(stockBefore);
  });
});

describe('idempotency', () => {
  it('places exactly one order for 20 concurrent submissions with one key, and later retries return it', async () => {
    const [product] = (await catalog(platinum)).filter((p) => p.available >= 10 && p.price < 100_000);
    const stockBefore = await stockOf(product.sku);
    const input = { idempotencyKey: randomUUID(), lines: [{ sku: product.sku, quantity: 1 }], poNumber: `PO-IDEM-${Date.now()}` };
    const results = await Promise.all(Array.from({ length: 20 }, () => placed(platinum, input)));
    const ids = new Set(results.map((r) => r.order?.id));
    expect(results.every((r) => r.userErrors.length === 0)).toBe(true);
    expect(ids.size).toBe(1);
    expect((await placed(platinum, input)).order!.id).toBe([...ids][0]);
    expect(await stockOf(product.sku)).toBe(stockBefore - 1);
    const { orders } = await platinum.data('query($s: String) { orders(first: 5, filter: { search: $s }) { totalCount } }', {
      s: input.poNumber,
    });
    expect(orders.totalCount).toBe(1);

    const reused = await placed(platinum, { ...input, lines: [{ sku: product.sku, quantity: 2 }] });
    expect(reused.userErrors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });
});

describe('concurrency', () => {
  it('never oversells the last units of a product', async () => {
    const candidates = (await catalog(platinum))
      .filter((p) => p.available >= 4 && p.available <= 400)
      .sort((a, b) => a.available - b.available);
    const product = candidates[0];
    const available = await stockOf(product.sku);
    const each = Math.floor(available / 3) + 1; // at most two of six orders fit
    const results = await Promise.all(Array.from({ length: 6 }, () => placed(platinum, { lines: [{ sku: product.sku, quantity: each }] })));
    const ok = results.filter((r) => r.order);
    expect(ok.length).toBeGreaterThan(0);
    expect(ok.length * each).toBeLessThanOrEqual(available);
    expect(results.filter((r) => !r.order).every((r) => r.userErrors[0]?.code === 'INSUFFICIENT_STOCK')).toBe(true);
    expect(await stockOf(product.sku)).toBe(available - ok.length * each);
  });

  it('never overruns the credit of a HARD_BLOCK dealer under concurrent placeOrder and approveOrder', async () => {
    // A known budget: the bronze dealer (HARD_BLOCK) gets 60,000.00 available, set by FINANCE and up.
    const budget = 6_000_000;
    const { me } = await bronze.data('{ me { dealer { id } } }');
    const before = await creditOf(bronze);
    const SET = `mutation($input: SetCreditLimitInput!) { setCreditLimit(input: $input) { userErrors { code message } } }`;
    const limit = ((before.limit - before.available + budget) / 100).toFixed(2);
    const set = await gm.data(SET, { input: { dealerId: me.dealer.id, limit, reason: 'credit race test' } });
    expect(set.setCreditLimit.userErrors).toEqual([]);
    const start = await creditOf(bronze);
    expect(start.available).toBe(budget);
    const since = new Date();

    // Three orders over 10,000.00 wait for a REGIONAL_MANAGER: each fits alone, two of them do not.
    const big = await lineWorth(bronze, 2_000_000, 2_800_000);
    const pending = await Promise.all(
      Array.from({ length: 3 }, () => placed(bronze, { lines: [{ sku: big.sku, quantity: big.quantity }] })),
    );
    const pendingIds = pending.map((p) => {
      expect(p.order?.status).toBe('PENDING_APPROVAL');
      return p.order!.id;
    });
    expect((await creditOf(bronze)).pendingOrders).toBe(start.pendingOrders);
    // Their approvals race eight orders that approve themselves (under 10,000.00): together about
    // twice the budget, all asking credit for a hold at once.
    const small = await lineWorth(bronze, 700_000, 950_000, [big.sku]);
    const [approvals, placements] = await Promise.all([
      Promise.all(pendingIds.map((id) => gm.data(APPROVE, { id }))),
      Promise.all(Array.from({ length: 8 }, () => placed(bronze, { lines: [{ sku: small.sku, quantity: small.quantity }] }))),
    ]);
    const approved = approvals.filter((a) => a.approveOrder.order?.status === 'APPROVED').length;
    const auto = placements.filter((p) => p.order?.status === 'APPROVED').length;
    // Every approval was decided while the placements ran: approved with its hold, or refused for credit.
    for (const a of approvals) {
      if (a.approveOrder.order?.status !== 'APPROVED')
        expect(a.approveOrder.userErrors.map((e: { code: string }) => e.code)).toEqual(['CREDIT_LIMIT_EXCEEDED']);
    }
    for (const p of placements) {
      if (p.order?.status !== 'APPROVED') expect(p.userErrors.map((e) => e.code)).toEqual(['CREDIT_LIMIT_EXCEEDED']);
    }
    const approvedTotal = approved * big.total + auto * small.total;
    const end = await creditOf(bronze);
    expect(end.pendingOrders - start.pendingOrders).toBe(approvedTotal);
    expect(approvedTotal).toBeLessThanOrEqual(budget);
    expect(end.available).toBeGreaterThanOrEqual(0);
    // The budget was contested: some of the eleven asked in vain, and what was held left no room for another.
    expect(approved + auto).toBeLessThan(11);
    expect(end.available).toBeLessThan(Math.max(small.total, big.total));
    expect(await checkOrderInvariants(stack.database.url, { since, settled: true })).toEqual([]);
  });
});

describe('failures at each step', () => {
  const steps = [
    ['products.lookupProducts', 'before'],
    ['prices.quoteLines', 'before'],
    ['credit.assessOrder', 'before'],
    ['products.reserveStock', 'before'],
    ['products.reserveStock', 'after'],
    ['credit.placeHold', 'before'],
    ['credit.placeHold', 'after'],
  ] as const;

  for (const [operation, mode] of steps) {
    it(`${operation} failing ${mode} its work leaves nothing held, and a retry with the same key completes`, async () => {
      const [product] = (await catalog(platinum)).filter((p) => p.available >= 10 && p.price < 100_000);
      const stockBefore = await stockOf(product.sku);
      const creditBefore = await creditOf(platinum);
      const countBefore = await orderCount(platinum);
      const input = { idempotencyKey: randomUUID(), lines: [{ sku: product.sku, quantity: 2 }] };

      injectInternalFault(operation, mode);
      const failed = await place(platinum, { ...input });
      expect(failed.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(failed.errors)).not.toMatch(/stack|\.ts:\d/);
      expect(await stockOf(product.sku)).toBe(stockBefore);
      expect(await creditOf(platinum)).toEqual(creditBefore);
      expect(await orderCount(platinum)).toBe(countBefore);

      const retried = await placed(platinum, input);
      expect(retried.userErrors).toEqual([]);
      expect(retried.order!.status).toBe('APPROVED');
      expect(await stockOf(product.sku)).toBe(stockBefore - 2);
      expect((await creditOf(platinum)).pendingOrders).toBe(creditBefore.pendingOrders + cents(retried.order!.total.amount));
    });
  }
});

describe('a crash of the orders process between two steps', () => {
  it('is ended by the recovery sweep after a restart', async () => {
    const { deriveInternalKey, runSubgraph } = await import('@dealergraph/runtime');
    const { ordersSubgraph } = await import('../src/index.js');
    const [product] = (await catalog(platinum)).filter((p) => p.available >= 10 && p.price < 100_000);
    const stockBefore = await stockOf(product.sku);
    const creditBefore = await creditOf(platinum);
    const input = { idempotencyKey: randomUUID(), lines: [{ sku: product.sku, quantity: 3 }], poNumber: `PO-CRASH-${Date.now()}` };

    // The process "dies" right after the reservation: stock reserved, nothing else done.
    injectInternalFault('orders.afterRESERVED', 'after');
    const crashed = await place(platinum, input);
    expect(crashed.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(await stockOf(product.sku)).toBe(stockBefore - 3);
    const old = stack.subgraphs.orders;
    await old.stop();

    // Time passes beyond the workflow's lease (30 s by default): moved back instead of waited for.
    const em = stack.orms.orders.em.fork();
    const running = await em
      .getConnection()
      .execute(
        `update "orders"."order" set lease_until = now() - interval '1 second' where workflow = 'RUNNING' and po_number = ? returning workflow_step`,
        [input.poNumber],
      );
    expect(running).toEqual([{ workflow_step: 'RESERVED' }]);

    const port = Number(new URL(old.url).port);
    const serviceUrl = (name: 'dealers' | 'products' | 'prices' | 'credit' | 'integration') => new URL(stack.subgraphs[name].url).origin;
    stack.subgraphs.orders = await runSubgraph(
      ordersSubgraph({ sweepIntervalMs: 200 }),
      {
        host: '127.0.0.1',
        port,
        databaseUrl: stack.database.url,
        hmacSecret: stack.hmacSecret,
        production: false,
        poolSize: 4,
        logLevel: 'error',
        internalKey: deriveInternalKey(stack.hmacSecret),
        serviceUrls: {
          dealers: serviceUrl('dealers'),
          products: serviceUrl('products'),
          prices: serviceUrl('prices'),
          credit: serviceUrl('credit'),
          orders: `http://127.0.0.1:${port}`,
          integration: serviceUrl('integration'),
        },
        faultInjection: true,
      },
      { orm: stack.orms.orders },
    );

    // The sweep drives it forward: the order is placed once, with its credit held.
    let orders: { nodes: { id: string; status: string }[]; totalCount: number } = { nodes: [], totalCount: 0 };
    for (let i = 0; i < 100 && orders.totalCount === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      ({ orders } = await platinum.data(
        'query($s: String) { orders(first: 5, filter: { search: $s }) { nodes { id status } totalCount } }',
        { s: input.poNumber },
      ));
    }
    expect(orders.totalCount).toBe(1);
    expect(orders.nodes[0].status).toBe('APPROVED');
    expect(await stockOf(product.sku)).toBe(stockBefore - 3);
    const total = 3 * (await unitPrice(platinum, product.sku, 3));
    expect((await creditOf(platinum)).pendingOrders).toBe(creditBefore.pendingOrders + total);
    // The client's retry gets that order.
    expect((await placed(platinum, input)).order!.id).toBe(orders.nodes[0].id);
  });
});
