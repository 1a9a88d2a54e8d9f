import { randomUUID } from 'node:crypto';

import { type GraphQLClient, startTestStack, type TestStack, until } from '@dealergraph/testing';
import { type Client, createClient } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { sweepApprovalDeadlines } from '../src/approvals/approval-escalation.service.js';
import { DEFAULT_WORKFLOW_SETTINGS } from '../src/config.js';
import { OrderEventHub, subscribed } from './support/live.js';

/**
 * Part 1. Approval levels as areas (approvals/domain/approval-areas.ts), through the gateway on the real
 * database: FINANCE cannot decide a SALES_DIRECTOR's step of a large order, a SOFT_WARNING credit
 * step is FINANCE's (and not a director's), and a director's step that times out escalates to the
 * GENERAL_MANAGER, never to FINANCE.
 * Part 2. The dealer's own decision process: a DEALER_ADMIN sets an ORDER_ENTRY user's spending
 * limits (bursts leave one row); an order above one waits for the dealer's own step, live in the
 * admin's queue and out of the distributor's, before the distributor's steps; approving or rejecting
 * it in bursts decides it once, and a rejection leaves no credit hold and no reserved stock.
 */
let stack: TestStack;
let db: pg.Client;
let platinum: GraphQLClient;
let gold: GraphQLClient;
let director: GraphQLClient;
let finance: GraphQLClient;
let gm: GraphQLClient;
let entry: GraphQLClient;
let viewer: GraphQLClient;
let bronze: GraphQLClient;
let admin: GraphQLClient;
let startedAt: Date;
const hub = new OrderEventHub();
const sockets: Client[] = [];

const cents = (amount: string) => Math.round(Number(amount) * 100);
const STEPS = 'query($id: ID!) { order(id: $id) { status approvalSteps { level area role status } } }';
const APPROVE = 'mutation($id: ID!) { approveOrder(orderId: $id) { order { status } userErrors { code message } } }';
const QUEUE = '{ approvalQueue(first: 100, sort: NEWEST_FIRST) { nodes { id } } }';

beforeAll(async () => {
  stack = await startTestStack({ orders: { workflow: { approvalTimers: 'SWEEP' }, events: hub } });
  startedAt = new Date();
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  [platinum, gold, director, finance, gm, entry, viewer, bronze, admin] = await Promise.all(
    [
      'platinum@demo.dealer',
      'gold@demo.dealer',
      'director@demo.staff',
      'finance@demo.staff',
      'gm@demo.staff',
      'orders@demo.dealer',
      'viewer@demo.dealer',
      'bronze@demo.dealer',
      'admin@demo.staff',
    ].map((e) => stack.loginAs(e)),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(sockets.map((x) => x.dispose()));
  await db?.end();
  await stack?.stop();
});

/** A line of one in-stock product whose total (priced as the dealer is, volume breaks included) is within [min, max] cents. */
async function lineWorth(client: GraphQLClient, min: number, max: number): Promise<{ sku: string; quantity: number; total: number }> {
  const { products } = await client.data(
    '{ products(first: 100, filter: { inStockOnly: true }) { nodes { sku stock { available } price { unitPrice { amount } } } } }',
  );
  const catalog = (products.nodes as { sku: string; stock: { available: number }; price: { unitPrice: { amount: string } } | null }[])
    .filter((p) => p.price)
    .map((p) => ({ sku: p.sku, available: p.stock.available, price: cents(p.price!.unitPrice.amount) }))
    .sort((a, b) => b.price - a.price);
  for (const p of catalog) {
    for (
      let quantity = Math.max(1, Math.floor(min / p.price));
      quantity <= p.available && quantity <= Math.ceil(max / p.price) + 20;
      quantity += 1
    ) {
      const { product } = await client.data(
        'query($sku: String!, $q: Int!) { product(sku: $sku) { price(quantity: $q) { unitPrice { amount } } } }',
        { sku: p.sku, q: quantity },
      );
      const total = quantity * cents(product.price.unitPrice.amount);
      if (total >= min && total <= max) return { sku: p.sku, quantity, total };
      if (total > max) break;
    }
  }
  throw new Error(`no product makes a line between ${min} and ${max}`);
}

async function place(client: GraphQLClient, line: { sku: string; quantity: number }): Promise<string> {
  const { placeOrder } = await client.data(
    'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } userErrors { code message } } }',
    { input: { idempotencyKey: randomUUID(), lines: [{ sku: line.sku, quantity: line.quantity }] } },
  );
  expect(placeOrder.userErrors).toEqual([]);
  expect(placeOrder.order.status).toBe('PENDING_APPROVAL');
  return placeOrder.order.id;
}

const stepsOf = async (id: string) => (await director.data(STEPS, { id })).order;
const queued = async (client: GraphQLClient, id: string) =>
  (await client.data(QUEUE)).approvalQueue.nodes.some((n: { id: string }) => n.id === id);
const availableOf = async (client: GraphQLClient) =>
  cents((await client.data('{ me { dealer { credit { available { amount } } } } }')).me.dealer.credit.available.amount);

describe('approval areas', () => {
  it("FINANCE cannot approve a SALES_DIRECTOR's step of a large order; the director can", async () => {
    // Above 50,000.00: the amount rule asks for a SALES_DIRECTOR (sales, level 3).
    const id = await place(platinum, await lineWorth(platinum, 5_100_000, 7_000_000));
    const before = await stepsOf(id);
    expect(before.approvalSteps[0]).toEqual({ level: 3, area: 'SALES', role: 'SALES_DIRECTOR', status: 'PENDING' });

    const refused = (await finance.data(APPROVE, { id })).approveOrder;
    expect(refused.order).toBeNull();
    expect(refused.userErrors.map((e: { code: string }) => e.code)).toEqual(['WRONG_APPROVAL_AREA']);
    expect(refused.userErrors[0].message).toMatch(/SALES_DIRECTOR \(sales, level 3\)/);
    expect((await stepsOf(id)).approvalSteps[0]).toMatchObject({ status: 'PENDING' });
    expect(await queued(finance, id)).toBe(false);
    expect(await queued(director, id)).toBe(true);

    const approved = (await director.data(APPROVE, { id })).approveOrder;
    expect(approved.userErrors).toEqual([]);
    // Platinum's policy routes an over-limit order to FINANCE: then FINANCE decides what is left, and only that.
    if (approved.order.status === 'PENDING_APPROVAL') {
      const left = (await stepsOf(id)).approvalSteps.filter((s: { status: string }) => s.status === 'PENDING');
      expect(left).toEqual([{ level: 4, area: 'FINANCE', role: 'FINANCE', status: 'PENDING' }]);
      expect((await director.data(APPROVE, { id })).approveOrder.userErrors.map((e: { code: string }) => e.code)).toEqual([
        'WRONG_APPROVAL_AREA',
      ]);
      expect((await finance.data(APPROVE, { id })).approveOrder).toEqual({ order: { status: 'APPROVED' }, userErrors: [] });
    } else {
      expect(approved.order.status).toBe('APPROVED');
    }
  });

  it("a SOFT_WARNING credit step is FINANCE's: the director clears the sales step and stops there", async () => {
    // Over the gold dealer's available credit and over 10,000.00: a REGIONAL_MANAGER step, then FINANCE's credit step.
    const available = await availableOf(gold);
    const line = await lineWorth(gold, Math.max(available, 1_000_000) + 100_000, Math.max(available, 1_000_000) + 900_000);
    const id = await place(gold, line);
    expect((await stepsOf(id)).approvalSteps).toEqual([
      { level: 2, area: 'SALES', role: 'REGIONAL_MANAGER', status: 'PENDING' },
      { level: 4, area: 'FINANCE', role: 'FINANCE', status: 'PENDING' },
    ]);
    // FINANCE does not skip the sales step by seniority.
    expect((await finance.data(APPROVE, { id })).approveOrder.userErrors.map((e: { code: string }) => e.code)).toEqual([
      'WRONG_APPROVAL_AREA',
    ]);
    expect((await director.data(APPROVE, { id })).approveOrder).toEqual({ order: { status: 'PENDING_APPROVAL' }, userErrors: [] });
    expect((await stepsOf(id)).approvalSteps.map((s: { status: string }) => s.status)).toEqual(['APPROVED', 'PENDING']);
    expect(await queued(director, id)).toBe(false);
    expect(await queued(finance, id)).toBe(true);
    expect((await director.data(APPROVE, { id })).approveOrder.userErrors.map((e: { code: string }) => e.code)).toEqual([
      'WRONG_APPROVAL_AREA',
    ]);

    expect((await finance.data(APPROVE, { id })).approveOrder).toEqual({ order: { status: 'APPROVED' }, userErrors: [] });
    const { rows } = await db.query('select status, amount::bigint as amount from credit.credit_hold where order_id = $1', [id]);
    expect(rows).toEqual([{ status: 'ACTIVE', amount: String(line.total) }]);
  });

  it("escalates a director's overdue step to the GENERAL_MANAGER, not to FINANCE", async () => {
    const id = await place(platinum, await lineWorth(platinum, 5_100_000, 7_000_000));
    const settings = DEFAULT_WORKFLOW_SETTINGS.approvalDeadlines;
    const sweep = () => sweepApprovalDeadlines(stack.orms.orders.em.fork(), { now: new Date(), settings, notBefore: startedAt });
    await sweep();
    await db.query(
      `update orders.order_approval_step set due_at = now() - interval '1 minute' where order_id = $1 and status = 'PENDING'`,
      [id],
    );
    expect((await sweep()).escalated).toBeGreaterThanOrEqual(1);

    const { order } = await gm.data(
      `query($id: ID!) { order(id: $id) { approvalSteps { level area role status escalations } statusHistory { comment } } }`,
      {
        id,
      },
    );
    expect(order.approvalSteps[0]).toEqual({ level: 5, area: 'SALES', role: 'GENERAL_MANAGER', status: 'PENDING', escalations: 1 });
    expect(order.statusHistory.at(-1).comment).toMatch(/escalated to a GENERAL_MANAGER \(level 5\)/);
    // Not FINANCE's: not in their queue, not decidable by them, not in their notification feed.
    expect(await queued(finance, id)).toBe(false);
    expect((await finance.data(APPROVE, { id })).approveOrder.userErrors.map((e: { code: string }) => e.code)).toEqual([
      'WRONG_APPROVAL_AREA',
    ]);
    const feed = await finance.data('{ notifications(first: 100) { nodes { orderId type } } }');
    expect(feed.notifications.nodes.filter((n: { orderId: string }) => n.orderId === id)).toEqual([]);
    // Nor the director's any more; the GENERAL_MANAGER's.
    expect(await queued(director, id)).toBe(false);
    expect(await queued(gm, id)).toBe(true);
    const approved = (await gm.data(APPROVE, { id })).approveOrder;
    expect(approved.userErrors).toEqual([]);
  });
});

const SET_LIMIT = `mutation($input: SpendingLimitInput!) {
  setSpendingLimit(input: $input) { spendingLimit { userId perOrderLimit monthlyLimit } userErrors { code message } } }`;
const REJECT =
  'mutation($id: ID!) { rejectOrder(orderId: $id, reason: "Over your budget this month") { order { status } userErrors { code } } }';
const codesOf = (payload: { userErrors: { code: string }[] }) => payload.userErrors.map((e) => e.code);
const idOf = async (client: GraphQLClient) => (await client.data('{ me { id } }')).me.id as string;

/** A small order (under every distributor rule) by the ORDER_ENTRY user, above a per-order limit of 100.00. */
async function placeOverLimit(): Promise<{ id: string; total: number; sku: string }> {
  const line = await lineWorth(entry, 20_000, 90_000);
  return { id: await place(entry, line), total: line.total, sku: line.sku };
}

describe("the dealer's own approval (spending limits)", () => {
  it("is set by the dealer's DEALER_ADMIN for their ORDER_ENTRY users only; a burst leaves one row", async () => {
    const userId = await idOf(entry);
    const set = (client: GraphQLClient, input: Record<string, unknown>) =>
      client.data(SET_LIMIT, { input: { userId, ...input } }).then((d) => d.setSpendingLimit);
    expect(codesOf(await set(bronze, { perOrderLimit: '100.00' }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await set(entry, { perOrderLimit: '100.00' }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await set(director, { perOrderLimit: '100.00' }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await set(platinum, { perOrderLimit: '-1.00' }))).toEqual(['INVALID_AMOUNT']);
    expect(codesOf(await set(platinum, { perOrderLimit: '500.00', monthlyLimit: '100.00' }))).toEqual(['INVALID_AMOUNT']);
    const viewerId = await idOf(viewer);
    expect(codesOf((await platinum.data(SET_LIMIT, { input: { userId: viewerId, perOrderLimit: '1.00' } })).setSpendingLimit)).toEqual([
      'INVALID_TARGET',
    ]);
    expect((await db.query('select count(*)::int as n from orders.spending_limit')).rows[0].n).toBe(0);

    // Twelve settings at once, from the dealer's admin and the portal's ADMIN: each succeeds, one row stays, the last one's.
    const values = Array.from({ length: 12 }, (_, i) => `${100 + i}.00`);
    const results = await Promise.all(values.map((v, i) => set(i % 3 === 0 ? admin : platinum, { perOrderLimit: v })));
    expect(results.map((r) => r.userErrors)).toEqual(values.map(() => []));
    const { rows } = await db.query('select per_order_limit::bigint as p, monthly_limit from orders.spending_limit where user_id = $1', [
      userId,
    ]);
    expect(rows).toHaveLength(1);
    expect(values).toContain((Number(rows[0].p) / 100).toFixed(2));
    expect(rows[0].monthly_limit).toBeNull();
    const listed = (await platinum.data('{ spendingLimits { userId perOrderLimit monthlyLimit } }')).spendingLimits;
    expect(listed).toEqual([{ userId, perOrderLimit: (Number(rows[0].p) / 100).toFixed(2), monthlyLimit: null }]);
    expect((await bronze.data('{ spendingLimits { userId } }')).spendingLimits).toEqual([]);

    expect((await set(platinum, { perOrderLimit: '100.00' })).spendingLimit).toEqual({
      userId,
      perOrderLimit: '100.00',
      monthlyLimit: null,
    });
  });

  it("sends an order above the limit to the dealer's admin first, live, and out of the distributor's queues; a burst of approvals decides it once", async () => {
    const live = hub.size;
    const socket = createClient({
      url: stack.gatewayUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${platinum.accessToken}` },
      retryAttempts: 0,
    });
    sockets.push(socket);
    const heard: { orderId: string; type: string }[] = [];
    socket.subscribe<{ approvalQueueChanged: { orderId: string; type: string } }>(
      { query: 'subscription { approvalQueueChanged { orderId type } }' },
      { next: (r) => r.data && heard.push(r.data.approvalQueueChanged), error: () => {}, complete: () => {} },
    );
    await subscribed(hub, live + 1);

    const { id, total } = await placeOverLimit();
    const { order } = await platinum.data(
      'query($id: ID!) { order(id: $id) { status approvalSteps { level area role rule status reason } } }',
      { id },
    );
    expect(order.approvalSteps).toHaveLength(1);
    expect(order.approvalSteps[0]).toMatchObject({
      level: 0,
      area: 'DEALER',
      role: 'DEALER_ADMIN',
      rule: 'SPENDING_LIMIT',
      status: 'PENDING',
    });
    expect(order.approvalSteps[0].reason).toMatch(/above the user's per-order limit of 100\.00/);
    await until("the order in the dealer admin's live queue", () => heard.some((e) => e.orderId === id));
    expect(await queued(platinum, id)).toBe(true);
    expect(await queued(bronze, id)).toBe(false);
    for (const staff of [director, gm]) {
      expect(await queued(staff, id)).toBe(false);
      expect(codesOf((await staff.data(APPROVE, { id })).approveOrder)).toEqual(['FORBIDDEN']);
    }
    expect(codesOf((await entry.data(APPROVE, { id })).approveOrder)).toEqual(['FORBIDDEN']);
    expect(codesOf((await bronze.data(APPROVE, { id })).approveOrder)).toEqual(['NOT_FOUND']);

    const answers = (await Promise.all(Array.from({ length: 8 }, () => platinum.data(APPROVE, { id })))).map((d) => d.approveOrder);
    const won = answers.filter((a) => a.userErrors.length === 0);
    expect(won).toHaveLength(1);
    expect(won[0].order.status).toBe('APPROVED');
    for (const lost of answers.filter((a) => a.userErrors.length > 0))
      expect(['INVALID_TRANSITION', 'ORDER_BUSY', 'FORBIDDEN']).toContain(lost.userErrors[0].code);
    const holds = await db.query('select status, amount::bigint as amount from credit.credit_hold where order_id = $1', [id]);
    expect(holds.rows).toEqual([{ status: 'ACTIVE', amount: String(total) }]);
    const history = await db.query(
      `select count(*)::int as n from orders.order_status_change where order_id = $1 and status = 'APPROVED'`,
      [id],
    );
    expect(history.rows[0].n).toBe(1);
    const decided = await db.query(`select count(*)::int as n from orders.order_event where order_id = $1 and type = 'APPROVAL_STEP'`, [
      id,
    ]);
    expect(decided.rows[0].n).toBe(1);
  });

  it('rejected by the admin (in a burst): rejected once, no credit hold left, stock released', async () => {
    const { id, sku } = await placeOverLimit();
    const stockBefore = (await db.query('select status from products.order_reservation where order_id = $1', [id])).rows;
    expect(stockBefore).toEqual([{ status: 'RESERVED' }]);
    const answers = (await Promise.all(Array.from({ length: 6 }, () => platinum.data(REJECT, { id })))).map((d) => d.rejectOrder);
    expect(answers.filter((a) => a.userErrors.length === 0).map((a) => a.order.status)).toEqual(['REJECTED']);
    await until('the reservation released', async () => {
      const { rows } = await db.query('select status from products.order_reservation where order_id = $1', [id]);
      return rows[0]?.status === 'RELEASED';
    });
    const holds = await db.query(`select status from credit.credit_hold where order_id = $1 and status <> 'RELEASED'`, [id]);
    expect(holds.rows).toEqual([]);
    const { order } = await entry.data('query($id: ID!) { order(id: $id) { status approvalSteps { area status } } }', { id });
    expect(order).toEqual({ status: 'REJECTED', approvalSteps: [{ area: 'DEALER', status: 'REJECTED' }] });
    expect(sku).toBeTruthy();
  });

  it('a monthly limit holds under parallel orders: what passes without the admin never adds up past it', async () => {
    const userId = await idOf(entry);
    const line = await lineWorth(entry, 20_000, 60_000);
    const { rows } = await db.query(
      `select coalesce(sum(total), 0)::bigint as spent from orders."order"
        where placed_by_user_id = $1 and placed_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC'
          and status not in ('REJECTED', 'CANCELLED')`,
      [userId],
    );
    const monthly = Number(rows[0].spent) + Math.floor(line.total * 2.5);
    const set = await platinum.data(SET_LIMIT, { input: { userId, monthlyLimit: (monthly / 100).toFixed(2) } });
    expect(set.setSpendingLimit.userErrors).toEqual([]);
    const placeAny = async () => {
      const { placeOrder } = await entry.data(
        'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } userErrors { code } } }',
        { input: { idempotencyKey: randomUUID(), lines: [{ sku: line.sku, quantity: line.quantity }] } },
      );
      expect(placeOrder.userErrors).toEqual([]);
      return placeOrder.order.id as string;
    };
    const ids = await Promise.all(Array.from({ length: 5 }, placeAny));
    const firstArea = await db.query(
      `select o.id, o.total::bigint as total, (select s.area from orders.order_approval_step s where s.order_id = o.id and s.position = 1) as area
         from orders."order" o where o.id = any($1::uuid[])`,
      [ids],
    );
    const passed = firstArea.rows.filter((r) => r.area !== 'DEALER');
    expect(passed.length).toBeGreaterThanOrEqual(1);
    expect(passed.length).toBeLessThanOrEqual(2);
    expect(Number(rows[0].spent) + passed.reduce((n, r) => n + Number(r.total), 0)).toBeLessThanOrEqual(monthly);
    expect(firstArea.rows.filter((r) => r.area === 'DEALER').length).toBe(5 - passed.length);
  });
});
