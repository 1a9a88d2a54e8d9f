import { generateDemoData, REGION_WAREHOUSE } from '@dealergraph/demo-data';
import { type Claims, openSubgraphOrm, schemaOf } from '@dealergraph/runtime';
import { createTestDatabase, type TestDatabase } from '@dealergraph/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type ExecutionResult, graphql, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { productsSubgraph } from '../src/definition.js';

/**
 * Product details (typed specifications, pictures and documents, pack size), the specification
 * filter, and the dealer's preferred warehouse first, on the seeded demo database. Expectations are
 * computed from the demo rows alone.
 */
const data = generateDemoData();
const definition = productsSubgraph();

const userOf = (email: string) => data.users.find((u) => u.email === email)!;
const claimsOf = (email: string): Claims => {
  const user = userOf(email);
  return { sub: user.id, email, role: user.role, dealerId: user.dealerId };
};
const platinum = claimsOf('platinum@demo.dealer');
const bronze = claimsOf('bronze@demo.dealer');
const staff: Claims = { sub: 'staff', email: 'rep@demo.staff', role: 'SALES_REP', dealerId: null };

let db: TestDatabase;
let orm: MikroORM;
let schema: GraphQLSchema;
let statements: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ seeded: true });
  orm = await openSubgraphOrm(definition, { databaseUrl: db.url, poolSize: 4 });
  schema = (await schemaOf(definition)).schema;
  orm.em
    .getConnection()
    .getKnex()
    .on('query', (q: { sql: string }) => statements.push(q.sql));
}, 180_000);

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

async function run<T = Record<string, any>>(source: string, variableValues: Record<string, unknown> | undefined, claims: Claims) {
  const contextValue = definition.context({ em: orm.em.fork(), claims });
  return (await graphql({ schema, source, variableValues, contextValue })) as ExecutionResult<T>;
}

async function ok<T = Record<string, any>>(source: string, variableValues: Record<string, unknown> | undefined, claims: Claims = staff) {
  const result = await run<T>(source, variableValues, claims);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

const details = new Map(data.productDetails.map((d) => [d.productId, d]));
const productBySku = new Map(data.products.map((p) => [p.sku, p]));

describe('product details', () => {
  const DETAILS = `query($sku: String!) { product(sku: $sku) {
    sku unit packSize
    specifications { name type value numberValue booleanValue unit }
    images { kind url title }
    documents { kind url title }
  } }`;

  it('returns typed specifications, pictures, documents and the pack size as seeded', async () => {
    // A product of each kind of spec and of link, from the demo rows.
    const withBoolean = data.productDetails.find(
      (d) => d.specs.some((s) => s.type === 'BOOLEAN') && d.links.some((l) => l.kind === 'DATASHEET'),
    )!;
    const boxed = data.productDetails.find((d) => d.packSize > 1)!;
    for (const detail of [withBoolean, boxed]) {
      const product = data.products.find((p) => p.id === detail.productId)!;
      const { product: got } = await ok(DETAILS, { sku: product.sku });
      expect(got.packSize).toBe(detail.packSize);
      expect(got.specifications).toEqual(
        detail.specs.map((s) => ({
          name: s.name,
          type: s.type,
          value: s.value,
          numberValue: s.type === 'NUMBER' ? Number(s.value) : null,
          booleanValue: s.type === 'BOOLEAN' ? s.value === 'true' : null,
          unit: s.unit,
        })),
      );
      expect(got.images).toEqual(detail.links.filter((l) => l.kind === 'IMAGE'));
      const kinds = ['CAD', 'CERTIFICATE', 'DATASHEET', 'MANUAL'];
      expect(got.documents).toEqual(
        detail.links.filter((l) => l.kind !== 'IMAGE').sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind)),
      );
    }
    expect(boxed.packSize).toBeGreaterThan(1);
    const { product: withBool } = await ok(DETAILS, { sku: data.products.find((p) => p.id === withBoolean.productId)!.sku });
    expect(withBool.specifications.some((s: { booleanValue: boolean | null }) => typeof s.booleanValue === 'boolean')).toBe(true);
    expect(withBool.documents.some((d: { kind: string; url: string }) => d.kind === 'DATASHEET' && d.url.startsWith('https://'))).toBe(
      true,
    );
  });

  it('spends the same number of SQL statements on a page of 5, 50 and 100 products with all their details', async () => {
    const query = `query($first: Int) { products(first: $first) { nodes {
      sku packSize specifications { name value unit } images { url } documents { kind url }
      stock { warehouses { preferred available warehouse { code } } }
    } } }`;
    const counts: number[] = [];
    for (const first of [5, 50, 100]) {
      statements = [];
      const { products } = await ok(query, { first }, platinum);
      expect(products.nodes).toHaveLength(first);
      counts.push(statements.length);
    }
    // page, specs, links, stock (with the preferred warehouse joined in), warehouses; plus the
    // assortment is part of the page's statement: exactly, so that a deaf listener cannot pass.
    expect(counts).toEqual([5, 5, 5]);
  });
});

describe('specification filter', () => {
  const PAGE = `query($filter: ProductFilter, $first: Int) { products(first: $first, filter: $filter) {
    totalCount nodes { sku specifications { name numberValue value } } } }`;

  const matching = (test: (specs: { name: string; value: string; type: string }[]) => boolean) =>
    data.products.filter((p) => test(details.get(p.id)!.specs)).map((p) => p.sku);

  it('finds products by a NUMBER range, in the catalog and in search, and counts them all', async () => {
    const expected = matching((specs) => specs.some((s) => s.name === 'Bore diameter' && Number(s.value) >= 20 && Number(s.value) <= 30));
    expect(expected.length).toBeGreaterThan(10);
    const filter = { specifications: [{ name: 'bore DIAMETER', min: 20, max: 30 }] };
    const { products } = await ok(PAGE, { filter, first: 100 });
    expect(products.totalCount).toBe(expected.length);
    for (const node of products.nodes) {
      const bore = node.specifications.find((s: { name: string }) => s.name === 'Bore diameter');
      expect(bore.numberValue).toBeGreaterThanOrEqual(20);
      expect(bore.numberValue).toBeLessThanOrEqual(30);
    }
    // Combined with a search term: only those of the range whose name also matches.
    const searched = await ok(PAGE, { filter: { ...filter, search: 'angular contact' }, first: 100 });
    const expectedSearch = expected.filter((sku) => productBySku.get(sku)!.name.startsWith('Angular Contact'));
    expect(expectedSearch.length).toBeGreaterThan(0);
    expect(searched.products.nodes.map((n: { sku: string }) => n.sku).sort()).toEqual(expectedSearch.sort());
  });

  it('finds products by a TEXT and a BOOLEAN value, in any case, every condition required', async () => {
    const expected = matching(
      (specs) =>
        specs.some((s) => s.name === 'Material' && s.value === 'Stainless A4') &&
        specs.some((s) => s.name === 'Zinc plated' && s.value === 'false'),
    );
    expect(expected.length).toBeGreaterThan(0);
    const { products } = await ok(PAGE, {
      first: 100,
      filter: {
        specifications: [
          { name: 'Material', equals: 'stainless a4' },
          { name: 'Zinc plated', equals: 'FALSE' },
        ],
      },
    });
    expect(products.totalCount).toBe(expected.length);
  });

  it('refuses a condition that says nothing, or an empty range, with a clear error', async () => {
    for (const spec of [{ name: 'Width' }, { name: 'Width', min: 10, max: 5 }, { name: ' ', equals: 'x' }]) {
      const result = await run(PAGE, { filter: { specifications: [spec] } }, staff);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe("the dealer's preferred warehouse", () => {
  const STOCK = `query($sku: String!) { product(sku: $sku) { stock { warehouses { preferred warehouse { code } } } } }`;
  const sku = data.products[0].sku;

  it("lists the dealer's region's warehouse first, marked preferred; staff see warehouse-code order", async () => {
    const dealerOf = (claims: Claims) => data.dealers.find((d) => d.id === claims.dealerId)!;
    for (const claims of [platinum, bronze]) {
      const preferred = REGION_WAREHOUSE[dealerOf(claims).region];
      const { product } = await ok(STOCK, { sku }, claims);
      const codes = product.stock.warehouses.map((w: { warehouse: { code: string } }) => w.warehouse.code);
      expect(codes[0]).toBe(preferred);
      expect(codes.slice(1)).toEqual(['WH-CENTRAL', 'WH-NORTH', 'WH-SOUTH'].filter((c) => c !== preferred));
      expect(product.stock.warehouses.map((w: { preferred: boolean }) => w.preferred)).toEqual([true, false, false]);
    }
    // The two demo dealers prefer different warehouses, so the order really follows the dealer.
    expect(REGION_WAREHOUSE[dealerOf(platinum).region]).not.toBe(REGION_WAREHOUSE[dealerOf(bronze).region]);
    const { product } = await ok(STOCK, { sku }, staff);
    expect(product.stock.warehouses).toEqual(
      ['WH-CENTRAL', 'WH-NORTH', 'WH-SOUTH'].map((code) => ({ preferred: false, warehouse: { code } })),
    );
  });
});

describe('stock import (ERP counts)', () => {
  const IMPORT = `mutation($input: ImportStockLevelsInput!) { importStockLevels(input: $input) { changed userErrors { code field } } }`;
  const STOCK = `query($sku: String!) { product(sku: $sku) { stock { available warehouses { available warehouse { code } } } } }`;
  const admin: Claims = { sub: 'admin', email: 'admin@demo.staff', role: 'ADMIN', dealerId: null };
  const product = data.products[10];
  const levelOf = async () =>
    (
      await orm.em
        .fork()
        .execute<{ on_hand: number; low_threshold: number }[]>(
          `select on_hand, low_threshold from products.stock_level sl join products.warehouse w on w.id = sl.warehouse_id where sl.product_id = ? and w.code = 'WH-SOUTH'`,
          [product.id],
        )
    )[0];

  it('sets the units on hand, once: the same import again changes nothing', async () => {
    const before = await levelOf();
    const input = { levels: [{ sku: product.sku, warehouseCode: 'wh-south', onHand: before.on_hand + 40 }] };
    expect((await ok(IMPORT, { input }, admin)).importStockLevels).toEqual({ changed: 1, userErrors: [] });
    expect(await levelOf()).toEqual({ on_hand: before.on_hand + 40, low_threshold: before.low_threshold });
    expect((await ok(IMPORT, { input }, admin)).importStockLevels).toEqual({ changed: 0, userErrors: [] });
    const { product: got } = await ok(STOCK, { sku: product.sku }, staff);
    expect(
      got.stock.warehouses.find((w: { warehouse: { code: string } }) => w.warehouse.code === 'WH-SOUTH').available,
    ).toBeGreaterThanOrEqual(40);
  });

  it('imports nothing when a row is bad, and says which rows and fields', async () => {
    const before = await levelOf();
    const { importStockLevels } = await ok(
      IMPORT,
      {
        input: {
          levels: [
            { sku: product.sku, warehouseCode: 'WH-SOUTH', onHand: 1 },
            { sku: 'NO-SUCH', warehouseCode: 'WH-MOON', onHand: -2 },
          ],
        },
      },
      admin,
    );
    expect(importStockLevels).toEqual({
      changed: 0,
      userErrors: [
        { code: 'UNKNOWN_SKU', field: ['input', 'levels', '1', 'sku'] },
        { code: 'UNKNOWN_WAREHOUSE', field: ['input', 'levels', '1', 'warehouseCode'] },
        { code: 'INVALID_QUANTITY', field: ['input', 'levels', '1', 'onHand'] },
      ],
    });
    expect(await levelOf()).toEqual(before);
  });

  it('is refused to dealers and to staff who do not manage stock', async () => {
    for (const claims of [platinum, staff]) {
      const result = await run(IMPORT, { input: { levels: [{ sku: product.sku, warehouseCode: 'WH-SOUTH', onHand: 0 }] } }, claims);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});
