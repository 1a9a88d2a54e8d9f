import { demoAssortment, type DemoDealer, generateDemoData } from '@dealergraph/demo-data';
import { type Claims, signRequest } from '@dealergraph/runtime';
import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Ids and skus do not depend on the anchor, so this matches the seeded test database.
const data = generateDemoData();
const assortment = demoAssortment(data);
const restriction = new Map(assortment.restrictions.map((r) => [r.productId, r.restriction]));
const categoryParent = new Map(data.categories.map((c) => [c.id, c.parentId]));
const rootOf = (categoryId: string): string => {
  let id = categoryId;
  while (categoryParent.get(id)) id = categoryParent.get(id)!;
  return id;
};
const adminOf = (d: DemoDealer) => data.users.find((u) => u.dealerId === d.id && u.role === 'DEALER_ADMIN')!;

const limited = data.dealers[2]; // D0003: two root categories only
const allowedRoots = new Set(assortment.categoryLimits.filter((l) => l.dealerId === limited.id).map((l) => l.categoryId));
const outside = data.products.find((p) => !restriction.has(p.id) && !allowedRoots.has(rootOf(p.categoryId)))!;
const inside = data.products.find((p) => !restriction.has(p.id) && allowedRoots.has(rootOf(p.categoryId)))!;
const limitedIds = new Set(assortment.categoryLimits.map((l) => l.dealerId));
// An ordinary dealer with no category limits, outside every grant of a CONTRACT_ONLY product.
const ordinary = data.dealers.find((d, i) => i >= 12 && !limitedIds.has(d.id) && (d.tier === 'SILVER' || d.tier === 'BRONZE'))!;
const contractOnly = data.products.find((p) => restriction.get(p.id) === 'CONTRACT_ONLY')!;

const PRODUCT = 'query($sku: String!) { product(sku: $sku) { id sku restriction price { unitPrice { amount } } } }';
const SEARCH = 'query($s: String!, $n: Int) { products(first: $n, filter: { search: $s }) { totalCount nodes { sku name } } }';

describe('dealer assortments and search through the gateway', () => {
  let stack: TestStack;
  let staff: GraphQLClient;
  let limitedUser: GraphQLClient;
  let ordinaryUser: GraphQLClient;

  /** A request to the products subgraph signed like the gateway signs it, with these claims. */
  async function signedToProducts(query: string, variables: Record<string, unknown>, claims: Claims | null) {
    const jwt = claims ? { payload: claims } : undefined;
    const response = await fetch(stack.subgraphs.products.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables, extensions: signRequest({ query, variables, jwt }, stack.hmacSecret) }),
    });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  }
  const claimsOf = (d: DemoDealer): Claims => ({ sub: adminOf(d).id, email: adminOf(d).email, role: 'DEALER_ADMIN', dealerId: d.id });

  beforeAll(async () => {
    expect(outside && inside && ordinary && contractOnly).toBeTruthy();
    stack = await startTestStack();
    staff = await stack.loginAs('director@demo.staff');
    limitedUser = await stack.loginAs(adminOf(limited).email);
    ordinaryUser = await stack.loginAs(adminOf(ordinary).email);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('a product outside the assortment is invisible in lists, search, product(sku) and prices', async () => {
    const all = (await staff.data('{ products(first: 1) { totalCount } }')).products.totalCount;
    const own = (await limitedUser.data('{ products(first: 1) { totalCount } }')).products.totalCount;
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(all);
    expect((await limitedUser.data(PRODUCT, { sku: outside.sku })).product).toBeNull();
    expect((await limitedUser.data(SEARCH, { s: outside.sku, n: 50 })).products.nodes.map((n: { sku: string }) => n.sku)).not.toContain(
      outside.sku,
    );
    const { product } = await limitedUser.data(PRODUCT, { sku: inside.sku });
    expect(product).toMatchObject({ sku: inside.sku, restriction: null });
    expect(product.price.unitPrice.amount).toMatch(/^\d+\.\d\d$/);
    // Staff and the demo dealers keep the whole catalog.
    expect((await staff.data(PRODUCT, { sku: outside.sku })).product.sku).toBe(outside.sku);
    const bronze = await stack.loginAs('bronze@demo.dealer');
    expect((await bronze.data('{ products(first: 1) { totalCount } }')).products.totalCount).toBe(all);
    expect((await bronze.data(PRODUCT, { sku: contractOnly.sku })).product.restriction).toBe('CONTRACT_ONLY');
  });

  it("_entities returns null for a product outside the caller's assortment", async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { sku } } }';
    const variables = {
      r: [
        { __typename: 'Product', id: outside.id },
        { __typename: 'Product', id: inside.id },
      ],
    };
    const asLimited = await signedToProducts(query, variables, claimsOf(limited));
    expect(asLimited.data._entities).toEqual([null, { sku: inside.sku }]);
    const asPlatinum = await signedToProducts(query, variables, claimsOf(data.dealers[0]));
    expect(asPlatinum.data._entities).toEqual([{ sku: outside.sku }, { sku: inside.sku }]);
  });

  it('the internal check says NOT_AUTHORIZED outside the assortment, and is not in the public API', async () => {
    const query = 'query($d: ID!, $s: [String!]!) { assortmentCheck(dealerId: $d, skus: $s) { sku status } }';
    const checked = await signedToProducts(query, { d: limited.id, s: [inside.sku, outside.sku, 'NO-SUCH-SKU'] }, null);
    expect(checked.data.assortmentCheck).toEqual([
      { sku: inside.sku, status: 'OK' },
      { sku: outside.sku, status: 'NOT_AUTHORIZED' },
      { sku: 'NO-SUCH-SKU', status: 'UNKNOWN_SKU' },
    ]);
    // A dealer user's claims may not ask about another dealer.
    const other = await signedToProducts(query, { d: data.dealers[0].id, s: [inside.sku] }, claimsOf(limited));
    expect(other.data.assortmentCheck).toEqual([{ sku: inside.sku, status: 'NOT_AUTHORIZED' }]);
    const viaGateway = await limitedUser.request(query, { d: limited.id, s: [inside.sku] });
    expect(viaGateway.errors?.length).toBeGreaterThan(0);
  });

  it('restricted products: invisible without a grant; staff grant and withdraw them; only managers may', async () => {
    expect((await ordinaryUser.data(PRODUCT, { sku: contractOnly.sku })).product).toBeNull();
    const GRANT = 'mutation($i: AssortmentGrantInput!) { grantProductAccess(input: $i) { changed userErrors { code } } }';
    const REVOKE = 'mutation($i: AssortmentGrantInput!) { revokeProductAccess(input: $i) { changed userErrors { code } } }';
    const input = { skus: [contractOnly.sku], scope: 'DEALER', value: ordinary.id };
    expect((await staff.data(GRANT, { i: input })).grantProductAccess).toEqual({ changed: 1, userErrors: [] });
    expect((await staff.data(GRANT, { i: input })).grantProductAccess).toEqual({ changed: 0, userErrors: [] });
    expect((await ordinaryUser.data(PRODUCT, { sku: contractOnly.sku })).product.sku).toBe(contractOnly.sku);
    expect((await staff.data(REVOKE, { i: input })).revokeProductAccess).toEqual({ changed: 1, userErrors: [] });
    expect((await ordinaryUser.data(PRODUCT, { sku: contractOnly.sku })).product).toBeNull();
    expect((await staff.data(GRANT, { i: { ...input, skus: ['NOPE-1'] } })).grantProductAccess.userErrors[0].code).toBe('UNKNOWN_SKU');
    for (const who of [await stack.loginAs('rep@demo.staff'), ordinaryUser]) {
      const refused = await who.request(GRANT, { i: input });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('search: a misspelled name and a SKU prefix find the product on the first page; an exact SKU ranks first', async () => {
    const target = data.products.find((p) => !restriction.has(p.id) && p.name.split(' ').some((w) => /^[A-Za-z]{7,}$/.test(w)))!;
    const word = target.name.split(' ').find((w) => /^[A-Za-z]{7,}$/.test(w))!;
    const typo = word.slice(0, 2) + word.slice(3); // one letter dropped
    const misspelled = target.name.replace(word, typo);
    const { products } = await staff.data(SEARCH, { s: misspelled, n: 20 });
    expect(products.nodes.map((n: { sku: string }) => n.sku)).toContain(target.sku);

    const prefix = await staff.data(SEARCH, { s: target.sku.slice(0, -1).toLowerCase(), n: 20 });
    expect(prefix.products.nodes.map((n: { sku: string }) => n.sku)).toContain(target.sku);
    const exact = await staff.data(SEARCH, { s: target.sku, n: 5 });
    expect(exact.products.nodes[0].sku).toBe(target.sku);
  });

  it('search: one typo from 5 letters and two from 9, a swap of neighbours counting as one, as search engines allow', async () => {
    const visible = data.products.filter((p) => !restriction.has(p.id));
    const cases: [string, RegExp][] = [
      ['saefty relay', /^Safety Relay\b/], // swap in a 6-letter word
      ['raidal shaft seal', /^Radial Shaft Seal\b/], // swap in a 6-letter word
      ['interfce relay', /^Interface Relay\b/], // a dropped letter in a 9-letter word
      ['intrefcae relay', /^Interface Relay\b/], // two swaps in a 9-letter word
    ];
    for (const [term, name] of cases) {
      expect(
        visible.some((p) => name.test(p.name)),
        `the demo data has a product named ${name}`,
      ).toBe(true);
      const { products } = await staff.data(SEARCH, { s: term, n: 20 });
      const names: string[] = products.nodes.map((n: { name: string }) => n.name);
      expect(names.length, term).toBeGreaterThan(0);
      expect(
        names.every((found) => name.test(found)),
        `${term}: ${names.join(', ')}`,
      ).toBe(true);
    }
    // Beyond the budget: "rleya" is two swaps from "relay", and a word of 5 letters takes one typo.
    const { products } = await staff.data(SEARCH, { s: 'rleya', n: 5 });
    expect(products.totalCount).toBe(0);
  });

  it('search: a misspelled name with a grade or fraction ("4.8", "3/8") still finds the product on the first page', async () => {
    // Words are split by PostgreSQL's parser, as the stored document is: "4.8" stays one word.
    const typoed = (name: string) => {
      const word = name.split(' ').find((w) => /^[A-Za-z]{7,}$/.test(w));
      return word ? name.replace(word, word.slice(0, 2) + word.slice(3)) : undefined;
    };
    const targets = [
      ...new Map(
        data.products.filter((p) => !restriction.has(p.id) && /\d[./]\d/.test(p.name) && typoed(p.name)).map((p) => [p.name, p]),
      ).values(),
    ].slice(0, 4);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      const { products } = await staff.data(SEARCH, { s: typoed(target.name), n: 20 });
      const names = products.nodes.map((n: { name: string }) => n.name);
      expect(names, typoed(target.name)).toContain(target.name);
    }
  });

  it('newProducts(since) lists what was added since, newest first, within the assortment', async () => {
    // When each product was written, as the database has it: the demo data regenerated here is dated
    // from today, and the seeded template may be from yesterday (a run across midnight).
    const rows = await stack.orms.products.em
      .getConnection()
      .execute<{ sku: string; created_at: Date }[]>('select sku, created_at from products.product');
    const written = new Map(rows.map((r) => [r.sku, new Date(r.created_at).getTime()]));
    const at = (p: { sku: string }) => written.get(p.sku)!;
    const sorted = [...data.products].sort((a, b) => at(b) - at(a));
    const since = new Date(at(sorted[40]));
    const NEW = 'query($since: DateTimeISO!) { newProducts(since: $since, first: 100) { totalCount nodes { sku } } }';
    const all = (await staff.data(NEW, { since: since.toISOString() })).newProducts;
    const expected = data.products.filter((p) => at(p) >= since.getTime());
    expect(all.totalCount).toBe(expected.length);
    expect(new Set(all.nodes.map((n: { sku: string }) => n.sku))).toEqual(new Set(expected.map((p) => p.sku)));
    const own = (await limitedUser.data(NEW, { since: since.toISOString() })).newProducts;
    const bySku = new Map(data.products.map((p) => [p.sku, p]));
    for (const { sku } of own.nodes) expect(allowedRoots.has(rootOf(bySku.get(sku)!.categoryId))).toBe(true);
    expect(own.totalCount).toBe(expected.filter((p) => !restriction.has(p.id) && allowedRoots.has(rootOf(p.categoryId))).length);
  });

  it('substitutes: same category, another brand, in the assortment, stock first, each with its own stock and price', async () => {
    const { product } = await limitedUser.data(
      'query($sku: String!) { product(sku: $sku) { sku brand category { id } substitutes(first: 5) { sku brand category { id } stock { status available } price { unitPrice { amount } } } } }',
      { sku: inside.sku },
    );
    expect(product.substitutes.length).toBeGreaterThan(0);
    const bySku = new Map(data.products.map((p) => [p.sku, p]));
    let seenOut = false;
    for (const alt of product.substitutes) {
      expect(alt.category.id).toBe(product.category.id);
      expect(alt.brand).not.toBe(product.brand);
      expect(restriction.has(bySku.get(alt.sku)!.id)).toBe(false);
      expect(alt.price.unitPrice.amount).toMatch(/^\d+\.\d\d$/);
      if (alt.stock.available <= 0) seenOut = true;
      else expect(seenOut).toBe(false);
    }
  });
});
