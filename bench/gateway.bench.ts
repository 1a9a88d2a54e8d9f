/**
 * Gateway throughput, measured side by side in one run on the same data and subgraphs:
 *   1. the dealer view (all five subgraphs) through the gateway with the Rust planner vs the JS planner;
 *   2. a 50-product page with price and stock (three subgraphs), same two gateways;
 *   3. a one-subgraph page through the gateway vs straight to the subgraph (signed by the bench), which
 *      prices what the gateway itself costs.
 * Run: node --import @swc-node/register/esm-register bench/gateway.bench.ts   (DATABASE_URL optional)
 * Prints requests/s and p99 latency per target, and the ratios. Bounded: a few seconds per target.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createDatabase, dropDatabase, startEmbeddedPostgres } from '@dealergraph/embedded-db';
import { startGateway } from '@dealergraph/gateway';
import { startStack } from '@dealergraph/launcher';
import { generateSigningKeys, sign, signaturePayload } from '@dealergraph/runtime';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);

const DEALER_VIEW = `{ me { email dealer { name tier credit { available { amount } status } } }
  products(first: 5) { totalCount nodes { sku stock { status available } price { unitPrice { amount } appliedRules } } }
  orders(first: 3) { totalCount nodes { number status total { amount } } } }`;
const PRODUCT_PAGE = `{ products(first: 50) { nodes { sku name brand stock { status available } price(quantity: 10) { unitPrice { amount } appliedRules } } } }`;
const CATALOG_ONLY = `{ products(first: 50) { nodes { sku name brand } } }`;

async function measure(label: string, url: string, body: string, headers: Record<string, string>) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const failures = result.non2xx + result.errors;
  console.log(`  ${label.padEnd(34)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p99 ${String(result.latency.p99).padStart(4)} ms${failures ? `   (${failures} failed)` : ''}`);
  return result.requests.average;
}

let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
let adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  const parent = mkdtempSync(join(tmpdir(), 'dealergraph-bench-'));
  chmodSync(parent, 0o755);
  embedded = await startEmbeddedPostgres({ dataDir: join(parent, 'pg'), persistent: false });
  adminUrl = embedded.adminUrl;
}
const dbName = `dg_bench_${Date.now().toString(36)}`;
const databaseUrl = await createDatabase(adminUrl, dbName);
const keys = await generateSigningKeys();
console.log('seeding the demo data…');
const stack = await startStack({
  databaseUrl,
  gatewayPort: 0,
  gatewayHost: '127.0.0.1',
  ports: { dealers: 0, products: 0, prices: 0, credit: 0, orders: 0 },
  seed: true,
  jwtPrivateKey: keys.privateKey,
  jwtPublicKey: keys.publicKey,
  logLevel: 'error',
});
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
    const body = JSON.stringify({ query });
    const rust = await measure('gateway, Rust planner', stack.gatewayUrl, body, auth);
    const js = await measure('gateway, JS planner', jsGateway.url, body, auth);
    console.log(`  ratio Rust / JS planner: ${(rust / js).toFixed(2)}x\n`);
  }

  console.log('50 catalog rows (1 subgraph)');
  const jwt = { payload: claims };
  const signed = JSON.stringify({ query: CATALOG_ONLY, extensions: { jwt, 'hmac-signature': sign(signaturePayload({ query: CATALOG_ONLY, jwt }), stack.hmacSecret) } });
  const direct = await measure('products subgraph, direct', stack.subgraphs.products.url, signed, {});
  const gateway = await measure('through the gateway (Rust planner)', stack.gatewayUrl, JSON.stringify({ query: CATALOG_ONLY }), auth);
  console.log(`  ratio gateway / direct: ${(gateway / direct).toFixed(2)}x`);
} finally {
  await jsGateway.stop();
  await stack.stop();
  await dropDatabase(adminUrl, dbName);
  await embedded?.stop();
}
