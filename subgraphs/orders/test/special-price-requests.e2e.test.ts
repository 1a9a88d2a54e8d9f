import { randomUUID } from 'node:crypto';

import { clearInternalFaults, injectInternalFault } from '@dealergraph/runtime';
import { type GraphQLClient, openSocket, startTestStack, type TestStack } from '@dealergraph/testing';
import type { Client } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Special price requests end to end, through the real gateway over a seeded database: a dealer asks,
 * an approver of the right level decides, the catalog shows SPECIAL_PRICE to that dealer only, orders
 * use the granted units (never more, with parallel orders) and give them back when cancelled, and
 * the normal price returns once they are used up. Live updates go to real graphql-ws clients.
 */
let stack: TestStack;
let db: pg.Client;
let platinum: GraphQLClient;
let orderEntry: GraphQLClient;
let viewer: GraphQLClient;
let bronze: GraphQLClient;
let rep: GraphQLClient;
let manager: GraphQLClient;
let director: GraphQLClient;
const sockets: Client[] = [];

/** Cheap in-stock products Platinum prices by its tier alone (no agreement, no promotion), that Bronze sees too. */
let product: { sku: string; unit: number };
let other: { sku: string; unit: number };
let third: { sku: string; unit: number };

const cents = (amount: string) => Math.round(Number(amount) * 100);
const amount = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

const FIELDS =
  'id status sku quantity requiredLevel requiredRole wantedUnitPrice { amount } currentUnitPrice { amount } grantedUnitPrice { amount } grantedQuantity validTo decisionComment dealer { id name }';
const REQUEST = `mutation($input: RequestSpecialPriceInput!) { requestSpecialPrice(input: $input) { specialPriceRequest { ${FIELDS} } userErrors { code field } } }`;
const APPROVE = `mutation($input: ApproveSpecialPriceRequestInput!) { approveSpecialPriceRequest(input: $input) { specialPriceRequest { ${FIELDS} } userErrors { code field } } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectSpecialPriceRequest(requestId: $id, reason: $reason) { specialPriceRequest { ${FIELDS} } userErrors { code field } } }`;
const LIST = '{ specialPriceRequests(first: 100) { totalCount nodes { id status } } }';
const PRICE = 'query($sku: String!, $q: Int!) { product(sku: $sku) { price(quantity: $q) { unitPrice { amount } appliedRules } } }';
const PLACE =
  'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status lines { quantity unitPrice { amount } } } userErrors { code message } } }';

async function priceOf(
  client: GraphQLClient,
  sku: string,
  quantity: number,
): Promise<{ unitPrice: { amount: string }; appliedRules: string[] } | null> {
  return (await client.data(PRICE, { sku, q: quantity })).product?.price ?? null;
}

function place(client: GraphQLClient, sku: string, quantity: number) {
  return client.data(PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku, quantity }] } }).then((r) => r.placeOrder);
}

/** A real graphql-ws client on specialPriceRequestUpdated; every message it receives, in order. */
function watch(client: GraphQLClient): any[] {
  const socket = openSocket(stack.gatewayUrl, client.accessToken);
  sockets.push(socket);
  const received: any[] = [];
  socket.subscribe<{ specialPriceRequestUpdated: unknown }>(
    { query: 'subscription { specialPriceRequestUpdated { id status sku grantedUnitPrice { amount } decisionComment dealer { name } } }' },
    {
      next: (r) => received.push(r.data?.specialPriceRequestUpdated ?? { errors: r.errors }),
      error: (e) => received.push({ error: String(e) }),
      complete: () => {},
    },
  );
  return received;
}

/** Waits (10 s by default) until `received` holds an entry that matches; its index, or -1. */
async function waitFor(received: any[], match: (r: any) => boolean, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const index = received.findIndex(match);
    if (index >= 0 || Date.now() > deadline) return index;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A request of `client` (a dealer) for a cent off `other`, rejected at once by a director: an event
 * its own watchers and every approver's in its scope receive (Platinum's: the rep's and the manager's). Waiting for it proves a subscription is live, and events
 * arrive in order, so anything a watcher was to get before it has come.
 */
async function marker(client: GraphQLClient): Promise<string> {
  const own = cents((await priceOf(client, other.sku, 1))!.unitPrice.amount);
  const asked = (await client.data(REQUEST, { input: { sku: other.sku, quantity: 1, reason: 'marker', wantedUnitPrice: amount(own - 1) } }))
    .requestSpecialPrice;
  expect(asked.userErrors).toEqual([]);
  const rejected = (await director.data(REJECT, { id: asked.specialPriceRequest.id, reason: 'marker' })).rejectSpecialPriceRequest;
  expect(rejected.userErrors).toEqual([]);
  return asked.specialPriceRequest.id;
}

/** Sends markers until `received` holds one (the subscription is live); at most 20 rounds. */
async function live(client: GraphQLClient, received: any[]): Promise<void> {
  for (let round = 0; round < 20; round += 1) {
    const id = await marker(client);
    if ((await waitFor(received, (r) => r.id === id && r.status === 'REJECTED', 1_000)) >= 0) return;
  }
  throw new Error('the subscription never received an event');
}

beforeAll(async () => {
  stack = await startTestStack();
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  [platinum, orderEntry, viewer, bronze, rep, manager, director] = await Promise.all(
    [
      'platinum@demo.dealer',
      'orders@demo.dealer',
      'viewer@demo.dealer',
      'bronze@demo.dealer',
      'rep@demo.staff',
      'manager@demo.staff',
      'director@demo.staff',
    ].map((e) => stack.loginAs(e)),
  );
  const { products } = await platinum.data(
    '{ products(first: 100, filter: { inStockOnly: true }) { nodes { sku stock { available } price { unitPrice { amount } appliedRules } } } }',
  );
  const found: { sku: string; unit: number }[] = [];
  for (const p of products.nodes as {
    sku: string;
    stock: { available: number };
    price: { unitPrice: { amount: string }; appliedRules: string[] } | null;
  }[]) {
    if (!p.price || p.price.appliedRules.join() !== 'TIER' || p.stock.available < 40) continue;
    const unit = cents(p.price.unitPrice.amount);
    if (unit < 1_000 || unit > 50_000) continue;
    if (!(await priceOf(bronze, p.sku, 1))) continue;
    found.push({ sku: p.sku, unit });
    if (found.length === 3) break;
  }
  expect(found).toHaveLength(3);
  [product, other, third] = found;
}, 180_000);

afterAll(async () => {
  clearInternalFaults();
  await Promise.all(sockets.map((s) => s.dispose()));
  await db?.end();
  await stack?.stop();
});

describe('special price requests', () => {
  it('refuses bad requests with userErrors and stores nothing', async () => {
    const before = (await platinum.data(LIST)).specialPriceRequests.totalCount;
    const ask = async (client: GraphQLClient, input: Record<string, unknown>) =>
      (await client.data(REQUEST, { input: { sku: product.sku, quantity: 5, reason: 'competitor offer', ...input } })).requestSpecialPrice;
    expect(await ask(platinum, { sku: 'NO-SUCH-SKU-1' })).toEqual({
      specialPriceRequest: null,
      userErrors: [{ code: 'UNKNOWN_SKU', field: ['input', 'sku'] }],
    });
    expect((await ask(platinum, { quantity: 0 })).userErrors).toEqual([{ code: 'INVALID_QUANTITY', field: ['input', 'quantity'] }]);
    expect((await ask(platinum, { reason: '  ' })).userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'reason'] }]);
    expect((await ask(platinum, { wantedUnitPrice: amount(product.unit) })).userErrors).toEqual([
      { code: 'INVALID_PRICE', field: ['input', 'wantedUnitPrice'] },
    ]);
    expect((await ask(platinum, { wantedUnitPrice: 'cheap' })).userErrors).toEqual([
      { code: 'INVALID_AMOUNT', field: ['input', 'wantedUnitPrice'] },
    ]);
    expect((await ask(platinum, { validTo: '2020-01-01T00:00:00.000Z' })).userErrors).toEqual([
      { code: 'INVALID_VALIDITY', field: ['input', 'validTo'] },
    ]);
    expect((await ask(viewer, {})).userErrors).toEqual([{ code: 'FORBIDDEN', field: null }]);
    expect((await ask(rep, {})).userErrors).toEqual([{ code: 'FORBIDDEN', field: null }]);

    // A product outside the dealer's assortment: D0003 has a restricted one.
    const restricted = await stack.loginAs('admin@d0003.dealer');
    const { rows } = await db.query<{ sku: string }>(
      `select sku from (select p.sku, row_number() over (order by p.sku) as n from products.product p where p.active and p.restriction is null) x where n % 100 = 0 limit 45`,
    );
    const seen: Record<string, { sku: string } | null> = await restricted.data(
      `{ ${rows.map((r, i) => `p${i}: product(sku: ${JSON.stringify(r.sku)}) { sku }`).join(' ')} }`,
    );
    const outside = rows.find((_r, i) => seen[`p${i}`] === null)!.sku;
    expect((await ask(restricted, { sku: outside })).userErrors).toEqual([{ code: 'NOT_AUTHORIZED', field: ['input', 'sku'] }]);

    expect((await platinum.data(LIST)).specialPriceRequests.totalCount).toBe(before);
  });

  it('routes a request, lets only its level decide, shows the price to that dealer only, and never gives more units than granted', async () => {
    const dealerLive = watch(platinum);
    const bronzeLive = watch(bronze);
    const repLive = watch(rep);
    const managerLive = watch(manager);
    // Every watcher is live: Bronze's marker reaches Bronze, Platinum's reaches Platinum and its approvers.
    await live(bronze, bronzeLive);
    await live(platinum, repLive);
    await live(platinum, managerLive);
    await live(platinum, dealerLive);

    // 10 % off the price of one unit: a REGIONAL_MANAGER (level 2) decides.
    const wanted = Math.round(product.unit * 0.9);
    const asked = (
      await orderEntry.data(REQUEST, {
        input: { sku: product.sku.toLowerCase(), quantity: 8, reason: 'A competitor offers less', wantedUnitPrice: amount(wanted) },
      })
    ).requestSpecialPrice;
    expect(asked.userErrors).toEqual([]);
    const request = asked.specialPriceRequest;
    expect(request).toMatchObject({
      status: 'PENDING',
      sku: product.sku,
      quantity: 8,
      requiredLevel: 2,
      requiredRole: 'REGIONAL_MANAGER',
      currentUnitPrice: { amount: amount(product.unit) },
      dealer: { name: 'Demo Platinum Dealer' },
    });
    const id = request.id as string;
    // A second pending request for the same product is refused.
    const again = (await platinum.data(REQUEST, { input: { sku: product.sku, quantity: 2, reason: 'again' } })).requestSpecialPrice;
    expect(again.userErrors).toEqual([{ code: 'DUPLICATE_REQUEST', field: ['input', 'sku'] }]);

    // Who sees it: the dealer and approvers of level 2 and above; not a SALES_REP, not another dealer.
    expect((await platinum.data(LIST)).specialPriceRequests.nodes.map((n: { id: string }) => n.id)).toContain(id);
    expect((await manager.data(LIST)).specialPriceRequests.nodes).toContainEqual({ id, status: 'PENDING' });
    expect((await rep.data(LIST)).specialPriceRequests.nodes.map((n: { id: string }) => n.id)).not.toContain(id);
    expect((await bronze.data(LIST)).specialPriceRequests.nodes.map((n: { id: string }) => n.id)).not.toContain(id);
    expect((await bronze.data('query($id: ID!) { specialPriceRequest(id: $id) { id } }', { id })).specialPriceRequest).toBeNull();

    // A level-1 approver may not decide it; a counter offer deeper than the manager's level is refused too.
    expect((await rep.data(APPROVE, { input: { requestId: id } })).approveSpecialPriceRequest.userErrors).toEqual([
      { code: 'FORBIDDEN', field: ['requestId'] },
    ]);
    expect((await rep.data(REJECT, { id, reason: 'no' })).rejectSpecialPriceRequest.userErrors).toEqual([
      { code: 'FORBIDDEN', field: ['requestId'] },
    ]);
    const tooDeep = amount(Math.round(product.unit * 0.6));
    expect((await manager.data(APPROVE, { input: { requestId: id, unitPrice: tooDeep } })).approveSpecialPriceRequest.userErrors).toEqual([
      { code: 'FORBIDDEN', field: ['requestId'] },
    ]);
    expect(await priceOf(platinum, product.sku, 1)).toMatchObject({ appliedRules: ['TIER'] });

    // The manager grants a counter price for the 8 units.
    const granted = Math.round(product.unit * 0.92);
    const approved = (await manager.data(APPROVE, { input: { requestId: id, unitPrice: amount(granted), comment: 'For this project' } }))
      .approveSpecialPriceRequest;
    expect(approved.userErrors).toEqual([]);
    expect(approved.specialPriceRequest).toMatchObject({
      status: 'APPROVED',
      grantedUnitPrice: { amount: amount(granted) },
      grantedQuantity: 8,
      decisionComment: 'For this project',
    });
    expect((await manager.data(APPROVE, { input: { requestId: id } })).approveSpecialPriceRequest.userErrors).toEqual([
      { code: 'INVALID_TRANSITION', field: ['requestId'] },
    ]);

    // Live: the dealer and the manager get PENDING then APPROVED, with the dealer's name from the dealers subgraph.
    expect(await waitFor(dealerLive, (r) => r.id === id && r.status === 'APPROVED')).toBeGreaterThanOrEqual(0);
    expect(dealerLive.filter((r) => r.id === id)).toEqual([
      { id, status: 'PENDING', sku: product.sku, grantedUnitPrice: null, decisionComment: null, dealer: { name: 'Demo Platinum Dealer' } },
      {
        id,
        status: 'APPROVED',
        sku: product.sku,
        grantedUnitPrice: { amount: amount(granted) },
        decisionComment: 'For this project',
        dealer: { name: 'Demo Platinum Dealer' },
      },
    ]);
    expect(await waitFor(managerLive, (r) => r.id === id && r.status === 'APPROVED')).toBeGreaterThanOrEqual(0);

    // The catalog: SPECIAL_PRICE for Platinum while the line fits in the granted units; Bronze keeps its price.
    expect(await priceOf(platinum, product.sku, 8)).toEqual({ unitPrice: { amount: amount(granted) }, appliedRules: ['SPECIAL_PRICE'] });
    expect((await priceOf(platinum, product.sku, 9))?.appliedRules).toEqual(['TIER']);
    expect((await priceOf(bronze, product.sku, 1))?.appliedRules).not.toContain('SPECIAL_PRICE');

    // An order takes 3 of the 8 units at the special price.
    const first = await place(platinum, product.sku, 3);
    expect(first.userErrors).toEqual([]);
    expect(first.order.lines).toEqual([{ quantity: 3, unitPrice: { amount: amount(granted) } }]);
    expect((await priceOf(platinum, product.sku, 6))?.appliedRules).toEqual(['TIER']);
    expect((await priceOf(platinum, product.sku, 5))?.appliedRules).toEqual(['SPECIAL_PRICE']);

    // Four parallel orders of 3 units race for the 5 left: exactly one gets the special price; the others
    // are told the price changed or are placed at the normal price. Never more than granted.
    const raced = await Promise.all([1, 2, 3, 4].map(() => place(platinum, product.sku, 3)));
    const special = raced.filter((r) => r.order?.lines[0].unitPrice.amount === amount(granted));
    expect(special).toHaveLength(1);
    for (const r of raced.filter((x) => !special.includes(x))) {
      if (r.order) expect(r.order.lines[0].unitPrice.amount).not.toBe(amount(granted));
      else expect(r.userErrors.map((e: { code: string }) => e.code)).toEqual(['PRICE_CHANGED']);
    }
    const used = async () =>
      (await db.query('select quantity_limit, quantity_used from prices.special_price where request_id = $1', [id])).rows[0] as {
        quantity_limit: number;
        quantity_used: number;
      };
    expect(await used()).toEqual({ quantity_limit: 8, quantity_used: 6 });

    // Cancelling the first order gives its 3 units back; then 5 are left again.
    const cancelled = await platinum.data('mutation($id: ID!) { cancelOrder(orderId: $id) { order { status } userErrors { code } } }', {
      id: first.order.id,
    });
    expect(cancelled.cancelOrder).toEqual({ order: { status: 'CANCELLED' }, userErrors: [] });
    expect(await used()).toEqual({ quantity_limit: 8, quantity_used: 3 });
    const rest = await place(platinum, product.sku, 5);
    expect(rest.order.lines).toEqual([{ quantity: 5, unitPrice: { amount: amount(granted) } }]);

    // Used up: the normal price returns, for any quantity.
    expect(await used()).toEqual({ quantity_limit: 8, quantity_used: 8 });
    expect(await priceOf(platinum, product.sku, 1)).toEqual({ unitPrice: { amount: amount(product.unit) }, appliedRules: ['TIER'] });
    const after = await place(platinum, product.sku, 1);
    expect(after.order.lines).toEqual([{ quantity: 1, unitPrice: { amount: amount(product.unit) } }]);

    // The feeds: the request is in the dealer's and the manager's notifications, not in the rep's or Bronze's.
    const NOTES = '{ notifications(first: 100) { nodes { type status orderId specialPriceRequest { id status } } } }';
    const notes = (client: GraphQLClient) =>
      client.data(NOTES).then((r) => r.notifications.nodes.filter((n: { orderId: string }) => n.orderId === id));
    expect(await notes(platinum)).toEqual([
      { type: 'SPECIAL_PRICE_REQUEST', status: 'APPROVED', orderId: id, specialPriceRequest: { id, status: 'APPROVED' } },
      { type: 'SPECIAL_PRICE_REQUEST', status: 'PENDING', orderId: id, specialPriceRequest: { id, status: 'APPROVED' } },
    ]);
    expect((await notes(manager)).map((n: { status: string }) => n.status)).toEqual(['APPROVED', 'PENDING']);
    expect(await notes(rep)).toEqual([]);
    // The catch-up after a reconnect follows the same rule.
    const EVENTS = 'query($since: DateTimeISO!) { orderEvents(since: $since, first: 500) { orderId status } }';
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const missed = async (client: GraphQLClient) =>
      (await client.data(EVENTS, { since })).orderEvents
        .filter((e: { orderId: string }) => e.orderId === id)
        .map((e: { status: string }) => e.status);
    expect(await missed(platinum)).toEqual(['PENDING', 'APPROVED']);
    expect(await missed(manager)).toEqual(['PENDING', 'APPROVED']);
    expect(await missed(rep)).toEqual([]);
    expect(await missed(bronze)).toEqual([]);
    expect(await notes(bronze)).toEqual([]);

    // Nothing of it reached Bronze or the rep: their next marker arrives with nothing of this request before it.
    const later = await marker(bronze);
    expect(await waitFor(bronzeLive, (r) => r.id === later && r.status === 'REJECTED')).toBeGreaterThanOrEqual(0);
    const repLater = await marker(platinum);
    expect(await waitFor(repLive, (r) => r.id === repLater && r.status === 'REJECTED')).toBeGreaterThanOrEqual(0);
    expect(bronzeLive.filter((r) => r.id === id)).toEqual([]);
    expect(repLive.filter((r) => r.id === id)).toEqual([]);
    expect([...dealerLive, ...bronzeLive, ...repLive, ...managerLive].filter((r) => r.errors || r.error)).toEqual([]);
  });

  it('rejects with a reason: the dealer hears it live and the catalog does not change', async () => {
    const dealerLive = watch(platinum);
    const repLive = watch(rep);
    await live(platinum, dealerLive);
    await live(platinum, repLive);
    // 3 % off: a SALES_REP decides.
    const wanted = Math.round(other.unit * 0.97);
    const asked = (
      await platinum.data(REQUEST, { input: { sku: other.sku, quantity: 4, reason: 'Tender', wantedUnitPrice: amount(wanted) } })
    ).requestSpecialPrice;
    expect(asked.userErrors).toEqual([]);
    expect(asked.specialPriceRequest).toMatchObject({ requiredLevel: 1, requiredRole: 'SALES_REP' });
    const id = asked.specialPriceRequest.id;
    expect((await rep.data(REJECT, { id, reason: ' ' })).rejectSpecialPriceRequest.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['reason'] },
    ]);
    const rejected = (await rep.data(REJECT, { id, reason: 'Below our cost' })).rejectSpecialPriceRequest;
    expect(rejected).toMatchObject({
      specialPriceRequest: { status: 'REJECTED', decisionComment: 'Below our cost', grantedUnitPrice: null },
      userErrors: [],
    });
    expect((await rep.data(APPROVE, { input: { requestId: id } })).approveSpecialPriceRequest.userErrors).toEqual([
      { code: 'INVALID_TRANSITION', field: ['requestId'] },
    ]);

    expect(await waitFor(dealerLive, (r) => r.id === id && r.status === 'REJECTED')).toBeGreaterThanOrEqual(0);
    expect(dealerLive.find((r) => r.id === id && r.status === 'REJECTED')).toMatchObject({
      decisionComment: 'Below our cost',
      dealer: { name: 'Demo Platinum Dealer' },
    });
    expect(await waitFor(repLive, (r) => r.id === id && r.status === 'REJECTED')).toBeGreaterThanOrEqual(0);
    expect((await priceOf(platinum, other.sku, 4))?.appliedRules).not.toContain('SPECIAL_PRICE');
    expect((await db.query('select count(*)::int as n from prices.special_price where request_id = $1', [id])).rows[0].n).toBe(0);
  });

  it('asks for an offer: the approver must name the price, and its level must reach the price it grants', async () => {
    const asked = (await platinum.data(REQUEST, { input: { sku: other.sku, quantity: 2, reason: 'What can you do?' } }))
      .requestSpecialPrice;
    expect(asked.userErrors).toEqual([]);
    expect(asked.specialPriceRequest).toMatchObject({ requiredLevel: 1, wantedUnitPrice: null });
    const id = asked.specialPriceRequest.id;
    expect((await rep.data(APPROVE, { input: { requestId: id } })).approveSpecialPriceRequest.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'unitPrice'] },
    ]);
    // 20 % off needs a SALES_DIRECTOR: the rep may not grant it.
    expect(
      (await rep.data(APPROVE, { input: { requestId: id, unitPrice: amount(Math.round(other.unit * 0.8)) } })).approveSpecialPriceRequest
        .userErrors,
    ).toEqual([{ code: 'FORBIDDEN', field: ['requestId'] }]);
    const offer = Math.round(other.unit * 0.96);
    const approved = (await rep.data(APPROVE, { input: { requestId: id, unitPrice: amount(offer), quantity: 2 } }))
      .approveSpecialPriceRequest;
    expect(approved.userErrors).toEqual([]);
    expect(await priceOf(platinum, other.sku, 2)).toEqual({ unitPrice: { amount: amount(offer) }, appliedRules: ['SPECIAL_PRICE'] });
  });

  it('compensates: a grant whose approval failed is revoked, units an order took before failing are given back; retries complete', async () => {
    const asked = (
      await platinum.data(REQUEST, {
        input: { sku: third.sku, quantity: 4, reason: 'Retry me', wantedUnitPrice: amount(Math.round(third.unit * 0.97)) },
      })
    ).requestSpecialPrice;
    expect(asked.userErrors).toEqual([]);
    const id = asked.specialPriceRequest.id;
    const special = async () =>
      (await db.query('select quantity_used, valid_to > now() as active from prices.special_price where request_id = $1', [id])).rows[0] as
        { quantity_used: number; active: boolean } | undefined;

    // prices granted, but orders never heard: the approval fails, the grant is revoked, nothing prices with it.
    injectInternalFault('prices.grantSpecialPrice', 'after');
    const failed = await rep.request(APPROVE, { input: { requestId: id } });
    expect(failed.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(failed.errors)).not.toMatch(/stack|\.ts:\d/);
    expect((await platinum.data('query($id: ID!) { specialPriceRequest(id: $id) { status } }', { id })).specialPriceRequest).toEqual({
      status: 'PENDING',
    });
    expect(await special()).toEqual({ quantity_used: 0, active: false });
    expect((await priceOf(platinum, third.sku, 1))?.appliedRules).toEqual(['TIER']);
    // The retry grants it for good.
    const approved = (await rep.data(APPROVE, { input: { requestId: id } })).approveSpecialPriceRequest;
    expect(approved.userErrors).toEqual([]);
    expect(await special()).toEqual({ quantity_used: 0, active: true });
    const granted = approved.specialPriceRequest.grantedUnitPrice.amount;
    expect(await priceOf(platinum, third.sku, 2)).toEqual({ unitPrice: { amount: granted }, appliedRules: ['SPECIAL_PRICE'] });

    // prices took the units, but the order workflow never heard: the order fails and gives them back.
    injectInternalFault('prices.consumeSpecialPrices', 'after');
    const input = { idempotencyKey: randomUUID(), lines: [{ sku: third.sku, quantity: 2 }] };
    const crashed = await platinum.request(PLACE, { input });
    expect(crashed.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(await special()).toEqual({ quantity_used: 0, active: true });
    // The same key again: placed at the special price, its units taken once.
    const placed = (await platinum.data(PLACE, { input })).placeOrder;
    expect(placed.userErrors).toEqual([]);
    expect(placed.order.lines).toEqual([{ quantity: 2, unitPrice: { amount: granted } }]);
    expect(await special()).toEqual({ quantity_used: 2, active: true });
  });

  it('takes one pending request per product and decides it once, however many arrive together', async () => {
    // Platinum's (its rep and its manager both decide a level-1 request of it).
    const own = cents((await priceOf(platinum, product.sku, 1))!.unitPrice.amount);
    const input = { sku: product.sku, quantity: 3, reason: 'Parallel', wantedUnitPrice: amount(Math.round(own * 0.97)) };
    const asked = await Promise.all([1, 2, 3].map(() => platinum.data(REQUEST, { input }).then((r) => r.requestSpecialPrice)));
    const created = asked.filter((r) => r.specialPriceRequest);
    expect(created).toHaveLength(1);
    expect(asked.filter((r) => !r.specialPriceRequest).map((r) => r.userErrors)).toEqual([
      [{ code: 'DUPLICATE_REQUEST', field: ['input', 'sku'] }],
      [{ code: 'DUPLICATE_REQUEST', field: ['input', 'sku'] }],
    ]);
    const id = created[0].specialPriceRequest.id;
    const decided = await Promise.all(
      [rep, manager, rep, manager].map((c) => c.data(APPROVE, { input: { requestId: id } }).then((r) => r.approveSpecialPriceRequest)),
    );
    expect(decided.filter((r) => r.specialPriceRequest?.status === 'APPROVED')).toHaveLength(1);
    expect(decided.filter((r) => !r.specialPriceRequest).map((r) => r.userErrors[0].code)).toEqual([
      'INVALID_TRANSITION',
      'INVALID_TRANSITION',
      'INVALID_TRANSITION',
    ]);
    expect((await db.query('select count(*)::int as n from prices.special_price where request_id = $1', [id])).rows[0].n).toBe(1);
  });

  it("keeps approvers to their scope: a rep and a manager neither see nor decide another region's dealer's request, live or in the feeds", async () => {
    const repLive = watch(rep);
    const managerLive = watch(manager);
    const directorLive = watch(director);
    await live(platinum, repLive);
    await live(platinum, managerLive);
    await live(platinum, directorLive);

    // Bronze (Southeast, no rep) asks 3 % off: level 1, which the rep and the manager reach by level alone.
    const own = cents((await priceOf(bronze, third.sku, 1))!.unitPrice.amount);
    const asked = (
      await bronze.data(REQUEST, {
        input: { sku: third.sku, quantity: 2, reason: 'Out of region', wantedUnitPrice: amount(Math.round(own * 0.97)) },
      })
    ).requestSpecialPrice;
    expect(asked.userErrors).toEqual([]);
    expect(asked.specialPriceRequest).toMatchObject({ requiredLevel: 1, status: 'PENDING' });
    const id = asked.specialPriceRequest.id as string;
    expect((await db.query('select dealer_region, sales_rep_user_id from orders.special_price_request where id = $1', [id])).rows).toEqual([
      { dealer_region: 'Southeast', sales_rep_user_id: null },
    ]);

    // Neither in their lists nor by id; the director has it.
    const listed = async (client: GraphQLClient) =>
      (await client.data(LIST)).specialPriceRequests.nodes.some((n: { id: string }) => n.id === id);
    const byId = async (client: GraphQLClient) =>
      (await client.data('query($id: ID!) { specialPriceRequest(id: $id) { id } }', { id })).specialPriceRequest;
    expect([await listed(rep), await listed(manager), await listed(director)]).toEqual([false, false, true]);
    expect([await byId(rep), await byId(manager), await byId(director)]).toEqual([null, null, { id }]);

    // Deciding it is FORBIDDEN, as for another region's order, and changes nothing.
    expect((await rep.data(APPROVE, { input: { requestId: id } })).approveSpecialPriceRequest.userErrors).toEqual([
      { code: 'FORBIDDEN', field: ['requestId'] },
    ]);
    expect((await manager.data(APPROVE, { input: { requestId: id } })).approveSpecialPriceRequest.userErrors).toEqual([
      { code: 'FORBIDDEN', field: ['requestId'] },
    ]);
    expect((await manager.data(REJECT, { id, reason: 'not mine' })).rejectSpecialPriceRequest.userErrors).toEqual([
      { code: 'FORBIDDEN', field: ['requestId'] },
    ]);
    expect((await bronze.data('query($id: ID!) { specialPriceRequest(id: $id) { status } }', { id })).specialPriceRequest).toEqual({
      status: 'PENDING',
    });
    expect((await db.query('select count(*)::int as n from prices.special_price where request_id = $1', [id])).rows[0].n).toBe(0);

    // The director decides it; then a Platinum marker reaches everyone: nothing of Bronze's request came before it to the rep or the manager.
    expect((await director.data(REJECT, { id, reason: 'Below our cost' })).rejectSpecialPriceRequest.userErrors).toEqual([]);
    const after = await marker(platinum);
    for (const received of [repLive, managerLive, directorLive])
      expect(await waitFor(received, (r) => r.id === after && r.status === 'REJECTED')).toBeGreaterThanOrEqual(0);
    expect(directorLive.filter((r) => r.id === id).map((r) => r.status)).toEqual(['PENDING', 'REJECTED']);
    expect([...repLive, ...managerLive].filter((r) => r.id === id)).toEqual([]);

    // The notification feed and the catch-up follow the same rule.
    const NOTES = '{ notifications(first: 100) { nodes { orderId } } }';
    const EVENTS = 'query($since: DateTimeISO!) { orderEvents(since: $since, first: 500) { orderId } }';
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const inFeeds = async (client: GraphQLClient) => {
      const [{ notifications }, { orderEvents }] = await Promise.all([client.data(NOTES), client.data(EVENTS, { since })]);
      return [
        notifications.nodes.some((n: { orderId: string }) => n.orderId === id),
        orderEvents.some((e: { orderId: string }) => e.orderId === id),
      ];
    };
    expect(await inFeeds(rep)).toEqual([false, false]);
    expect(await inFeeds(manager)).toEqual([false, false]);
    expect(await inFeeds(director)).toEqual([true, true]);
    expect([...repLive, ...managerLive, ...directorLive].filter((r) => r.errors || r.error)).toEqual([]);
  });

  it("refuses a subscription to another dealer's request with NOT_FOUND when it starts, the same answer as for no request", async () => {
    const id = await marker(platinum);
    const firstResult = (client: GraphQLClient, requestId: string) =>
      new Promise<{ data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }>((resolve, reject) => {
        const socket = openSocket(stack.gatewayUrl, client.accessToken);
        sockets.push(socket);
        let first: any;
        socket.subscribe(
          { query: 'subscription($id: ID) { specialPriceRequestUpdated(requestId: $id) { id status } }', variables: { id: requestId } },
          { next: (r) => void (first ??= r), error: reject, complete: () => resolve(first ?? {}) },
        );
      });
    for (const result of [await firstResult(bronze, id), await firstResult(bronze, randomUUID())]) {
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.message])).toEqual([
        ['NOT_FOUND', 'requestId', 'There is no such special price request.'],
      ]);
    }
  });
});
