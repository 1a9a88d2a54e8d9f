import { randomUUID } from 'node:crypto';

import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A dealer with a restricted demo assortment (D0003: two root categories) orders through the real
// gateway: what the catalog hides from it cannot reach its cart or an order.

let stack: TestStack;
let db: pg.Client;
let dealer: GraphQLClient;
/** In stock; D0003 sees it in the catalog. */
let inside: string;
/** In stock; outside D0003's assortment (product(sku) is null for it, staff see it). */
let outside: string;

const CART = 'cart { lines { sku quantity } }';
const ADD = `mutation($lines: [CartLineInput!]!) { addToCart(lines: $lines) { ${CART} userErrors { code field } } }`;
const UPLOAD = `mutation($input: UploadOrderLinesInput!) { uploadOrderLines(input: $input) { rows { row sku status } ${CART} userErrors { code } } }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } userErrors { code field } } }`;
const CLEAR = 'mutation { clearCart { cart { lineCount } userErrors { code } } }';

async function orderCount(): Promise<number> {
  return (await dealer.data('{ orders(first: 1) { totalCount } }')).orders.totalCount;
}

async function reservedOf(sku: string): Promise<number> {
  const { rows } = await db.query(
    'select coalesce(sum(sl.reserved), 0)::int as n from products.stock_level sl join products.product p on p.id = sl.product_id where p.sku = $1',
    [sku],
  );
  return rows[0].n;
}

beforeAll(async () => {
  stack = await startTestStack();
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  dealer = await stack.loginAs('admin@d0003.dealer');
  // Products spread over the whole catalog with stock to spare; the gateway takes 50 aliases at most.
  const { rows } = await db.query<{ sku: string }>(
    `select sku from (select p.sku, row_number() over (order by p.sku) as n from products.product p
       where p.active and p.restriction is null
         and (select sum(sl.on_hand - sl.reserved) from products.stock_level sl where sl.product_id = p.id) > 20) x
      where n % 100 = 0 limit 45`,
  );
  const seen: Record<string, { sku: string } | null> = await dealer.data(
    `{ ${rows.map((r, i) => `p${i}: product(sku: ${JSON.stringify(r.sku)}) { sku }`).join(' ')} }`,
  );
  const shown = rows.map((r, i) => ({ sku: r.sku, visible: seen[`p${i}`] !== null }));
  inside = shown.find((p) => p.visible)!.sku;
  outside = shown.find((p) => !p.visible)!.sku;
  const staff = await stack.loginAs('rep@demo.staff');
  expect((await staff.data('query($s: String!) { product(sku: $s) { sku } }', { s: outside })).product).toEqual({ sku: outside });
}, 120_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('ordering within a dealer assortment', () => {
  it('addToCart reports NOT_AUTHORIZED for a product outside the assortment and adds only the others', async () => {
    await dealer.data(CLEAR);
    const result = (
      await dealer.data(ADD, {
        lines: [
          { sku: inside, quantity: 2 },
          { sku: outside, quantity: 3 },
        ],
      })
    ).addToCart;
    expect(result.userErrors).toEqual([{ code: 'NOT_AUTHORIZED', field: ['lines', '1', 'sku'] }]);
    expect(result.cart.lines).toEqual([{ sku: inside, quantity: 2 }]);
    const alone = (await dealer.data(ADD, { lines: [{ sku: outside, quantity: 1 }] })).addToCart;
    expect(alone.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOT_AUTHORIZED']);
    expect(alone.cart.lines).toEqual([{ sku: inside, quantity: 2 }]);
  });

  it('uploadOrderLines reports the row NOT_AUTHORIZED and leaves it out of the cart', async () => {
    await dealer.data(CLEAR);
    const csv = `sku,quantity\n${inside},1\n${outside},4\n`;
    const result = (await dealer.data(UPLOAD, { input: { filename: 'order.csv', contentBase64: Buffer.from(csv).toString('base64') } }))
      .uploadOrderLines;
    expect(result.userErrors).toEqual([]);
    expect(result.rows).toEqual([
      { row: 2, sku: inside, status: 'OK' },
      { row: 3, sku: outside, status: 'NOT_AUTHORIZED' },
    ]);
    expect(result.cart.lines).toEqual([{ sku: inside, quantity: 1 }]);
  });

  it('placeOrder with a product outside the assortment answers NOT_AUTHORIZED and creates and reserves nothing', async () => {
    const [orders, reservedInside, reservedOutside] = [await orderCount(), await reservedOf(inside), await reservedOf(outside)];
    const result = await dealer.request(PLACE, {
      input: {
        idempotencyKey: randomUUID(),
        lines: [
          { sku: inside, quantity: 1 },
          { sku: outside, quantity: 1 },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.placeOrder).toEqual({
      order: null,
      userErrors: [{ code: 'NOT_AUTHORIZED', field: ['input', 'lines', '1', 'sku'] }],
    });
    expect(await orderCount()).toBe(orders);
    expect([await reservedOf(inside), await reservedOf(outside)]).toEqual([reservedInside, reservedOutside]);
    // The same order without it goes through: the refusal was the assortment's.
    const ok = await dealer.request(PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku: inside, quantity: 1 }] } });
    expect(ok.data.placeOrder.userErrors).toEqual([]);
    expect(ok.data.placeOrder.order.id).toBeTruthy();
  });

  it("shows the demo order history of the restricted dealer with every line's product (all in its assortment)", async () => {
    const result = await dealer.request('{ orders(first: 50) { totalCount nodes { number lines { sku product { name } } } } }');
    expect(result.errors).toBeUndefined();
    const lines = result.data.orders.nodes.flatMap((o: { lines: { sku: string; product: { name: string } | null }[] }) => o.lines);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.product?.name, line.sku).toBeTruthy();
  });
});
