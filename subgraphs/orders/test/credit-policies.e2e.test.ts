import { randomUUID } from 'node:crypto';

import { clearInternalFaults, injectInternalFault } from '@dealergraph/runtime';
import { checkOrderInvariants, type GraphQLClient, startTestStack, type TestStack, until } from '@dealergraph/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// The credit exceedance policies end to end with the three policy demo dealers (gold: SOFT_WARNING,
// silver: PARTIAL_ORDER, prepay: PAYMENT_REQUIRED): the cart preview, placeOrder, the approval, the
// payment and its deadline, through the real gateway, subgraphs and PostgreSQL. Every amount is
// chosen from what the graph shows before writing, so the tests do not depend on each other's order.
// Staff orders on behalf of a dealer, with their channel, use the same dealers.

let stack: TestStack;
let db: pg.Client;
let since: Date;
let gold: GraphQLClient;
let silver: GraphQLClient;
let prepay: GraphQLClient;
let finance: GraphQLClient;

const ORDER = `id number status total { amount } warning paymentDue { amount } paymentDueBy
  lines { sku quantity } deferredLines { sku quantity lineTotal { amount } } approvalSteps { level role status }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { ${ORDER} } warning userErrors { code message } } }`;
const ADD = `mutation($lines: [CartLineInput!]!) { addToCart(lines: $lines) { userErrors { code message } } }`;
const CLEAR = 'mutation { clearCart { userErrors { code } } }';
const PREVIEW = `{ cart { lines { sku quantity } total { amount } creditPreview {
  outcome code reason warning approvalLevel amountToPay { amount } partialSkus partialAmount { amount } } } }`;
const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { payment { id } userErrors { code message field } } }`;

interface Order {
  id: string;
  number: string;
  status: string;
  total: { amount: string };
  warning: string | null;
  paymentDue: { amount: string } | null;
  paymentDueBy: string | null;
  lines: { sku: string; quantity: number }[];
  deferredLines: { sku: string; quantity: number; lineTotal: { amount: string } }[];
  approvalSteps: { level: number; role: string; status: string }[];
}
interface Placed {
  order: Order | null;
  warning: string | null;
  userErrors: { code: string; message: string }[];
}
interface Line {
  sku: string;
  quantity: number;
  total: number;
}

const cents = (amount: string) => Math.round(Number(amount) * 100);
const decimal = (minor: number) => (minor / 100).toFixed(2);

async function dealerIdOf(client: GraphQLClient): Promise<string> {
  return (await client.data('{ me { dealer { id } } }')).me.dealer.id;
}

async function creditOf(client: GraphQLClient) {
  const { me } = await client.data(
    '{ me { dealer { credit { limit { amount } available { amount } pendingOrders { amount } overdue { amount } status exceedancePolicy } } } }',
  );
  const c = me.dealer.credit;
  return {
    limit: cents(c.limit.amount),
    available: cents(c.available.amount),
    pendingOrders: cents(c.pendingOrders.amount),
    overdue: cents(c.overdue.amount),
    status: c.status as string,
    policy: c.exceedancePolicy as string,
  };
}

async function place(client: GraphQLClient, input: Record<string, unknown>) {
  return client.request<{ placeOrder: Placed }>(PLACE, { input: { idempotencyKey: randomUUID(), ...input } });
}

async function placed(client: GraphQLClient, input: Record<string, unknown>): Promise<Placed> {
  const result = await place(client, input);
  expect(result.errors).toBeUndefined();
  return result.data!.placeOrder;
}

async function orderOf(
  client: GraphQLClient,
  id: string,
): Promise<Order & { statusHistory: { status: string; comment: string | null }[] }> {
  return (await client.data(`query($id: ID!) { order(id: $id) { ${ORDER} statusHistory { status comment } } }`, { id })).order;
}

async function stockOf(client: GraphQLClient, sku: string): Promise<number> {
  return (await client.data('query($sku: String!) { product(sku: $sku) { stock { available } } }', { sku })).product.stock.available;
}

async function fillCart(client: GraphQLClient, lines: Line[]) {
  expect((await client.data(CLEAR)).clearCart.userErrors).toEqual([]);
  // One call per line: the cart keeps them oldest first, the order the placement (and PARTIAL_ORDER) takes them in.
  for (const l of lines)
    expect((await client.data(ADD, { lines: [{ sku: l.sku, quantity: l.quantity }] })).addToCart.userErrors).toEqual([]);
}

async function cartLines(client: GraphQLClient): Promise<[string, number][]> {
  const { cart } = await client.data('{ cart { lines { sku quantity } } }');
  return cart.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity]);
}

async function holdOf(orderId: string) {
  const { rows } = await db.query(
    'select status, amount::bigint as amount, amount_to_pay::bigint as due from credit.credit_hold where order_id = $1',
    [orderId],
  );
  const reservation = await db.query('select status from products.order_reservation where order_id = $1', [orderId]);
  return {
    hold: rows[0]?.status ?? null,
    amount: rows[0] ? Number(rows[0].amount) : null,
    due: rows[0] ? Number(rows[0].due) : null,
    reservation: reservation.rows[0]?.status ?? null,
  };
}

async function invariantsHold() {
  expect(await checkOrderInvariants(stack.database.url, { since, settled: true })).toEqual([]);
}

/** In-stock products the dealer can buy with their unit price at quantity 1, dearest first. */
async function catalog(client: GraphQLClient) {
  const { products } = await client.data(
    '{ products(first: 100, filter: { inStockOnly: true }) { nodes { sku stock { available } price { unitPrice { amount } } } } }',
  );
  return (products.nodes as { sku: string; stock: { available: number }; price: { unitPrice: { amount: string } } | null }[])
    .filter((p) => p.price)
    .map((p) => ({ sku: p.sku, available: p.stock.available, price: cents(p.price!.unitPrice.amount) }))
    .sort((a, b) => b.price - a.price);
}

/** A line of one product (not in `exclude`) whose total is within [min, max] cents, priced as the dealer is (volume breaks included). */
async function lineWorth(client: GraphQLClient, min: number, max: number, exclude: string[] = [], copies = 1): Promise<Line> {
  for (const p of (await catalog(client)).filter((x) => !exclude.includes(x.sku))) {
    let quantity = Math.max(1, Math.floor(min / p.price));
    for (; quantity * copies <= p.available && quantity <= Math.ceil(max / p.price) + 20; quantity += 1) {
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

beforeAll(async () => {
  // A quick sweep: the payment sweep and the recovery sweep run every 150 ms.
  stack = await startTestStack({ orders: { workflow: { sweepIntervalMs: 150 } } });
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  since = new Date(Date.now() - 1000);
  [gold, silver, prepay, finance] = await Promise.all(
    ['gold@demo.dealer', 'silver@demo.dealer', 'prepay@demo.dealer', 'finance@demo.staff'].map((e) => stack.loginAs(e)),
  );
}, 120_000);

afterEach(() => clearInternalFaults());

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('the policy demo dealers', () => {
  it('are seeded as the contract says: their policy, 5,000-20,000 available, nothing overdue, 1,000+ products', async () => {
    const expected = [
      [gold, 'Demo Gold Dealer', 'GOLD', 'SOFT_WARNING'],
      [silver, 'Demo Silver Dealer', 'SILVER', 'PARTIAL_ORDER'],
      [prepay, 'Demo Prepay Dealer', 'BRONZE', 'PAYMENT_REQUIRED'],
    ] as const;
    for (const [client, name, tier, policy] of expected) {
      const { me } = await client.data('{ me { role dealer { name tier } } }');
      expect(me).toEqual({ role: 'DEALER_ADMIN', dealer: { name, tier } });
      const { products } = await client.data('{ products(first: 1) { totalCount } }');
      expect(products.totalCount).toBeGreaterThanOrEqual(1_000);
      const { rows } = await db.query(
        `select a.credit_limit::bigint as limit, (select count(*) from credit.invoice i where i.dealer_id = a.dealer_id)::int as invoices
           from credit.credit_account a where a.dealer_id = $1`,
        [await dealerIdOf(client)],
      );
      expect(rows[0].invoices).toBe(0);
      const seeded = Number(rows[0].limit);
      expect(seeded).toBeGreaterThanOrEqual(500_000);
      expect(seeded).toBeLessThanOrEqual(2_000_000);
      const credit = await creditOf(client);
      expect(credit).toMatchObject({ policy, overdue: 0, status: 'OK', limit: seeded });
    }
  });
});

describe('SOFT_WARNING (Demo Gold Dealer)', () => {
  it('places an order within the limit; beyond it the preview and the order warn, and it waits for FINANCE, who approves it', async () => {
    const before = await creditOf(gold);
    // A first order that fits (and stays under the 10,000.00 manager rule): approved, credit held.
    const first = await lineWorth(gold, Math.round(before.available * 0.5), Math.min(Math.round(before.available * 0.65), 990_000));
    const fits = await placed(gold, { lines: [{ sku: first.sku, quantity: first.quantity }] });
    expect(fits.userErrors).toEqual([]);
    expect(fits.order).toMatchObject({ status: 'APPROVED', warning: null, approvalSteps: [] });
    const afterFirst = await creditOf(gold);
    expect(afterFirst.available).toBe(before.available - first.total);

    // A second one beyond what is left: the cart preview says it waits for approval, with the warning.
    const second = await lineWorth(gold, afterFirst.available + 1_000, 990_000, [first.sku]);
    await fillCart(gold, [second]);
    const { cart } = await gold.data(PREVIEW);
    expect(cart.creditPreview).toMatchObject({ outcome: 'APPROVAL', code: 'CREDIT_LIMIT_EXCEEDED', approvalLevel: 4 });
    expect(cart.creditPreview.warning).toMatch(/exceeds your available credit .* waits for approval/);

    const over = await placed(gold, {});
    expect(over.userErrors).toEqual([]);
    expect(over.order).toMatchObject({ status: 'PENDING_APPROVAL', approvalSteps: [{ level: 4, role: 'FINANCE', status: 'PENDING' }] });
    expect(over.warning).toBe(cart.creditPreview.warning);
    expect(over.order!.warning).toBe(over.warning);
    // Not placed silently: nothing is held until finance decides.
    expect((await creditOf(gold)).pendingOrders).toBe(afterFirst.pendingOrders);
    expect(await holdOf(over.order!.id)).toMatchObject({ hold: null, reservation: 'RESERVED' });

    const approved = await finance.data(
      'mutation($id: ID!) { approveOrder(orderId: $id, comment: "ok") { order { status } userErrors { code } } }',
      {
        id: over.order!.id,
      },
    );
    expect(approved.approveOrder).toEqual({ order: { status: 'APPROVED' }, userErrors: [] });
    const after = await creditOf(gold);
    expect(after.pendingOrders).toBe(afterFirst.pendingOrders + second.total);
    expect(after.available).toBe(afterFirst.available - second.total);
    expect(after.available).toBeLessThan(0);
    await invariantsHold();
  });
});

describe('PARTIAL_ORDER (Demo Silver Dealer)', () => {
  it("places the whole lines that fit in the cart's order, leaves the rest in the cart and names both parts", async () => {
    const { available, pendingOrders } = await creditOf(silver);
    // a and b together do not fit (a + b > available), a and c do.
    const a = await lineWorth(silver, Math.round(available * 0.55), Math.round(available * 0.6));
    const b = await lineWorth(silver, Math.round(available * 0.46), Math.round(available * 0.5), [a.sku]);
    const c = await lineWorth(silver, Math.round(available * 0.1), Math.round(available * 0.2), [a.sku, b.sku]);
    await fillCart(silver, [a, b, c]);

    const { cart } = await silver.data(PREVIEW);
    expect(cart.creditPreview).toMatchObject({
      outcome: 'PARTIAL',
      code: 'CREDIT_LIMIT_EXCEEDED',
      partialSkus: [a.sku, c.sku],
      partialAmount: { amount: decimal(a.total + c.total) },
    });

    const result = await placed(silver, {});
    expect(result.userErrors).toEqual([]);
    expect(result.order).toMatchObject({
      status: 'APPROVED',
      total: { amount: decimal(a.total + c.total) },
      lines: [
        { sku: a.sku, quantity: a.quantity },
        { sku: c.sku, quantity: c.quantity },
      ],
      deferredLines: [{ sku: b.sku, quantity: b.quantity, lineTotal: { amount: decimal(b.total) } }],
    });
    expect(result.warning).toMatch(/2 lines \(.*\) fit and are placed; the other 1 stay for a later order/);
    // The line that did not fit is still in the cart, and only it.
    expect(await cartLines(silver)).toEqual([[b.sku, b.quantity]]);
    const after = await creditOf(silver);
    expect(after.pendingOrders).toBe(pendingOrders + a.total + c.total);
    expect(after.available).toBeGreaterThanOrEqual(0);
    await invariantsHold();
    await silver.data(CLEAR);
  });

  it('a failure after the split gives every line back to the cart and holds nothing', async () => {
    const { available, pendingOrders } = await creditOf(silver);
    // a and b together do not fit (a + b > available), a and c do.
    const a = await lineWorth(silver, Math.round(available * 0.55), Math.round(available * 0.6));
    const b = await lineWorth(silver, Math.round(available * 0.46), Math.round(available * 0.5), [a.sku]);
    await fillCart(silver, [a, b]);
    expect((await silver.data(PREVIEW)).cart.creditPreview).toMatchObject({ outcome: 'PARTIAL', partialSkus: [a.sku] });
    const stockA = await stockOf(silver, a.sku);

    // The reservation is made but its answer is lost: the compensation releases it and undoes the claim.
    injectInternalFault('products.reserveStock', 'after');
    const failed = await place(silver, {});
    expect(failed.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect((await cartLines(silver)).sort()).toEqual(
      [
        [a.sku, a.quantity],
        [b.sku, b.quantity],
      ].sort(),
    );
    expect(await stockOf(silver, a.sku)).toBe(stockA);
    expect((await creditOf(silver)).pendingOrders).toBe(pendingOrders);
    await invariantsHold();
    await silver.data(CLEAR);
  });

  it('never takes the dealer over its limit under a burst of concurrent orders, and leaves no hold or reservation behind', async () => {
    const dealerId = await dealerIdOf(silver);
    const { available, limit } = await creditOf(silver);
    const BURST = 8;
    const big = await lineWorth(silver, Math.round(available * 0.28), Math.round(available * 0.33), [], BURST);
    const small = await lineWorth(silver, Math.round(available * 0.1), Math.round(available * 0.14), [big.sku], BURST);
    const results = await Promise.all(
      Array.from({ length: BURST }, () =>
        place(silver, {
          lines: [
            { sku: big.sku, quantity: big.quantity },
            { sku: small.sku, quantity: small.quantity },
          ],
        }),
      ),
    );
    let placedTotal = 0;
    const outcomes = { whole: 0, partial: 0, refused: 0 };
    for (const r of results) {
      expect(r.errors).toBeUndefined();
      const { order, userErrors } = r.data!.placeOrder;
      if (!order) {
        expect(userErrors.map((e) => e.code)).toEqual(['CREDIT_LIMIT_EXCEEDED']);
        outcomes.refused += 1;
        continue;
      }
      expect(order.status).toBe('APPROVED');
      placedTotal += cents(order.total.amount);
      if (order.deferredLines.length) outcomes.partial += 1;
      else outcomes.whole += 1;
      // Whole lines only: a placed line is one of the requested ones, at its requested quantity.
      for (const line of order.lines) expect([big, small].map((l) => `${l.sku}:${l.quantity}`)).toContain(`${line.sku}:${line.quantity}`);
    }
    expect(outcomes.whole).toBeGreaterThanOrEqual(1);
    expect(outcomes.whole).toBeLessThan(BURST);
    expect(placedTotal).toBeLessThanOrEqual(available);
    // In the database: the dealer's exposure never passes its limit, and nothing dangles.
    const { rows } = await db.query(
      `select coalesce(sum(amount), 0)::bigint as held from credit.credit_hold where dealer_id = $1 and status = 'ACTIVE'`,
      [dealerId],
    );
    const open = await db.query(`select coalesce(sum(amount - paid_amount), 0)::bigint as open from credit.invoice where dealer_id = $1`, [
      dealerId,
    ]);
    expect(Number(rows[0].held) + Number(open.rows[0].open)).toBeLessThanOrEqual(limit);
    expect((await creditOf(silver)).available).toBe(available - placedTotal);
    await invariantsHold();
  });
});

describe('PAYMENT_REQUIRED (Demo Prepay Dealer)', () => {
  it('places the order AWAITING_PAYMENT with stock reserved and credit held; a payment with its id lets it go on', async () => {
    const dealerId = await dealerIdOf(prepay);
    const before = await creditOf(prepay);
    const line = await lineWorth(prepay, before.available + 20_000, Math.min(before.available + 150_000, 990_000));
    await fillCart(prepay, [line]);
    const { cart } = await prepay.data(PREVIEW);
    const due = line.total - Math.max(0, before.available);
    expect(cart.creditPreview).toMatchObject({ outcome: 'PAYMENT_REQUIRED', amountToPay: { amount: decimal(due) } });

    const stock = await stockOf(prepay, line.sku);
    const result = await placed(prepay, {});
    expect(result.userErrors).toEqual([]);
    const order = result.order!;
    expect(order).toMatchObject({ status: 'AWAITING_PAYMENT', paymentDue: { amount: decimal(due) }, approvalSteps: [] });
    expect(result.warning).toMatch(new RegExp(`pay ${decimal(due)} USD up front`));
    expect(new Date(order.paymentDueBy!).getTime()).toBeGreaterThan(Date.now() + 71 * 3_600_000);
    expect(await stockOf(prepay, line.sku)).toBe(stock - line.quantity);
    expect(await holdOf(order.id)).toEqual({ hold: 'ACTIVE', amount: line.total, due, reservation: 'RESERVED' });
    await invariantsHold();

    // A payment naming an order that does not wait for one is refused; the order's own goes on account.
    const wrong = await finance.data(PAY, {
      input: {
        externalReference: `PAY-${randomUUID()}`,
        dealerId,
        amount: decimal(due),
        receivedAt: new Date().toISOString(),
        orderId: randomUUID(),
      },
    });
    expect(wrong.recordPayment.userErrors.map((e: { code: string }) => e.code)).toEqual(['UNKNOWN_ORDER']);
    const pay = async (amount: number) =>
      finance.data(PAY, {
        input: {
          externalReference: `PAY-${randomUUID()}`,
          dealerId,
          amount: decimal(amount),
          receivedAt: new Date().toISOString(),
          orderId: order.id,
        },
      });
    // A part of it: credit nudges orders, which finds something still due; the order keeps waiting.
    expect((await pay(due - 100)).recordPayment.userErrors).toEqual([]);
    expect((await orderOf(prepay, order.id)).status).toBe('AWAITING_PAYMENT');
    // The rest, with the nudge lost: the periodic sweep finds the payment and the order goes on.
    injectInternalFault('orders.prepaymentRecorded', 'before');
    expect((await pay(100)).recordPayment.userErrors).toEqual([]);

    const approved = await until('the paid order to go on', async () => {
      const o = await orderOf(prepay, order.id);
      return o.status === 'APPROVED' && o;
    });
    expect(approved.statusHistory.map((h) => h.status)).toEqual(['AWAITING_PAYMENT', 'APPROVED']);
    expect(approved.statusHistory[1].comment).toBe('Paid up front: approved automatically.');
    // Paid up front, the account is back within its limit exactly.
    expect((await creditOf(prepay)).available).toBe(before.available + due - line.total);
    await invariantsHold();
    await prepay.data(CLEAR);
  });

  it('cancels an order not paid in time and releases its stock and credit', async () => {
    const before = await creditOf(prepay);
    const line = await lineWorth(prepay, Math.max(0, before.available) + 5_000, Math.max(0, before.available) + 100_000);
    const stock = await stockOf(prepay, line.sku);
    const result = await placed(prepay, { lines: [{ sku: line.sku, quantity: line.quantity }] });
    const order = result.order!;
    expect(order.status).toBe('AWAITING_PAYMENT');
    expect(await holdOf(order.id)).toMatchObject({ hold: 'ACTIVE', reservation: 'RESERVED' });

    // Its deadline passes (as if 72 hours went by): the sweep cancels it.
    await db.query(`update orders."order" set payment_due_by = now() - interval '1 second' where id = $1`, [order.id]);
    const cancelled = await until('the unpaid order to be cancelled', async () => {
      const o = await orderOf(prepay, order.id);
      return o.status === 'CANCELLED' && o;
    });
    expect(cancelled.statusHistory.at(-1)).toEqual({
      status: 'CANCELLED',
      comment: 'Not paid in time: cancelled, its stock and credit released.',
    });
    await until('its stock and credit to be released', async () => {
      const left = await holdOf(order.id);
      return left.hold === 'RELEASED' && left.reservation === 'RELEASED';
    });
    expect(await holdOf(order.id)).toMatchObject({ hold: 'RELEASED', reservation: 'RELEASED' });
    expect(await stockOf(prepay, line.sku)).toBe(stock);
    expect(await creditOf(prepay)).toMatchObject({ available: before.available, pendingOrders: before.pendingOrders });
    await invariantsHold();
  });

  it('a crash after the prepay hold is resumed by the sweep to AWAITING_PAYMENT; paid, it goes on at once; the dealer may cancel it', async () => {
    const before = await creditOf(prepay);
    const line = await lineWorth(prepay, Math.max(0, before.available) + 5_000, Math.max(0, before.available) + 100_000);
    const poNumber = `PO-PREPAY-${randomUUID().slice(0, 8)}`;
    injectInternalFault('orders.afterHELD', 'after');
    const crashed = await place(prepay, { lines: [{ sku: line.sku, quantity: line.quantity }], poNumber });
    expect(crashed.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const { rows } = await db.query(
      `select id, workflow, workflow_step, payment_due::bigint as due from orders."order" where po_number = $1`,
      [poNumber],
    );
    expect(rows[0]).toMatchObject({ workflow: 'RUNNING', workflow_step: 'HELD' });
    expect(Number(rows[0].due)).toBe(line.total - Math.max(0, before.available));
    await db.query(`update orders."order" set lease_until = now() - interval '1 second' where id = $1`, [rows[0].id]);
    const resumed = await until('the sweep to place it', async () => {
      const o = await orderOf(prepay, rows[0].id);
      return o?.status === 'AWAITING_PAYMENT' && o;
    });
    expect(resumed.paymentDue).toEqual({ amount: decimal(line.total - Math.max(0, before.available)) });

    // Paid in full: credit's nudge lets it go on before recordPayment answers.
    const paid = await finance.data(PAY, {
      input: {
        externalReference: `PAY-${randomUUID()}`,
        dealerId: await dealerIdOf(prepay),
        amount: resumed.paymentDue!.amount,
        receivedAt: new Date().toISOString(),
        orderId: rows[0].id,
      },
    });
    expect(paid.recordPayment.userErrors).toEqual([]);
    expect((await orderOf(prepay, rows[0].id)).status).toBe('APPROVED');

    const cancel = await prepay.data(
      'mutation($id: ID!) { cancelOrder(orderId: $id, reason: "changed my mind") { order { status } userErrors { code } } }',
      {
        id: rows[0].id,
      },
    );
    expect(cancel.cancelOrder).toEqual({ order: { status: 'CANCELLED' }, userErrors: [] });
    await until('its credit to be released', async () => (await holdOf(rows[0].id)).hold === 'RELEASED');
    // What was paid stays on account: the credit is back, plus the payment.
    expect(await creditOf(prepay)).toMatchObject({
      available: before.available + cents(resumed.paymentDue!.amount),
      pendingOrders: before.pendingOrders,
    });
    await invariantsHold();
  });
});

describe('orders on behalf of a dealer, by channel', () => {
  it("a rep keys in a phone or fax order for one of their dealers: the dealer's prices, stock and credit, and the dealer sees it", async () => {
    const [rep, platinum] = await Promise.all([stack.loginAs('rep@demo.staff'), stack.loginAs('platinum@demo.dealer')]);
    const platinumId = await dealerIdOf(platinum);
    const line = await lineWorth(platinum, 10_000, 200_000);
    const before = await creditOf(platinum);
    const stock = await stockOf(platinum, line.sku);

    const result = await placed(rep, { dealerId: platinumId, channel: 'FAX', lines: [{ sku: line.sku, quantity: line.quantity }] });
    expect(result.userErrors).toEqual([]);
    expect(result.order).toMatchObject({ status: 'APPROVED', total: { amount: decimal(line.total) } });
    expect(await stockOf(platinum, line.sku)).toBe(stock - line.quantity);
    expect((await creditOf(platinum)).pendingOrders).toBe(before.pendingOrders + line.total);
    const seen = await platinum.data('query($id: ID!) { order(id: $id) { channel dealer { id } } }', { id: result.order!.id });
    expect(seen.order).toEqual({ channel: 'FAX', dealer: { id: platinumId } });
    const { rows } = await db.query(
      `select o.channel, o.placed_by_user_id = u.id as by_rep from orders."order" o, dealers.user_account u where o.id = $1 and u.email = 'rep@demo.staff'`,
      [result.order!.id],
    );
    expect(rows[0]).toEqual({ channel: 'FAX', by_rep: true });

    // Without a channel staff took it by phone; the dealer's own order is PORTAL.
    const phone = await placed(rep, { dealerId: platinumId, lines: [{ sku: line.sku, quantity: 1 }] });
    const own = await placed(platinum, { lines: [{ sku: line.sku, quantity: 1 }] });
    const channels = await platinum.data('query($a: ID!, $b: ID!) { a: order(id: $a) { channel } b: order(id: $b) { channel } }', {
      a: phone.order!.id,
      b: own.order!.id,
    });
    expect(channels).toEqual({ a: { channel: 'PHONE' }, b: { channel: 'PORTAL' } });
    await invariantsHold();
  });

  it("refuses a dealer outside the caller's scope, a missing or unknown dealer, and channels that are not the placer's", async () => {
    const [rep, director] = await Promise.all([stack.loginAs('rep@demo.staff'), stack.loginAs('director@demo.staff')]);
    const goldId = await dealerIdOf(gold);
    const line = await lineWorth(gold, 1_000, 50_000);
    const lines = [{ sku: line.sku, quantity: line.quantity }];
    const codes = async (client: GraphQLClient, input: Record<string, unknown>) =>
      (await placed(client, input)).userErrors.map((e) => e.code);

    // The demo rep looks after the Northeast's dealers; the gold dealer is in the Midwest, a director's.
    expect(await codes(rep, { dealerId: goldId, channel: 'PHONE', lines })).toEqual(['FORBIDDEN']);
    expect(await codes(rep, { lines })).toEqual(['INVALID_INPUT']);
    expect(await codes(rep, { dealerId: randomUUID(), lines })).toEqual(['NOT_FOUND']);
    expect(await codes(director, { dealerId: goldId, channel: 'PORTAL', lines })).toEqual(['INVALID_INPUT']);
    expect(await codes(director, { dealerId: goldId })).toEqual(['EMPTY_CART']);
    expect(await codes(gold, { channel: 'PHONE', lines })).toEqual(['INVALID_INPUT']);
    expect(await codes(gold, { dealerId: await dealerIdOf(silver), lines })).toEqual(['FORBIDDEN']);
    // A director may enter it, by e-mail.
    const byMail = await placed(director, { dealerId: goldId, channel: 'EMAIL', lines });
    expect(byMail.userErrors).toEqual([]);
    expect((await gold.data('query($id: ID!) { order(id: $id) { channel } }', { id: byMail.order!.id })).order).toEqual({
      channel: 'EMAIL',
    });
    await invariantsHold();
  });
});

describe('a hard limit and a dealer block threshold, set by finance', () => {
  it('the hard limit refuses what SOFT_WARNING would send for approval; "more than N days" blocks on day N+1', async () => {
    // A generated dealer nothing else here touches, with nothing overdue.
    const { rows } = await db.query(
      `select d.id, lower(d.code) as code from dealers.dealer d join credit.credit_account a on a.dealer_id = d.id
        where d.code like 'D02%' and not exists (select 1 from credit.invoice i where i.dealer_id = d.id and i.amount > i.paid_amount and i.due_at < now())
        order by d.code limit 1`,
    );
    const dealerId: string = rows[0].id;
    const dealer = await stack.loginAs(`admin@${rows[0].code}.dealer`);
    const used = await (async () => {
      const c = await creditOf(dealer);
      return c.limit - c.available;
    })();
    const SET = `mutation($input: SetCreditLimitInput!) { setCreditLimit(input: $input) {
      account { limit { amount } hardLimit { amount } overdueBlockAfterDays status } userErrors { code field } } }`;
    const set = async (input: Record<string, unknown>) =>
      (await finance.data(SET, { input: { dealerId, reason: 'test', ...input } })).setCreditLimit;
    // 1,000.00 available under the limit, 500.00 more up to the hard limit.
    const limit = used + 100_000;
    expect(
      (await set({ limit: decimal(limit), exceedancePolicy: 'SOFT_WARNING', hardLimit: decimal(limit - 1) })).userErrors.map(
        (e: any) => e.code,
      ),
    ).toEqual(['INVALID_AMOUNT']);
    const account = await set({ limit: decimal(limit), exceedancePolicy: 'SOFT_WARNING', hardLimit: decimal(limit + 50_000) });
    expect(account).toMatchObject({
      userErrors: [],
      account: { hardLimit: { amount: decimal(limit + 50_000) }, overdueBlockAfterDays: null },
    });

    const waits = await lineWorth(dealer, 110_000, 140_000);
    const tooMuch = await lineWorth(dealer, 160_000, 190_000, [waits.sku]);
    const approval = await placed(dealer, { lines: [{ sku: waits.sku, quantity: waits.quantity }] });
    expect(approval.order).toMatchObject({ status: 'PENDING_APPROVAL', approvalSteps: [{ role: 'FINANCE' }] });
    const refused = await placed(dealer, { lines: [{ sku: tooMuch.sku, quantity: tooMuch.quantity }] });
    expect(refused.order).toBeNull();
    expect(refused.userErrors).toEqual([{ code: 'CREDIT_LIMIT_EXCEEDED', message: expect.stringMatching(/hard credit limit/) }]);

    // An invoice 31 days past due: RESTRICTED by default (30), BLOCKED for "more than 30", not for "more than 31".
    const dueAt = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 31, 12));
    const invoice = await finance.data('mutation($i: RecordInvoiceInput!) { recordInvoice(input: $i) { userErrors { code message } } }', {
      i: {
        externalReference: `INV-${randomUUID()}`,
        dealerId,
        number: `T-${randomUUID().slice(0, 8)}`,
        amount: '10.00',
        issuedAt: new Date(dueAt.getTime() - 30 * 86_400_000).toISOString(),
        dueAt: dueAt.toISOString(),
      },
    });
    expect(invoice.recordInvoice.userErrors).toEqual([]);
    expect((await creditOf(dealer)).status).toBe('RESTRICTED');
    expect((await set({ limit: decimal(limit), overdueBlockAfterDays: 30 })).account).toMatchObject({
      overdueBlockAfterDays: 30,
      status: 'BLOCKED',
    });
    const blocked = await placed(dealer, { lines: [{ sku: waits.sku, quantity: 1 }] });
    expect(blocked.userErrors.map((e) => e.code)).toEqual(['CREDIT_BLOCKED_OVERDUE']);
    expect((await set({ limit: decimal(limit), overdueBlockAfterDays: 31 })).account.status).toBe('RESTRICTED');
    expect((await set({ limit: decimal(limit), overdueBlockAfterDays: -1 })).account).toMatchObject({
      overdueBlockAfterDays: null,
      status: 'RESTRICTED',
    });
    await invariantsHold();
  });
});

describe('successMetrics', () => {
  const METRICS = `query($from: DateTimeISO!, $to: DateTimeISO!) { successMetrics(from: $from, to: $to) {
    orderCount portalOrderRatio activeDealerRatio orderErrorRate averageProcessingHours afterHoursOrderRatio
    staffEnteredOrderRatio selfServiceRatio dealerSatisfaction } }`;

  /** The same metrics counted here, in other words, straight from the tables (dealers' and orders'). */
  async function countedBySql(from: Date, to: Date) {
    const { rows } = await db.query(
      `select count(*)::int as orders,
              count(*) filter (where channel = 'PORTAL' or channel = 'API')::int as portal,
              count(*) filter (where channel = any('{PHONE,FAX,EMAIL}'))::int as staff,
              count(*) filter (where status = 'CANCELLED' and cancellation_code = any('{ENTRY_ERROR,DUPLICATE_ORDER,WRONG_PRICE,WRONG_ITEM}'))::int as errors,
              count(*) filter (where extract(hour from placed_at at time zone 'UTC') not between 9 and 17)::int as after_hours,
              (select count(distinct o2.dealer_id) from orders."order" o2 join dealers.dealer d on d.id = o2.dealer_id and d.active
                where o2.placed_at >= $1 and o2.placed_at < $2)::int as dealers_with_orders,
              (select count(*) from dealers.dealer where active)::int as active_dealers,
              (select avg(extract(epoch from (c.first_shipped - o3.placed_at)) / 3600)
                 from orders."order" o3
                 join (select order_id, min("at") as first_shipped from orders.order_status_change where status = 'SHIPPED' group by order_id) c
                   on c.order_id = o3.id
                where o3.placed_at >= $1 and o3.placed_at < $2)::float8 as hours
         from orders."order" where placed_at >= $1 and placed_at < $2 and workflow = 'DONE'`,
      [from, to],
    );
    const r = rows[0];
    const share = (n: number, of: number) => (of === 0 ? null : n / of);
    return {
      orderCount: r.orders,
      portalOrderRatio: share(r.portal, r.orders),
      activeDealerRatio: share(r.dealers_with_orders, r.active_dealers),
      orderErrorRate: share(r.errors, r.orders),
      averageProcessingHours: r.hours,
      afterHoursOrderRatio: share(r.after_hours, r.orders),
      staffEnteredOrderRatio: share(r.staff, r.orders),
      selfServiceRatio: null,
      dealerSatisfaction: null,
    };
  }

  function expectClose(actual: Record<string, number | null>, expected: Record<string, number | null>) {
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      if (value === null) expect(actual[key], key).toBeNull();
      else expect(actual[key], key).toBeCloseTo(value, 9);
    }
  }

  it('answers over the year of demo history what the tables say, and null where nothing is recorded', async () => {
    const manager = await stack.loginAs('manager@demo.staff');
    const to = since;
    const from = new Date(to.getTime() - 365 * 24 * 3600 * 1000);
    const { successMetrics } = await manager.data(METRICS, { from, to });
    const expected = await countedBySql(from, to);
    expect(expected.orderCount).toBeGreaterThan(1000);
    expect(expected.averageProcessingHours).toBeGreaterThan(0);
    expectClose(successMetrics, expected);

    // A period without orders: a count of 0 and no ratio at all.
    const empty = await manager.data(METRICS, { from: new Date('2001-01-01T00:00:00Z'), to: new Date('2001-02-01T00:00:00Z') });
    expect(empty.successMetrics).toMatchObject({
      orderCount: 0,
      portalOrderRatio: null,
      averageProcessingHours: null,
      orderErrorRate: null,
    });
    expect(empty.successMetrics.activeDealerRatio).toBe(0);
  });

  it('counts a phone order, an order cancelled for an entry error and a shipment, and refuses dealers and an empty period', async () => {
    const from = new Date();
    const [rep, manager, platinum] = await Promise.all(
      ['rep@demo.staff', 'manager@demo.staff', 'platinum@demo.dealer'].map((e) => stack.loginAs(e)),
    );
    const platinumId = await dealerIdOf(platinum);
    const line = await lineWorth(platinum, 1_000, 50_000);
    const lines = [{ sku: line.sku, quantity: line.quantity }];
    // Two of the dealer's own orders and one a rep keyed in from a phone call, placed at once.
    const [own, mistaken, phone] = await Promise.all([
      placed(platinum, { lines }),
      placed(platinum, { lines }),
      placed(rep, { dealerId: platinumId, channel: 'PHONE', lines }),
    ]);
    for (const p of [own, mistaken, phone]) expect(p.userErrors).toEqual([]);
    const cancelled = await platinum.data(
      'mutation($id: ID!) { cancelOrder(orderId: $id, reason: "typed 10 for 1", reasonCode: ENTRY_ERROR) { order { status } userErrors { code } } }',
      { id: mistaken.order!.id },
    );
    expect(cancelled.cancelOrder).toEqual({ order: { status: 'CANCELLED' }, userErrors: [] });
    const FULFIL = `mutation($input: OrderFulfillmentInput!) { updateOrderFulfillment(input: $input) { userErrors { code message } } }`;
    const processing = await manager.data(FULFIL, { input: { orderId: own.order!.id, status: 'PROCESSING' } });
    expect(processing.updateOrderFulfillment.userErrors).toEqual([]);
    const ship = await manager.data(FULFIL, {
      input: { orderId: own.order!.id, status: 'SHIPPED', carrier: 'DHL', trackingNumber: 'TRACK-METRICS-1' },
    });
    expect(ship.updateOrderFulfillment.userErrors).toEqual([]);
    await until('the order is SHIPPED', async () => (await orderOf(platinum, own.order!.id)).status === 'SHIPPED');
    const to = new Date(Date.now() + 1000);

    const { successMetrics } = await manager.data(METRICS, { from, to });
    expect(successMetrics).toMatchObject({ orderCount: 3, selfServiceRatio: null, dealerSatisfaction: null });
    expect(successMetrics.portalOrderRatio).toBeCloseTo(2 / 3, 9);
    expect(successMetrics.staffEnteredOrderRatio).toBeCloseTo(1 / 3, 9);
    expect(successMetrics.orderErrorRate).toBeCloseTo(1 / 3, 9);
    expect(successMetrics.averageProcessingHours).toBeGreaterThan(0);
    expectClose(successMetrics, await countedBySql(from, to));

    const denied = await platinum.request(METRICS, { from, to });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const backwards = await manager.request(METRICS, { from: to, to: from });
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
