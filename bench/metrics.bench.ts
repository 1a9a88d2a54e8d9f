/**
 * successMetrics over a year of orders, through the gateway as a staff user (manager@demo.staff):
 *   1. the demo data (about 10,000 orders over 12 months);
 *   2. a 10x copy: every order of the year and its status history copied nine times (new ids and
 *      numbers, same dealers, channels, statuses and times), then ANALYZE.
 * Per size: a warm-up, then ROUNDS requests one after the other; prints the median and p90 answer
 * time, the orders counted, and the plan's execution time of the counting statement (EXPLAIN ANALYZE).
 * The whole graph runs in this one process (startStack); the load average is printed with it.
 *
 * Run: node --import @swc-node/register/esm-register bench/metrics.bench.ts
 *   DATABASE_URL   a server to create the bench database on (default: an embedded PostgreSQL)
 *   BENCH_ROUNDS   requests per size (default 20)
 */
import { loadavg } from 'node:os';

import { dropDatabase } from '@dealergraph/embedded-db';
import pg from 'pg';

import { benchServer, demoDatabase, gql, percentile, seededStack } from './kit.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const METRICS = `query($from: DateTimeISO!, $to: DateTimeISO!) { successMetrics(from: $from, to: $to) {
  orderCount portalOrderRatio activeDealerRatio orderErrorRate averageProcessingHours afterHoursOrderRatio staffEnteredOrderRatio } }`;

const server = await benchServer();
const name = `bench_metrics_${process.pid}`;
const database = await demoDatabase(server, name);
const { stack } = await seededStack(database.url, { seed: !database.seeded });
const db = new pg.Client({ connectionString: database.url });
await db.connect();
try {
  const url = stack.gatewayUrl;
  const { login } = await gql(url, null, 'mutation { login(email: "manager@demo.staff", password: "demo-pass-2026") { accessToken } }');
  const token = login.accessToken as string;
  const to = new Date();
  const from = new Date(to.getTime() - 366 * 24 * 3600 * 1000);

  async function measure(label: string) {
    await gql(url, token, METRICS, { from, to });
    const times: number[] = [];
    let metrics: Record<string, unknown> = {};
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      metrics = (await gql(url, token, METRICS, { from, to })).successMetrics;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const plan = await db.query(
      `explain (analyze, format json)
       select count(*), count(s.shipped_at), sum(extract(epoch from (s.shipped_at - o.placed_at)))
         from orders."order" o
         left join lateral (select min(c.at) as shipped_at from orders.order_status_change c where c.order_id = o.id and c.status = 'SHIPPED') s on true
        where o.placed_at >= $1 and o.placed_at < $2 and o.workflow = 'DONE'`,
      [from, to],
    );
    const executionMs = (plan.rows[0]['QUERY PLAN'] as { 'Execution Time': number }[])[0]['Execution Time'];
    console.log(
      `${label}: ${metrics.orderCount} orders; successMetrics median ${percentile(times, 0.5).toFixed(1)} ms, p90 ${percentile(times, 0.9).toFixed(1)} ms over ${ROUNDS} requests; counting statement ${executionMs.toFixed(1)} ms (EXPLAIN ANALYZE); load ${loadavg()[0].toFixed(2)}`,
    );
    console.log(`  ${JSON.stringify(metrics)}`);
  }

  await measure('demo data (1x)');
  await db.query(
    `insert into orders."order"
     select (jsonb_populate_record(null::orders."order", to_jsonb(o) || jsonb_build_object(
               'id', md5(o.id::text || n)::uuid, 'number', o.number || '-X' || n, 'idempotency_key', null))).*
       from orders."order" o, generate_series(1, 9) n where o.placed_at >= $1 and o.placed_at < $2`,
    [from, to],
  );
  await db.query(
    `insert into orders.order_status_change
     select (jsonb_populate_record(null::orders.order_status_change, to_jsonb(c) || jsonb_build_object(
               'id', md5(c.id::text || n)::uuid, 'order_id', md5(c.order_id::text || n)::uuid))).*
       from orders.order_status_change c join orders."order" o on o.id = c.order_id, generate_series(1, 9) n
      where o.placed_at >= $1 and o.placed_at < $2 and o.number not like '%-X%'`,
    [from, to],
  );
  await db.query('analyze orders."order"; analyze orders.order_status_change');
  await measure('10x copy');
} finally {
  await db.end();
  await stack.stop();
  await dropDatabase(server.adminUrl, name);
  await server.stop();
}
