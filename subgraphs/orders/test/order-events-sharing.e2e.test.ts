import { type RunningStack, startStack } from '@dealergraph/launcher';
import { createTestDatabase, GraphQLClient, openSocket, type TestDatabase, until as waitUntil } from '@dealergraph/testing';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { recordOrderEvent } from '../src/events/outbox.service.js';
import { Order } from '../src/orders/order.entity.js';

/**
 * The gateway executes identical subscriptions (same token, operation, variables and client address)
 * once per event and shares one upstream subscription between them: every client still gets every
 * event once, a client that leaves does not end the others', and nothing crosses from one token to another.
 */
let db: TestDatabase;
let stack: RunningStack;
const sockets: Client[] = [];
// Short enough for the test below to outlive it (sign-in under load stays well within it); subscriptions must not be subject to it.
const UPSTREAM_TIMEOUT_MS = 8000;

beforeAll(async () => {
  db = await createTestDatabase({ seeded: true });
  stack = await startStack({
    databaseUrl: db.url,
    gatewayPort: 0,
    gatewayHost: '127.0.0.1',
    ports: { dealers: 0, products: 0, prices: 0, credit: 0, orders: 0 },
    seed: false,
    logLevel: 'error',
    poolSize: 4,
    gatewaySecurity: { upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS },
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

function socket(token: string): Client {
  const client = openSocket(stack.gatewayUrl, token);
  sockets.push(client);
  return client;
}

interface Listener {
  statuses: { id: string; status: string; dealer: string }[];
  /** Resolves once `count` events arrived. */
  received(count: number): Promise<void>;
  stop(): void;
}

function listen(client: Client): Listener {
  const statuses: Listener['statuses'] = [];
  const waiters: { count: number; resolve(): void }[] = [];
  const stop = client.subscribe<{ orderUpdated: { id: string; status: string; dealer: { name: string } } }>(
    { query: 'subscription { orderUpdated { id status dealer { name } } }' },
    {
      next: (result) => {
        const order = result.data?.orderUpdated;
        statuses.push(
          order
            ? { id: order.id, status: order.status, dealer: order.dealer.name }
            : { id: '', status: JSON.stringify(result.errors), dealer: '' },
        );
        for (const waiter of waiters) if (statuses.length >= waiter.count) waiter.resolve();
      },
      error: (error) => statuses.push({ id: '', status: `error: ${JSON.stringify(error)}`, dealer: '' }),
      complete: () => {},
    },
  );
  return {
    statuses,
    received: (count) => new Promise<void>((resolve) => (statuses.length >= count ? resolve() : waiters.push({ count, resolve }))),
    stop,
  };
}

async function until(check: () => boolean): Promise<void> {
  await waitUntil('the shared subscription state the test waits for', check);
}

async function dealerOrder(email: string): Promise<Order> {
  const client = new GraphQLClient(stack.gatewayUrl);
  await client.login(email, 'demo-pass-2026');
  const { orders } = await client.data('{ orders(first: 1) { nodes { id } } }');
  return (await stack.orms.orders.em.fork().findOneOrFail(Order, orders.nodes[0].id)) as Order;
}

async function changeStatus(order: Order, status: Order['status']): Promise<void> {
  await stack.orms.orders.em.fork().transactional(async (em) => {
    const row = await em.findOneOrFail(Order, order.id);
    row.status = status;
    recordOrderEvent(em, { orderId: row.id, dealerId: row.dealerId, scope: row, type: 'STATUS_CHANGED', status, reason: 'sharing test' });
  });
}

describe('identical subscriptions at the gateway', () => {
  it('share one execution per event, each client gets it once, other tokens and dealers stay apart, and a leaving client ends only its own', async () => {
    const platinumOrder = await dealerOrder('platinum@demo.dealer');
    const bronzeOrder = await dealerOrder('bronze@demo.dealer');
    const platinumToken = await tokenOf('platinum@demo.dealer');
    const first = listen(socket(platinumToken));
    const second = listen(socket(platinumToken));
    const sameDealerOtherUser = listen(socket(await tokenOf('orders@demo.dealer')));
    const bronze = listen(socket(await tokenOf('bronze@demo.dealer')));
    // Three tokens: three groups and three upstream subscriptions for four clients.
    await until(() => {
      const stats = stack.gateway.subscriptionStats();
      return stats.members === 4 && stats.consumers === 3;
    });
    expect(stack.gateway.subscriptionStats()).toMatchObject({ groups: 3, members: 4, upstream: 3, consumers: 3 });

    await changeStatus(platinumOrder, 'CANCELLED');
    await Promise.all([first.received(1), second.received(1), sameDealerOtherUser.received(1)]);
    const cancelled = { id: platinumOrder.id, status: 'CANCELLED', dealer: 'Demo Platinum Dealer' };
    expect(first.statuses).toEqual([cancelled]);
    expect(second.statuses).toEqual([cancelled]);
    expect(sameDealerOtherUser.statuses).toEqual([cancelled]);

    // The bronze client's upstream saw the platinum event before this one and let it pass by.
    await changeStatus(bronzeOrder, 'CANCELLED');
    await bronze.received(1);
    expect(bronze.statuses).toEqual([{ id: bronzeOrder.id, status: 'CANCELLED', dealer: 'Demo Bronze Dealer' }]);

    first.stop();
    await until(() => stack.gateway.subscriptionStats().members === 3);
    await changeStatus(platinumOrder, 'APPROVED');
    await Promise.all([second.received(2), sameDealerOtherUser.received(2)]);
    expect(second.statuses.map((s) => s.status)).toEqual(['CANCELLED', 'APPROVED']);
    expect(first.statuses).toHaveLength(1);
    expect(bronze.statuses).toHaveLength(1);
    second.stop();
    sameDealerOtherUser.stop();
    bronze.stop();
    await until(() => stack.gateway.subscriptionStats().members === 0);
    expect(stack.gateway.subscriptionStats()).toMatchObject({ groups: 0, upstream: 0 });
  });

  it('keeps a subscription open longer than the upstream timeout', async () => {
    const order = await dealerOrder('bronze@demo.dealer');
    const bronze = listen(socket(await tokenOf('bronze@demo.dealer')));
    await until(() => stack.gateway.subscriptionStats().consumers === 1);
    await new Promise((resolve) => setTimeout(resolve, UPSTREAM_TIMEOUT_MS + 500));
    await changeStatus(order, 'APPROVED');
    await bronze.received(1);
    expect(bronze.statuses).toEqual([{ id: order.id, status: 'APPROVED', dealer: 'Demo Bronze Dealer' }]);
    bronze.stop();
  });
});
