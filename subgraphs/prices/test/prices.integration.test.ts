import { type DemoData, type DemoDealer, type DemoProduct, generateDemoData } from '@dealergraph/demo-data';
import { type Claims, migrate, openSubgraphOrm, schemaOf } from '@dealergraph/runtime';
import { createTestDatabase, type TestDatabase } from '@dealergraph/testing';
import { graphql, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pricesSubgraph } from '../src/definition.js';
import { quoteLines } from '../src/index.js';

const anchor = new Date('2026-11-01T00:00:00Z');
/** Requests price at noon of the anchor day, so the demo's active/expired/upcoming windows are fixed. */
const now = new Date('2026-11-01T12:00:00Z');
const definition = pricesSubgraph({ clock: () => now });

let db: TestDatabase;
let orm: Awaited<ReturnType<typeof openSubgraphOrm>>;
let schema: GraphQLSchema;
let data: DemoData;
let platinum: DemoDealer;
let bronze: DemoDealer;
let platinumClaims: Claims;
let bronzeClaims: Claims;
let staffClaims: Claims;

/** Independent reference for one discount step: exact, half up (amounts are positive). */
const off = (minor: number, bp: number) => Math.round((minor * (10_000 - bp)) / 10_000);
const amount = (minor: number) => (minor / 100).toFixed(2);
const percentOff = (list: number, unit: number) => Math.round(((list - unit) * 10_000) / list) / 100;
const within = (w: { validFrom: Date; validTo: Date | null }) => w.validFrom <= now && (w.validTo === null || now < w.validTo);

function claimsOf(email: string): Claims {
  const user = data.users.find((u) => u.email === email)!;
  return { sub: user.id, email: user.email, role: user.role, dealerId: user.dealerId };
}

const PRICE_QUERY = `
  query Prices($reps: [_Any!]!, $quantity: Int, $dealerId: ID) {
    _entities(representations: $reps) {
      ... on Product {
        id
        price(quantity: $quantity, dealerId: $dealerId) {
          quantity
          listPrice { amount currency }
          unitPrice { amount currency }
          lineTotal { amount currency }
          discountPercent
          youSave { amount }
          appliedRules
          breakdown { rule label unitPrice { amount } }
        }
      }
    }
  }`;

interface PriceResult {
  quantity: number;
  listPrice: { amount: string; currency: string };
  unitPrice: { amount: string; currency: string };
  lineTotal: { amount: string; currency: string };
  discountPercent: number;
  youSave: { amount: string };
  appliedRules: string[];
  breakdown: { rule: string; label: string; unitPrice: { amount: string } }[];
}

async function run(
  source: string,
  claims: Claims | null,
  variables: Record<string, unknown>,
  context = definition.context({ em: orm.em.fork(), claims }),
) {
  return graphql({ schema, source, variableValues: variables, contextValue: context });
}

async function prices(productIds: string[], claims: Claims | null, args: { quantity?: number; dealerId?: string } = {}) {
  const result = await run(PRICE_QUERY, claims, { reps: productIds.map((id) => ({ __typename: 'Product', id })), ...args });
  expect(result.errors).toBeUndefined();
  return (result.data!._entities as { id: string; price: PriceResult | null }[]).map((e) => e.price);
}

async function priceOf(product: DemoProduct, claims: Claims | null, args: { quantity?: number; dealerId?: string } = {}) {
  return (await prices([product.id], claims, args))[0];
}

/** The expected GraphQL price from an expected unit price and rules. */
function expected(product: DemoProduct, quantity: number, unit: number, rules: string[]) {
  return {
    quantity,
    listPrice: { amount: amount(product.listPrice), currency: product.currency },
    unitPrice: { amount: amount(unit), currency: product.currency },
    lineTotal: { amount: amount(unit * quantity), currency: product.currency },
    discountPercent: percentOff(product.listPrice, unit),
    youSave: { amount: amount(product.listPrice - unit) },
    appliedRules: rules,
  };
}

const promotionsOf = (productId: string) => data.promotions.filter((p) => p.productId === productId);
const specialsOf = (dealerId: string, productId: string) =>
  data.specialPrices.filter((s) => s.dealerId === dealerId && s.productId === productId);

beforeAll(async () => {
  data = generateDemoData({ anchor });
  platinum = data.dealers[0];
  bronze = data.dealers.find((d) => d.name === 'Demo Bronze Dealer')!;
  platinumClaims = claimsOf('platinum@demo.dealer');
  bronzeClaims = claimsOf('bronze@demo.dealer');
  staffClaims = claimsOf('rep@demo.staff');
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
});

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

describe('demo data assumptions', () => {
  it('starts with Demo Platinum Dealer (PLATINUM) and has the demo tier rules', () => {
    expect(platinum.name).toBe('Demo Platinum Dealer');
    expect(platinum.tier).toBe('PLATINUM');
    expect(platinumClaims.dealerId).toBe(platinum.id);
    expect(data.tierRules.find((r) => r.tier === 'PLATINUM')?.discountBp).toBe(2000);
    expect(data.tierRules.find((r) => r.tier === 'BRONZE')?.discountBp).toBe(500);
  });

  it('seeds once: a second seed writes nothing', async () => {
    expect(
      await definition.seed!(
        orm.em.fork(),
        () => data,
        () => {},
      ),
    ).toBe(false);
  });
});

describe('Product.price for Demo Platinum Dealer', () => {
  /**
   * A product with no promotion (of any date) and no special price of the dealer, whose volume-break
   * prices are not whole cents before rounding (demo list prices end on a nickel, so the tier step is exact).
   */
  const plainProduct = () =>
    data.products.find(
      (p) =>
        promotionsOf(p.id).length === 0 && specialsOf(platinum.id, p.id).length === 0 && (off(p.listPrice, 2000) * 9500) % 10_000 !== 0,
    )!;

  it('prices a product without promotion or special price by tier only: list * 0.8, rounded', async () => {
    const product = plainProduct();
    const unit = Math.round(product.listPrice * 0.8);
    const price = await priceOf(product, platinumClaims);
    expect(price).toMatchObject(expected(product, 1, unit, ['TIER']));
    expect(price!.breakdown).toEqual([{ rule: 'TIER', label: 'Tier price: 20 % off list', unitPrice: { amount: amount(unit) } }]);
  });

  it.each([
    [10, 500],
    [50, 1000],
    [100, 1500],
  ])('applies the volume break at quantity %i (%i bp off the tier price)', async (quantity, breakBp) => {
    const product = plainProduct();
    const tier = off(product.listPrice, 2000);
    const unit = off(tier, breakBp);
    const price = await priceOf(product, platinumClaims, { quantity });
    expect(price).toMatchObject(expected(product, quantity, unit, ['TIER', 'VOLUME_BREAK']));
    expect(price!.breakdown.map((s) => s.unitPrice.amount)).toEqual([amount(tier), amount(unit)]);
  });

  it('applies an active promotion after the tier price', async () => {
    const promotion = data.promotions.find((p) => within(p) && specialsOf(platinum.id, p.productId).length === 0)!;
    const product = data.products.find((p) => p.id === promotion.productId)!;
    const tier = off(product.listPrice, 2000);
    const unit = off(tier, promotion.discountBp);
    const price = await priceOf(product, platinumClaims);
    expect(price).toMatchObject(expected(product, 1, unit, ['TIER', 'PROMOTION']));
    expect(price!.breakdown[1].label).toBe(`Promotion "${promotion.name}": ${promotion.discountBp / 100} % off`);
  });

  it('ignores expired and upcoming promotions', async () => {
    const inactive = data.promotions.filter((p) => !within(p) && specialsOf(platinum.id, p.productId).length === 0);
    expect(inactive.some((p) => p.validTo <= now)).toBe(true);
    expect(inactive.some((p) => p.validFrom > now)).toBe(true);
    const products = inactive.map((p) => data.products.find((x) => x.id === p.productId)!);
    const result = await prices(
      products.map((p) => p.id),
      platinumClaims,
    );
    result.forEach((price, i) => expect(price).toMatchObject(expected(products[i], 1, off(products[i].listPrice, 2000), ['TIER'])));
  });

  it("uses the dealer's special price when it beats the tier price", async () => {
    const special = data.specialPrices.find(
      (s) => s.dealerId === platinum.id && within(s) && promotionsOf(s.productId).every((p) => !within(p)),
    )!;
    const product = data.products.find((p) => p.id === special.productId)!;
    expect(special.unitPrice).toBeLessThan(off(product.listPrice, 2000));
    const price = await priceOf(product, platinumClaims);
    expect(price).toMatchObject(expected(product, 1, special.unitPrice, ['SPECIAL_PRICE']));
    const at50 = await priceOf(product, platinumClaims, { quantity: 50 });
    expect(at50).toMatchObject(expected(product, 50, off(special.unitPrice, 1000), ['SPECIAL_PRICE', 'VOLUME_BREAK']));
  });

  it('prices the first product with its special price (the demo guarantees one)', async () => {
    const product = data.products[0];
    const specials = specialsOf(platinum.id, product.id).filter(within);
    expect(specials).toHaveLength(1);
    const promo = promotionsOf(product.id).filter(within);
    let unit = Math.min(specials[0].unitPrice, off(product.listPrice, 2000));
    const rules = [specials[0].unitPrice < off(product.listPrice, 2000) ? 'SPECIAL_PRICE' : 'TIER'];
    if (promo.length) {
      unit = off(unit, Math.max(...promo.map((p) => p.discountBp)));
      rules.push('PROMOTION');
    }
    expect(await priceOf(product, platinumClaims)).toMatchObject(expected(product, 1, unit, rules));
  });

  it('is the same for the dealer user passing its own dealerId, and for staff passing it', async () => {
    const products = data.products.slice(0, 20).map((p) => p.id);
    const own = await prices(products, platinumClaims, { quantity: 12 });
    expect(await prices(products, platinumClaims, { quantity: 12, dealerId: platinum.id })).toEqual(own);
    expect(await prices(products, staffClaims, { quantity: 12, dealerId: platinum.id })).toEqual(own);
    expect(own.every((p) => p !== null)).toBe(true);
  });
});

describe('Product.price access and errors', () => {
  it('is null for staff without dealerId', async () => {
    expect(
      await prices(
        data.products.slice(0, 3).map((p) => p.id),
        staffClaims,
      ),
    ).toEqual([null, null, null]);
  });

  it("is null for a dealer user asking for another dealer's price", async () => {
    expect(await priceOf(data.products[1], platinumClaims, { dealerId: bronze.id })).toBeNull();
    expect(await priceOf(data.products[1], bronzeClaims, { dealerId: platinum.id })).toBeNull();
  });

  it('is null for anonymous callers and for products without a list price', async () => {
    expect(await priceOf(data.products[1], null)).toBeNull();
    expect(await prices(['00000000-0000-4000-8000-000000000000'], platinumClaims)).toEqual([null]);
    // a dealer id with no price list assignment
    expect(await priceOf(data.products[1], staffClaims, { dealerId: '00000000-0000-4000-8000-000000000001' })).toBeNull();
  });

  it('is null, without an error, for a page priced by staff with a malformed dealerId', async () => {
    const ids = data.products.slice(0, 5).map((p) => p.id);
    expect(await prices(ids, staffClaims, { dealerId: 'x' })).toEqual([null, null, null, null, null]);
    expect(await prices(ids, platinumClaims, { dealerId: 'x' })).toEqual([null, null, null, null, null]);
  });

  it("does not fail the other prices of the request for one caller's malformed dealerId", async () => {
    const product = data.products[1];
    const result = await run(
      `query($reps: [_Any!]!, $good: ID, $bad: ID) { _entities(representations: $reps) { ... on Product {
        good: price(dealerId: $good) { unitPrice { amount } } bad: price(dealerId: $bad) { unitPrice { amount } } } } }`,
      staffClaims,
      { reps: [{ __typename: 'Product', id: product.id }], good: platinum.id, bad: 'not-a-uuid' },
    );
    expect(result.errors).toBeUndefined();
    const own = await priceOf(product, platinumClaims);
    expect(result.data!._entities).toEqual([{ good: { unitPrice: { amount: own!.unitPrice.amount } }, bad: null }]);
  });

  it('takes a dealerId in upper case as that dealer', async () => {
    const ids = data.products.slice(0, 3).map((p) => p.id);
    const own = await prices(ids, platinumClaims);
    expect(await prices(ids, staffClaims, { dealerId: platinum.id.toUpperCase() })).toEqual(own);
    expect(await prices(ids, platinumClaims, { dealerId: platinum.id.toUpperCase() })).toEqual(own);
  });

  it('resolves a Product reference with a malformed id as null and prices the others', async () => {
    const product = data.products[1];
    const result = await run(PRICE_QUERY, platinumClaims, {
      reps: [
        { __typename: 'Product', id: 'not-a-uuid' },
        { __typename: 'Product', id: product.id },
      ],
    });
    expect(result.errors).toBeUndefined();
    const entities = result.data!._entities as ({ id: string; price: PriceResult | null } | null)[];
    expect(entities[0]).toBeNull();
    expect(entities[1]).toEqual({ id: product.id, price: await priceOf(product, platinumClaims) });
    expect(entities[1]!.price).not.toBeNull();
  });

  it('prices Demo Bronze Dealer by its own tier (5 %)', async () => {
    const product = data.products.find((p) => promotionsOf(p.id).every((x) => !within(x)) && specialsOf(bronze.id, p.id).length === 0)!;
    expect(await priceOf(product, bronzeClaims, { quantity: 10 })).toMatchObject(
      expected(product, 10, off(off(product.listPrice, 500), 500), ['TIER', 'VOLUME_BREAK']),
    );
  });

  it('takes an omitted or null quantity as 1', async () => {
    const one = await priceOf(data.products[1], platinumClaims, { quantity: 1 });
    expect(one?.quantity).toBe(1);
    expect(await priceOf(data.products[1], platinumClaims)).toEqual(one);
    const result = await run(PRICE_QUERY, platinumClaims, { reps: [{ __typename: 'Product', id: data.products[1].id }], quantity: null });
    expect((result.data?._entities as { price: unknown }[])[0].price).toEqual(one);
  });

  it('refuses a quantity below 1 with INVALID_QUANTITY', async () => {
    const result = await run(PRICE_QUERY, platinumClaims, { reps: [{ __typename: 'Product', id: data.products[0].id }], quantity: 0 });
    expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_QUANTITY');
    expect((result.data?._entities as { price: unknown }[])[0].price).toBeNull();
  });
});

describe('myPriceList', () => {
  const QUERY = '{ myPriceList { tier tierDiscountPercent volumeBreaks { minQuantity maxQuantity discountPercent } } }';

  it("returns the dealer user's tier and volume breaks", async () => {
    const result = await run(QUERY, platinumClaims, {});
    expect(result.errors).toBeUndefined();
    expect(result.data!.myPriceList).toEqual({
      tier: 'PLATINUM',
      tierDiscountPercent: 20,
      volumeBreaks: [
        { minQuantity: 1, maxQuantity: 9, discountPercent: 0 },
        { minQuantity: 10, maxQuantity: 49, discountPercent: 5 },
        { minQuantity: 50, maxQuantity: 99, discountPercent: 10 },
        { minQuantity: 100, maxQuantity: null, discountPercent: 15 },
      ],
    });
  });

  it('is null for staff and needs a signed-in caller', async () => {
    expect((await run(QUERY, staffClaims, {})).data!.myPriceList).toBeNull();
    expect((await run(QUERY, null, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('quoteLines', () => {
  it('returns the same prices as Product.price', async () => {
    const lines = data.products.slice(0, 10).map((p, i) => ({ productId: p.id, quantity: [1, 9, 10, 49, 50, 99, 100, 3, 25, 250][i] }));
    const quoted = await quoteLines(definition.context({ em: orm.em.fork(), claims: platinumClaims }), { dealerId: platinum.id, lines });
    for (const [i, line] of lines.entries()) {
      const shown = (await prices([line.productId], platinumClaims, { quantity: line.quantity }))[0]!;
      const q = quoted[i];
      expect(q.productId).toBe(line.productId);
      expect(q.quantity).toBe(line.quantity);
      expect(amount(q.price!.unitPrice)).toBe(shown.unitPrice.amount);
      expect(amount(q.price!.lineTotal)).toBe(shown.lineTotal.amount);
      expect(q.price!.appliedRules).toEqual(shown.appliedRules);
    }
  });

  it('gives a line with a malformed product id no price, and prices the others', async () => {
    const product = data.products[1];
    const ctx = definition.context({ em: orm.em.fork(), claims: platinumClaims });
    const quoted = await quoteLines(ctx, {
      dealerId: platinum.id,
      lines: [
        { productId: 'not-a-uuid', quantity: 1 },
        { productId: product.id, quantity: 1 },
      ],
    });
    expect(quoted[0]).toEqual({ productId: 'not-a-uuid', quantity: 1, price: null });
    expect(amount(quoted[1].price!.unitPrice)).toBe((await priceOf(product, platinumClaims))!.unitPrice.amount);
  });

  it("refuses another dealer's lines and invalid quantities", async () => {
    const ctx = definition.context({ em: orm.em.fork(), claims: bronzeClaims });
    await expect(
      quoteLines(ctx, { dealerId: platinum.id, lines: [{ productId: data.products[0].id, quantity: 1 }] }),
    ).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(quoteLines(ctx, { dealerId: bronze.id, lines: [{ productId: data.products[0].id, quantity: 0 }] })).rejects.toMatchObject({
      code: 'INVALID_QUANTITY',
    });
  });
});

describe('batching', () => {
  /** Counts the SQL statements of one GraphQL request pricing `count` products. */
  async function statementsFor(count: number, claims: Claims, dealerId?: string): Promise<number> {
    const knex = orm.em.getConnection().getKnex();
    let statements = 0;
    const onQuery = () => {
      statements += 1;
    };
    knex.on('query', onQuery);
    try {
      const ids = data.products.slice(0, count).map((p) => p.id);
      const result = await prices(ids, claims, { quantity: 10, dealerId });
      expect(result.filter((p) => p !== null)).toHaveLength(count);
    } finally {
      knex.off('query', onQuery);
    }
    return statements;
  }

  it('prices 5 and 50 products with the same number of statements', async () => {
    const five = await statementsFor(5, platinumClaims);
    const fifty = await statementsFor(50, platinumClaims);
    // the products' pricing for the dealer, the dealer's price list, the volume breaks
    expect(five).toBe(3);
    expect(fifty).toBe(five);
    expect(await statementsFor(100, staffClaims, platinum.id)).toBe(five);
  });
});
