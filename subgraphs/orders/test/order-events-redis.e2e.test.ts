import { randomUUID } from 'node:crypto';
import { createConnection } from 'node:net';

import { type RunningGateway, startGateway } from '@dealergraph/gateway';
import { type RunningStack, startStack } from '@dealergraph/launcher';
import { deriveInternalKey, generateSigningKeys, type RunningService, runSubgraph } from '@dealergraph/runtime';
import { createTestDatabase, GraphQLClient, type TestDatabase } from '@dealergraph/testing';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { recordOrderEvent } from '../src/events/outbox.service.js';
import { ordersSubgraph } from '../src/index.js';
import { Order } from '../src/orders/order.entity.js';
import { OrderEventHub, until } from './support/live.js';

/**
 * The machine's Redis (CI and the team's machines run one). Without it there is nothing to fan out through, so
 * the suite skips on a laptop without Redis; under CI (`CI` set, as `.ci/run` does) a missing Redis fails instead
 * of passing silently.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** This run's keys (budgets, nonces, session answers), apart from any other run on the same Redis. */
const REDIS_KEY_PREFIX = `dealergraph-test:${randomUUID()}:`;
const redisUp = await new Promise<boolean>((resolve) => {
  const url = new URL(REDIS_URL);
  const probe = createConnection({ host: url.hostname, port: Number(url.port || 6379) });
  probe.once('connect', () => (probe.end(), resolve(true)));
  probe.once('error', () => resolve(false));
});

/**
 * Two orders instances and two gateways on one database and one Redis: an event committed through
 * either instance reaches subscribers on both gateways, each exactly once (one relay claims the row;
 * Redis fans it out; each instance's hub drops repeats).
 */
if (!redisUp && process.env.CI) throw new Error(`CI runs Redis, but ${REDIS_URL} does not answer: start it or set REDIS_URL`);

describe.skipIf(!redisUp)('order events over Redis across instances', () => {
  let db: TestDatabase;
  let stack: RunningStack;
  let ordersB: RunningService;
  let gatewayB: RunningGateway;
  const sockets: Client[] = [];
  /** The two orders instances' hubs: the test waits until its subscriptions are live in them. */
  const hubA = new OrderEventHub();
  const hubB = new OrderEventHub();

  beforeAll(async () => {
    db = await createTestDatabase({ seeded: true });
    const keys = await generateSigningKeys();
    stack = await startStack({
      databaseUrl: db.url,
      gatewayPort: 0,
      gatewayHost: '127.0.0.1',
      ports: { dealers: 0, products: 0, prices: 0, credit: 0, orders: 0, integration: 0 },
      seed: false,
      logLevel: 'error',
      poolSize: 4,
      jwtPrivateKey: keys.privateKey,
      jwtPublicKey: keys.publicKey,
      redisUrl: REDIS_URL,
      redisKeyPrefix: REDIS_KEY_PREFIX,
      orders: { events: hubA },
    });
    const base = (name: keyof RunningStack['subgraphs']) => `http://127.0.0.1:${stack.subgraphs[name].port}`;
    ordersB = await runSubgraph(ordersSubgraph({}, { events: hubB }), {
      host: '127.0.0.1',
      port: 0,
      databaseUrl: db.url,
      hmacSecret: stack.hmacSecret,
      production: false,
      poolSize: 4,
      logLevel: 'error',
      internalKey: deriveInternalKey(stack.hmacSecret),
      serviceUrls: {
        dealers: base('dealers'),
        products: base('products'),
        prices: base('prices'),
        credit: base('credit'),
        orders: base('orders'),
        integration: base('integration'),
      },
      faultInjection: false,
      redisUrl: REDIS_URL,
      redisKeyPrefix: REDIS_KEY_PREFIX,
    } as Parameters<typeof runSubgraph>[1]);
    const urls = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url])) as Record<
      keyof RunningStack['subgraphs'],
      string
    >;
    gatewayB = await startGateway({
      host: '127.0.0.1',
      port: 0,
      jwtPublicKey: keys.publicKey,
      hmacSecret: stack.hmacSecret,
      production: false,
      subgraphUrls: { ...urls, orders: ordersB.url },
    });
  });

  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await gatewayB?.stop();
    await ordersB?.stop();
    await stack?.stop();
    await db?.drop();
  });

  async function subscribeAt(gatewayUrl: string, email: string) {
    const http = new GraphQLClient(gatewayUrl);
    await http.login(email, 'demo-pass-2026');
    const client = createClient({
      url: gatewayUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${http.accessToken}` },
      retryAttempts: 0,
    });
    sockets.push(client);
    const received: { id: string; status: string; dealer: { name: string } }[] = [];
    client.subscribe<{ orderUpdated: (typeof received)[number] }>(
      { query: 'subscription { orderUpdated { id status dealer { name } } }' },
      { next: (r) => r.data && received.push(r.data.orderUpdated), error: () => {}, complete: () => {} },
    );
    return { received, http };
  }

  it('delivers an event raised on one instance to subscribers on both gateways, exactly once each', async () => {
    const onA = await subscribeAt(stack.gatewayUrl, 'platinum@demo.dealer');
    const onB = await subscribeAt(gatewayB.url, 'orders@demo.dealer');
    const otherDealer = await subscribeAt(gatewayB.url, 'bronze@demo.dealer');
    const { orders } = await onA.http.data('{ orders(first: 1) { nodes { id } } }');
    const { orders: bronzeOrders } = await otherDealer.http.data('{ orders(first: 1) { nodes { id } } }');
    await until('the three subscriptions to be live in the two orders instances', () => hubA.size + hubB.size >= 3);

    // Raised through instance A's database connection; instance B's subscriber is the one that matters.
    const change = (orderId: string, status: 'CANCELLED' | 'REJECTED') =>
      stack.orms.orders.em.fork().transactional(async (em) => {
        const order = await em.findOneOrFail(Order, orderId);
        order.status = status;
        recordOrderEvent(em, { orderId: order.id, dealerId: order.dealerId, scope: order, type: 'STATUS_CHANGED', status });
      });
    await change(orders.nodes[0].id, 'CANCELLED');
    // The positive control instead of waiting past a few polls: a second change, committed after the
    // first arrived everywhere. Both relays wake on every commit and publish in commit order, so a
    // duplicate of the first (or a leak to the other dealer) would have arrived before the control.
    await until('the change to reach both gateways', () => onA.received.length >= 1 && onB.received.length >= 1);
    await change(bronzeOrders.nodes[0].id, 'REJECTED');
    await change(orders.nodes[0].id, 'REJECTED');
    await until('the controls to arrive', () => onA.received.length >= 2 && onB.received.length >= 2 && otherDealer.received.length >= 1);
    const platinum = (status: string) => ({ id: orders.nodes[0].id, status, dealer: { name: 'Demo Platinum Dealer' } });
    const expected = [platinum('CANCELLED'), platinum('REJECTED')];
    expect(onB.received).toEqual(expected);
    expect(onA.received).toEqual(expected);
    expect(otherDealer.received).toEqual([{ id: bronzeOrders.nodes[0].id, status: 'REJECTED', dealer: { name: 'Demo Bronze Dealer' } }]);
  });
});
