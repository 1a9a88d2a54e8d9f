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
 * BENCH_COMPARE=1: side by side in one run, the full-catalog dealer only, alternating turns between two
 * stacks: "before", whose search GIN indexes keep the whole seeded catalog in their pending lists
 * (fastupdate on, as before Migration20261130092500), and "after" (this code as it is).
 */
import { loadavg } from 'node:os';

import { demoAssortment, generateDemoData } from '@dealergraph/demo-data';
import { createDatabase, dropDatabase } from '@dealergraph/embedded-db';
import { prepareDatabase, subgraphDefinitions } from '@dealergraph/launcher';
import { signRequest } from '@dealergraph/runtime';
import { generateSigningKeys } from '@dealergraph/runtime/tokens';

import { benchServer, percentile, seededStack } from './kit.js';

const COMPARE = process.env.BENCH_COMPARE === '1';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (COMPARE ? 100 : 300));
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
  [
    'one word + brand + in stock',
    () => {
      const p = pick(named);
      return { s: p.name.split(' ')[0], b: brandName.get(p.brandId), stock: true };
    },
  ],
  [
    'spec range (no term)',
    () => {
      const lo = pick([10, 15, 20, 25, 30]);
      return { specs: [{ name: 'Bore diameter', min: lo, max: lo + 10 }] };
    },
  ],
  ['word + spec value', () => ({ s: 'bolt', specs: [{ name: 'Material', equals: pick(['Stainless A2', 'Steel 8.8', 'Brass']) }] })],
];

const server = await benchServer();
const adminUrl = server.adminUrl;
const stamp = Date.now().toString(36);
const dbNames = COMPARE ? [`dg_search_bench_${stamp}_before`, `dg_search_bench_${stamp}`] : [`dg_search_bench_${stamp}`];
const GIN = ['product_search_document_index', 'product_name_trigram_index', 'product_sku_trigram_index'];
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const stacks: Awaited<ReturnType<typeof seededStack>>['stack'][] = [];
try {
  for (const name of dbNames) {
    const databaseUrl = await createDatabase(adminUrl, name);
    if (name.endsWith('_before')) {
      // Migrated, then the pending lists turned back on before the demo data goes in: the old state.
      const orms = await prepareDatabase({
        databaseUrl,
        definitions: await subgraphDefinitions((await generateSigningKeys()).privateKey),
        seed: false,
        poolSize: 1,
        progress: () => {},
      });
      for (const index of GIN) await orms.products.em.getConnection().execute(`alter index "products"."${index}" set (fastupdate = on)`);
      await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
    }
    stacks.push((await seededStack(databaseUrl)).stack);
  }
  const labels = COMPARE ? ['before', 'after'] : [''];
  const limited = data.dealers[2];
  const limitedUser = data.users.find((u) => u.dealerId === limited.id)!;
  const callers = [
    [
      'full catalog (demo platinum)',
      { sub: data.users[0].id, email: 'platinum@demo.dealer', role: 'DEALER_ADMIN', dealerId: data.dealers[0].id },
    ],
    [
      `limited assortment (${limited.code}, ${demoAssortment(data).categoryLimits.filter((l) => l.dealerId === limited.id).length} root categories)`,
      { sub: limitedUser.id, email: limitedUser.email, role: 'DEALER_ADMIN', dealerId: limited.id },
    ],
  ] as const;
  console.log(
    `${data.products.length} products, ${ROUNDS} sequential requests per kind${COMPARE ? ' and side, alternating before/after' : ''}, node ${process.version}, load average ${load()}\n`,
  );
  for (const [label, claims] of COMPARE ? callers.slice(0, 1) : callers) {
    console.log(label);
    const jwt = { payload: claims };
    const once = async (stack: (typeof stacks)[number], variables: Record<string, unknown>) => {
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
    const baseline = stacks.map(() => 0);
    for (const [kind, variables] of KINDS) {
      for (let i = 0; i < 20; i++) for (const stack of stacks) await once(stack, variables());
      const times: number[][] = stacks.map(() => []);
      for (let i = 0; i < ROUNDS; i++) {
        // The same term for every side, in alternating order, so neither side always goes first.
        const v = variables();
        const order = i % 2 ? [...stacks.keys()].reverse() : [...stacks.keys()];
        for (const s of order) times[s].push(await once(stacks[s], v));
      }
      stacks.forEach((_, s) => {
        const sorted = times[s].sort((a, b) => a - b);
        const p99 = percentile(sorted, 0.99);
        if (!baseline[s]) baseline[s] = p99;
        console.log(
          `  ${kind.padEnd(30)} ${labels[s].padEnd(6)} p50 ${percentile(sorted, 0.5).toFixed(1).padStart(6)} ms   p99 ${p99.toFixed(1).padStart(6)} ms   p99/baseline ${(p99 / baseline[s]).toFixed(2)}x`,
        );
      });
    }
    console.log(`  (load average ${load()})\n`);
  }
} finally {
  for (const stack of stacks) await stack.stop();
  for (const name of dbNames) await dropDatabase(adminUrl, name);
  await server.stop();
}
