/**
 * The priced catalog page (50 products with stock and price at quantity 10, signed in as a dealer):
 *   A. through the gateway, `npm start`'s way: one process per service under the supervisor;
 *   B. a straightforward monolith of the same page (bench/catalog/monolith.ts): one process, one
 *      graphql-js schema, four batched SQL statements, the same pricing rules, the JWT verified per request.
 * Same database, same query text, 8 connections, a fresh random cursor for every request (never
 * repeated, so nothing can be served from a cache). A warm-up, then turns A B B A; prints req/s, p50
 * and p99 per target, the ratio A / B, and the CPU each process used under load.
 *
 * Run: node --import @swc-node/register/esm-register bench/catalog.bench.ts
 *   DATABASE_URL   a server to create the bench database on (default: an embedded PostgreSQL)
 *   BENCH_DATABASE an existing seeded database on that server to reuse instead of a fresh one
 *   BENCH_SECONDS  per turn pair (default 10: four turns of 5 s per comparison)
 *   BENCH_OFFSET_CURSORS=1  offset cursors (the catalog before keyset pagination)
 *   BENCH_NODE20   a path to a Node 20 binary: also runs both targets on it and compares
 *   BENCH_TYPESCRIPT=1  the graph from its TypeScript sources through swc-node (default: the build, as `npm start`)
 *   BENCH_COMPARE_TYPESCRIPT=1  also starts a second graph through swc-node and compares the two
 */
import { execFileSync } from 'node:child_process';

import { createDatabase, databaseUrl as databaseUrlOn, dropDatabase, freePort } from '@dealergraph/embedded-db';
import { encodeCursor, encodeKeyCursor } from '@dealergraph/runtime';
import { generateSigningKeys } from '@dealergraph/runtime/tokens';
import autocannon from 'autocannon';
import pg from 'pg';

import {
  COMPILED_LOADER,
  cpuSeconds,
  LAUNCHER,
  launcherEnv,
  ROOT,
  rssMb,
  servicePids,
  type Started,
  startProcess,
  TYPESCRIPT_LOADER,
} from './catalog/processes.js';
import { benchServer } from './kit.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 8;
const QUERY = `query($after: String) { products(first: 50, after: $after) { nodes { sku name brand stock { status available } price(quantity: 10) { unitPrice { amount } appliedRules } } } }`;

interface Target {
  label: string;
  url: string;
  pids: () => Record<string, number>;
}

/** Random sku-like keys, never the same twice in a run: every request reads a page no other did. */
function cursorSource(prefixes: string[]) {
  const used = new Set<string>();
  if (process.env.BENCH_OFFSET_CURSORS) {
    // Before keyset cursors: random offsets, distinct until all 5,000 are used.
    return () => {
      if (used.size >= 5000) used.clear();
      for (;;) {
        const offset = Math.floor(Math.random() * 5000);
        if (!used.has(String(offset))) {
          used.add(String(offset));
          return encodeCursor(offset);
        }
      }
    };
  }
  return () => {
    for (;;) {
      const key = `${prefixes[Math.floor(Math.random() * prefixes.length)]}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
      if (!used.has(key)) {
        used.add(key);
        return encodeKeyCursor(key);
      }
    }
  };
}

let nextCursor: () => string;
let token: string;

function load(target: Target, seconds: number) {
  return autocannon({
    url: target.url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: QUERY, variables: { after: nextCursor() } }) }) }],
  });
}

async function page(url: string, after: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables: { after } }),
  });
  const body = (await response.json()) as { data?: { products: { nodes: unknown[] } }; errors?: unknown };
  if (!body.data) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
  return body.data.products.nodes;
}

/** Warm-up, then turns A B B A; prints the means and the CPU share of each process; returns A / B. */
async function compare(a: Target, b: Target): Promise<number> {
  await load(a, 3);
  await load(b, 3);
  const stats = new Map<Target, { rate: number[]; p50: number[]; p99: number[]; cpu: Record<string, number>; wall: number }>([
    [a, { rate: [], p50: [], p99: [], cpu: {}, wall: 0 }],
    [b, { rate: [], p50: [], p99: [], cpu: {}, wall: 0 }],
  ]);
  for (const target of [a, b, b, a]) {
    const s = stats.get(target)!;
    const pids = target.pids();
    const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
    const started = Date.now();
    const result = await load(target, SECONDS / 2);
    s.wall += (Date.now() - started) / 1000;
    for (const [name, pid] of Object.entries(pids)) s.cpu[name] = (s.cpu[name] ?? 0) + cpuSeconds(pid) - before[name];
    if (result.non2xx + result.errors > 0) throw new Error(`${target.label}: ${result.non2xx + result.errors} failed requests`);
    s.rate.push(result.requests.average);
    s.p50.push(result.latency.p50);
    s.p99.push(result.latency.p99);
  }
  const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
  for (const target of [a, b]) {
    const s = stats.get(target)!;
    console.log(
      `  ${target.label.padEnd(44)} ${mean(s.rate).toFixed(1).padStart(7)} req/s   p50 ${mean(s.p50).toFixed(0).padStart(4)} ms   p99 ${mean(s.p99).toFixed(0).padStart(4)} ms`,
    );
    console.log(
      `    CPU under load (% of one core): ${Object.entries(s.cpu)
        .map(([name, cpu]) => `${name} ${((100 * cpu) / s.wall).toFixed(0)}`)
        .join(', ')}`,
    );
  }
  return mean(stats.get(a)!.rate) / mean(stats.get(b)!.rate);
}

/** Starts the graph (supervisor + services) and the monolith on one Node binary. */
async function startTargets(
  node: string,
  databaseUrl: string,
  keys: { privateKey: string; publicKey: string },
  seed: boolean,
  typescript = Boolean(process.env.BENCH_TYPESCRIPT),
) {
  const ports = await Promise.all(Array.from({ length: 7 }, () => freePort({ stable: true })));
  const began = Date.now();
  const graph = await startProcess(
    node,
    typescript ? LAUNCHER.typescript : LAUNCHER.compiled,
    launcherEnv({ databaseUrl, keys, seed, ports }),
    /\] ready in /,
    240_000,
    typescript ? TYPESCRIPT_LOADER : COMPILED_LOADER,
  );
  const graphStart = (Date.now() - began) / 1000;
  const monolith = await startProcess(
    node,
    'bench/catalog/monolith.ts',
    { DATABASE_URL: databaseUrl, JWT_PUBLIC_KEY: keys.publicKey, PORT: String(ports[6]) },
    /monolith ready/,
  );
  const version = execFileSync(node, ['--version']).toString().trim();
  const gateway: Target = {
    label: `gateway + 5 subgraphs, a process each (${version}${typescript ? ', swc-node' : ''})`,
    url: `http://127.0.0.1:${ports[0]}/graphql`,
    pids: () => servicePids(graph.output()),
  };
  const baseline: Target = {
    label: `monolith, one process (${version})`,
    url: `http://127.0.0.1:${ports[6]}/graphql`,
    pids: () => ({ monolith: monolith.child.pid! }),
  };
  return { graph, monolith, gateway, baseline, graphStart, version };
}

const running: Started[] = [];
const server = await benchServer();
const adminUrl = server.adminUrl;
// BENCH_DATABASE: an existing, already seeded database on that server to reuse (kept afterwards).
const reuse = process.env.BENCH_DATABASE;
const dbName = reuse ?? `dg_bench_${Date.now().toString(36)}`;
const databaseUrl = reuse ? databaseUrlOn(adminUrl, reuse) : await createDatabase(adminUrl, dbName);
try {
  // `npm start`'s prestart: the services run from the ahead-of-time build.
  if (!process.env.BENCH_TYPESCRIPT) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const keys = await generateSigningKeys();
  console.log(`${server.embedded ? 'embedded PostgreSQL' : 'PostgreSQL from DATABASE_URL'}; seeding the demo data and starting the graph…`);
  const main = await startTargets(process.execPath, databaseUrl, keys, true);
  running.push(main.graph, main.monolith);
  console.log(`graph ready in ${main.graphStart.toFixed(1)} s after the seed; memory after start (RSS, MB):`);
  const pids = { supervisor: main.graph.child.pid!, ...main.gateway.pids(), monolith: main.monolith.child.pid! };
  console.log(
    `  ${Object.entries(pids)
      .map(([name, pid]) => `${name} ${rssMb(pid).toFixed(0)}`)
      .join(', ')}`,
  );

  const login = await fetch(main.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(email: "platinum@demo.dealer", password: "demo-pass-2026") { accessToken } }' }),
  });
  token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const prefixes = (await client.query<{ p: string }>(`select distinct left(sku, 4) as p from products.product`)).rows.map((r) => r.p);
  await client.end();
  nextCursor = cursorSource(prefixes);

  // Same page, same answer: otherwise the comparison would mean nothing.
  for (let i = 0; i < 5; i++) {
    const after = nextCursor();
    const [fromGraph, fromMonolith] = [await page(main.gateway.url, after), await page(main.baseline.url, after)];
    if (JSON.stringify(fromGraph) !== JSON.stringify(fromMonolith) || fromGraph.length === 0) {
      throw new Error(
        `the two targets disagree on page ${after}:\n${JSON.stringify(fromGraph).slice(0, 400)}\n${JSON.stringify(fromMonolith).slice(0, 400)}`,
      );
    }
  }
  console.log(`both targets return the same 5 sample pages; ${SECONDS / 2} s per turn, ${CONNECTIONS} connections\n`);

  console.log('priced catalog page, 50 products');
  const ratio = await compare(main.gateway, main.baseline);
  console.log(`  ratio gateway / monolith: ${ratio.toFixed(2)}\n`);

  const node20 = process.env.BENCH_NODE20;
  if (node20) {
    const old = await startTargets(node20, databaseUrl, keys, false);
    running.push(old.graph, old.monolith);
    console.log(`Node ${main.version} vs ${old.version}, same database`);
    const gatewayRatio = await compare(main.gateway, old.gateway);
    console.log(`  ratio gateway ${main.version} / ${old.version}: ${gatewayRatio.toFixed(2)}`);
    const monolithRatio = await compare(main.baseline, old.baseline);
    console.log(`  ratio monolith ${main.version} / ${old.version}: ${monolithRatio.toFixed(2)}`);
  }

  if (process.env.BENCH_COMPARE_TYPESCRIPT) {
    const other = await startTargets(process.execPath, databaseUrl, keys, false, true);
    running.push(other.graph, other.monolith);
    console.log('the build vs swc-node at run time, same database');
    const buildRatio = await compare(main.gateway, other.gateway);
    console.log(`  ratio gateway compiled / swc-node: ${buildRatio.toFixed(2)}`);
  }
} finally {
  for (const process of running.reverse()) await process.stop();
  if (!reuse) await dropDatabase(adminUrl, dbName);
  await server.stop();
}
