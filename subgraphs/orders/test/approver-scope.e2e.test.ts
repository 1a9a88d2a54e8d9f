import { randomUUID } from 'node:crypto';

import { type GraphQLClient, openSocket, startTestStack, type TestStack } from '@dealergraph/testing';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { recordOrderEvent } from '../src/events/outbox.service.js';
import { Order } from '../src/orders/order.entity.js';

/**
 * Approver scope through the real gateway. The demo SALES_REP looks after the Northeast dealers (Demo
 * Platinum among them) and the demo REGIONAL_MANAGER manages the Northeast; Demo Bronze is in the
 * Southeast. So the rep and the manager decide Demo Platinum's orders and not Demo Bronze's, which
 * only the director (and up) decides; the queue, approveOrder, rejectOrder and bulk approval agree.
 */
let stack: TestStack;
let admin: GraphQLClient;
let platinum: GraphQLClient;
let bronze: GraphQLClient;
let rep: GraphQLClient;
let manager: GraphQLClient;
let director: GraphQLClient;
const sockets: Client[] = [];

const PLACE =
  'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status approvalSteps { level rule } } userErrors { code message } } }';
const APPROVE = 'mutation($id: ID!) { approveOrder(orderId: $id, comment: "ok") { order { id status } userErrors { code message } } }';
const REJECT = 'mutation($id: ID!) { rejectOrder(orderId: $id, reason: "no") { order { id status } userErrors { code message } } }';
const UPDATE = 'mutation($input: UpdateApprovalRuleInput!) { updateApprovalRule(input: $input) { userErrors { code } } }';

beforeAll(async () => {
  // A quick recovery sweep: it also gives scope-less pending orders and requests their scope (tested below).
  stack = await startTestStack({ orders: { workflow: { sweepIntervalMs: 300 } } });
  [admin, platinum, bronze, rep, manager, director] = await Promise.all(
    ['admin@demo.staff', 'platinum@demo.dealer', 'bronze@demo.dealer', 'rep@demo.staff', 'manager@demo.staff', 'director@demo.staff'].map(
      (e) => stack.loginAs(e),
    ),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.dispose()));
  await stack?.stop();
});

type Item = {
  sku: string;
  restriction: string | null;
  stock: { available: number };
  price: { unitPrice: { amount: string }; appliedRules: string[] } | null;
};
async function pick(client: GraphQLClient, restricted: boolean): Promise<string> {
  const { products } = await client.data(
    '{ products(first: 100, filter: { inStockOnly: true }) { nodes { sku restriction stock { available } price { unitPrice { amount } appliedRules } } } }',
  );
  const item = (products.nodes as Item[]).find(
    (p) =>
      p.price &&
      p.stock.available >= 2 &&
      Boolean(p.restriction) === restricted &&
      !p.price.appliedRules.includes('SPECIAL_PRICE') &&
      Number(p.price.unitPrice.amount) < 500,
  );
  if (!item) throw new Error('no product fits');
  return item.sku;
}

async function place(client: GraphQLClient, sku: string): Promise<{ id: string; approvalSteps: { level: number; rule: string }[] }> {
  const { placeOrder } = await client.data(PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku, quantity: 1 }] } });
  expect(placeOrder.userErrors).toEqual([]);
  expect(placeOrder.order.status).toBe('PENDING_APPROVAL');
  return placeOrder.order;
}

const queue = async (client: GraphQLClient) => {
  const { approvalQueue } = await client.data('{ approvalQueue(first: 100) { totalCount nodes { id } } }');
  return { ids: (approvalQueue.nodes as { id: string }[]).map((n) => n.id), total: approvalQueue.totalCount as number };
};
const statusOf = async (id: string) => (await director.data('query($id: ID!) { order(id: $id) { status } }', { id })).order.status;
const decide = async (client: GraphQLClient, mutation: string, id: string) => {
  const result = await client.data(mutation, { id });
  return (result.approveOrder ?? result.rejectOrder) as { order: { status: string } | null; userErrors: { code: string }[] };
};

describe('approver scope', () => {
  it("a REGIONAL_MANAGER decides their region's orders only; a director decides any", async () => {
    // Every order over 1.00 waits for a REGIONAL_MANAGER for this test.
    expect(
      (await admin.data(UPDATE, { input: { name: 'AMOUNT_OVER_10000', threshold: '1.00', reason: 'scope test' } })).updateApprovalRule
        .userErrors,
    ).toEqual([]);
    try {
      const ours = await place(platinum, await pick(platinum, false));
      const theirs = await place(bronze, await pick(bronze, false));
      expect([ours.approvalSteps, theirs.approvalSteps]).toMatchObject([
        [{ level: 2, rule: 'AMOUNT_OVER_10000' }],
        [{ level: 2, rule: 'AMOUNT_OVER_10000' }],
      ]);

      const managers = await queue(manager);
      expect(managers.ids).toContain(ours.id);
      expect(managers.ids).not.toContain(theirs.id);
      expect(managers.total).toBe(managers.ids.length);
      const directors = await queue(director);
      expect(directors.ids).toEqual(expect.arrayContaining([ours.id, theirs.id]));

      // Outside the region: refused, and nothing changes.
      expect((await decide(manager, APPROVE, theirs.id)).userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
      expect((await decide(manager, REJECT, theirs.id)).userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
      expect(await statusOf(theirs.id)).toBe('PENDING_APPROVAL');
      // A level-1 approver cannot decide a level-2 step, even of their own dealer.
      expect((await decide(rep, APPROVE, ours.id)).userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
      expect((await queue(rep)).ids).not.toContain(ours.id);

      expect(await decide(manager, APPROVE, ours.id)).toMatchObject({ order: { status: 'APPROVED' }, userErrors: [] });
      expect(await decide(director, APPROVE, theirs.id)).toMatchObject({ order: { status: 'APPROVED' }, userErrors: [] });
    } finally {
      await admin.data(UPDATE, { input: { name: 'AMOUNT_OVER_10000', threshold: '10000.00', reason: 'scope test done' } });
    }
  });

  it("a SALES_REP decides their own dealers' orders only, one by one and in bulk", async () => {
    // A restricted product (SPECIAL_PRODUCT) sends each order to a SALES_REP.
    const ours = [await place(platinum, await pick(platinum, true)), await place(platinum, await pick(platinum, true))];
    const theirs = [await place(bronze, await pick(bronze, true)), await place(bronze, await pick(bronze, true))];
    for (const order of [...ours, ...theirs]) expect(order.approvalSteps).toMatchObject([{ level: 1, rule: 'SPECIAL_PRODUCT' }]);

    const reps = await queue(rep);
    expect(reps.ids).toEqual(expect.arrayContaining(ours.map((o) => o.id)));
    for (const order of theirs) expect(reps.ids).not.toContain(order.id);
    // The manager of the region sees the rep's dealers' level-1 steps too, not the other region's.
    const managers = await queue(manager);
    expect(managers.ids).toEqual(expect.arrayContaining(ours.map((o) => o.id)));
    for (const order of theirs) expect(managers.ids).not.toContain(order.id);

    expect((await decide(rep, APPROVE, theirs[0].id)).userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect(await decide(rep, APPROVE, ours[0].id)).toMatchObject({ order: { status: 'APPROVED' }, userErrors: [] });

    // In bulk: one result per order, in the order sent; the other dealer's are refused and stay pending.
    const { approveOrders } = await rep.data(
      'mutation($ids: [ID!]!) { approveOrders(orderIds: $ids) { results { orderId order { status } userErrors { code } } userErrors { code } } }',
      {
        ids: [ours[1].id, theirs[0].id, theirs[1].id],
      },
    );
    expect(approveOrders.userErrors).toEqual([]);
    expect(approveOrders.results).toEqual([
      { orderId: ours[1].id, order: { status: 'APPROVED' }, userErrors: [] },
      { orderId: theirs[0].id, order: null, userErrors: [{ code: 'FORBIDDEN' }] },
      { orderId: theirs[1].id, order: null, userErrors: [{ code: 'FORBIDDEN' }] },
    ]);
    for (const order of theirs) expect(await statusOf(order.id)).toBe('PENDING_APPROVAL');
    // The director decides them.
    const { approveOrders: byDirector } = await director.data(
      'mutation($ids: [ID!]!) { approveOrders(orderIds: $ids) { results { order { status } userErrors { code } } } }',
      {
        ids: theirs.map((o) => o.id),
      },
    );
    expect(byDirector.results).toEqual(theirs.map(() => ({ order: { status: 'APPROVED' }, userErrors: [] })));
  });

  it("snapshots the dealer's rep and region on the order at placement", async () => {
    const order = await place(bronze, await pick(bronze, true));
    const [row] = await stack.orms.orders.em
      .fork()
      .getConnection()
      .execute<{ dealer_region: string; sales_rep_user_id: string | null }[]>(
        'select dealer_region, sales_rep_user_id from "orders"."order" where id = ?',
        [order.id],
      );
    expect(row).toEqual({ dealer_region: 'Southeast', sales_rep_user_id: null });
  });
});

type LiveEvent = { id: string; type: string; status: string | null; orderId: string };

/** A real graphql-ws client through the gateway on `field` (approvalQueueChanged or notificationAdded); every event it receives, in order. */
function watch(client: GraphQLClient, field: 'approvalQueueChanged' | 'notificationAdded'): LiveEvent[] {
  const socket = openSocket(stack.gatewayUrl, client.accessToken);
  sockets.push(socket);
  const received: LiveEvent[] = [];
  socket.subscribe<Record<string, LiveEvent>>(
    { query: `subscription { ${field} { id type status orderId } }` },
    {
      next: (r) =>
        received.push(r.data?.[field] ?? ({ id: 'error', type: JSON.stringify(r.errors), status: null, orderId: '' } as LiveEvent)),
      error: (e) => received.push({ id: 'error', type: String(e), status: null, orderId: '' }),
      complete: () => {},
    },
  );
  return received;
}

/** Waits (10 s by default) until every list holds an event that matches; false when one never does. */
async function allReceive(lists: LiveEvent[][], match: (e: LiveEvent) => boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (lists.every((list) => list.some(match))) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A level-1 REMINDER of `orderId` with its order's scope, as the escalation timer writes one; its event id. */
async function remind(orderId: string): Promise<string> {
  return stack.orms.orders.em.fork().transactional(async (em) => {
    const order = await em.findOneOrFail(Order, orderId);
    return recordOrderEvent(em, {
      orderId,
      dealerId: order.dealerId,
      scope: order,
      type: 'REMINDER',
      status: order.status,
      reason: 'scope test',
      data: { level: 1 },
    }).id;
  });
}

describe('approver scope of the live feeds', () => {
  it("gives a rep and a manager their own dealers' events only, live and in the feeds; a director all", async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    // Restricted products: level-1 steps, which the rep, the manager and the director may all decide by level.
    const ours = await place(platinum, await pick(platinum, true));
    const theirs = await place(bronze, await pick(bronze, true));
    const scoped = {
      rep: [watch(rep, 'approvalQueueChanged'), watch(rep, 'notificationAdded')],
      manager: [watch(manager, 'approvalQueueChanged'), watch(manager, 'notificationAdded')],
    };
    const everyone = [watch(director, 'approvalQueueChanged'), watch(director, 'notificationAdded')];
    const all = [...scoped.rep, ...scoped.manager, ...everyone];
    // Live once a reminder about our order reached every watcher (the gateway sets subscriptions up asynchronously).
    let live = false;
    let marker = '';
    for (let round = 0; round < 20 && !live; round += 1) {
      marker = await remind(ours.id);
      live = await allReceive(all, (e) => e.id === marker, 1_000);
    }
    expect(live).toBe(true);
    // Events come in commit order: what a list holds after the marker is what came after it (the
    // placements' own events may or may not have reached a watcher before it was live).
    const after = (list: LiveEvent[]) => list.slice(list.findIndex((e) => e.id === marker) + 1);

    // The other region's order: a reminder, then the director's decision (a step and a status change).
    await remind(theirs.id);
    expect(await decide(director, APPROVE, theirs.id)).toMatchObject({ order: { status: 'APPROVED' }, userErrors: [] });
    // Then the rep decides their own: committed after, so published after everything of Bronze's order.
    expect(await decide(rep, APPROVE, ours.id)).toMatchObject({ order: { status: 'APPROVED' }, userErrors: [] });
    // The decision's step and status events share one transaction and may come in either order: wait for both.
    const oursApproved = (e: LiveEvent) => e.orderId === ours.id && e.type === 'STATUS_CHANGED' && e.status === 'APPROVED';
    const oursStep = (e: LiveEvent) => e.orderId === ours.id && e.type === 'APPROVAL_STEP';
    expect(await allReceive(all, oursApproved)).toBe(true);
    for (const deadline = Date.now() + 10_000; !all.every((list) => after(list).some(oursStep)) && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 20));

    // Events of one transaction may share an instant (then they come in id order): compare them sorted.
    const kinds = (list: LiveEvent[], orderId: string) =>
      after(list)
        .filter((e) => e.orderId === orderId)
        .map((e) => `${e.type}:${e.status}`)
        .sort();
    // The director heard all of Bronze's; the rep and the manager nothing of it, but all of their own.
    for (const list of everyone) {
      expect(kinds(list, theirs.id)).toEqual(['APPROVAL_STEP:PENDING_APPROVAL', 'REMINDER:PENDING_APPROVAL', 'STATUS_CHANGED:APPROVED']);
    }
    for (const list of [...scoped.rep, ...scoped.manager]) {
      expect(list.filter((e) => e.orderId === theirs.id)).toEqual([]);
      expect(kinds(list, ours.id).filter((k) => !k.startsWith('REMINDER'))).toEqual([
        'APPROVAL_STEP:PENDING_APPROVAL',
        'STATUS_CHANGED:APPROVED',
      ]);
    }
    expect(all.flat().filter((e) => e.id === 'error')).toEqual([]);

    // The notification feed and the catch-up after a reconnect keep to the same scope.
    const NOTES = '{ notifications(first: 100) { nodes { orderId type } } }';
    const EVENTS = 'query($since: DateTimeISO!) { orderEvents(since: $since, first: 500) { orderId type } }';
    const orderIdsOf = async (client: GraphQLClient) => {
      const [{ notifications }, { orderEvents }] = await Promise.all([client.data(NOTES), client.data(EVENTS, { since })]);
      const ids = (nodes: { orderId: string }[]) => new Set(nodes.map((n) => n.orderId));
      return { feed: ids(notifications.nodes), missed: ids(orderEvents) };
    };
    for (const client of [rep, manager]) {
      const { feed, missed } = await orderIdsOf(client);
      expect([feed.has(ours.id), feed.has(theirs.id), missed.has(ours.id), missed.has(theirs.id)]).toEqual([true, false, true, false]);
    }
    const { feed, missed } = await orderIdsOf(director);
    expect([feed.has(ours.id), feed.has(theirs.id), missed.has(ours.id), missed.has(theirs.id)]).toEqual([true, true, true, true]);
  });
});

describe('scopes of what was made before they existed', () => {
  it("gives pending orders, special price requests and their events their dealer's rep and region from dealers", async () => {
    const order = await place(platinum, await pick(platinum, true));
    const { products } = await bronze.data(
      '{ products(first: 50, filter: { inStockOnly: true }) { nodes { sku price { unitPrice { amount } appliedRules } } } }',
    );
    const item = (products.nodes as Item[]).find((p) => p.price?.appliedRules.join() === 'TIER' && Number(p.price.unitPrice.amount) > 10)!;
    const wanted = (Math.round(Number(item.price!.unitPrice.amount) * 97) / 100).toFixed(2);
    const asked = await bronze.data(
      'mutation($input: RequestSpecialPriceInput!) { requestSpecialPrice(input: $input) { specialPriceRequest { id } userErrors { code } } }',
      {
        input: { sku: item.sku, quantity: 1, reason: 'backfill test', wantedUnitPrice: wanted },
      },
    );
    expect(asked.requestSpecialPrice.userErrors).toEqual([]);
    const requestId = asked.requestSpecialPrice.specialPriceRequest.id as string;

    const sql = stack.orms.orders.em.fork().getConnection();
    // As if made before scopes existed: no rep, no region, on the rows and on their events (at once: the sweep runs meanwhile).
    await stack.orms.orders.em.fork().transactional(async (em) => {
      await em.execute('update "orders"."order" set dealer_region = null, sales_rep_user_id = null where id = ?', [order.id]);
      await em.execute('update "orders"."special_price_request" set dealer_region = null, sales_rep_user_id = null where id = ?', [
        requestId,
      ]);
      await em.execute('update "orders"."order_event" set dealer_region = null, sales_rep_user_id = null where order_id in (?, ?)', [
        order.id,
        requestId,
      ]);
    });

    const scopes = async () => ({
      order: await sql.execute('select dealer_region, sales_rep_user_id from "orders"."order" where id = ?', [order.id]),
      request: await sql.execute('select dealer_region, sales_rep_user_id from "orders"."special_price_request" where id = ?', [requestId]),
      events: await sql.execute(
        'select distinct dealer_region, sales_rep_user_id from "orders"."order_event" where order_id in (?, ?) order by dealer_region',
        [order.id, requestId],
      ),
    });
    const repId = (await rep.data('{ me { id } }')).me.id as string;
    const filled = {
      order: [{ dealer_region: 'Northeast', sales_rep_user_id: repId }],
      request: [{ dealer_region: 'Southeast', sales_rep_user_id: null }],
      events: [
        { dealer_region: 'Northeast', sales_rep_user_id: repId },
        { dealer_region: 'Southeast', sales_rep_user_id: null },
      ],
    };
    // The recovery sweep (every 300 ms here) fills them in.
    const deadline = Date.now() + 10_000;
    while (JSON.stringify(await scopes()) !== JSON.stringify(filled) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await scopes()).toEqual(filled);
    expect((await queue(rep)).ids).toContain(order.id);
  });
});
