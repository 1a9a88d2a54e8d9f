import { randomUUID } from 'node:crypto';

import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sweepApprovalDeadlines } from '../src/approvals/approval-escalation.service.js';
import { DEFAULT_WORKFLOW_SETTINGS } from '../src/config.js';

/**
 * Approval levels as areas (approvals/domain/approval-areas.ts), through the gateway on the real
 * database: FINANCE cannot decide a SALES_DIRECTOR's step of a large order, a SOFT_WARNING credit
 * step is FINANCE's (and not a director's), and a director's step that times out escalates to the
 * GENERAL_MANAGER, never to FINANCE.
 */
let stack: TestStack;
let db: pg.Client;
let platinum: GraphQLClient;
let gold: GraphQLClient;
let director: GraphQLClient;
let finance: GraphQLClient;
let gm: GraphQLClient;
let startedAt: Date;

const cents = (amount: string) => Math.round(Number(amount) * 100);
const STEPS = 'query($id: ID!) { order(id: $id) { status approvalSteps { level area role status } } }';
const APPROVE = 'mutation($id: ID!) { approveOrder(orderId: $id) { order { status } userErrors { code message } } }';
const QUEUE = '{ approvalQueue(first: 100, sort: NEWEST_FIRST) { nodes { id } } }';

beforeAll(async () => {
  stack = await startTestStack({ orders: { workflow: { approvalTimers: 'SWEEP' } } });
  startedAt = new Date();
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  [platinum, gold, director, finance, gm] = await Promise.all(
    ['platinum@demo.dealer', 'gold@demo.dealer', 'director@demo.staff', 'finance@demo.staff', 'gm@demo.staff'].map((e) => stack.loginAs(e)),
  );
}, 120_000);

afterAll(async () => {
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
