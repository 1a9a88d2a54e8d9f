import { randomUUID } from 'node:crypto';

import { clearInternalFaults, injectInternalFault } from '@dealergraph/runtime';
import { checkOrderInvariants, type GraphQLClient, startTestStack, type TestStack, until } from '@dealergraph/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// The placeOrder workflow's durability, step by step (docs/PLACEMENT.md): the orders process "dies"
// after each step forward and after each undo backward (a SimulatedCrash at a named point, which
// leaves the order exactly as a killed process would), and the recovery sweep of the same running
// service ends the workflow from what the database says: forward to a placed order, or backward to
// nothing held. Real gateway, real subgraphs, real PostgreSQL; the database is checked after each
// test with checkOrderInvariants.

let stack: TestStack;
let db: pg.Client;
let platinum: GraphQLClient;
let sku: string;
let since: Date;

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
  order { id status total { amount } } userErrors { code message } } }`;
const ADD = `mutation($lines: [CartLineInput!]!) { addToCart(lines: $lines) { userErrors { code } } }`;
const CLEAR = 'mutation { clearCart { userErrors { code } } }';

interface Row {
  id: string;
  workflow: string;
  workflow_step: string;
  compensating: boolean;
  status: string;
  total: string;
}

/** The order placed with this PO number, as the workflow left it; null when there is none. */
async function orderRow(poNumber: string): Promise<Row | null> {
  const { rows } = await db.query(
    `select id, workflow, workflow_step, compensating, status, total::text as total from orders."order" where po_number = $1`,
    [poNumber],
  );
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0] ?? null;
}

/** What credit and products hold for the order: the hold's and the reservation's status (null: none). */
async function holdings(orderId: string): Promise<{ hold: string | null; holdAmount: string | null; reservation: string | null }> {
  const hold = await db.query('select status, amount::text as amount from credit.credit_hold where order_id = $1', [orderId]);
  const reservation = await db.query('select status from products.order_reservation where order_id = $1', [orderId]);
  return { hold: hold.rows[0]?.status ?? null, holdAmount: hold.rows[0]?.amount ?? null, reservation: reservation.rows[0]?.status ?? null };
}

/** As if the runner died long ago: its lease ends now, so the running sweep takes the workflow over. */
async function endLease(orderId: string): Promise<void> {
  const { rowCount } = await db.query(
    `update orders."order" set lease_until = now() - interval '1 second' where id = $1 and workflow = 'RUNNING'`,
    [orderId],
  );
  expect(rowCount).toBe(1);
}

async function invariantsHold() {
  expect(await checkOrderInvariants(stack.database.url, { since, settled: true })).toEqual([]);
}

async function place(input: Record<string, unknown>) {
  return platinum.request<{
    placeOrder: { order: { id: string; status: string; total: { amount: string } } | null; userErrors: unknown[] };
  }>(PLACE, { input });
}

/** A placement the orders process did not answer: the gateway says the service failed, with no internals. */
function expectUnavailable(result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) {
  expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  expect(JSON.stringify(result.errors)).not.toMatch(/stack|\.ts:\d/);
}

async function cartLines(): Promise<[string, number][]> {
  const { cart } = await platinum.data('{ cart { lines { sku quantity } } }');
  return cart.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity]);
}

beforeAll(async () => {
  // A quick sweep: a workflow whose lease the test ends is taken over within a fraction of a second.
  stack = await startTestStack({ orders: { workflow: { sweepIntervalMs: 150 } } });
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  platinum = await stack.loginAs('platinum@demo.dealer');
  since = new Date(Date.now() - 1000);
  const { products } = await platinum.data(
    '{ products(first: 100, filter: { inStockOnly: true }) { nodes { sku stock { available } price { unitPrice { amount } } } } }',
  );
  sku = products.nodes.find((p: any) => p.price && p.stock.available >= 100 && Number(p.price.unitPrice.amount) < 100).sku;
});

afterEach(() => clearInternalFaults());

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('a crash after each step forward is resumed forward by the sweep', () => {
  // After the step: the marker stored, and what credit and products hold for the order then.
  const cases = [
    { step: 'CLAIMED', reservation: null, hold: null },
    { step: 'PRICED', reservation: null, hold: null },
    { step: 'RESERVED', reservation: 'RESERVED', hold: null },
    { step: 'HELD', reservation: 'RESERVED', hold: 'ACTIVE' },
  ] as const;

  for (const c of cases) {
    it(`after ${c.step}: left ${c.step} with ${c.reservation ?? 'no'} reservation and ${c.hold ?? 'no'} hold; the sweep places it once`, async () => {
      const input = {
        idempotencyKey: randomUUID(),
        lines: [{ sku, quantity: 2 }],
        poNumber: `PO-FWD-${c.step}-${randomUUID().slice(0, 8)}`,
      };
      injectInternalFault(`orders.after${c.step}`, 'after');
      expectUnavailable(await place(input));

      const left = (await orderRow(input.poNumber))!;
      expect(left).toMatchObject({ workflow: 'RUNNING', workflow_step: c.step, compensating: false });
      expect(await holdings(left.id)).toMatchObject({ reservation: c.reservation, hold: c.hold });

      await endLease(left.id);
      const done = await until('the sweep to place the order', async () => {
        const row = await orderRow(input.poNumber);
        return row?.workflow === 'DONE' && row;
      });
      expect(done).toMatchObject({ id: left.id, status: 'APPROVED' });
      expect(await holdings(left.id)).toEqual({ reservation: 'RESERVED', hold: 'ACTIVE', holdAmount: done.total });
      // The client's retry with the same key gets that order, and nothing is placed twice.
      const retried = await place(input);
      expect(retried.data?.placeOrder.order).toMatchObject({ id: left.id, status: 'APPROVED' });
      await invariantsHold();
    });
  }
});

describe('a crash after each undo backward is resumed backward by the sweep', () => {
  // The hold is placed but its answer lost: the compensation has every step to undo. After each
  // undo the marker moves back one step; the crash leaves it there.
  const cases = [
    { undone: 'HELD', marker: 'RESERVED', reservation: 'RESERVED', hold: 'RELEASED' },
    { undone: 'RESERVED', marker: 'PRICED', reservation: 'RELEASED', hold: 'RELEASED' },
    { undone: 'PRICED', marker: 'CLAIMED', reservation: 'RELEASED', hold: 'RELEASED' },
  ] as const;

  for (const c of cases) {
    it(`after undoing ${c.undone}: left compensating at ${c.marker}; the sweep finishes the undo, the cart gets its lines back once`, async () => {
      await platinum.data(CLEAR);
      expect((await platinum.data(ADD, { lines: [{ sku, quantity: 3 }] })).addToCart.userErrors).toEqual([]);
      const input = { idempotencyKey: randomUUID(), poNumber: `PO-BACK-${c.undone}-${randomUUID().slice(0, 8)}` };
      injectInternalFault('credit.placeHold', 'after');
      injectInternalFault(`orders.undone${c.undone}`, 'after');
      expectUnavailable(await place(input));

      const left = (await orderRow(input.poNumber))!;
      expect(left).toMatchObject({ workflow: 'RUNNING', workflow_step: c.marker, compensating: true });
      expect(await holdings(left.id)).toMatchObject({ reservation: c.reservation, hold: c.hold });
      expect(await cartLines()).toEqual([]);

      await endLease(left.id);
      await until('the sweep to finish the compensation', async () => (await orderRow(input.poNumber)) === null);
      expect(await holdings(left.id)).toMatchObject({ reservation: 'RELEASED', hold: 'RELEASED' });
      expect(await cartLines()).toEqual([[sku, 3]]);
      await invariantsHold();

      // The key is free again: the same submission places the order from the restored cart.
      const retried = await place(input);
      expect(retried.errors).toBeUndefined();
      expect(retried.data!.placeOrder.order!.status).toBe('APPROVED');
      expect(await cartLines()).toEqual([]);
      await invariantsHold();
    });
  }
});

describe("the sweep's compensation", () => {
  it('a workflow the sweep resumes forward but cannot finish is compensated by the sweep: nothing held, no order', async () => {
    const input = { idempotencyKey: randomUUID(), lines: [{ sku, quantity: 2 }], poNumber: `PO-SWEEP-UNDO-${randomUUID().slice(0, 8)}` };
    injectInternalFault('orders.afterRESERVED', 'after');
    expectUnavailable(await place(input));
    const left = (await orderRow(input.poNumber))!;
    expect(await holdings(left.id)).toMatchObject({ reservation: 'RESERVED', hold: null });

    // Credit fails for the sweep's drive: the hold cannot be had, so the sweep undoes the workflow.
    injectInternalFault('credit.placeHold', 'before');
    await endLease(left.id);
    await until('the sweep to compensate the workflow', async () => (await orderRow(input.poNumber)) === null);
    expect(await holdings(left.id)).toMatchObject({ reservation: 'RELEASED' });
    expect((await holdings(left.id)).hold).not.toBe('ACTIVE');
    await invariantsHold();
  });

  it('a compensation that fails itself is left marked, and the sweep retries it to the end: nothing dangles', async () => {
    const input = { idempotencyKey: randomUUID(), lines: [{ sku, quantity: 2 }], poNumber: `PO-UNDO-FAILS-${randomUUID().slice(0, 8)}` };
    // The hold is placed but its answer lost; then releasing it fails too.
    injectInternalFault('credit.placeHold', 'after');
    injectInternalFault('credit.releaseHold', 'before');
    expectUnavailable(await place(input));

    const left = (await orderRow(input.poNumber))!;
    // Nothing was undone: the marker still says the hold is next, and credit and products still hold it.
    expect(left).toMatchObject({ workflow: 'RUNNING', workflow_step: 'HELD', compensating: true });
    expect(await holdings(left.id)).toMatchObject({ reservation: 'RESERVED', hold: 'ACTIVE' });
    expect(await checkOrderInvariants(stack.database.url, { since, settled: true })).toEqual([
      expect.stringContaining('its placement is still RUNNING'),
    ]);

    await endLease(left.id);
    await until('the sweep to retry the compensation', async () => (await orderRow(input.poNumber)) === null);
    expect(await holdings(left.id)).toMatchObject({ reservation: 'RELEASED', hold: 'RELEASED' });
    await invariantsHold();
  });
});
