/**
 * Orders placed per second through the gateway (the whole placeOrder workflow: claim, lookup, quote,
 * credit assessment, reservation, hold, finish), side by side in one run on the same database:
 *   A. `npm start`'s graph: a process per service under the supervisor, from the build (dist/);
 *   B. the whole graph in this one process (startStack, as the tests run it);
 *   C. pgbench TPC-B (scale 1, same clients) on a scratch database of the same server, the ceiling.
 * For A and B: orders/s, p50 and p99 per order, across many dealers (each order locks its own dealer's
 * credit row); for A also the CPU each process used under load. The load average is printed with
 * every figure (the machine is shared).
 *
 * Run: npm run bench:orders   (DATABASE_URL optional: without it an embedded PostgreSQL is used)
 *   BENCH_SECONDS      per target (default 8; the whole run stays under 2 minutes after the start)
 *   BENCH_CONNECTIONS  concurrent clients (default 8), BENCH_DEALERS (default 24)
 *   BENCH_TARGETS      which of processes,one,pgbench to run (default all three)
 *   BENCH_ONE_DEALER=1 also every order for one dealer (every hold on one credit row)
 *   SERVICE_NODE_ARGS  passed to A's service processes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';

import { generateDemoData } from '@dealergraph/demo-data';
import { createDatabase, dropDatabase, freePort } from '@dealergraph/embedded-db';
import { generateSigningKeys } from '@dealergraph/runtime/tokens';

import { COMPILED_LOADER, cpuSeconds, LAUNCHER, launcherEnv, ROOT, servicePids, type Started, startProcess } from './catalog/processes.js';
import { benchServer, demoDatabase, percentile, seededStack } from './kit.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const DEALERS = Number(process.env.BENCH_DEALERS ?? 24);
const TARGETS = new Set((process.env.BENCH_TARGETS ?? 'processes,one,pgbench').split(','));

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
  /** Milliseconds per placed order, ascending. */
  latencies: number[];
}

/** A dealer's token and the cheap, well-stocked SKUs of its own assortment. */
interface Buyer {
  token: string;
  skus: string[];
}

/** CONNECTIONS workers place one-unit orders of random cheap products of their assortment for random `buyers` for `seconds`. */
async function placeFor(url: string, buyers: Buyer[], seconds: number): Promise<Outcome> {
  const until = Date.now() + seconds * 1000;
  const outcome: Outcome = { placed: 0, refused: new Map(), failed: 0, perSecond: 0, latencies: [] };
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        const { token, skus } = buyers[Math.floor(Math.random() * buyers.length)];
        const sku = skus[Math.floor(Math.random() * skus.length)];
        const began = performance.now();
        const result = await gql(url, token, PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku, quantity: 1 }] } });
        const payload = result.data?.placeOrder;
        if (payload?.order) {
          outcome.placed += 1;
          outcome.latencies.push(performance.now() - began);
        } else if (payload?.userErrors?.length) {
          const code = payload.userErrors[0].code as string;
          outcome.refused.set(code, (outcome.refused.get(code) ?? 0) + 1);
        } else outcome.failed += 1;
      }
    }),
  );
  outcome.perSecond = outcome.placed / ((Date.now() - started) / 1000);
  outcome.latencies.sort((a, b) => a - b);
  return outcome;
}

const load = () => `load ${loadavg()[0].toFixed(1)}`;
const describe = (o: Outcome) =>
  `${o.perSecond.toFixed(1).padStart(7)} orders/s   p50 ${percentile(o.latencies, 0.5).toFixed(0).padStart(5)} ms   p99 ${percentile(o.latencies, 0.99).toFixed(0).padStart(5)} ms   ` +
  `(${o.placed} placed${[...o.refused].map(([c, n]) => `, ${n} ${c}`).join('')}${o.failed ? `, ${o.failed} failed` : ''}; ${load()})`;

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
  const out = execFileSync('pgbench', ['-c', String(CONNECTIONS), '-j', '2', '-T', String(SECONDS), url.toString()], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const tps = /tps = ([\d.]+)/.exec(out);
  return tps ? Number(tps[1]) : null;
}

/**
 * Logs in DEALERS dealer admins and platinum@demo.dealer, each with cheap, well stocked products of its
 * own assortment (so that neither stock nor credit runs out, and no line is refused as NOT_AUTHORIZED).
 */
async function workload(url: string): Promise<{ platinum: Buyer; buyers: Buyer[] }> {
  const login = async (email: string) =>
    (await gql(url, null, `mutation { login(email: "${email}", password: "demo-pass-2026") { accessToken } }`)).data?.login?.accessToken as
      string | null;
  const buyer = async (token: string): Promise<Buyer> => {
    const { data } = await gql(
      url,
      token,
      '{ products(first: 100, filter: { inStockOnly: true }) { nodes { sku stock { available } price { unitPrice { amount } } } } }',
    );
    const skus = (data.products.nodes as { sku: string; stock: { available: number }; price: { unitPrice: { amount: string } } | null }[])
      .filter((p) => p.price && Number(p.price.unitPrice.amount) < 100 && p.stock.available > 200)
      .map((p) => p.sku);
    return { token, skus };
  };
  const platinum = await buyer((await login('platinum@demo.dealer'))!);
  const emails = generateDemoData()
    .users.filter((u) => u.role === 'DEALER_ADMIN' && u.email.startsWith('admin@'))
    .map((u) => u.email);
  const tokens = (await Promise.all(emails.slice(0, DEALERS * 2).map(login))).filter((t): t is string => !!t);
  const buyers = (await Promise.all(tokens.map(buyer))).filter((b) => b.skus.length > 0).slice(0, DEALERS);
  return { platinum, buyers };
}

/** Warm-up, then the measured run(s) of one target; returns the many-dealers outcome. */
async function measure(label: string, url: string, pids: () => Record<string, number> = () => ({})): Promise<Outcome> {
  const { platinum, buyers } = await workload(url);
  await placeFor(url, buyers, 3); // warm-up
  const before = Object.fromEntries(Object.entries(pids()).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const started = Date.now();
  const many = await placeFor(url, buyers, SECONDS);
  const wall = (Date.now() - started) / 1000;
  console.log(`  ${label.padEnd(40)} ${buyers.length} dealers ${describe(many)}`);
  if (Object.keys(before).length) {
    const used = Object.entries(pids()).map(([name, pid]) => [name, cpuSeconds(pid) - before[name]] as const);
    const attempts = many.placed + [...many.refused.values()].reduce((x, y) => x + y, 0) + many.failed;
    const perOrder = (seconds: number) => ((1000 * seconds) / attempts).toFixed(1);
    console.log(
      `    CPU under load (% of one core): ${used.map(([name, cpu]) => `${name} ${((100 * cpu) / wall).toFixed(0)}`).join(', ')}`,
    );
    // Less sensitive to the machine's load than orders/s: what one placeOrder costs the graph.
    console.log(
      `    CPU per placeOrder (ms, refusals included): ${used.map(([name, cpu]) => `${name} ${perOrder(cpu)}`).join(', ')}; all ${perOrder(used.reduce((x, [, cpu]) => x + cpu, 0))}`,
    );
  }
  if (process.env.BENCH_ONE_DEALER) console.log(`  ${label.padEnd(40)} one dealer ${describe(await placeFor(url, [platinum], SECONDS))}`);
  return many;
}

const running: Started[] = [];
const server = await benchServer();
const adminUrl = server.adminUrl;
const dbName = `dg_bench_${Date.now().toString(36)}`;
const pgbenchDb = `${dbName}_tpcb`;
const { url: databaseUrl, seeded } = await demoDatabase(server, dbName);
const results: { label: string; perSecond: number }[] = [];
try {
  console.log(
    `${SECONDS} s per target after a 3 s warm-up, ${CONNECTIONS} concurrent clients, node ${process.version}, ${load()} at the start\n`,
  );
  let needsSeed = !seeded;
  if (TARGETS.has('processes')) {
    // `npm start`'s prestart: the services run from the ahead-of-time build.
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
    const keys = await generateSigningKeys();
    const ports = await Promise.all(Array.from({ length: 6 }, () => freePort({ stable: true })));
    const graph = await startProcess(
      process.execPath,
      LAUNCHER.compiled,
      launcherEnv({ databaseUrl, keys, seed: needsSeed, ports }),
      /\] ready in /,
      240_000,
      COMPILED_LOADER,
    );
    running.push(graph);
    needsSeed = false;
    const many = await measure('A. a process per service (build)', `http://127.0.0.1:${ports[0]}/graphql`, () =>
      servicePids(graph.output()),
    );
    results.push({ label: 'A. a process per service', perSecond: many.perSecond });
    await running.pop()!.stop();
  }
  if (TARGETS.has('one')) {
    const { stack } = await seededStack(databaseUrl, { seed: needsSeed });
    try {
      const many = await measure('B. one process for all services', stack.gatewayUrl);
      results.push({ label: 'B. one process', perSecond: many.perSecond });
    } finally {
      await stack.stop();
    }
  }
  if (TARGETS.has('pgbench')) {
    await createDatabase(adminUrl, pgbenchDb);
    const tps = pgbench(adminUrl, pgbenchDb);
    if (tps !== null) {
      console.log(`  ${'C. pgbench TPC-B, scale 1'.padEnd(40)} ${tps.toFixed(1).padStart(7)} tps (${load()})\n`);
      for (const r of results) console.log(`  ratio ${r.label} / pgbench: ${(r.perSecond / tps).toFixed(4)}x`);
    }
  }
  if (results.length === 2)
    console.log(`  ratio A / B (a process per service / one process): ${(results[0].perSecond / results[1].perSecond).toFixed(2)}x`);
} finally {
  for (const process of running.reverse()) await process.stop();
  await dropDatabase(adminUrl, dbName);
  await dropDatabase(adminUrl, pgbenchDb);
  await server.stop();
}
