import { randomUUID } from 'node:crypto';

import { deriveInternalKey, InternalCallError, type InternalClient, internalClient } from '@dealergraph/runtime';
import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** products.lookupProducts through a real signed call, against the catalog as the gateway shows it. */
let stack: TestStack;
let products: InternalClient<'products'>;
let dealer: GraphQLClient;
let dealerId: string;

interface Shown {
  id: string;
  sku: string;
  name: string;
  brand: string;
  stock: { status: string; available: number };
}

beforeAll(async () => {
  stack = await startTestStack();
  products = internalClient('products', { baseUrl: stack.subgraphs.products.url, key: deriveInternalKey(stack.hmacSecret) });
  dealer = await stack.loginAs('platinum@demo.dealer');
  dealerId = (await dealer.data('{ me { dealer { id } } }')).me.dealer.id;
});

afterAll(async () => {
  await stack?.stop();
});

describe('products.lookupProducts', () => {
  it('finds products by sku in any case and by id, with the stock the catalog shows', async () => {
    const shown: Shown[] = (await dealer.data('{ products(first: 40) { nodes { id sku name brand stock { status available } } } }'))
      .products.nodes;
    const bySku = shown.slice(0, 20);
    const byId = shown.slice(15, 40);
    const { products: found } = await products.call('lookupProducts', {
      dealerId,
      skus: bySku.map((p, i) => (i % 2 ? p.sku.toLowerCase() : ` ${p.sku} `)).concat(['NO-SUCH-SKU']),
      productIds: byId.map((p) => p.id).concat([randomUUID()]),
    });
    // Each product once, unknown ones left out.
    expect(found.map((p) => p.id).sort()).toEqual(shown.map((p) => p.id).sort());
    for (const product of found) {
      const catalog = shown.find((p) => p.id === product.id)!;
      expect(product).toEqual({
        id: catalog.id,
        sku: catalog.sku,
        name: catalog.name,
        brand: catalog.brand,
        active: true,
        authorized: true,
        stock: { status: catalog.stock.status, available: catalog.stock.available },
        handling: expect.any(Array),
        substitutes: expect.any(Array),
      });
      if (product.stock.status !== 'OUT') expect(product.substitutes).toEqual([]);
    }
    expect(new Set(found.map((p) => p.stock.status)).size).toBeGreaterThan(1);
  });

  it('returns a discontinued product as inactive, so the caller can say why it cannot be ordered', async () => {
    // This test's own copy of the data: discontinue one product.
    const [row] = await stack.orms.products.em
      .fork()
      .execute<{ id: string; sku: string }[]>(
        'update products.product set active = false where id = (select id from products.product order by sku desc limit 1) returning id, sku',
      );
    const { products: found } = await products.call('lookupProducts', { dealerId, skus: [row.sku.toLowerCase()] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: row.id, active: false });
  });

  it('says which products a restricted dealer may not buy, in the assortment the catalog shows it', async () => {
    const restricted = await stack.loginAs('admin@d0003.dealer');
    const restrictedId: string = (await restricted.data('{ me { dealer { id } } }')).me.dealer.id;
    // Every 110th product by sku (the gateway allows 50 aliases): some restricted, from every root category.
    const all = await stack.orms.products.em
      .fork()
      .execute<{ id: string; sku: string }[]>(
        'select id, sku from (select id, sku, row_number() over (order by sku) as n from products.product where active) x where n % 110 = 0',
      );
    const seen: Record<string, { id: string } | null> = await restricted.data(
      `{ ${all.map((p, i) => `p${i}: product(sku: ${JSON.stringify(p.sku)}) { id }`).join(' ')} }`,
    );
    const visible = Object.values(seen).filter((p): p is { id: string } => p !== null);
    const allowed = new Set(visible.map((p) => p.id));
    expect(allowed.size).toBeGreaterThan(0);
    expect(allowed.size).toBeLessThan(all.length);
    const { products: found } = await products.call('lookupProducts', { dealerId: restrictedId, productIds: all.map((p) => p.id) });
    expect(found).toHaveLength(all.length);
    for (const product of found) expect(product.authorized, product.sku).toBe(allowed.has(product.id));
    // The unrestricted demo dealer may buy all of them.
    const { products: forPlatinum } = await products.call('lookupProducts', { dealerId, productIds: all.map((p) => p.id) });
    expect(forPlatinum.every((p) => p.authorized)).toBe(true);
  });

  it('offers substitutes for an out-of-stock product, each with its own stock, as Product.substitutes shows them', async () => {
    const em = stack.orms.products.em.fork();
    // A product whose category holds another brand's product with stock: sold out here, it has substitutes.
    const [row] = await em.execute<{ id: string; sku: string }[]>(
      `select p.id, p.sku from products.product p
        where p.active and exists (select 1 from products.product q join products.stock_level sl on sl.product_id = q.id
                                    where q.category_id = p.category_id and q.brand_id <> p.brand_id and q.active and sl.on_hand > sl.reserved + 10)
        order by p.sku offset 7 limit 1`,
    );
    await em.execute('update products.stock_level set on_hand = 0, reserved = 0 where product_id = ?', [row.id]);
    const { products: found } = await products.call('lookupProducts', { dealerId, skus: [row.sku] });
    expect(found).toHaveLength(1);
    expect(found[0].stock).toEqual({ status: 'OUT', available: 0 });
    expect(found[0].substitutes.length).toBeGreaterThan(0);
    const shown = (
      await dealer.data(
        'query($sku: String!) { product(sku: $sku) { substitutes(first: 5) { id sku name stock { status available } } } }',
        { sku: row.sku },
      )
    ).product.substitutes;
    expect(found[0].substitutes).toEqual(shown);
    expect(found[0].substitutes.some((s) => s.stock.available > 0)).toBe(true);
  });

  it('refuses malformed input with 400', async () => {
    const bad: unknown[] = [
      { dealerId: 'nope', skus: ['X'] },
      { dealerId },
      { dealerId, skus: [], productIds: [] },
      { dealerId, productIds: ['not-a-uuid'] },
      { dealerId, skus: 'ABC' },
      { dealerId, skus: [42] },
    ];
    for (const input of bad) {
      const error = await products.call('lookupProducts', input as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toBeInstanceOf(InternalCallError);
      expect((error as InternalCallError).code).toBe('REJECTED');
    }
  });
});
