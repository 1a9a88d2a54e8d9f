import { deriveInternalKey, internalClient, InternalCallError, type InternalClient } from '@dealergraph/runtime';
import { startTestStack, type GraphQLClient, type TestStack } from '@dealergraph/testing';
import { randomUUID } from 'node:crypto';
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
    const shown: Shown[] = (await dealer.data('{ products(first: 40) { nodes { id sku name brand stock { status available } } } }')).products.nodes;
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
        substitutes: [],
      });
    }
    expect(new Set(found.map((p) => p.stock.status)).size).toBeGreaterThan(1);
  });

  it('returns a discontinued product as inactive, so the caller can say why it cannot be ordered', async () => {
    // This test's own copy of the data: discontinue one product.
    const [row] = await stack.orms.products.em
      .fork()
      .execute<{ id: string; sku: string }[]>('update products.product set active = false where id = (select id from products.product order by sku desc limit 1) returning id, sku');
    const { products: found } = await products.call('lookupProducts', { dealerId, skus: [row.sku.toLowerCase()] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: row.id, active: false });
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
