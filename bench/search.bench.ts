/**
 * Catalog search latency at the products subgraph (signed requests straight to it, as the gateway
 * sends them), over the demo catalog, side by side in one run:
 *   - a catalog page without a search term (the baseline),
 *   - a misspelled product name, a SKU prefix, an exact SKU, a brand name, a word with filters,
 *   - specification filters (a NUMBER range alone; a word with a TEXT value),
 *   - the same searches for a dealer with a limited assortment (the assortment predicate on top).
 * Run: node --import @swc-node/register/esm-register bench/search.bench.ts   (DATABASE_URL optional)
 * Prints p50 / p99 per kind (sequential requests, one at a time, after a warm-up) and each p99 as a
 * ratio of the baseline. Goal: p99 < 50 ms. Bounded: ROUNDS requests per kind.
 */
import { demoAssortment, generateDemoData } from '@dealergraph/demo-data';
import { createDatabase, dropDatabase } from '@dealergraph/embedded-db';
import { signRequest } from '@dealergraph/runtime';
import { benchServer, percentile, seededStack } from './kit.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const QUERY = `query($s: String, $b: String, $stock: Boolean, $specs: [SpecificationFilter!]) {
  products(first: 20, filter: { search: $s, brand: $b, inStockOnly: $stock, specifications: $specs }) { totalCount nodes { sku name } } }`;

const data = generateDemoData();
const named = data.products.filter((p) => p.name.split(' ').some((w) => /^[A-Za-z]{7,}$/.test(w)));
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)];
const typo = (name: string) => {
  const word = name.split(' ').find((w) => /^[A-Za-z]{7,}$/.test(w))!;
  return name.replace(word, word.slice(0, 2) + word.slice(3));
};
const brandName = new Map(data.brands.map((b) => [b.id, b.name]));

const KINDS: [string, () => Record<string, unknown>][] = [
  ['no search term (baseline)', () => ({})],
  ['misspelled name', () => ({ s: typo(pick(named).name) })],
  ['SKU prefix', () => ({ s: pick(data.products).sku.slice(0, -2) })],
  ['exact SKU', () => ({ s: pick(data.products).sku })],
  ['brand name', () => ({ s: brandName.get(pick(data.products).brandId) })],
  ['one word + brand + in stock', () => { const p = pick(named); return { s: p.name.split(' ')[0], b: brandName.get(p.brandId), stock: true }; }],
  ['spec range (no term)', () => { const lo = pick([10, 15, 20, 25, 30]); return { specs: [{ name: 'Bore diameter', min: lo, max: lo + 10 }] }; }],
  ['word + spec value', () => ({ s: 'bolt', specs: [{ name: 'Material', equals: pick(['Stainless A2', 'Steel 8.8', 'Brass']) }] })],
];

const server = await benchServer();
const adminUrl = server.adminUrl;
const dbName = `dg_search_bench_${Date.now().toString(36)}`;
const databaseUrl = await createDatabase(adminUrl, dbName);
const { stack } = await seededStack(databaseUrl);
try {
  const limited = data.dealers[2];
  const limitedUser = data.users.find((u) => u.dealerId === limited.id)!;
  const callers = [
    ['full catalog (demo platinum)', { sub: data.users[0].id, email: 'platinum@demo.dealer', role: 'DEALER_ADMIN', dealerId: data.dealers[0].id }],
    [`limited assortment (${limited.code}, ${demoAssortment(data).categoryLimits.filter((l) => l.dealerId === limited.id).length} root categories)`,
      { sub: limitedUser.id, email: limitedUser.email, role: 'DEALER_ADMIN', dealerId: limited.id }],
  ] as const;
  console.log(`${data.products.length} products, ${ROUNDS} sequential requests per kind, node ${process.version}\n`);
  for (const [label, claims] of callers) {
    console.log(label);
    const jwt = { payload: claims };
    const once = async (variables: Record<string, unknown>) => {
      const extensions = signRequest({ query: QUERY, variables, jwt }, stack.hmacSecret);
      const started = performance.now();
      const response = await fetch(stack.subgraphs.products.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY, variables, extensions }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return performance.now() - started;
    };
    let baseline = 0;
    for (const [kind, variables] of KINDS) {
      for (let i = 0; i < 20; i++) await once(variables());
      const times: number[] = [];
      for (let i = 0; i < ROUNDS; i++) times.push(await once(variables()));
      times.sort((a, b) => a - b);
      const p99 = percentile(times, 0.99);
      if (!baseline) baseline = p99;
      console.log(`  ${kind.padEnd(30)} p50 ${percentile(times, 0.5).toFixed(1).padStart(6)} ms   p99 ${p99.toFixed(1).padStart(6)} ms   p99/baseline ${(p99 / baseline).toFixed(2)}x`);
    }
    console.log('');
  }
} finally {
  await stack.stop();
  await dropDatabase(adminUrl, dbName);
  await server.stop();
}
