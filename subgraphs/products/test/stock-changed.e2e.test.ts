import { randomUUID } from 'node:crypto';

import { type GraphQLClient, openSocket, startTestStack, type TestStack } from '@dealergraph/testing';
import { type Client, createClient } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { STOCK_CHANNEL } from '../src/services/stock-events.service.js';

/**
 * stockChanged end to end: real graphql-ws clients subscribe through the real gateway; a dealer
 * places an order through the gateway, whose workflow reserves stock in the products subgraph; the
 * committed change reaches the watchers with the new availability. A dealer whose assortment lacks
 * a product hears nothing about it, and a change that rolls back is heard by nobody.
 */
let stack: TestStack;
let db: pg.Client;
let platinum: GraphQLClient;
let restricted: GraphQLClient;
/** In stock, in both dealers' assortments. */
let inside: { sku: string; id: string };
/** In stock, outside D0003's assortment (the platinum dealer has it). */
let outside: { sku: string; id: string };
const sockets: Client[] = [];

const STOCK_CHANGED = `subscription($skus: [String!]!) { stockChanged(skus: $skus) {
  sku reason at product { sku stock { available warehouses { preferred available warehouse { code } } } price { unitPrice { amount } } }
} }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } userErrors { code } } }`;

beforeAll(async () => {
  stack = await startTestStack();
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  platinum = await stack.loginAs('platinum@demo.dealer');
  restricted = await stack.loginAs('admin@d0003.dealer');
  const { rows } = await db.query<{ sku: string; id: string }>(
    `select sku, id from (select p.sku, p.id, row_number() over (order by p.sku) as n from products.product p
       where p.active and p.restriction is null
         and (select sum(sl.on_hand - sl.reserved) from products.stock_level sl where sl.product_id = p.id) > 20) x
      where n % 100 = 0 limit 45`,
  );
  const seen: Record<string, { sku: string } | null> = await restricted.data(
    `{ ${rows.map((r, i) => `p${i}: product(sku: ${JSON.stringify(r.sku)}) { sku }`).join(' ')} }`,
  );
  inside = rows.find((_, i) => seen[`p${i}`] !== null)!;
  outside = rows.find((_, i) => seen[`p${i}`] === null)!;
  expect((await platinum.data('query($s: String!) { product(sku: $s) { sku } }', { s: outside.sku })).product).toEqual({
    sku: outside.sku,
  });
}, 180_000);

afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await db?.end();
  await stack?.stop();
});

interface StockEvent {
  sku: string;
  reason: string;
  at: string;
  product: {
    sku: string;
    stock: { available: number; warehouses: { preferred: boolean; available: number; warehouse: { code: string } }[] };
    price: { unitPrice: { amount: string } } | null;
  };
}

/** A subscription's results as they come, and a way to wait until they satisfy a condition. */
function watch(client: GraphQLClient, skus: string[]) {
  const socket = openSocket(stack.gatewayUrl, client.accessToken);
  sockets.push(socket);
  const events: StockEvent[] = [];
  const errors: unknown[] = [];
  let changed = () => {};
  socket.subscribe<{ stockChanged: StockEvent }>(
    { query: STOCK_CHANGED, variables: { skus } },
    {
      next: (result) => {
        if (result.errors) errors.push(result.errors);
        if (result.data) events.push(result.data.stockChanged);
        changed();
      },
      error: (error) => {
        errors.push(error);
        changed();
      },
      complete: () => {},
    },
  );
  return {
    events,
    errors,
    /** Resolves once the events satisfy `done`; the test's own timeout bounds the wait. */
    until: (done: (events: StockEvent[]) => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (done(events)) resolve();
        };
        changed = check;
        check();
      }),
  };
}

/** A committed change of the product on the channel the writers use, as a stock import would send; `at` tells markers apart. */
async function notifyImported(productId: string, at: string): Promise<void> {
  await db.query('select pg_notify($1, $2)', [
    STOCK_CHANNEL,
    JSON.stringify({ id: randomUUID(), productIds: [productId], reason: 'IMPORTED', at }),
  ]);
}

let markers = 0;

/**
 * Sends marker changes of `productId` until every watcher has heard the last one, then takes every
 * event up to that marker out of each watcher's list and returns them, markers left out. A socket
 * delivers in order, so whatever happened before the marker has arrived by then. (The gateway sets the
 * upstream subscription up asynchronously: the markers repeat until everyone is listening.)
 */
async function marker(productId: string, watchers: ReturnType<typeof watch>[]): Promise<StockEvent[][]> {
  for (;;) {
    const at = new Date(Date.UTC(2000, 0, 1) + ++markers * 1000).toISOString();
    await notifyImported(productId, at);
    const heard = (w: ReturnType<typeof watch>) => w.events.some((e) => e.reason === 'IMPORTED' && new Date(e.at).toISOString() === at);
    const all = Promise.all(watchers.map((w) => w.until(() => heard(w))));
    if (await Promise.race([all.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 300))])) {
      return watchers.map((w) => {
        const last = w.events.findIndex((e) => e.reason === 'IMPORTED' && new Date(e.at).toISOString() === at);
        const before = w.events.splice(0, last + 1);
        return before.filter((e) => new Date(e.at).getTime() >= Date.UTC(2001, 0, 1));
      });
    }
  }
}

async function availableOf(sku: string): Promise<number> {
  const { rows } = await db.query(
    'select sum(sl.on_hand - sl.reserved)::int as n from products.stock_level sl join products.product p on p.id = sl.product_id where p.sku = $1',
    [sku],
  );
  return rows[0].n;
}

describe('stockChanged through the gateway', () => {
  it('tells the watchers the new availability after an order reserved stock; a dealer without the product hears nothing of it', async () => {
    const full = watch(platinum, [inside.sku, outside.sku]);
    const limited = watch(restricted, [inside.sku, outside.sku]);
    await marker(inside.id, [full, limited]);
    const [insideBefore, outsideBefore] = [await availableOf(inside.sku), await availableOf(outside.sku)];

    const { placeOrder } = await platinum.data(PLACE, {
      input: {
        idempotencyKey: randomUUID(),
        lines: [
          { sku: inside.sku, quantity: 2 },
          { sku: outside.sku, quantity: 3 },
        ],
      },
    });
    expect(placeOrder.userErrors).toEqual([]);

    await full.until((events) => events.filter((e) => e.reason === 'RESERVED').length === 2);
    const reserved = new Map(full.events.map((e) => [e.sku, e]));
    expect(reserved.get(inside.sku)!.product.stock.available).toBe(insideBefore - 2);
    expect(reserved.get(outside.sku)!.product.stock.available).toBe(outsideBefore - 3);
    expect(await availableOf(inside.sku)).toBe(insideBefore - 2);
    // The event is a whole product: per-warehouse stock (the dealer's warehouse first) and the dealer's price, from the prices subgraph.
    const event = reserved.get(inside.sku)!;
    expect(event.product.stock.warehouses[0]).toMatchObject({ preferred: true, warehouse: { code: 'WH-NORTH' } });
    expect(event.product.price!.unitPrice.amount).toMatch(/^\d+\.\d\d$/);

    await limited.until((events) => events.some((e) => e.reason === 'RESERVED'));
    // A marker after the order: by the time it arrives, anything the order could have sent has arrived.
    const [heard] = await marker(inside.id, [limited]);
    expect(heard.map((e) => [e.sku, e.reason])).toEqual([[inside.sku, 'RESERVED']]);
    expect(heard[0].product.stock.available).toBe(insideBefore - 2);
    expect([...full.errors, ...limited.errors]).toEqual([]);
  }, 120_000);

  it('sends nothing for a change that rolled back (an order short of stock)', async () => {
    const full = watch(platinum, [outside.sku]);
    await marker(outside.id, [full]);
    const available = await availableOf(outside.sku);
    const { placeOrder } = await platinum.data(PLACE, {
      input: { idempotencyKey: randomUUID(), lines: [{ sku: outside.sku, quantity: available + 1 }] },
    });
    expect(placeOrder.userErrors.map((e: { code: string }) => e.code)).toEqual(['INSUFFICIENT_STOCK']);
    const [heard] = await marker(outside.id, [full]);
    expect(heard).toEqual([]);
    expect(await availableOf(outside.sku)).toBe(available);
  }, 120_000);

  it('tells the watchers about a stock import through the gateway, with the new figure', async () => {
    const full = watch(platinum, [inside.sku]);
    await marker(inside.id, [full]);
    const before = await availableOf(inside.sku);
    const { rows } = await db.query<{ on_hand: number }>(
      `select sl.on_hand from products.stock_level sl join products.warehouse w on w.id = sl.warehouse_id where sl.product_id = $1 and w.code = 'WH-CENTRAL'`,
      [inside.id],
    );
    const admin = await stack.loginAs('admin@demo.staff');
    const { importStockLevels } = await admin.data(
      'mutation($input: ImportStockLevelsInput!) { importStockLevels(input: $input) { changed userErrors { code } } }',
      { input: { levels: [{ sku: inside.sku, warehouseCode: 'WH-CENTRAL', onHand: rows[0].on_hand + 25 }] } },
    );
    expect(importStockLevels).toEqual({ changed: 1, userErrors: [] });
    await full.until((events) => events.length > 0);
    expect(full.events.map((e) => [e.sku, e.reason, e.product.stock.available])).toEqual([[inside.sku, 'IMPORTED', before + 25]]);
  }, 120_000);

  it('refuses an anonymous subscriber (UNAUTHENTICATED) and an empty or too long watch list (BAD_USER_INPUT)', async () => {
    const outcomeOf = (client: Client, skus: string[]) =>
      new Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] } | unknown>((resolve) => {
        client.subscribe(
          { query: STOCK_CHANGED, variables: { skus } },
          { next: (r) => resolve(r), error: (e) => resolve(e), complete: () => resolve('complete') },
        );
      });
    const anonymous = createClient({ url: stack.gatewayUrl.replace('http', 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    const signedIn = createClient({
      url: stack.gatewayUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${platinum.accessToken}` },
    });
    sockets.push(anonymous, signedIn);
    // Refused at the gateway (its anonymous-access gate) before any subgraph is asked.
    const refused = (await outcomeOf(anonymous, [inside.sku])) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    // Refused by this subgraph when the subscription starts; the gateway passes its code and message on.
    const empty = (await outcomeOf(signedIn, [])) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string; field?: string } }[];
    };
    expect(empty.data ?? null).toBeNull();
    expect(empty.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.message])).toEqual([
      ['BAD_USER_INPUT', 'skus', 'Name at least one sku to watch.'],
    ]);
    const tooMany = (await outcomeOf(
      signedIn,
      Array.from({ length: 101 }, (_, i) => `SKU-${i}`),
    )) as { errors?: { extensions?: { code?: string } }[] };
    expect(tooMany.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  }, 60_000);
});
