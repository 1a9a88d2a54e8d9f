/**
 * Live order events at scale, through the real gateway: SUBSCRIBERS graphql-ws clients (dealer users of
 * Demo Platinum Dealer) subscribe to orderUpdated, then a burst of BURST status changes commits, each
 * in its own transaction with its outbox row. For each delivery the bench notes the time from the
 * change's commit to the client's receipt, side by side for two selections:
 *   A. `orderUpdated { id status }` (orders subgraph only);
 *   B. `orderUpdated { id status dealer { name } }` (the gateway also fetches the dealer from dealers).
 * Run: node --expose-gc --import @swc-node/register/esm-register bench/subscriptions.bench.ts   (DATABASE_URL optional)
 * Prints delivered / expected, p50 / p99 commit-to-client latency and memory per open subscription
 * (RSS and heap growth of this one process, which holds the clients, the gateway and the subgraphs).
 */
import { createDatabase, dropDatabase } from '@dealergraph/embedded-db';
import { Order } from '../subgraphs/orders/src/entities/order.entity.js';
import { recordOrderEvent } from '../subgraphs/orders/src/services/outbox.service.js';
import { GraphQLClient } from '../packages/testing/src/graphql-client.js';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { benchServer, percentile, seededStack } from './kit.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const BURST = Number(process.env.BENCH_BURST ?? 10);

const server = await benchServer();
const adminUrl = server.adminUrl;
const dbName = `dg_bench_subs_${process.pid}`;
const databaseUrl = await createDatabase(adminUrl, dbName);
const { stack } = await seededStack(databaseUrl, { poolSize: 8 });

const gc = (globalThis as { gc?: () => void }).gc;
const memory = () => {
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function token(email: string) {
  const client = new GraphQLClient(stack.gatewayUrl);
  await client.login(email, 'demo-pass-2026');
  return client.accessToken!;
}

async function round(label: string, selection: string, tokens: string[], orderIds: string[]) {
  const before = memory();
  const clients: Client[] = [];
  const latencies: number[] = [];
  const committedAt = new Map<string, number>();
  let delivered = 0;
  let acknowledged = 0;
  let failed = 0;
  for (let i = 0; i < SUBSCRIBERS; i++) {
    // Open in batches: a thousand simultaneous connects overflow the listen backlog.
    if (i % 100 === 0) while (acknowledged + failed < i) await new Promise((resolve) => setTimeout(resolve, 20));
    const client = createClient({
      url: stack.gatewayUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${tokens[i % tokens.length]}` },
      retryAttempts: 3,
      on: { connected: () => void acknowledged++, closed: () => void (acknowledged < SUBSCRIBERS && failed++) },
    });
    clients.push(client);
    client.subscribe<{ orderUpdated: { id: string } }>(
      { query: `subscription { orderUpdated { ${selection} } }` },
      {
        next: (result) => {
          const id = result.data?.orderUpdated.id;
          const at = id ? committedAt.get(id) : undefined;
          if (at !== undefined) {
            delivered++;
            latencies.push(Date.now() - at);
          }
        },
        error: () => {},
        complete: () => {},
      },
    );
  }
  const openBy = Date.now() + 60_000;
  while (acknowledged < SUBSCRIBERS && Date.now() < openBy) await new Promise((resolve) => setTimeout(resolve, 50));
  console.log(`\n${label}: ${acknowledged} sockets acknowledged, ${failed} closed while opening`);
  // The gateway sets each upstream subscription up after the socket opened: let them all arrive.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const open = memory();

  for (const orderId of orderIds) {
    await stack.orms.orders.em.fork().transactional(async (em) => {
      const order = await em.findOneOrFail(Order, orderId);
      order.status = 'CANCELLED';
      recordOrderEvent(em, { orderId, dealerId: order.dealerId, scope: order, type: 'STATUS_CHANGED', status: 'CANCELLED', reason: 'bench' });
    });
    committedAt.set(orderId, Date.now());
  }
  const expected = SUBSCRIBERS * orderIds.length;
  const deadline = Date.now() + 30_000;
  while (delivered < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  latencies.sort((a, b) => a - b);
  console.log(`  delivered ${delivered} / ${expected}`);
  console.log(`  commit to client: p50 ${percentile(latencies, 0.5)} ms, p99 ${percentile(latencies, 0.99)} ms, max ${latencies.at(-1)} ms`);
  console.log(`  memory per subscription (one socket each): RSS ${((open.rss - before.rss) / SUBSCRIBERS / 1024).toFixed(1)} KB, heap ${((open.heapUsed - before.heapUsed) / SUBSCRIBERS / 1024).toFixed(1)} KB (process RSS ${mb(open.rss)})`);
  await Promise.all(clients.map((c) => c.dispose()));
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

try {
  const tokens = await Promise.all(['platinum@demo.dealer', 'orders@demo.dealer', 'viewer@demo.dealer'].map(token));
  const platinum = new GraphQLClient(stack.gatewayUrl);
  platinum.accessToken = tokens[0];
  const { orders } = await platinum.data(`{ orders(first: ${BURST * 2}) { nodes { id } } }`);
  const ids: string[] = orders.nodes.map((o: { id: string }) => o.id);
  console.log(`${SUBSCRIBERS} subscribers, a burst of ${BURST} committed status changes per round, ${gc ? 'with' : 'without'} gc before memory readings`);
  await round('A. orderUpdated { id status }', 'id status', tokens, ids.slice(0, BURST));
  await round('B. orderUpdated { id status dealer { name } }', 'id status dealer { name }', tokens, ids.slice(BURST, BURST * 2));
} finally {
  await stack.stop();
  await dropDatabase(adminUrl, dbName);
  await server.stop();
}
