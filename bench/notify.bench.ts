/**
 * Mail notifications: one order event to 1,000 recipients. Demo Platinum Dealer gets 1,000 more users
 * (1,003 with the demo's three), then a dealer user places a small order (approved at once): its
 * ORDER_PLACED event mails every user of the dealer. Measured from placeOrder's answer:
 *   - enqueued: all 1,003 mails planned (rendered, inserted into mail_notification, one pg-boss job each);
 *   - delivered: all 1,003 taken by a local SMTP receiver (smtp-server, no TLS) and recorded SENT,
 *     with the demo's dev mailbox on (every mail also kept in PostgreSQL).
 * ROUNDS orders one after the other (default 3); prints each round and the median. The whole graph
 * runs in this one process (startStack), as the tests run it; the load average is printed with it.
 *
 * Run: node --import @swc-node/register/esm-register bench/notify.bench.ts
 *   DATABASE_URL   a server to create the bench database on (default: an embedded PostgreSQL)
 *   BENCH_RECIPIENTS extra users of the dealer (default 1000), BENCH_ROUNDS (default 3)
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';

import { dropDatabase } from '@dealergraph/embedded-db';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

import { benchServer, demoDatabase, gql, seededStack } from './kit.js';

const EXTRA = Number(process.env.BENCH_RECIPIENTS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PLATINUM = 'platinum@demo.dealer';

async function waitFor(probe: () => Promise<boolean> | boolean, what: string, timeoutMs = 300_000): Promise<number> {
  const start = performance.now();
  for (;;) {
    if (await probe()) return performance.now();
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const server = await benchServer();
const name = `bench_notify_${process.pid}`;
const database = await demoDatabase(server, name);
let delivered = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      delivered++;
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}?pool=true&maxConnections=8`;
const { stack } = await seededStack(database.url, {
  seed: !database.seeded,
  orders: { notifications: { smtpUrl, pollSeconds: 1 } },
});
const db = new pg.Client({ connectionString: database.url });
await db.connect();
try {
  const [{ id: dealerId }] = (
    await db.query(`select d.id from dealers.dealer d join dealers.user_account u on u.dealer_id = d.id where u.email = $1`, [PLATINUM])
  ).rows;
  await db.query(
    `insert into dealers.user_account (id, email, full_name, password_hash, role, dealer_id)
     select gen_random_uuid(), 'bench-' || n || '@platinum.bench', 'Bench User ' || n, 'x', 'ORDER_ENTRY', $1
       from generate_series(1, $2::int) n on conflict (email) do nothing`,
    [dealerId, EXTRA],
  );
  const recipients = Number(
    (await db.query(`select count(*) from dealers.user_account where dealer_id = $1 and active`, [dealerId])).rows[0].count,
  );
  const { login } = await gql(
    stack.gatewayUrl,
    null,
    `mutation { login(email: "${PLATINUM}", password: "demo-pass-2026") { accessToken } }`,
  );
  const { products } = await gql(
    stack.gatewayUrl,
    login.accessToken,
    '{ products(first: 50, filter: { inStockOnly: true }) { nodes { sku stock { available } price { unitPrice { amount } } } } }',
  );
  const cheap = (products.nodes as { sku: string; stock: { available: number }; price: { unitPrice: { amount: string } } | null }[]).filter(
    (p) => p.price && Number(p.price.unitPrice.amount) < 100 && p.stock.available >= ROUNDS + 1,
  );
  console.log(`one ORDER_PLACED event to ${recipients} users of Demo Platinum Dealer; SMTP receiver on loopback; ${ROUNDS} rounds`);
  const rows: { enqueue: number; deliver: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const before = delivered;
    const t0 = performance.now();
    const { placeOrder } = await gql(
      stack.gatewayUrl,
      login.accessToken,
      'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } userErrors { code } } }',
      { input: { idempotencyKey: randomUUID(), lines: [{ sku: cheap[round % cheap.length].sku, quantity: 1 }] } },
    );
    if (!placeOrder.order) throw new Error(JSON.stringify(placeOrder.userErrors));
    const placed = performance.now();
    const orderId = placeOrder.order.id as string;
    const count = async (where: string) =>
      Number(
        (await db.query(`select count(*) from orders.mail_notification where order_id = $1 and kind = 'ORDER_PLACED' ${where}`, [orderId]))
          .rows[0].count,
      );
    const enqueued = await waitFor(async () => (await count('')) >= recipients, 'the mails planned');
    const sent = await waitFor(
      async () => delivered - before >= recipients && (await count(`and status = 'SENT'`)) >= recipients,
      'the mails delivered',
    );
    rows.push({ enqueue: enqueued - placed, deliver: sent - placed });
    console.log(
      `round ${round + 1}: placeOrder ${(placed - t0).toFixed(0)} ms; enqueued ${(enqueued - placed).toFixed(0)} ms; delivered ${(sent - placed).toFixed(0)} ms` +
        ` (${((recipients / (sent - placed)) * 1000).toFixed(0)} mails/s); load ${loadavg()[0].toFixed(2)}`,
    );
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `median of ${ROUNDS}: enqueued ${median(rows.map((r) => r.enqueue)).toFixed(0)} ms, delivered ${median(rows.map((r) => r.deliver)).toFixed(0)} ms for ${recipients} recipients`,
  );
} finally {
  await db.end();
  await stack.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await dropDatabase(server.adminUrl, name).catch(() => {});
  await server.stop();
}
