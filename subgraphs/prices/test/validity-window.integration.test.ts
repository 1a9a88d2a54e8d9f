import { randomUUID } from 'node:crypto';

import { type DemoData, type DemoProduct, generateDemoData } from '@dealergraph/demo-data';
import { type Claims, migrate, openSubgraphOrm, schemaOf } from '@dealergraph/runtime';
import { createTestDatabase, type TestDatabase } from '@dealergraph/testing';
import { graphql, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pricesSubgraph } from '../src/definition.js';
import { Promotion } from '../src/entities/promotion.entity.js';
import { SpecialPrice } from '../src/entities/special-price.entity.js';
import { quoteLines } from '../src/index.js';

/**
 * The one validity rule of promotions and special prices (`activeAt` in loaders/price.queries.ts), as
 * production runs it: through Product.price and quoteLines at instants exactly on a window's edges.
 * Active in [validFrom, validTo): the start instant counts, the end instant no longer does.
 */
const anchor = new Date('2026-11-01T00:00:00Z');
const start = new Date('2026-12-01T08:00:00.000Z');
const end = new Date('2026-12-08T08:00:00.000Z');
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

let db: TestDatabase;
let orm: Awaited<ReturnType<typeof openSubgraphOrm>>;
let schema: GraphQLSchema;
let data: DemoData;
let claims: Claims;
let promoted: DemoProduct;
let special: DemoProduct;
let openEnded: DemoProduct;

const QUERY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product { price(quantity: 1) { unitPrice { amount } appliedRules } } } }`;

async function priceAt(product: DemoProduct, at: Date): Promise<{ unitPrice: { amount: string }; appliedRules: string[] }> {
  const definition = pricesSubgraph({ clock: () => at });
  const result = await graphql({
    schema,
    source: QUERY,
    variableValues: { reps: [{ __typename: 'Product', id: product.id }] },
    contextValue: definition.context({ em: orm.em.fork(), claims }),
  });
  expect(result.errors).toBeUndefined();
  return (result.data!._entities as { price: { unitPrice: { amount: string }; appliedRules: string[] } }[])[0].price;
}

async function quotedRulesAt(product: DemoProduct, at: Date): Promise<string[]> {
  const context = pricesSubgraph({ clock: () => at }).context({ em: orm.em.fork(), claims });
  const [line] = await quoteLines(context, { dealerId: claims.dealerId!, lines: [{ productId: product.id, quantity: 1 }] });
  return line.price!.appliedRules;
}

beforeAll(async () => {
  data = generateDemoData({ anchor });
  const platinum = data.dealers[0];
  const user = data.users.find((u) => u.email === 'platinum@demo.dealer')!;
  claims = { sub: user.id, email: user.email, role: user.role, dealerId: user.dealerId };
  // Products without any promotion or special price of their own in the demo data.
  const plain = data.products.filter(
    (p) =>
      !data.promotions.some((m) => m.productId === p.id) && !data.specialPrices.some((s) => s.productId === p.id) && p.listPrice > 1000,
  );
  [promoted, special, openEnded] = plain.slice(-3);
  db = await createTestDatabase();
  const definition = pricesSubgraph();
  orm = await openSubgraphOrm(definition, { databaseUrl: db.url, poolSize: 2 });
  await migrate(orm);
  await definition.seed!(
    orm.em.fork(),
    () => data,
    () => {},
  );
  schema = (await schemaOf(definition)).schema;
  const em = orm.em.fork();
  em.create(Promotion, { id: randomUUID(), name: 'Edge test', productId: promoted.id, discountBp: 1000, validFrom: start, validTo: end });
  // Far below the tier price, so that it wins whenever it is active.
  em.create(SpecialPrice, {
    id: randomUUID(),
    dealerId: platinum.id,
    productId: special.id,
    unitPrice: 100,
    validFrom: start,
    validTo: end,
  });
  em.create(SpecialPrice, {
    id: randomUUID(),
    dealerId: platinum.id,
    productId: openEnded.id,
    unitPrice: 100,
    validFrom: start,
    validTo: null,
  });
  await em.flush();
});

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

describe('the validity window of a promotion', () => {
  it('is not active a millisecond before its start', async () => {
    expect((await priceAt(promoted, ms(start, -1))).appliedRules).toEqual(['TIER']);
  });
  it('is active at its start instant and a millisecond before its end', async () => {
    expect((await priceAt(promoted, start)).appliedRules).toEqual(['TIER', 'PROMOTION']);
    expect((await priceAt(promoted, ms(end, -1))).appliedRules).toEqual(['TIER', 'PROMOTION']);
  });
  it('is no longer active at its end instant', async () => {
    expect((await priceAt(promoted, end)).appliedRules).toEqual(['TIER']);
  });
  it('is the same rule for the order quotes (quoteLines)', async () => {
    expect(await quotedRulesAt(promoted, start)).toEqual(['TIER', 'PROMOTION']);
    expect(await quotedRulesAt(promoted, end)).toEqual(['TIER']);
  });
});

describe('the validity window of a special price', () => {
  it('starts at its start instant, not a millisecond before', async () => {
    expect((await priceAt(special, ms(start, -1))).appliedRules).toEqual(['TIER']);
    const atStart = await priceAt(special, start);
    expect(atStart).toEqual({ unitPrice: { amount: '1.00' }, appliedRules: ['SPECIAL_PRICE'] });
  });
  it('ends at its end instant: active a millisecond before, not at it', async () => {
    expect((await priceAt(special, ms(end, -1))).appliedRules).toEqual(['SPECIAL_PRICE']);
    expect((await priceAt(special, end)).appliedRules).toEqual(['TIER']);
    expect(await quotedRulesAt(special, end)).toEqual(['TIER']);
  });
  it('never ends without an end date', async () => {
    expect((await priceAt(openEnded, ms(start, -1))).appliedRules).toEqual(['TIER']);
    expect((await priceAt(openEnded, start)).appliedRules).toEqual(['SPECIAL_PRICE']);
    expect((await priceAt(openEnded, new Date('2099-01-01T00:00:00Z'))).appliedRules).toEqual(['SPECIAL_PRICE']);
  });
});
