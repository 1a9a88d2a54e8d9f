/**
 * Orders placed per second through the gateway (the whole placeOrder workflow: claim, lookup, quote,
 * credit assessment, reservation, hold, finish), side by side in one run with pgbench TPC-B on the
 * same PostgreSQL as the ceiling:
 *   1. across many dealers (each order locks its own dealer's credit row);
 *   2. for one dealer (every hold serialises on that dealer's credit row);
 *   3. pgbench -c CONNECTIONS (TPC-B, scale 1) on a scratch database of the same server.
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import @swc-node/register/esm-register bench/orders.bench.ts
 * (without DATABASE_URL an embedded PostgreSQL is used; pgbench is skipped when it is not installed).
 * Bounded: about 3 x SECONDS seconds plus seeding.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createDatabase, dropDatabase } from '@dealergraph/embedded-db';
import { generateDemoData } from '@dealergraph/demo-data';
import { benchServer, seededStack } from './kit.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const DEALERS = Number(process.env.BENCH_DEALERS ?? 24);

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } userErrors { code } } }`;

async function gql(url: string, token: string | null, query: string, variables?: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

interface Outcome {
  placed: number;
  refused: Map<string, number>;
  failed: number;
  perSecond: number;
}

/** CONNECTIONS workers place one-unit orders of random cheap products for random dealers of `tokens` for `seconds`. */
async function placeFor(url: string, tokens: string[], skus: string[], seconds: number): Promise<Outcome> {
  const until = Date.now() + seconds * 1000;
  const outcome: Outcome = { placed: 0, refused: new Map(), failed: 0, perSecond: 0 };
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        const token = tokens[Math.floor(Math.random() * tokens.length)];
        const sku = skus[Math.floor(Math.random() * skus.length)];
        const result = await gql(url, token, PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku, quantity: 1 }] } });
        const payload = result.data?.placeOrder;
        if (payload?.order) outcome.placed += 1;
        else if (payload?.userErrors?.length) {
          const code = payload.userErrors[0].code as string;
          outcome.refused.set(code, (outcome.refused.get(code) ?? 0) + 1);
        } else outcome.failed += 1;
      }
    }),
  );
  outcome.perSecond = outcome.placed / ((Date.now() - started) / 1000);
  return outcome;
}

const describe = (o: Outcome) =>
  `${o.perSecond.toFixed(1).padStart(7)} orders/s   (${o.placed} placed${[...o.refused].map(([c, n]) => `, ${n} ${c}`).join('')}${o.failed ? `, ${o.failed} failed` : ''})`;

/** pgbench TPC-B on a scratch database of the same server; null when pgbench is not installed. */
function pgbench(adminUrl: string, database: string): number | null {
  try {
    execFileSync('pgbench', ['--version'], { stdio: 'ignore' });
  } catch {
    console.log('  pgbench is not installed (apt-get install postgresql-client): skipped');
    return null;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  execFileSync('pgbench', ['-i', '-q', '-s', '1', url.toString()], { stdio: 'ignore' });
  const out = execFileSync('pgbench', ['-c', String(CONNECTIONS), '-j', '2', '-T', String(SECONDS), url.toString()], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const tps = /tps = ([\d.]+)/.exec(out);
  return tps ? Number(tps[1]) : null;
}

const server = await benchServer();
const adminUrl = server.adminUrl;
const dbName = `dg_bench_${Date.now().toString(36)}`;
const pgbenchDb = `${dbName}_tpcb`;
const databaseUrl = await createDatabase(adminUrl, dbName);
await createDatabase(adminUrl, pgbenchDb);
const { stack } = await seededStack(databaseUrl);
try {
  const url = stack.gatewayUrl;
  const login = async (email: string) => (await gql(url, null, `mutation { login(email: "${email}", password: "demo-pass-2026") { accessToken } }`)).data?.login?.accessToken as string | null;
  const platinum = (await login('platinum@demo.dealer'))!;
  // Cheap, well stocked products, so that neither stock nor credit runs out during the run.
  const { data } = await gql(url, platinum, '{ products(first: 100, filter: { inStockOnly: true }) { nodes { sku stock { available } price { unitPrice { amount } } } } }');
  const skus = (data.products.nodes as { sku: string; stock: { available: number }; price: { unitPrice: { amount: string } } | null }[])
    .filter((p) => p.price && Number(p.price.unitPrice.amount) < 100 && p.stock.available > 200)
    .map((p) => p.sku);
  const demo = generateDemoData();
  const emails = demo.users.filter((u) => u.role === 'DEALER_ADMIN' && u.email.startsWith('admin@')).map((u) => u.email);
  const tokens = (await Promise.all(emails.slice(0, DEALERS * 2).map(login))).filter((t): t is string => !!t).slice(0, DEALERS);
  console.log(`${SECONDS} s per target, ${CONNECTIONS} concurrent clients, ${skus.length} products, node ${process.version}\n`);

  await placeFor(url, tokens, skus, 2); // warm-up
  const many = await placeFor(url, tokens, skus, SECONDS);
  console.log(`  placeOrder, ${tokens.length} dealers      ${describe(many)}`);
  const one = await placeFor(url, [platinum], skus, SECONDS);
  console.log(`  placeOrder, one dealer       ${describe(one)}`);
  const tps = pgbench(adminUrl, pgbenchDb);
  if (tps !== null) {
    console.log(`  pgbench TPC-B, scale 1       ${tps.toFixed(1).padStart(7)} tps`);
    console.log(`\n  ratio many dealers / pgbench: ${(many.perSecond / tps).toFixed(3)}x`);
    console.log(`  ratio one dealer / pgbench:   ${(one.perSecond / tps).toFixed(3)}x`);
  }
  console.log(`  ratio one dealer / many dealers: ${(one.perSecond / many.perSecond).toFixed(2)}x`);
} finally {
  await stack.stop();
  await dropDatabase(adminUrl, dbName);
  await dropDatabase(adminUrl, pgbenchDb);
  await server.stop();
}
