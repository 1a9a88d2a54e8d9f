import { randomUUID } from 'node:crypto';

import { type GraphQLClient, startTestStack, type TestStack, until } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { placePending } from './support/pending-order.js';
import { PushReceiver, type TestDevice, verifyVapid } from './support/push-receiver.js';

/**
 * Web push through the real gateway to a push service of our own (support/push-receiver.ts): the
 * demo's VAPID key (generated once, kept), devices subscribed per user, each event's message
 * encrypted to the device's keys and signed for the push service's origin, a 410 removing the
 * subscription, a 500 retried, preferences, and nobody else's devices hearing of an order.
 * Demo Platinum has three users (platinum@ DEALER_ADMIN, orders@ ORDER_ENTRY, viewer@ VIEW_ONLY);
 * Demo Bronze is another dealer; manager@demo.staff approves Demo Platinum's orders at level 2.
 */
const receiver = new PushReceiver();
let stack: TestStack;
let platinum: GraphQLClient;
let orders: GraphQLClient;
let viewer: GraphQLClient;
let bronze: GraphQLClient;
let manager: GraphQLClient;
/** platinum@'s device, used by two tests. */
let laptop: TestDevice;
/** orders@'s device. */
let tablet: TestDevice;

const REGISTER = `mutation($input: RegisterPushSubscriptionInput!) {
  registerPushSubscription(input: $input) { subscription { id endpoint userAgent } userErrors { code field } } }`;
const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number status } userErrors { code message } } }';

beforeAll(async () => {
  await receiver.start();
  // At most 8 non-urgent pushes per person an hour: platinum@ reaches it in the last test.
  stack = await startTestStack({ orders: { notifications: { retryDelaySeconds: 1, retryLimit: 2, pollSeconds: 1, ratePerHour: 8 } } });
  [platinum, orders, viewer, bronze, manager] = await Promise.all(
    ['platinum@demo.dealer', 'orders@demo.dealer', 'viewer@demo.dealer', 'bronze@demo.dealer', 'manager@demo.staff'].map((e) =>
      stack.loginAs(e),
    ),
  );
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await receiver.stop();
});

const sql = async <T>(query: string, params: unknown[] = []) => stack.orms.orders.em.fork().getConnection().execute<T[]>(query, params);

async function register(client: GraphQLClient, device: TestDevice, userAgent: string | null = null) {
  const { registerPushSubscription } = await client.data(REGISTER, { input: { ...device.subscription, userAgent } });
  return registerPushSubscription as {
    subscription: { id: string; endpoint: string } | null;
    userErrors: { code: string; field: string[] }[];
  };
}

async function placeSmall(client: GraphQLClient): Promise<{ id: string; number: string }> {
  const { products } = await client.data(
    '{ products(first: 50, filter: { inStockOnly: true }) { nodes { sku stock { available } price { unitPrice { amount } } } } }',
  );
  const item = (products.nodes as { sku: string; stock: { available: number }; price: { unitPrice: { amount: string } } | null }[]).find(
    (p) => p.price && p.stock.available >= 2 && Number(p.price.unitPrice.amount) < 500,
  );
  if (!item) throw new Error('no product fits');
  const { placeOrder } = await client.data(PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku: item.sku, quantity: 1 }] } });
  expect(placeOrder.userErrors).toEqual([]);
  return placeOrder.order;
}

/** The decrypted messages a device received. */
const messagesTo = (device: TestDevice) =>
  receiver
    .to(device)
    .map((r) => JSON.parse(device.decrypt(r.body)) as { title: string; body: string; url: string; tag: string; kind: string });

describe('web push', () => {
  let publicKey: string;

  it('the demo generates a VAPID key once and keeps it; every user can read it', async () => {
    const answers = await Promise.all([platinum, bronze, manager].map((c) => c.data('{ webPushPublicKey }')));
    publicKey = answers[0].webPushPublicKey;
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65);
    expect(answers.map((a) => a.webPushPublicKey)).toEqual([publicKey, publicKey, publicKey]);
    const kept = await sql<{ public_key: string }>(`select public_key from "orders"."push_vapid_key"`);
    expect(kept).toEqual([{ public_key: publicKey }]);
  });

  it('subscribes a device once under a burst, refuses what is not a subscription, and lists only the caller’s devices', async () => {
    const device = receiver.device('burst');
    const answers = await Promise.all(Array.from({ length: 8 }, () => register(platinum, device, 'Firefox on Linux')));
    expect(answers.every((a) => a.userErrors.length === 0)).toBe(true);
    expect(new Set(answers.map((a) => a.subscription!.id)).size).toBe(1);
    const rows = await sql<{ n: number }>(`select count(*)::int as n from "orders"."push_subscription" where endpoint = ?`, [
      device.endpoint,
    ]);
    expect(rows[0].n).toBe(1);

    const bad = await platinum.data(REGISTER, { input: { endpoint: 'ftp://push.example/x', p256dh: 'AAAA', auth: 'short' } });
    expect(bad.registerPushSubscription.subscription).toBeNull();
    expect(bad.registerPushSubscription.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual([
      'input.auth',
      'input.endpoint',
      'input.p256dh',
    ]);

    const mine = await platinum.data('{ pushSubscriptions { endpoint userAgent } }');
    expect(mine.pushSubscriptions).toEqual([{ endpoint: device.endpoint, userAgent: 'Firefox on Linux' }]);
    expect((await bronze.data('{ pushSubscriptions { id } }')).pushSubscriptions).toEqual([]);
    // Someone else's device is not theirs to remove; the owner's removal works once.
    const removeAs = async (client: GraphQLClient) =>
      (await client.data('mutation($e: String!) { removePushSubscription(endpoint: $e) { removed } }', { e: device.endpoint }))
        .removePushSubscription.removed;
    expect(await removeAs(bronze)).toBe(false);
    expect(await removeAs(platinum)).toBe(true);
    expect(await removeAs(platinum)).toBe(false);
  });

  it('an order placed: each subscribed user of the dealer gets an encrypted, VAPID-signed message; a 410 removes the device; a 500 is retried; another dealer hears nothing', async () => {
    laptop = receiver.device('platinum-laptop');
    const expired = receiver.device('viewer-expired', 'GONE');
    const flaky = receiver.device('orders-flaky', 'FAIL_ONCE');
    const otherDealer = receiver.device('bronze-phone');
    for (const [client, device] of [
      [platinum, laptop],
      [viewer, expired],
      [orders, flaky],
      [bronze, otherDealer],
    ] as const)
      expect((await register(client, device)).userErrors).toEqual([]);

    // A small order is placed and approved at once: two events, two messages per device.
    const order = await placeSmall(platinum);
    await until('two messages to the laptop', () => receiver.to(laptop).length >= 2);
    await until('the flaky device: two messages, one of them retried', () => receiver.to(flaky).length >= 3);
    await until('the expired device removed', async () => {
      const [row] = await sql<{ n: number }>(`select count(*)::int as n from "orders"."push_subscription" where endpoint = ?`, [
        expired.endpoint,
      ]);
      return row.n === 0;
    });

    const messages = messagesTo(laptop);
    expect(messages.map((m) => m.kind).sort()).toEqual(['ORDER_APPROVED', 'ORDER_PLACED']);
    const placed = messages.find((m) => m.kind === 'ORDER_PLACED')!;
    expect(placed).toMatchObject({ title: `Order ${order.number} placed`, tag: `ORDER_PLACED:${order.number}` });
    expect(placed.body).toContain(order.number);
    expect(placed.url).toMatch(new RegExp(`/orders/${order.id}$`));
    expect(new Set(messagesTo(flaky).map((m) => m.title))).toEqual(
      new Set([`Order ${order.number} placed`, `Order ${order.number} approved`]),
    );

    const request = receiver.to(laptop)[0];
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(request.headers.urgency).toBe('normal');
    expect(Number(request.headers.ttl)).toBe(24 * 3600);
    const vapid = await verifyVapid(request.headers.authorization as string, receiver.origin);
    expect(vapid.publicKey).toBe(publicKey);
    expect(vapid.subject).toMatch(/^mailto:/);
    expect(vapid.expiresAt * 1000).toBeGreaterThan(Date.now());

    // The database says what happened to each message: one row per event and device of the dealer's users, none for another dealer.
    const rows = await until('every message settled', async () => {
      const found = await sql<{ kind: string; endpoint: string | null; status: string; attempts: number }>(
        `select p.kind, s.endpoint, p.status, p.attempts from "orders"."push_notification" p
           join "orders"."order_event" e on e.id = p.event_id
           left join "orders"."push_subscription" s on s.id = p.subscription_id
          where e.order_id = ?`,
        [order.id],
      );
      return found.length === 6 && found.every((r) => r.status !== 'PENDING') ? found : undefined;
    });
    const of = (endpoint: string | null) => rows.filter((r) => r.endpoint === endpoint);
    expect(of(laptop.endpoint).map((r) => [r.status, r.attempts])).toEqual([
      ['SENT', 1],
      ['SENT', 1],
    ]);
    expect(
      of(flaky.endpoint)
        .map((r) => r.attempts)
        .sort(),
    ).toEqual([1, 2]);
    expect(of(flaky.endpoint).every((r) => r.status === 'SENT')).toBe(true);
    // The expired device's messages: GONE (the 410, or planned before it and never sent after).
    expect(of(null).map((r) => r.status)).toEqual(['GONE', 'GONE']);
    expect(receiver.to(otherDealer)).toEqual([]);
    expect(receiver.to(expired).length).toBeGreaterThanOrEqual(1);
  });

  it('an approver’s device is asked at once (Urgency high) for an order waiting at their level', async () => {
    const phone = receiver.device('manager-phone');
    expect((await register(manager, phone)).userErrors).toEqual([]);
    const orderId = await placePending(platinum);
    await until('the approval message', () => receiver.to(phone).length >= 1);
    const [message] = messagesTo(phone);
    expect(message.kind).toBe('APPROVAL_WAITING');
    expect(message.title).toMatch(/^Approval needed: order /);
    expect(message.url).toMatch(new RegExp(`/orders/${orderId}$`));
    expect(receiver.to(phone)[0].headers.urgency).toBe('high');
  });

  it('a user who turned push off for a kind gets no message of it; their mail choice is kept', async () => {
    tablet = receiver.device('orders-tablet');
    expect((await register(orders, tablet)).userErrors).toEqual([]);
    const { setNotificationPreference } = await orders.data(
      'mutation { setNotificationPreference(kind: ORDER_PLACED, push: OFF) { preferences { kind email push } userErrors { code } } }',
    );
    expect(setNotificationPreference.userErrors).toEqual([]);
    expect(setNotificationPreference.preferences).toContainEqual({ kind: 'ORDER_PLACED', email: 'IMMEDIATE', push: 'OFF' });
    const nothing = await orders.data('mutation { setNotificationPreference(kind: ORDER_PLACED) { userErrors { code field } } }');
    expect(nothing.setNotificationPreference.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['email'] }]);

    const order = await placeSmall(platinum);
    // The positive control: platinum@, who kept push on, hears of the order; by then its event is planned.
    await until('the laptop hears of the new order', () => messagesTo(laptop).some((m) => m.title === `Order ${order.number} placed`));
    const planned = await sql<{ n: number }>(
      `select count(*)::int as n from "orders"."push_notification" p join "orders"."order_event" e on e.id = p.event_id
        where e.order_id = ? and p.kind = 'ORDER_PLACED' and p.user_id = (select user_id from "orders"."push_subscription" where endpoint = ?)`,
      [order.id, tablet.endpoint],
    );
    expect(planned[0].n).toBe(0);
    expect(messagesTo(tablet).filter((m) => m.kind === 'ORDER_PLACED')).toEqual([]);
  });

  it('quiet hours hold a non-urgent message until they end (a pg-boss job that starts then); others hear at once', async () => {
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    const now = Date.now();
    const window = { start: hhmm(new Date(now - 3_600_000)), end: hhmm(new Date(now + 2 * 3_600_000)), timeZone: 'UTC' };
    const SET =
      'mutation($input: QuietHoursInput) { setQuietHours(input: $input) { quietHours { start end timeZone } userErrors { code field } } }';
    const bad = await orders.data(SET, { input: { start: '22:00', end: '22:00', timeZone: 'Mars/Olympus' } });
    expect(bad.setQuietHours.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual(['input.end', 'input.timeZone']);
    expect(bad.setQuietHours.quietHours).toBeNull();
    expect((await orders.data(SET, { input: window })).setQuietHours).toEqual({ quietHours: window, userErrors: [] });
    expect((await orders.data('{ quietHours { start end timeZone } }')).quietHours).toEqual(window);

    const order = await placeSmall(platinum);
    await until('the laptop hears of the approval', () => messagesTo(laptop).some((m) => m.title === `Order ${order.number} approved`));
    const [held] = await sql<{ id: string; status: string }>(
      `select p.id, p.status from "orders"."push_notification" p join "orders"."order_event" e on e.id = p.event_id
        join "orders"."push_subscription" s on s.id = p.subscription_id where e.order_id = ? and s.endpoint = ?`,
      [order.id, tablet.endpoint],
    );
    expect(held.status).toBe('PENDING');
    const [job] = await sql<{ start_after: Date }>(`select start_after from "pgboss"."job" where id = ?`, [held.id]);
    const release = new Date(job.start_after).getTime();
    expect(release).toBeGreaterThan(now + 3_600_000);
    expect(release).toBeLessThanOrEqual(now + 2 * 3_600_000 + 60_000);
    expect(new Date(release).toISOString().slice(11, 16)).toBe(window.end);
    expect(messagesTo(tablet).filter((m) => m.title.includes(order.number))).toEqual([]);

    expect((await orders.data(SET, { input: null })).setQuietHours).toEqual({ quietHours: null, userErrors: [] });
  });

  it('the rate limit per recipient: past 8 an hour, the next push waits for a slot instead of going out', async () => {
    const user = (
      await sql<{ user_id: string }>(`select user_id from "orders"."push_subscription" where endpoint = ?`, [laptop.endpoint])
    )[0].user_id;
    const jobsOf = () =>
      sql<{ event_id: string; start_after: Date; created_on: Date }>(
        `select p.event_id, j.start_after, j.created_on from "orders"."push_notification" p join "pgboss"."job" j on j.id = p.id
          where p.user_id = ? and p.created_at > now() - interval '1 hour'`,
        [user],
      );
    let waiting: { start_after: Date }[] = [];
    for (let i = 0; i < 6 && waiting.length === 0; i++) {
      const order = await placeSmall(platinum);
      await until('the new order planned for the laptop', async () => {
        const [row] = await sql<{ n: number }>(
          `select count(*)::int as n from "orders"."push_notification" p join "orders"."order_event" e on e.id = p.event_id
            where e.order_id = ? and p.user_id = ?`,
          [order.id, user],
        );
        return row.n >= 2;
      });
      waiting = (await jobsOf()).filter((j) => new Date(j.start_after).getTime() > new Date(j.created_on).getTime() + 60_000);
    }
    expect(waiting.length).toBeGreaterThan(0);
    // Exactly 8 went at once within the hour; every one past them waits about an hour after the first.
    const jobs = await jobsOf();
    const atOnce = jobs.filter((j) => new Date(j.start_after).getTime() <= new Date(j.created_on).getTime() + 60_000);
    expect(new Set(atOnce.map((j) => j.event_id)).size).toBe(8);
    for (const job of waiting) expect(new Date(job.start_after).getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
  });
});
