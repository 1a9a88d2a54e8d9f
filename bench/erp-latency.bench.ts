/**
 * Order approved -> ERP (issue 14's performance item): the whole graph in this process with the demo
 * data, the ERP simulator registered as `npm start` registers it (its API client and webhook
 * endpoint), acknowledging at once (pace 0). BENCH_ORDERS small orders (default 200) are placed by
 * demo dealers BENCH_CONCURRENCY at a time (default 4); each is approved at placement (small, in credit). Per order:
 *   approved   = the APPROVED row of orders.order_status_change (the commit of the placement)
 *   received   = when the simulator accepted the signed order.approved delivery (its clock: this process)
 *   acknowledged = orders.order.erp_acknowledged_at (acknowledgeOrder through the gateway committed)
 * and the same for the live path beside it: the dealer's orderUpdated socket receiving APPROVED
 * (the in-app baseline: the same commit, pushed over graphql-ws without a queue or a second hop).
 * Prints p50 / p99 / max of each. All clocks are this host's.
 *
 *   node --import @swc-node/register/esm-register bench/erp-latency.bench.ts     # DATABASE_URL optional; BENCH_WEBHOOK_POLL_SECONDS (default the service's 1)
 */
import { randomUUID } from 'node:crypto';

import { registerSimulator, startErpSimulator } from '@dealergraph/integration';
import { GraphQLClient, openSocket } from '@dealergraph/testing';
import pg from 'pg';

import { benchServer, demoDatabase, percentile, seededStack } from './kit.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
/** How often the webhook worker asks pg-boss for jobs (the service's default is 1 s; pg-boss allows 0.5 and up). */
const POLL_SECONDS = process.env.BENCH_WEBHOOK_POLL_SECONDS ? Number(process.env.BENCH_WEBHOOK_POLL_SECONDS) : undefined;
const DEALERS = ['platinum@demo.dealer', 'gold@demo.dealer'];
const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } userErrors { code message } } }';

const summary = (label: string, values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v: number) => `${v.toFixed(0)} ms`.padStart(8);
  console.log(
    `${label.padEnd(34)} n=${String(sorted.length).padStart(4)}  p50 ${f(percentile(sorted, 0.5))}  p99 ${f(percentile(sorted, 0.99))}  max ${f(sorted.at(-1) ?? NaN)}`,
  );
};

async function main() {
  const server = await benchServer();
  const { url, seeded } = await demoDatabase(server, `dg_bench_erp_${Date.now()}`);
  const { stack } = await seededStack(url, {
    seed: !seeded,
    ports: { dealers: 0, products: 0, prices: 0, credit: 0, orders: 0, integration: 0 },
    ...(POLL_SECONDS ? { integration: { webhooks: { pollSeconds: POLL_SECONDS } } } : {}),
  });
  const erp = await startErpSimulator({ pace: { acknowledgeMs: 0, shipMs: 3_600_000, invoiceMs: 3_600_000 } });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const registration = await registerSimulator({
      graphqlUrl: stack.gatewayUrl,
      admin: { email: 'admin@demo.staff', password: 'demo-pass-2026' },
      url: erp.url,
      log: () => {},
    });
    erp.setSecret(registration.secret);
    erp.setApi({ graphqlUrl: stack.gatewayUrl, clientId: registration.clientId, clientSecret: registration.clientSecret });

    const dealers = await Promise.all(
      DEALERS.map(async (email) => {
        const client = new GraphQLClient(stack.gatewayUrl);
        await client.login(email, 'demo-pass-2026');
        const { products } = await client.data(
          '{ products(first: 50, filter: { inStockOnly: true }) { nodes { sku restriction stock { available } price { unitPrice { amount } } } } }',
        );
        const sku = products.nodes.find(
          (p: { restriction: string | null; stock: { available: number }; price: { unitPrice: { amount: string } } | null }) =>
            !p.restriction && p.stock.available >= ORDERS && p.price && Number(p.price.unitPrice.amount) < 50,
        )?.sku as string | undefined;
        if (!sku) throw new Error(`no cheap product in stock for ${email}`);
        return { client, sku };
      }),
    );
    // The live baseline: each dealer's orderUpdated socket, APPROVED events by order id.
    const live = new Map<string, number>();
    const sockets = dealers.map(({ client }) => {
      const socket = openSocket(stack.gatewayUrl, client.accessToken);
      socket.subscribe<{ orderUpdated: { id: string; status: string } }>(
        { query: 'subscription { orderUpdated { id status } }' },
        {
          next: ({ data }) => {
            if (data?.orderUpdated.status === 'APPROVED' && !live.has(data.orderUpdated.id)) live.set(data.orderUpdated.id, Date.now());
          },
          error: (error) => console.error('socket', error),
          complete: () => {},
        },
      );
      return socket;
    });
    // Give the sockets a moment to subscribe before the first order (a missed event only shortens the baseline's n).
    await new Promise((r) => setTimeout(r, 1000));

    console.log(`placing ${ORDERS} orders, ${CONCURRENCY} at a time…`);
    const ids: string[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < ORDERS; i = next++) {
          const { client, sku } = dealers[i % dealers.length]!;
          const { placeOrder } = await client.data(PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku, quantity: 1 }] } });
          if (placeOrder.userErrors.length || placeOrder.order.status !== 'APPROVED')
            throw new Error(`order ${i}: ${JSON.stringify(placeOrder)}`);
          ids.push(placeOrder.order.id);
        }
      }),
    );
    const placedIn = Date.now() - started;
    const deadline = Date.now() + 120_000;
    const acknowledged = async () =>
      (
        await db.query(`select count(*)::int as n from orders."order" where id = any($1::uuid[]) and erp_acknowledged_at is not null`, [
          ids,
        ])
      ).rows[0].n as number;
    while ((await acknowledged()) < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const drainedIn = Date.now() - started;

    const { rows } = await db.query<{ id: string; approved: Date; acked: Date | null }>(
      `select o.id, (select min(c.at) from orders.order_status_change c where c.order_id = o.id and c.status = 'APPROVED') as approved,
              o.erp_acknowledged_at as acked
         from orders."order" o where o.id = any($1::uuid[])`,
      [ids],
    );
    const received = new Map<string, number>();
    for (const e of erp.unique.values())
      if (e.type === 'order.approved' && e.orderId && !received.has(e.orderId)) received.set(e.orderId, e.receivedAt);
    const toReceived: number[] = [];
    const toAck: number[] = [];
    const toLive: number[] = [];
    for (const r of rows) {
      const approved = new Date(r.approved).getTime();
      if (received.has(r.id)) toReceived.push(received.get(r.id)! - approved);
      if (r.acked) toAck.push(new Date(r.acked).getTime() - approved);
      if (live.has(r.id)) toLive.push(live.get(r.id)! - approved);
    }
    console.log(
      `placed ${ids.length} in ${(placedIn / 1000).toFixed(1)} s (${((ids.length * 1000) / placedIn).toFixed(1)}/s); all acknowledged after ${(drainedIn / 1000).toFixed(1)} s`,
    );
    summary('approved -> simulator received', toReceived);
    summary('approved -> acknowledged (ERP number)', toAck);
    summary('approved -> dealer socket (baseline)', toLive);
    const dupes = erp.received.length - erp.unique.size;
    console.log(`deliveries: ${erp.unique.size} unique, ${dupes} repeated, ${erp.rejected} rejected`);
    for (const s of sockets) await s.dispose();
  } finally {
    await db.end();
    await erp.stop();
    await stack.stop();
    await server.stop();
  }
}

await main();
process.exit(0);
