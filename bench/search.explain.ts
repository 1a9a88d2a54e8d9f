/**
 * The search statements' own time in PostgreSQL, without HTTP, GraphQL or a loaded Node process in
 * between: for each kind of search of search.bench.ts, the statement the products subgraph sends is
 * captured and run under EXPLAIN ANALYZE (ROUNDS times, median and worst of "Execution Time").
 * Run: node --import @swc-node/register/esm-register bench/search.explain.ts
 * Seeds the products part of the demo data into a scratch database (DATABASE_URL optional).
 */
import { generateDemoData } from '@dealergraph/demo-data';
import { createDatabase, dropDatabase } from '@dealergraph/embedded-db';
import { type Claims, migrate, openSubgraphOrm } from '@dealergraph/runtime';
import { graphql } from 'graphql';

import { productsSubgraph } from '../subgraphs/products/src/definition.js';
import { benchServer } from './kit.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const data = generateDemoData();
const definition = productsSubgraph();
const server = await benchServer();
const dbName = `dg_search_explain_${Date.now().toString(36)}`;
const orm = await openSubgraphOrm(definition, { databaseUrl: await createDatabase(server.adminUrl, dbName), poolSize: 2 });
await migrate(orm);
await definition.seed!(
  orm.em.fork(),
  () => data,
  () => {},
);
await orm.em.getConnection().execute('analyze');
const { schema } = await definition.buildSchema();
const captured: { sql: string; bindings: unknown[] }[] = [];
orm.em
  .getConnection()
  .getKnex()
  .on('query', (q: { sql: string; bindings: unknown[] }) => captured.push({ sql: q.sql, bindings: q.bindings }));

const QUERY = `query($filter: ProductFilter) { products(first: 20, filter: $filter) { totalCount nodes { sku name } } }`;
const sample = data.products[1234];
const word = sample.name.split(' ').find((w) => /^[A-Za-z]{7,}$/.test(w)) ?? 'Bearing';
const brand = data.brands.find((b) => b.id === sample.brandId)!.name;
const KINDS: [string, Record<string, unknown>][] = [
  ['no search term (baseline)', {}],
  ['misspelled name', { search: sample.name.replace(word, word.slice(0, 2) + word.slice(3)) }],
  ['SKU prefix', { search: sample.sku.slice(0, -2) }],
  ['exact SKU', { search: sample.sku }],
  ['brand name', { search: brand }],
  ['one word + brand + in stock', { search: sample.name.split(' ')[0], brand, inStockOnly: true }],
  ['spec range (no term)', { specifications: [{ name: 'Bore diameter', min: 20, max: 30 }] }],
  ['word + spec value', { search: 'bolt', specifications: [{ name: 'Material', equals: 'Stainless A2' }] }],
];
const platinum = data.users.find((u) => u.email === 'platinum@demo.dealer')!;
const limitedUser = data.users.find((u) => u.dealerId === data.dealers[2].id)!;
const callers: [string, Claims][] = [
  ['full catalog (demo platinum)', { sub: platinum.id, email: platinum.email, role: 'DEALER_ADMIN', dealerId: platinum.dealerId }],
  ['limited assortment (D0003)', { sub: limitedUser.id, email: limitedUser.email, role: 'DEALER_ADMIN', dealerId: limitedUser.dealerId }],
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (const [label, claims] of callers) {
    console.log(label);
    for (const [kind, filter] of KINDS) {
      captured.length = 0;
      const result = await graphql({
        schema,
        source: QUERY,
        variableValues: { filter },
        contextValue: definition.context({ em: orm.em.fork(), claims }),
      });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      const statements = [...captured];
      const times: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        let total = 0;
        for (const { sql, bindings } of statements) {
          const plan = await orm.em
            .getConnection()
            .getKnex()
            .raw(`explain (analyze, format json) ${sql}`, bindings as never);
          total += (plan.rows[0]['QUERY PLAN'][0] as { 'Execution Time': number })['Execution Time'];
        }
        times.push(total);
      }
      if (process.env.EXPLAIN_KIND === kind) {
        // EXPLAIN_KIND="<kind>" prints the plans of that kind's statements, to see where the time goes.
        for (const { sql, bindings } of statements) {
          const plan = await orm.em
            .getConnection()
            .getKnex()
            .raw(`explain (analyze, buffers) ${sql}`, bindings as never);
          console.log(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
        }
      }
      console.log(
        `  ${kind.padEnd(30)} ${statements.length} stmt   median ${median(times).toFixed(1).padStart(6)} ms   worst ${Math.max(...times)
          .toFixed(1)
          .padStart(6)} ms`,
      );
    }
    console.log('');
  }
} finally {
  await orm.close(true);
  await dropDatabase(server.adminUrl, dbName);
  await server.stop();
}
