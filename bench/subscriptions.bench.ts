/**
 * Live order events at scale, through the real gateway: SUBSCRIBERS graphql-ws clients (dealer users of
 * Demo Platinum Dealer) subscribe to orderUpdated, then a burst of BURST status changes commits, each
 * in its own transaction with its outbox row. For each delivery the bench notes the time from the
 * change's commit to the client's receipt, side by side for two selections:
 *   A. `orderUpdated { id status }` (orders subgraph only);
 *   B. `orderUpdated { id status dealer { name } }` (the gateway also fetches the dealer from dealers).
 * Run: node --expose-gc --import @swc-node/register/esm-register bench/subscriptions.bench.ts   (DATABASE_URL optional)
 * Prints how the gateway grouped the subscriptions, delivered / expected, p50 / p99 commit-to-client
 * latency, the process's CPU time per delivery and memory per open subscription (RSS and heap growth
 * of this one process, which holds the clients, the gateway and the subgraphs).
 * BENCH_DISTINCT_TOKENS=1 gives every socket a token of its own, so that the gateway can share nothing.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

import { dropDatabase } from '@dealergraph/embedded-db';
import { ACCESS_TOKEN_ALGORITHM } from '@dealergraph/runtime';
import { type Client, createClient } from 'graphql-ws';
import { decodeJwt, importPKCS8, SignJWT } from 'jose';
import WebSocket from 'ws';

import { GraphQLClient } from '../packages/testing/src/graphql-client.js';
import { recordOrderEvent } from '../subgraphs/orders/src/events/outbox.service.js';
import { Order } from '../subgraphs/orders/src/orders/order.entity.js';
import { benchServer, demoDatabase, percentile, seededStack } from './kit.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const BURST = Number(process.env.BENCH_BURST ?? 10);
const ROUNDS = process.env.BENCH_ROUNDS ?? 'AB';
/** A directory: a CPU profile of each burst (from the first commit to the last delivery) is written there. */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
/**
 * Set: every socket gets a token of its own (the same three users and sessions, each token with another
 * issue time), so the gateway can share nothing between them; unset, the sockets share three tokens.
 */
const DISTINCT_TOKENS = process.env.BENCH_DISTINCT_TOKENS === '1';

const server = await benchServer();
const adminUrl = server.adminUrl;
const dbName = `dg_bench_subs_${process.pid}`;
const database = await demoDatabase(server, dbName);
const { stack, keys } = await seededStack(database.url, { poolSize: 8, seed: !database.seeded });

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
  const sharing = stack.gateway.subscriptionStats();
  console.log(
    `  gateway: ${sharing.members} client subscriptions in ${sharing.groups} groups of identical ones, ${sharing.upstream} upstream subscriptions`,
  );

  const cpuBefore = process.cpuUsage();
  const burstStart = Date.now();
  const profiler = PROFILE_DIR ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  for (const orderId of orderIds) {
    await stack.orms.orders.em.fork().transactional(async (em) => {
      const order = await em.findOneOrFail(Order, orderId);
      order.status = 'CANCELLED';
      recordOrderEvent(em, {
        orderId,
        dealerId: order.dealerId,
        scope: order,
        type: 'STATUS_CHANGED',
        status: 'CANCELLED',
        reason: 'bench',
      });
    });
    committedAt.set(orderId, Date.now());
  }
  const expected = SUBSCRIBERS * orderIds.length;
  const deadline = Date.now() + 30_000;
  while (delivered < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const cpu = process.cpuUsage(cpuBefore);
  const wall = Date.now() - burstStart;
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    const file = `${PROFILE_DIR}/subscriptions-${label.slice(0, 1)}-${process.pid}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    profiler.disconnect();
    console.log(`  CPU profile of the burst: ${file}`);
  }
  latencies.sort((a, b) => a - b);
  console.log(`  entity fetches answered by one in flight: ${stack.gateway.subscriptionStats().sharedFetches - sharing.sharedFetches}`);
  console.log(`  delivered ${delivered} / ${expected}`);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `  CPU of this process from the first commit to the last delivery: ${cpuMs.toFixed(0)} ms in ${wall} ms (${((cpuMs * 1000) / Math.max(delivered, 1)).toFixed(0)} µs per delivery, clients included)`,
  );
  console.log(
    `  commit to client: p50 ${percentile(latencies, 0.5)} ms, p99 ${percentile(latencies, 0.99)} ms, max ${latencies.at(-1)} ms`,
  );
  console.log(
    `  memory per subscription (one socket each): RSS ${((open.rss - before.rss) / SUBSCRIBERS / 1024).toFixed(1)} KB, heap ${((open.heapUsed - before.heapUsed) / SUBSCRIBERS / 1024).toFixed(1)} KB (process RSS ${mb(open.rss)})`,
  );
  await Promise.all(clients.map((c) => c.dispose()));
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

try {
  const signedIn = await Promise.all(['platinum@demo.dealer', 'orders@demo.dealer', 'viewer@demo.dealer'].map(token));
  const signingKey = await importPKCS8(keys.privateKey, ACCESS_TOKEN_ALGORITHM);
  const tokens = DISTINCT_TOKENS
    ? await Promise.all(
        Array.from({ length: SUBSCRIBERS }, (_, i) => {
          const claims = decodeJwt(signedIn[i % signedIn.length]);
          return new SignJWT({ ...claims, iat: claims.iat! - 1 - Math.floor(i / signedIn.length) })
            .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM })
            .sign(signingKey);
        }),
      )
    : signedIn;
  const platinum = new GraphQLClient(stack.gatewayUrl);
  platinum.accessToken = signedIn[0];
  const { orders } = await platinum.data(`{ orders(first: ${BURST * 2}) { nodes { id } } }`);
  const ids: string[] = orders.nodes.map((o: { id: string }) => o.id);
  console.log(
    `${SUBSCRIBERS} subscribers on ${tokens.length} tokens, a burst of ${BURST} committed status changes per round, ${gc ? 'with' : 'without'} gc before memory readings`,
  );
  if (ROUNDS.includes('A')) await round('A. orderUpdated { id status }', 'id status', tokens, ids.slice(0, BURST));
  if (ROUNDS.includes('B'))
    await round('B. orderUpdated { id status dealer { name } }', 'id status dealer { name }', tokens, ids.slice(BURST, BURST * 2));
} finally {
  await stack.stop();
  await dropDatabase(adminUrl, dbName);
  await server.stop();
}
