import { randomUUID } from 'node:crypto';

import { deriveInternalKey, InternalCallError, type InternalClient, internalClient, parseAmount } from '@dealergraph/runtime';
import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** prices.quoteLines through a real signed call to the running prices subgraph, against Product.price through the gateway. */
let stack: TestStack;
let prices: InternalClient<'prices'>;
let platinum: GraphQLClient;
let platinumId: string;

const PAGE = `query($q: Int) { products(first: 100) { nodes { id sku price(quantity: $q) {
  listPrice { amount currency } unitPrice { amount } lineTotal { amount } discountPercent appliedRules } } } }`;
const PRICE_FIELDS =
  'id price(quantity: $q) { listPrice { amount currency } unitPrice { amount } lineTotal { amount } discountPercent appliedRules }';

/** What the dealer sees for these skus at this quantity, in one aliased query through the gateway. */
async function shownPrices(skus: string[], quantity: number): Promise<ShownProduct[]> {
  const shown: ShownProduct[] = [];
  // The gateway allows 50 aliases per operation.
  for (let start = 0; start < skus.length; start += 40) {
    const chunk = skus.slice(start, start + 40);
    const query = `query($q: Int) { ${chunk.map((sku, i) => `p${i}: product(sku: ${JSON.stringify(sku)}) { ${PRICE_FIELDS} }`).join(' ')} }`;
    const data = await platinum.data(query, { q: quantity });
    shown.push(...chunk.map((_, i) => data[`p${i}`]));
  }
  return shown;
}

/** A page of the catalog plus products with a special price for the dealer or a promotion, so every rule is compared. */
async function skusToCompare(): Promise<string[]> {
  const page: { sku: string }[] = (await platinum.data(PAGE, { q: 1 })).products.nodes;
  const now = new Date();
  const pricesEm = stack.orms.prices.em.fork();
  const special = await pricesEm.execute<{ product_id: string }[]>(
    'select product_id from prices.special_price where dealer_id = ? and valid_from <= ? and (valid_to is null or valid_to > ?) limit 25',
    [platinumId, now, now],
  );
  const promoted = await pricesEm.execute<{ product_id: string }[]>(
    'select product_id from prices.promotion where valid_from <= ? and valid_to > ? limit 25',
    [now, now],
  );
  const ids = [...special, ...promoted].map((r) => r.product_id);
  const named = ids.length
    ? await stack.orms.products.em
        .fork()
        .execute<{ sku: string }[]>(`select sku from products.product where active and id in (${ids.map(() => '?').join(',')})`, ids)
    : [];
  return [...new Set([...page.map((p) => p.sku), ...named.map((r) => r.sku)])];
}

interface ShownProduct {
  id: string;
  price: {
    listPrice: { amount: string; currency: string };
    unitPrice: { amount: string };
    lineTotal: { amount: string };
    discountPercent: number;
    appliedRules: string[];
  } | null;
}

beforeAll(async () => {
  stack = await startTestStack();
  prices = internalClient('prices', { baseUrl: stack.subgraphs.prices.url, key: deriveInternalKey(stack.hmacSecret) });
  platinum = await stack.loginAs('platinum@demo.dealer');
  platinumId = (await platinum.data('{ me { dealer { id } } }')).me.dealer.id;
});

afterAll(async () => {
  await stack?.stop();
});

describe('prices.quoteLines', () => {
  it('prices every line exactly as Product.price shows it to the dealer, at every volume break', async () => {
    const rulesSeen = new Set<string>();
    const skus = await skusToCompare();
    for (const quantity of [1, 10, 50, 250]) {
      const shown = await shownPrices(skus, quantity);
      const quote = await prices.call('quoteLines', { dealerId: platinumId, lines: shown.map((p) => ({ productId: p.id, quantity })) });
      expect(quote.lines).toHaveLength(shown.length);
      shown.forEach((product, i) => {
        const line = quote.lines[i];
        expect(line.productId).toBe(product.id);
        expect(line.priceable).toBe(product.price !== null);
        if (!product.price) return;
        expect(quote.currency).toBe(product.price.listPrice.currency);
        expect(line.listPrice).toBe(parseAmount(product.price.listPrice.amount));
        expect(line.unitPrice).toBe(parseAmount(product.price.unitPrice.amount));
        expect(line.lineTotal).toBe(parseAmount(product.price.lineTotal.amount));
        expect(Number(line.discountPercent)).toBe(product.price.discountPercent);
        expect(line.appliedRules).toEqual(product.price.appliedRules);
        expect(line.specialPrice).toBe(product.price.appliedRules.includes('SPECIAL_PRICE'));
        expect(line.promotion).toBe(product.price.appliedRules.includes('PROMOTION'));
        expect(line.volumeBreak !== null).toBe(product.price.appliedRules.includes('VOLUME_BREAK'));
        product.price.appliedRules.forEach((r) => rulesSeen.add(r));
      });
    }
    // The comparison covered every rule, not just the tier price.
    expect([...rulesSeen].sort()).toEqual(['PROMOTION', 'SPECIAL_PRICE', 'TIER', 'VOLUME_BREAK']);
  });

  it('says which volume break applies and how many more units reach the next one', async () => {
    const { myPriceList } = await platinum.data('{ myPriceList { volumeBreaks { minQuantity maxQuantity discountPercent } } }');
    const ladder = (myPriceList.volumeBreaks as { minQuantity: number; discountPercent: number }[]).filter((b) => b.discountPercent > 0);
    expect(ladder.length).toBeGreaterThan(1);
    const [first, second] = ladder;
    const productId = ((await platinum.data(PAGE, { q: 1 })).products.nodes as ShownProduct[]).find((p) => p.price)!.id;
    const below = await prices.call('quoteLines', { dealerId: platinumId, lines: [{ productId, quantity: first.minQuantity - 1 }] });
    expect(below.lines[0].volumeBreak).toBeNull();
    expect(below.lines[0].nextVolumeBreak).toEqual({
      minQuantity: first.minQuantity,
      percent: first.discountPercent.toFixed(2),
      quantityMore: 1,
    });
    const on = await prices.call('quoteLines', { dealerId: platinumId, lines: [{ productId, quantity: first.minQuantity }] });
    expect(on.lines[0].volumeBreak).toEqual({ minQuantity: first.minQuantity, percent: first.discountPercent.toFixed(2) });
    expect(on.lines[0].nextVolumeBreak).toMatchObject({
      minQuantity: second.minQuantity,
      quantityMore: second.minQuantity - first.minQuantity,
    });
  });

  it('costs the same number of SQL statements for 3 lines as for 100', async () => {
    const ids = ((await platinum.data(PAGE, { q: 1 })).products.nodes as ShownProduct[]).map((p) => p.id);
    const knex = (
      stack.orms.prices.em.getConnection() as unknown as {
        getKnex(): { on(e: string, f: () => void): void; off(e: string, f: () => void): void };
      }
    ).getKnex();
    const count = async (lines: { productId: string; quantity: number }[]) => {
      let statements = 0;
      const listener = () => statements++;
      knex.on('query', listener);
      try {
        await prices.call('quoteLines', { dealerId: platinumId, lines });
      } finally {
        knex.off('query', listener);
      }
      return statements;
    };
    const few = await count(ids.slice(0, 3).map((productId) => ({ productId, quantity: 2 })));
    const many = await count(ids.map((productId, i) => ({ productId, quantity: 1 + (i % 120) })));
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
  });

  it('marks a product without a price, or a dealer without a price list, as not priceable', async () => {
    const productId = ((await platinum.data(PAGE, { q: 1 })).products.nodes as ShownProduct[])[0].id;
    const unknownProduct = await prices.call('quoteLines', { dealerId: platinumId, lines: [{ productId: randomUUID(), quantity: 1 }] });
    expect(unknownProduct.lines[0]).toMatchObject({ priceable: false, unitPrice: 0, lineTotal: 0 });
    const unknownDealer = await prices.call('quoteLines', { dealerId: randomUUID(), lines: [{ productId, quantity: 1 }] });
    expect(unknownDealer.lines[0].priceable).toBe(false);
  });

  it('refuses malformed input with 400 before anything reaches PostgreSQL', async () => {
    const productId = randomUUID();
    const bad: unknown[] = [
      { dealerId: 'not-a-uuid', lines: [{ productId, quantity: 1 }] },
      { dealerId: platinumId, lines: [] },
      { dealerId: platinumId, lines: [{ productId: "x'; drop table x; --", quantity: 1 }] },
      { dealerId: platinumId, lines: [{ productId, quantity: 0 }] },
      { dealerId: platinumId, lines: [{ productId, quantity: 1.5 }] },
      { dealerId: platinumId, lines: [{ productId, quantity: 2 ** 53 }] },
      { dealerId: platinumId, lines: [{ productId, quantity: '3' }] },
      { dealerId: platinumId },
    ];
    for (const input of bad) {
      const error = await prices.call('quoteLines', input as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toBeInstanceOf(InternalCallError);
      expect((error as InternalCallError).code).toBe('REJECTED');
    }
  });

  it('answers only signed calls', async () => {
    const forged = internalClient('prices', { baseUrl: stack.subgraphs.prices.url, key: 'not-the-key' });
    const error = await forged
      .call('quoteLines', { dealerId: platinumId, lines: [{ productId: randomUUID(), quantity: 1 }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'REJECTED' });
  });
});
