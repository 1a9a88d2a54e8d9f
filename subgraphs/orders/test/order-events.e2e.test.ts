import { type RunningStack, startStack } from '@dealergraph/launcher';
import { ACCESS_TOKEN_ALGORITHM, generateSigningKeys } from '@dealergraph/runtime';
import { createTestDatabase, GraphQLClient, openSocket, type TestDatabase } from '@dealergraph/testing';
import type { Client } from 'graphql-ws';
import { decodeJwt, importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OrderEvent } from '../src/events/order-event.entity.js';
import { recordOrderEvent } from '../src/events/outbox.service.js';
import { Order } from '../src/orders/order.entity.js';
import { noSubscriptions, OrderEventHub, subscribed, until } from './support/live.js';

/**
 * Live order events end to end: a change commits with its outbox row in the orders database, the relay
 * publishes it, the orders subgraph pushes it over graphql-ws to the real gateway, which resolves the
 * dealer from the dealers subgraph and delivers it to a real graphql-ws client.
 */
let db: TestDatabase;
let stack: RunningStack;
let keys: { privateKey: string; publicKey: string };
/** The orders subgraph's hub: a test waits until its subscriptions are live there before raising events. */
const hub = new OrderEventHub();
const sockets: Client[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ seeded: true });
  keys = await generateSigningKeys();
  stack = await startStack({
    databaseUrl: db.url,
    gatewayPort: 0,
    gatewayHost: '127.0.0.1',
    ports: { dealers: 0, products: 0, prices: 0, credit: 0, orders: 0 },
    seed: false,
    logLevel: 'error',
    poolSize: 4,
    jwtPrivateKey: keys.privateKey,
    jwtPublicKey: keys.publicKey,
    orders: { events: hub },
  });
});

afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await stack?.stop();
  await db?.drop();
});

async function tokenOf(email: string): Promise<string> {
  const client = new GraphQLClient(stack.gatewayUrl);
  await client.login(email, 'demo-pass-2026');
  return client.accessToken!;
}

function socket(token: string | null, onClosed?: (code: number) => void): Client {
  const client = openSocket(stack.gatewayUrl, token, { eager: true, onClosed: (event) => onClosed?.(event.code) });
  sockets.push(client);
  return client;
}

interface Received<T = any> {
  items: { at: number; data: T; errors?: unknown }[];
  next(timeoutMs: number): Promise<T>;
  stop(): void;
}

/** Subscribes and collects every result; `subscribed(hub, n)` tells when the subgraph has the subscriptions. */
function subscribe<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}): Received<T> {
  const items: Received<T>['items'] = [];
  let waiter: ((value: T) => void) | null = null;
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        items.push({ at: Date.now(), data: result.data as T, errors: result.errors });
        waiter?.(result.data as T);
      },
      error: (error) => items.push({ at: Date.now(), data: null as T, errors: error }),
      complete: () => {},
    },
  );
  return {
    items,
    next: (timeoutMs) =>
      new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
        waiter = (value) => {
          clearTimeout(timer);
          waiter = null;
          resolve(value);
        };
      }),
    stop,
  };
}

const ORDER_UPDATED = 'subscription($orderId: ID) { orderUpdated(orderId: $orderId) { id status total { amount } dealer { id name } } }';

async function dealerOrder(dealerName: 'platinum' | 'bronze'): Promise<Order> {
  const client = new GraphQLClient(stack.gatewayUrl);
  await client.login(`${dealerName}@demo.dealer`, 'demo-pass-2026');
  const { orders } = await client.data('{ orders(first: 1) { nodes { id } } }');
  return (await stack.orms.orders.em.fork().findOneOrFail(Order, orders.nodes[0].id)) as Order;
}

/** Changes an order's status the way the lifecycle does: the row and its outbox event in one transaction. */
async function changeStatus(order: Order, status: Order['status'], reason: string | null = null, fail = false): Promise<number> {
  await stack.orms.orders.em.fork().transactional(async (em) => {
    const row = await em.findOneOrFail(Order, order.id);
    row.status = status;
    recordOrderEvent(em, { orderId: row.id, dealerId: row.dealerId, scope: row, type: 'STATUS_CHANGED', status, reason });
    await em.flush();
    if (fail) throw new Error('rolled back on purpose');
  });
  return Date.now();
}

describe('orderUpdated through the gateway', () => {
  it("delivers a committed status change to the dealer's user within a second, with the dealer's name, and to no other dealer", async () => {
    const platinumOrder = await dealerOrder('platinum');
    const bronzeOrder = await dealerOrder('bronze');
    const live = await noSubscriptions(hub);
    const platinum = subscribe(socket(await tokenOf('platinum@demo.dealer')), ORDER_UPDATED);
    const bronze = subscribe(socket(await tokenOf('bronze@demo.dealer')), ORDER_UPDATED);
    const staff = subscribe(socket(await tokenOf('manager@demo.staff')), ORDER_UPDATED, { orderId: platinumOrder.id });
    await subscribed(hub, live + 3);

    // Latency from commit to client is bench/subscriptions' to measure; a loaded CI machine would make
    // a timed assertion here flaky.
    const received = platinum.next(15_000);
    await changeStatus(platinumOrder, 'CANCELLED', 'changed in a test');
    const event = await received;
    expect(event).toEqual({
      orderUpdated: {
        id: platinumOrder.id,
        status: 'CANCELLED',
        total: { amount: expect.any(String) },
        dealer: { id: platinumOrder.dealerId, name: 'Demo Platinum Dealer' },
      },
    });
    // Positive controls instead of waiting "long enough": events are delivered in commit order, so
    // once each subscriber has an event it must receive, raised after the one it must not, a leak
    // would have arrived before it.
    const bronzeControl = bronze.next(15_000);
    await changeStatus(bronzeOrder, 'REJECTED', 'bronze control');
    await bronzeControl;
    const platinumControl = platinum.next(15_000);
    await changeStatus(platinumOrder, 'REJECTED', 'platinum control');
    await platinumControl;
    await until('the staff subscription to receive the control', () => staff.items.length >= 2);
    expect(staff.items.map((i) => i.data?.orderUpdated?.status)).toEqual(['CANCELLED', 'REJECTED']);
    expect(bronze.items.map((i) => i.data?.orderUpdated?.id)).toEqual([bronzeOrder.id]);
    expect(platinum.items.map((i) => i.data?.orderUpdated?.id)).toEqual([platinumOrder.id, platinumOrder.id]);
    platinum.stop();
    bronze.stop();
    staff.stop();
  });

  it('passes an error of a later event on with its code (an event whose order is gone) and keeps the subscription', async () => {
    const platinumOrder = await dealerOrder('platinum');
    const live = await noSubscriptions(hub);
    const platinum = subscribe(socket(await tokenOf('platinum@demo.dealer')), ORDER_UPDATED);
    await subscribed(hub, live + 1);
    // An event of the dealer's whose order no longer exists: the orders subgraph answers NOT_FOUND for it.
    const gone = platinum.next(10_000);
    await stack.orms.orders.em.fork().transactional(async (em) => {
      recordOrderEvent(em, {
        orderId: crypto.randomUUID(),
        dealerId: platinumOrder.dealerId,
        scope: platinumOrder,
        type: 'STATUS_CHANGED',
        status: 'CANCELLED',
        reason: null,
      });
    });
    await gone;
    expect(platinum.items).toHaveLength(1);
    expect(platinum.items[0].data ?? null).toBeNull();
    expect(platinum.items[0].errors).toEqual([
      expect.objectContaining({
        message: 'The order of this event is gone.',
        extensions: expect.objectContaining({ code: 'NOT_FOUND', serviceName: 'orders' }),
      }),
    ]);
    // The stream goes on: the next real change arrives.
    const received = platinum.next(10_000);
    await changeStatus(platinumOrder, 'CANCELLED', 'after the gone one');
    expect((await received).orderUpdated).toMatchObject({ id: platinumOrder.id, status: 'CANCELLED' });
    platinum.stop();
  });

  it('publishes nothing for a change that rolled back', async () => {
    const order = await dealerOrder('bronze');
    const live = await noSubscriptions(hub);
    const bronze = subscribe(socket(await tokenOf('bronze@demo.dealer')), ORDER_UPDATED);
    await subscribed(hub, live + 1);
    const events = await stack.orms.orders.em.fork().count(OrderEvent, { orderId: order.id });
    await expect(changeStatus(order, 'REJECTED', null, true)).rejects.toThrow('rolled back on purpose');
    expect(await stack.orms.orders.em.fork().count(OrderEvent, { orderId: order.id })).toBe(events);
    // The positive control: a change committed after the rolled-back one arrives, and alone (a leaked
    // row would have been published before it).
    const control = bronze.next(15_000);
    await changeStatus(order, 'CANCELLED');
    await control;
    expect(bronze.items.map((i) => i.data.orderUpdated.status)).toEqual(['CANCELLED']);
    bronze.stop();
  });

  it('lets a client that reconnects fetch what it missed, and keeps a feed of notifications with read marks', async () => {
    const order = await dealerOrder('platinum');
    const since = new Date(Date.now() - 1);
    await changeStatus(order, 'CANCELLED', 'missed while offline');
    const platinum = new GraphQLClient(stack.gatewayUrl);
    await platinum.login('orders@demo.dealer', 'demo-pass-2026');
    const { orderEvents } = await platinum.data(
      'query($since: DateTimeISO!) { orderEvents(since: $since) { id type status reason order { id dealer { name } } } }',
      { since },
    );
    expect(orderEvents).toEqual([
      {
        id: expect.any(String),
        type: 'STATUS_CHANGED',
        status: 'CANCELLED',
        reason: 'missed while offline',
        order: { id: order.id, dealer: { name: 'Demo Platinum Dealer' } },
      },
    ]);
    const bronze = new GraphQLClient(stack.gatewayUrl);
    await bronze.login('bronze@demo.dealer', 'demo-pass-2026');
    expect((await bronze.data('query($since: DateTimeISO!) { orderEvents(since: $since) { id } }', { since })).orderEvents).toEqual([]);

    const feed = await platinum.data('{ notifications(first: 5) { unreadCount totalCount nodes { id read reason } } }');
    expect(feed.notifications.nodes[0]).toEqual({ id: orderEvents[0].id, read: false, reason: 'missed while offline' });
    const unread = feed.notifications.unreadCount;
    expect(unread).toBeGreaterThan(0);
    const marked = await platinum.data(
      'mutation($ids: [ID!]) { markNotificationsRead(eventIds: $ids) { unreadCount userErrors { code } } }',
      { ids: [orderEvents[0].id] },
    );
    expect(marked.markNotificationsRead).toEqual({ unreadCount: unread - 1, userErrors: [] });
    // Another dealer cannot mark (or see) it.
    expect(
      (await bronze.data('{ notifications(first: 50) { nodes { id } } }')).notifications.nodes.map((n: { id: string }) => n.id),
    ).not.toContain(orderEvents[0].id);
    const all = await platinum.data('mutation { markNotificationsRead(all: true) { unreadCount } }');
    expect(all.markNotificationsRead.unreadCount).toBe(0);
  });

  it('feeds approvers the queue changes of their level only', async () => {
    const order = await dealerOrder('platinum');
    const live = await noSubscriptions(hub);
    const rep = subscribe(
      socket(await tokenOf('rep@demo.staff')),
      'subscription { approvalQueueChanged { type level order { id dealer { name } } } }',
    );
    const director = subscribe(socket(await tokenOf('director@demo.staff')), 'subscription { approvalQueueChanged { type level } }');
    // An ORDER_ENTRY user approves nothing (a DEALER_ADMIN may subscribe: their dealer's own steps, docs/APPROVALS.md).
    const dealer = subscribe(socket(await tokenOf('orders@demo.dealer')), 'subscription { approvalQueueChanged { type } }');
    // The dealer user's subscription is refused (approvers only): two of the three go live.
    await until("the dealer's subscription to be refused", () => dealer.items.length >= 1);
    await subscribed(hub, live + 2);
    await stack.orms.orders.em.fork().transactional(async (em) => {
      recordOrderEvent(em, {
        orderId: order.id,
        dealerId: order.dealerId,
        scope: order,
        type: 'ESCALATED',
        status: 'PENDING_APPROVAL',
        data: { level: 3 },
      });
      recordOrderEvent(em, {
        orderId: order.id,
        dealerId: order.dealerId,
        scope: order,
        type: 'APPROVAL_STEP',
        status: 'PENDING_APPROVAL',
        data: { level: 1 },
      });
    });
    // The positive control: a later level-1 change, which both approvers receive; a leak of the
    // level-3 escalation to the rep would have arrived before it.
    await stack.orms.orders.em.fork().transactional(async (em) => {
      recordOrderEvent(em, {
        orderId: order.id,
        dealerId: order.dealerId,
        scope: order,
        type: 'REMINDER',
        status: 'PENDING_APPROVAL',
        data: { level: 1 },
      });
    });
    await until('both approvers to receive the control', () => director.items.length >= 3 && rep.items.length >= 2);
    expect(director.items.at(-1)!.data.approvalQueueChanged).toEqual({ type: 'REMINDER', level: 1 });
    director.items.pop();
    rep.items.pop();
    // Two events of one transaction may share an instant: compare them in a fixed order.
    const byType = (a: { type: string }, b: { type: string }) => a.type.localeCompare(b.type);
    expect(director.items.map((i) => i.data.approvalQueueChanged).sort(byType)).toEqual([
      { type: 'APPROVAL_STEP', level: 1 },
      { type: 'ESCALATED', level: 3 },
    ]);
    expect(rep.items.map((i) => i.data.approvalQueueChanged)).toEqual([
      { type: 'APPROVAL_STEP', level: 1, order: { id: order.id, dealer: { name: 'Demo Platinum Dealer' } } },
    ]);
    expect(dealer.items[0]?.errors ?? dealer.items[0]).toBeTruthy();
    expect(dealer.items.every((i) => !i.data?.approvalQueueChanged)).toBe(true);
    rep.stop();
    director.stop();
    dealer.stop();
  });
});

describe('graphql-ws authentication at the gateway', () => {
  it('refuses a socket whose token does not verify', async () => {
    const closed = new Promise<number>((resolve) => socket('not-a-token', resolve));
    expect(await closed).toBe(4403);
  });

  it('closes a socket when its token expires, so it stops receiving', async () => {
    const order = await dealerOrder('platinum');
    const real = decodeJwt(await tokenOf('platinum@demo.dealer'));
    const { exp: _exp, iat: _iat, ...claims } = real;
    const expiresAt = Date.now() + 8000;
    const shortLived = await new SignJWT(claims)
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM })
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .sign(await importPKCS8(keys.privateKey, ACCESS_TOKEN_ALGORITHM));
    let closedWith: number | null = null;
    const live = await noSubscriptions(hub);
    const sub = subscribe(
      socket(shortLived, (code) => (closedWith = code)),
      ORDER_UPDATED,
    );
    await subscribed(hub, live + 1);
    const received = sub.next(6000);
    await changeStatus(order, 'CANCELLED');
    await received;
    // The gateway closes the socket when the token expires (4401): wait for the close itself.
    await until('the socket to close at expiry', () => closedWith !== null, Math.max(0, expiresAt - Date.now()) + 10_000);
    expect(closedWith).toBe(4401);
    const before = sub.items.length;
    // The positive control: a live subscription of the same dealer receives the next change; the closed one does not.
    const live2 = await noSubscriptions(hub);
    const control = subscribe(socket(await tokenOf('platinum@demo.dealer')), ORDER_UPDATED);
    await subscribed(hub, live2 + 1);
    const controlled = control.next(15_000);
    await changeStatus(order, 'CANCELLED');
    await controlled;
    expect(sub.items.length).toBe(before);
    control.stop();
  });
});
