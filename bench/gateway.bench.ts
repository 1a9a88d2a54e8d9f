/**
 * Gateway throughput, measured side by side in one run on the same data and subgraphs:
 *   1. the dealer view (all five subgraphs) through the gateway with the Rust planner vs the JS planner;
 *   2. a 50-product page with price and stock (three subgraphs), same two gateways;
 *   3. a one-subgraph page through the gateway vs straight to the subgraph (signed by the bench), which
 *      prices what the gateway itself costs.
 * Run: node --import @swc-node/register/esm-register bench/gateway.bench.ts   (DATABASE_URL optional)
 * Prints requests/s and p99 latency per target (mean of two turns after a warm-up), and the ratios.
 * Bounded: about 2 + SECONDS seconds per target.
 */
import { createDatabase, dropDatabase } from '@dealergraph/embedded-db';
import { startGateway } from '@dealergraph/gateway';
import { encodeKeyCursor, signRequest } from '@dealergraph/runtime';
import autocannon from 'autocannon';

import { benchServer, seededStack } from './kit.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);

// Each request pages from a different cursor: identical concurrent requests would be merged by the
// gateway's upstream deduplication and flatter it.
const DEALER_VIEW = `query($after: String) { me { email dealer { name tier credit { available { amount } status } } }
  products(first: 5, after: $after) { totalCount nodes { sku stock { status available } price { unitPrice { amount } appliedRules } } }
  orders(first: 3) { totalCount nodes { number status total { amount } } } }`;
const PRODUCT_PAGE = `query($after: String) { products(first: 50, after: $after) { nodes { sku name brand stock { status available } price(quantity: 10) { unitPrice { amount } appliedRules } } } }`;
const CATALOG_ONLY = `query($after: String) { products(first: 50, after: $after) { nodes { sku name brand } } }`;

/** A cursor somewhere in the catalog (keyset cursors: a sku-like key such as "KQB-123456"). */
const letter = () => String.fromCharCode(65 + Math.floor(Math.random() * 26));
const randomCursor = () => encodeKeyCursor(`${letter()}${letter()}${letter()}-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`);

interface Target {
  label: string;
  url: string;
  /** A fresh request body each time. */
  body: () => string;
  headers: Record<string, string>;
}

function run(target: Target, duration: number) {
  return autocannon({
    url: target.url,
    method: 'POST',
    connections: CONNECTIONS,
    duration,
    headers: { 'content-type': 'application/json', ...target.headers },
    requests: [{ setupRequest: (request) => ({ ...request, body: target.body() }) }],
  });
}

/**
 * Warms both targets up, then measures them in turns (A B B A) so that drift in the machine's load
 * falls on both alike; prints each target's mean and returns the ratio a / b.
 */
async function compare(a: Target, b: Target): Promise<number> {
  await run(a, 2);
  await run(b, 2);
  const rates = new Map<Target, number[]>([
    [a, []],
    [b, []],
  ]);
  const p99 = new Map<Target, number[]>([
    [a, []],
    [b, []],
  ]);
  for (const target of [a, b, b, a]) {
    const result = await run(target, SECONDS / 2);
    if (result.non2xx + result.errors > 0) throw new Error(`${target.label}: ${result.non2xx + result.errors} failed requests`);
    rates.get(target)!.push(result.requests.average);
    p99.get(target)!.push(result.latency.p99);
  }
  const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
  for (const target of [a, b]) {
    console.log(
      `  ${target.label.padEnd(36)} ${mean(rates.get(target)!).toFixed(0).padStart(6)} req/s   p99 ${mean(p99.get(target)!).toFixed(0).padStart(4)} ms`,
    );
  }
  return mean(rates.get(a)!) / mean(rates.get(b)!);
}

const server = await benchServer();
const adminUrl = server.adminUrl;
const dbName = `dg_bench_${Date.now().toString(36)}`;
const databaseUrl = await createDatabase(adminUrl, dbName);
const { stack, keys } = await seededStack(databaseUrl);
const jsGateway = await startGateway({
  host: '127.0.0.1',
  port: 0,
  jwtPublicKey: keys.publicKey,
  hmacSecret: stack.hmacSecret,
  production: false,
  queryPlanner: 'js',
  subgraphUrls: Object.fromEntries(Object.entries(stack.subgraphs).map(([n, s]) => [n, s.url])) as never,
});
try {
  const login = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(email: "platinum@demo.dealer", password: "demo-pass-2026") { accessToken } }' }),
  });
  const token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  console.log(`${SECONDS} s per target, ${CONNECTIONS} connections, node ${process.version}\n`);

  for (const [name, query] of [
    ['dealer view (5 subgraphs)', DEALER_VIEW],
    ['50 products with price and stock (3 subgraphs)', PRODUCT_PAGE],
  ] as const) {
    console.log(name);
    const body = () => JSON.stringify({ query, variables: { after: randomCursor() } });
    const ratio = await compare(
      { label: 'gateway, Rust planner', url: stack.gatewayUrl, body, headers: auth },
      { label: 'gateway, JS planner', url: jsGateway.url, body, headers: auth },
    );
    console.log(`  ratio Rust / JS planner: ${ratio.toFixed(2)}x\n`);
  }

  console.log('50 catalog rows (1 subgraph)');
  const jwt = { payload: claims };
  const signed = () => {
    const variables = { after: randomCursor() };
    // A fresh timestamp and nonce per request, as the gateway sends them: subgraphs refuse replays.
    return JSON.stringify({
      query: CATALOG_ONLY,
      variables,
      extensions: signRequest({ query: CATALOG_ONLY, variables, jwt }, stack.hmacSecret),
    });
  };
  const ratio = await compare(
    {
      label: 'through the gateway (Rust planner)',
      url: stack.gatewayUrl,
      body: () => JSON.stringify({ query: CATALOG_ONLY, variables: { after: randomCursor() } }),
      headers: auth,
    },
    { label: 'products subgraph, direct', url: stack.subgraphs.products.url, body: signed, headers: {} },
  );
  console.log(`  ratio gateway / direct: ${ratio.toFixed(2)}x`);
} finally {
  await jsGateway.stop();
  await stack.stop();
  await dropDatabase(adminUrl, dbName);
  await server.stop();
}
