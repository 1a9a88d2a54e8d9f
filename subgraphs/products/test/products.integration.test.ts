import { type DemoProduct, generateDemoData } from '@dealergraph/demo-data';
import { type Claims, migrate, openSubgraphOrm, schemaOf } from '@dealergraph/runtime';
import { createTestDatabase } from '@dealergraph/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type ExecutionResult, graphql, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { productsSubgraph } from '../src/definition.js';
import { lookupProductsForOrder } from '../src/services/product-lookup.service.js';

const data = generateDemoData({ anchor: new Date('2026-11-01T00:00:00Z') });
const definition = productsSubgraph();

const platinumAdmin = data.users.find((u) => u.email === 'platinum@demo.dealer')!;
const dealerClaims: Claims = { sub: platinumAdmin.id, email: platinumAdmin.email, role: 'DEALER_ADMIN', dealerId: platinumAdmin.dealerId };
const staffClaims: Claims = { sub: 'staff', email: 'rep@demo.staff', role: 'SALES_REP', dealerId: null };

let db: { url: string; drop(): Promise<void> } | undefined;
let orm: MikroORM | undefined;
let schema: GraphQLSchema;
/** SQL statements sent since the counter was last reset. */
let statements: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await openSubgraphOrm(definition, { databaseUrl: db.url, poolSize: 4 });
  await migrate(orm);
  expect(
    await definition.seed!(
      orm.em.fork(),
      () => data,
      () => {},
    ),
  ).toBe(true);
  schema = (await schemaOf(definition)).schema;
  // Every statement MikroORM sends goes through this knex instance.
  orm.em
    .getConnection()
    .getKnex()
    .on('query', (q: { sql: string }) => statements.push(q.sql));
}, 180_000);

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

async function run<T = Record<string, any>>(
  source: string,
  variableValues?: Record<string, unknown>,
  claims: Claims | null = dealerClaims,
) {
  const contextValue = definition.context({ em: orm!.em.fork(), claims });
  return (await graphql({ schema, source, variableValues, contextValue })) as ExecutionResult<T>;
}

async function ok<T = Record<string, any>>(source: string, variableValues?: Record<string, unknown>, claims: Claims | null = dealerClaims) {
  const result = await run<T>(source, variableValues, claims);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

// ---- expectations, computed from the demo rows alone ----

const bySku = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const skusOf = (products: DemoProduct[]) => products.map((p) => p.sku).sort(bySku);
const warehouseCode = new Map(data.warehouses.map((w) => [w.id, w.code]));
const brandName = new Map(data.brands.map((b) => [b.id, b.name]));
const categoryById = new Map(data.categories.map((c) => [c.id, c]));

function subtree(categoryId: string): Set<string> {
  const ids = new Set([categoryId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of data.categories) {
      if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
    }
  }
  return ids;
}

const stockRows = new Map<string, typeof data.stock>();
for (const s of data.stock) stockRows.set(s.productId, [...(stockRows.get(s.productId) ?? []), s]);
const rowsOf = (productId: string) => stockRows.get(productId) ?? [];
const totalAvailable = (productId: string) => rowsOf(productId).reduce((sum, s) => sum + s.onHand - s.reserved, 0);

// ---- helpers over the API ----

const PAGE = `query Page($first: Int, $after: String, $filter: ProductFilter) {
  products(first: $first, after: $after, filter: $filter) { nodes { sku } pageInfo { hasNextPage endCursor } totalCount }
}`;

interface PageData {
  products: { nodes: { sku: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };
}

/** Walks every page of a filter and checks the walk is consistent along the way. */
async function walk(filter: Record<string, unknown> | null, first = 100): Promise<{ skus: string[]; totalCount: number; pages: number }> {
  const skus: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  let pages = 0;
  for (;;) {
    const { products }: PageData = await ok<PageData>(PAGE, { first, after, filter });
    pages++;
    if (totalCount === -1) totalCount = products.totalCount;
    expect(products.totalCount).toBe(totalCount);
    skus.push(...products.nodes.map((n) => n.sku));
    if (!products.pageInfo.hasNextPage) break;
    expect(products.nodes).toHaveLength(first);
    after = products.pageInfo.endCursor;
    if (pages > 1000) throw new Error('runaway pagination');
  }
  return { skus, totalCount, pages };
}

describe('products subgraph on the seeded demo database', () => {
  it('seeds every demo row once, and a second seed writes nothing', async () => {
    const { products } = await ok<PageData>(PAGE, { first: 1 });
    expect(products.totalCount).toBe(data.products.length);
    expect(products.totalCount).toBeGreaterThanOrEqual(5_000);
    expect(
      await definition.seed!(
        orm!.em.fork(),
        () => data,
        () => {},
      ),
    ).toBe(false);
    const [{ count }] = await orm!.em.getConnection().execute('select count(*)::int as count from "products"."stock_level"');
    expect(count).toBe(data.stock.length);
  });

  it('walks the whole catalog in sku order without gaps or repeats', async () => {
    const { skus, totalCount, pages } = await walk(null, 100);
    expect(totalCount).toBe(data.products.length);
    expect(pages).toBe(Math.ceil(data.products.length / 100));
    expect(new Set(skus).size).toBe(skus.length);
    expect(skus).toEqual(skusOf(data.products));
  });

  it('walks a filtered list with an odd page size the same way', async () => {
    const brand = data.brands[3];
    const expected = skusOf(data.products.filter((p) => p.brandId === brand.id));
    expect(expected.length).toBeGreaterThan(37 * 2);
    const { skus, totalCount } = await walk({ brand: brand.name }, 37);
    expect(totalCount).toBe(expected.length);
    expect(skus).toEqual(expected);
  });

  it('search finds every sku and name containing the term, in any case, taking % literally; ranked pages have no gaps or repeats', async () => {
    // Ranked search (search.service.ts) may find more (corrected typos, word prefixes), never less.
    const cases: [string, (p: DemoProduct) => boolean][] = [
      ['THRUST', (p) => p.name.toLowerCase().includes('thrust')],
      ['brg-00', (p) => p.sku.toLowerCase().includes('brg-00')],
      [data.products[17].sku.slice(-6), (p) => p.sku.includes(data.products[17].sku.slice(-6))],
      ['  hex bolt ', (p) => p.name.toLowerCase().includes('hex bolt')],
    ];
    for (const [search, match] of cases) {
      const expected = skusOf(data.products.filter(match));
      const { skus, totalCount } = await walk({ search }, 37);
      expect(new Set(skus).size).toBe(skus.length);
      expect(totalCount).toBe(skus.length);
      expect(skus.filter((sku) => expected.includes(sku)).sort(bySku)).toEqual(expected);
    }
    expect((await walk({ search: '%' })).totalCount).toBe(0);
    // The chosen terms are not trivial.
    expect(data.products.filter((p) => p.name.toLowerCase().includes('thrust')).length).toBeGreaterThan(0);
    expect(data.products.filter((p) => p.sku.toLowerCase().includes('brg-00')).length).toBeGreaterThan(0);
  });

  it('filters by a category and everything below it', async () => {
    const root = data.categories.find((c) => c.name === 'Bearings' && c.parentId === null)!;
    const leaf = data.categories.find((c) => c.name === 'Ball Bearings')!;
    const inRoot = subtree(root.id);
    expect(inRoot.size).toBeGreaterThan(2);
    for (const [id, ids] of [
      [root.id, inRoot],
      [leaf.id, new Set([leaf.id])],
    ] as const) {
      const expected = skusOf(data.products.filter((p) => ids.has(p.categoryId)));
      expect(expected.length).toBeGreaterThan(0);
      const { skus, totalCount } = await walk({ categoryId: id });
      expect(totalCount).toBe(expected.length);
      expect(skus).toEqual(expected);
    }
    const { products } = await ok<PageData>(PAGE, { filter: { categoryId: '00000000-0000-4000-8000-000000000000' } });
    expect(products).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
  });

  it('filters by brand name in any case', async () => {
    const brand = data.brands.find((b) => b.name === 'Norvik Bearings')!;
    const expected = skusOf(data.products.filter((p) => p.brandId === brand.id));
    const { skus, totalCount } = await walk({ brand: 'nORVIK bEARINGS' });
    expect(totalCount).toBe(expected.length);
    expect(skus).toEqual(expected);
    const { products } = await ok<PageData>(PAGE, { filter: { brand: 'Norvik' } });
    expect(products.totalCount).toBe(0);
  });

  it('keeps only products with something available when inStockOnly is set', async () => {
    const inStock = data.products.filter((p) => totalAvailable(p.id) > 0);
    expect(inStock.length).toBeLessThan(data.products.length);
    const { products } = await ok<PageData>(PAGE, { first: 100, filter: { inStockOnly: true } });
    expect(products.totalCount).toBe(inStock.length);
    expect(products.nodes.map((n) => n.sku)).toEqual(skusOf(inStock).slice(0, 100));
    const { products: off } = await ok<PageData>(PAGE, { first: 1, filter: { inStockOnly: false } });
    expect(off.totalCount).toBe(data.products.length);
  });

  it('combines filters: every condition must hold', async () => {
    const root = data.categories.find((c) => c.name === 'Fasteners' && c.parentId === null)!;
    const ids = subtree(root.id);
    const brand = data.brands.find((b) => data.products.some((p) => p.brandId === b.id && ids.has(p.categoryId)))!;
    const expected = skusOf(
      data.products.filter(
        (p) =>
          ids.has(p.categoryId) && p.brandId === brand.id && totalAvailable(p.id) > 0 && (p.sku + ' ' + p.name).toLowerCase().includes('m'),
      ),
    );
    expect(expected.length).toBeGreaterThan(0);
    const { skus, totalCount } = await walk({ categoryId: root.id, brand: brand.name.toUpperCase(), inStockOnly: true, search: 'M' }, 25);
    expect(totalCount).toBe(skus.length);
    // Search may find more than substrings; every other condition must hold for all it finds.
    expect(skus.filter((sku) => expected.includes(sku)).sort(bySku)).toEqual(expected);
    const bySkuRow = new Map(data.products.map((p) => [p.sku, p]));
    for (const sku of skus) {
      const p = bySkuRow.get(sku)!;
      expect(ids.has(p.categoryId) && p.brandId === brand.id && totalAvailable(p.id) > 0).toBe(true);
    }
  });

  it('refuses malformed input with BAD_USER_INPUT', async () => {
    const badCategory = await run(PAGE, { filter: { categoryId: 'bearings' } });
    expect(badCategory.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await run(PAGE, { first: 101 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await run(PAGE, { after: 'not-a-cursor' });
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages in name order with its own cursors, and refuses a sku-order cursor there', async () => {
    const BY_NAME = `query($first: Int, $after: String) { products(first: $first, after: $after, sort: NAME) { nodes { name sku } pageInfo { endCursor } } }`;
    type NamePage = { products: { nodes: { name: string; sku: string }[]; pageInfo: { endCursor: string } } };
    const first = await ok<NamePage>(BY_NAME, { first: 3 });
    const second = await ok<NamePage>(BY_NAME, { first: 3, after: first.products.pageInfo.endCursor });
    const whole = await ok<NamePage>(BY_NAME, { first: 6 });
    // Two pages of three read exactly what one page of six reads, in the database's own name order.
    expect([...first.products.nodes, ...second.products.nodes]).toEqual(whole.products.nodes);
    expect(new Set(whole.products.nodes.map((n) => n.sku)).size).toBe(6);
    const skuOrder = await ok<PageData>(PAGE, { first: 1 });
    const mixed = await run(BY_NAME, { first: 3, after: skuOrder.products.pageInfo.endCursor });
    expect(mixed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers first: 0 with the count only', async () => {
    const { products } = await ok<PageData>(PAGE, { first: 0 });
    expect(products).toEqual({ nodes: [], pageInfo: { hasNextPage: true, endCursor: null }, totalCount: data.products.length });
  });

  describe('stock', () => {
    const STOCK = `query($sku: String!) { product(sku: $sku) { id sku stock {
      status available
      warehouses { warehouse { code } available status }
      inTransit { warehouse { code } quantity eta }
    } } }`;

    const find = (pred: (p: DemoProduct) => boolean) => {
      const product = data.products.find(pred);
      if (!product) throw new Error('the demo data has no product of this kind');
      return product;
    };

    it('reads OUT when nothing is on hand anywhere', async () => {
      const product = find((p) => rowsOf(p.id).every((s) => s.onHand === 0));
      const { product: got } = await ok(STOCK, { sku: product.sku });
      expect(got.stock.status).toBe('OUT');
      expect(got.stock.available).toBe(0);
      // The demo platinum dealer is in the Northeast: its preferred warehouse, WH-NORTH, comes first.
      expect(got.stock.warehouses).toEqual([
        { warehouse: { code: 'WH-NORTH' }, available: 0, status: 'OUT' },
        { warehouse: { code: 'WH-CENTRAL' }, available: 0, status: 'OUT' },
        { warehouse: { code: 'WH-SOUTH' }, available: 0, status: 'OUT' },
      ]);
    });

    it('reads LOW at or below the summed thresholds, with each warehouse against its own', async () => {
      // A LOW product of the demo data: nothing reserved, 1..threshold units spread over the warehouses.
      const product = find((p) => {
        const rows = rowsOf(p.id);
        const total = totalAvailable(p.id);
        return total > 1 && total <= rows[0].lowThreshold && rows.filter((r) => r.onHand > 0).length >= 2;
      });
      const rows = rowsOf(product.id);
      const byCode = (code: string) => rows.find((r) => warehouseCode.get(r.warehouseId) === code)!;
      const { product: got } = await ok(STOCK, { sku: product.sku });
      expect(got.stock.status).toBe('LOW');
      expect(got.stock.available).toBe(rows[0].onHand + rows[1].onHand + rows[2].onHand);
      const expectWarehouse = (code: string) => {
        const r = byCode(code);
        const available = r.onHand - r.reserved;
        return { warehouse: { code }, available, status: available <= 0 ? 'OUT' : available <= r.lowThreshold ? 'LOW' : 'IN_STOCK' };
      };
      expect(got.stock.warehouses).toEqual(['WH-NORTH', 'WH-CENTRAL', 'WH-SOUTH'].map(expectWarehouse));
    });

    it('subtracts reservations and reads IN_STOCK above the summed thresholds', async () => {
      const product = find((p) => rowsOf(p.id).some((s) => s.reserved > 0) && rowsOf(p.id).some((s) => s.onHand === 0));
      const rows = rowsOf(product.id);
      const { product: got } = await ok(STOCK, { sku: product.sku });
      const expectedTotal = rows.reduce((sum, r) => sum + r.onHand - r.reserved, 0);
      expect(expectedTotal).toBeGreaterThan(rows.reduce((sum, r) => sum + r.lowThreshold, 0));
      expect(got.stock).toMatchObject({ status: 'IN_STOCK', available: expectedTotal });
      const byCode = Object.fromEntries(got.stock.warehouses.map((w: any) => [w.warehouse.code, w]));
      for (const r of rows) {
        const w = byCode[warehouseCode.get(r.warehouseId)!];
        expect(w.available).toBe(r.onHand - r.reserved);
        if (r.onHand === 0) expect(w.status).toBe('OUT');
      }
    });

    it('lists in-transit shipments with quantity, warehouse and ETA, soonest first', async () => {
      const counts = new Map<string, number>();
      for (const t of data.inTransit) counts.set(t.productId, (counts.get(t.productId) ?? 0) + 1);
      const productId = [...counts].find(([, n]) => n >= 2)?.[0] ?? data.inTransit[0].productId;
      const product = data.products.find((p) => p.id === productId)!;
      const expected = data.inTransit
        .filter((t) => t.productId === productId)
        .sort((a, b) => a.eta.getTime() - b.eta.getTime() || bySku(warehouseCode.get(a.warehouseId)!, warehouseCode.get(b.warehouseId)!))
        .map((t) => ({ warehouse: { code: warehouseCode.get(t.warehouseId) }, quantity: t.quantity, eta: t.eta.toISOString() }));
      const { product: got } = await ok(STOCK, { sku: product.sku });
      expect(got.stock.inTransit).toEqual(expected);
      const none = data.products.find((p) => !counts.has(p.id))!;
      expect((await ok(STOCK, { sku: none.sku })).product.stock.inTransit).toEqual([]);
    });
  });

  it('finds a product by sku with its brand and category, and null for an unknown sku', async () => {
    const product = data.products[42];
    const category = categoryById.get(product.categoryId)!;
    const parent = category.parentId ? categoryById.get(category.parentId)! : null;
    const { product: got } = await ok(
      `query($sku: String!) { product(sku: $sku) { id sku name description unit brand category { id name slug parent { name } children { id } } } }`,
      { sku: ` ${product.sku} ` },
    );
    expect(got).toEqual({
      id: product.id,
      sku: product.sku,
      name: product.name,
      description: product.description,
      unit: product.unit,
      brand: brandName.get(product.brandId),
      category: { id: category.id, name: category.name, slug: category.slug, parent: parent ? { name: parent.name } : null, children: [] },
    });
    expect((await ok(`{ product(sku: "NOPE-000000") { id } }`)).product).toBeNull();
  });

  it('lists root categories, children of one, brands and warehouses in order', async () => {
    const byName = (a: { name: string }, b: { name: string }) => bySku(a.name, b.name);
    const roots = data.categories.filter((c) => c.parentId === null).sort(byName);
    const got = await ok(`{ categories { id name children { name } } }`);
    expect(got.categories.map((c: any) => c.id)).toEqual(roots.map((c) => c.id));
    expect(got.categories[0].children.map((c: any) => c.name)).toEqual(
      data.categories
        .filter((c) => c.parentId === roots[0].id)
        .sort(byName)
        .map((c) => c.name),
    );
    const children = await ok(`query($id: ID) { categories(parentId: $id) { name parent { id } } }`, { id: roots[1].id });
    expect(children.categories).toEqual(
      data.categories
        .filter((c) => c.parentId === roots[1].id)
        .sort(byName)
        .map((c) => ({ name: c.name, parent: { id: roots[1].id } })),
    );
    const lists = await ok(`{ brands { id name } warehouses { id code name city } }`);
    expect(lists.brands).toEqual([...data.brands].sort(byName).map((b) => ({ id: b.id, name: b.name })));
    expect(lists.warehouses).toEqual([...data.warehouses].sort((a, b) => bySku(a.code, b.code)));
  });

  it('resolves Product references for signed-in callers only', async () => {
    const [a, b] = [data.products[3], data.products[4000]];
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id sku brand stock { available } } } }`;
    const representations = [
      { __typename: 'Product', id: a.id },
      { __typename: 'Product', id: '00000000-0000-4000-8000-000000000000' },
      { __typename: 'Product', id: 'not-a-uuid' },
      { __typename: 'Product', id: b.id },
    ];
    const signedIn = await ok(query, { r: representations }, staffClaims);
    expect(signedIn._entities).toEqual([
      { id: a.id, sku: a.sku, brand: brandName.get(a.brandId), stock: { available: Math.max(0, totalAvailable(a.id)) } },
      null,
      null,
      { id: b.id, sku: b.sku, brand: brandName.get(b.brandId), stock: { available: Math.max(0, totalAvailable(b.id)) } },
    ]);
    const anonymous = await ok(query, { r: representations }, null);
    expect(anonymous._entities).toEqual([null, null, null, null]);
  });

  it('resolves a Product reference by its id in upper case', async () => {
    const a = data.products[3];
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id sku } } }`;
    const got = await ok(
      query,
      {
        r: [
          { __typename: 'Product', id: a.id.toUpperCase() },
          { __typename: 'Product', id: 'x' },
        ],
      },
      staffClaims,
    );
    expect(got._entities).toEqual([{ id: a.id, sku: a.sku }, null]);
  });

  it('lists the children of a category named by its id in upper case', async () => {
    const root = data.categories.find((c) => c.parentId === null && data.categories.some((x) => x.parentId === c.id))!;
    const expected = data.categories
      .filter((c) => c.parentId === root.id)
      .map((c) => c.name)
      .sort(bySku);
    const got = await ok(`query($id: ID) { categories(parentId: $id) { name } }`, { id: root.id.toUpperCase() });
    expect(got.categories.map((c: { name: string }) => c.name)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    for (const source of [
      `{ products { totalCount } }`,
      `{ product(sku: "${data.products[0].sku}") { id } }`,
      `{ categories { id } }`,
      `{ brands { id } }`,
      `{ warehouses { id } }`,
    ]) {
      const result = await run(source, undefined, null);
      // Non-null fields null the whole data; nullable ones (product) come back null.
      expect(result.data === null || Object.values(result.data!).every((v) => v === null)).toBe(true);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('spends the same number of SQL statements on 5, 50 and 100 products', async () => {
    const query = `query($first: Int) { products(first: $first) { totalCount pageInfo { endCursor } nodes {
      id sku name brand unit
      category { name parent { name } children { name } }
      stock { status available warehouses { available status warehouse { code city } } inTransit { quantity eta warehouse { code } } }
    } } }`;
    const counts: number[] = [];
    for (const first of [5, 50, 100]) {
      statements = [];
      const { products } = await ok(query, { first });
      expect(products.nodes).toHaveLength(first);
      counts.push(statements.length);
    }
    // page (with the brands) + count, categories, parents, children, stock, warehouses, in transit:
    // exactly, so that a listener that hears nothing cannot pass
    expect(counts[0]).toBe(8);
    expect(counts).toEqual([counts[0], counts[0], counts[0]]);
  });

  it('answers the ordering side (lookupProducts) for 10, 100 and 400 products in the same number of statements', async () => {
    const em = orm!.em.fork();
    // Sold-out products first, so every lookup also finds substitutes and their stock.
    const sold = await em.execute<{ product_id: string }[]>(
      'select product_id from products.stock_level group by product_id having sum(on_hand - reserved) <= 0 order by product_id limit 3',
    );
    expect(sold).toHaveLength(3);
    const soldIds = sold.map((r) => r.product_id);
    const others = data.products.filter((p) => !soldIds.includes(p.id));
    const restricted = data.dealers[2]; // D0003: a limited assortment
    const counts: number[] = [];
    for (const n of [10, 100, 400]) {
      const picked = others.slice(0, n - 3);
      statements = [];
      const found = await lookupProductsForOrder(definition.context({ em: orm!.em.fork(), claims: null }), {
        dealerId: restricted.id,
        skus: picked.slice(0, n >> 1).map((p) => p.sku),
        productIds: [...soldIds, ...picked.slice(n >> 1).map((p) => p.id)],
      });
      counts.push(statements.length);
      expect(found).toHaveLength(n);
      expect(found.filter((p) => p.stock.status === 'OUT').every((p) => p.substitutes.every((s) => s.stock.status !== undefined))).toBe(
        true,
      );
      expect(found.some((p) => p.substitutes.length > 0)).toBe(true);
      if (n === 400) expect(new Set(found.map((p) => p.authorized))).toEqual(new Set([true, false]));
    }
    // by sku, by id, assortment, brands, stock, substitutes, the substitutes' stock: exactly, so that a
    // listener that hears nothing cannot pass. With more products the substitutes' stock may already be
    // loaded with the products' own (one statement fewer), never more.
    expect(counts[0]).toBe(7);
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(6);
    for (const count of counts) expect(count).toBeLessThanOrEqual(7);
  });

  it('reads the priced catalog page in two statements, the page and the stock, without a count nobody asked for', async () => {
    const query = `query($first: Int) { products(first: $first) { pageInfo { endCursor } nodes { sku name brand stock { status available } } } }`;
    const counts: number[] = [];
    for (const first of [5, 50]) {
      statements = [];
      const { products } = await ok(query, { first });
      expect(products.nodes).toHaveLength(first);
      expect(products.nodes.every((p: { brand: string }) => p.brand.length > 0)).toBe(true);
      counts.push(statements.length);
    }
    expect(counts).toEqual([2, 2]);
    expect(statements.some((sql) => /count\(\*\)/i.test(sql))).toBe(false);
  });
});
