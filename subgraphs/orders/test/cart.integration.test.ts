import { type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Everything goes through the real gateway and the real subgraphs over a copy of the seeded database.

let stack: TestStack;
let db: pg.Client;
let platinum: GraphQLClient;
let orderEntry: GraphQLClient;
let viewer: GraphQLClient;
let bronze: GraphQLClient;
let staff: GraphQLClient;
/** In-stock SKUs of the catalog, in catalog order. */
const skus: string[] = [];

const LINE =
  'sku quantity unitPrice { amount currency } lineTotal { amount } volumeBreakHint nextVolumeBreak { minQuantity percent quantityMore } stockStatus available priceChanged priceWhenAdded { amount } orderable product { id }';
const CART = `lines { ${LINE} } lineCount totalQuantity total { amount currency }`;
const ADD = `mutation($lines: [CartLineInput!]!) { addToCart(lines: $lines) { cart { ${CART} } userErrors { code message field } } }`;
const UPLOAD = `mutation($input: UploadOrderLinesInput!) { uploadOrderLines(input: $input) {
  rows { row sku quantity status message mergedIntoRow substitutes { sku available } } cart { lineCount lines { sku quantity } } userErrors { code message field } } }`;
const CLEAR = 'mutation { clearCart { cart { lineCount } userErrors { code } } }';

const cents = (amount: string) => Math.round(Number(amount) * 100);
const money = (minor: number) =>
  `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;

async function cartOf(client: GraphQLClient) {
  return (await client.data(`{ cart { ${CART} } }`)).cart;
}

async function priceOf(client: GraphQLClient, sku: string, quantity: number): Promise<string> {
  const { product } = await client.data(
    'query($sku: String!, $q: Int) { product(sku: $sku) { price(quantity: $q) { unitPrice { amount } } } }',
    { sku, q: quantity },
  );
  return product.price.unitPrice.amount;
}

async function upload(client: GraphQLClient, filename: string, content: Buffer | string, allOrNothing?: boolean) {
  const contentBase64 = (typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString('base64');
  const result = await client.request(UPLOAD, {
    input: { filename, contentBase64, ...(allOrNothing === undefined ? {} : { allOrNothing }) },
  });
  expect(result.errors).toBeUndefined();
  return result.data.uploadOrderLines;
}

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Order');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function productId(sku: string): Promise<string> {
  const { rows } = await db.query('select id from products.product where sku = $1', [sku]);
  return rows[0].id;
}

beforeAll(async () => {
  stack = await startTestStack();
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  [platinum, orderEntry, viewer, bronze, staff] = await Promise.all(
    ['platinum@demo.dealer', 'orders@demo.dealer', 'viewer@demo.dealer', 'bronze@demo.dealer', 'rep@demo.staff'].map((e) =>
      stack.loginAs(e),
    ),
  );
  let after: string | null = null;
  while (skus.length < 5_000) {
    const page: any = (
      await platinum.data(
        'query($after: String) { products(first: 100, after: $after, filter: { inStockOnly: true }) { nodes { sku } pageInfo { hasNextPage endCursor } } }',
        { after },
      )
    ).products;
    skus.push(...page.nodes.map((n: { sku: string }) => n.sku));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
}, 180_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('cart through the gateway', () => {
  it('prices every line exactly like Product.price for the same quantity, with the volume-break hint', async () => {
    await platinum.data(CLEAR);
    const [a, b] = skus;
    const { addToCart } = await platinum.data(ADD, {
      lines: [
        { sku: a, quantity: 7 },
        { sku: b.toLowerCase(), quantity: 12 },
        { sku: 'NO-SUCH-SKU', quantity: 1 },
        { sku: a, quantity: 0 },
        { sku: b, quantity: 1.5 },
      ].slice(0, 4),
    });
    expect(addToCart.userErrors).toEqual([
      { code: 'UNKNOWN_SKU', message: expect.stringContaining('NO-SUCH-SKU'), field: ['lines', '2', 'sku'] },
      { code: 'INVALID_QUANTITY', message: expect.any(String), field: ['lines', '3', 'quantity'] },
    ]);
    const cart = addToCart.cart;
    expect(cart.lines.map((l: any) => [l.sku, l.quantity])).toEqual([
      [a, 7],
      [b, 12],
    ]);
    let total = 0;
    for (const line of cart.lines) {
      expect(line.unitPrice.amount).toBe(await priceOf(platinum, line.sku, line.quantity));
      expect(cents(line.lineTotal.amount)).toBe(cents(line.unitPrice.amount) * line.quantity);
      expect(line.priceChanged).toBe(false);
      expect(line.priceWhenAdded.amount).toBe(line.unitPrice.amount);
      expect(line.orderable).toBe(true);
      expect(['IN_STOCK', 'LOW']).toContain(line.stockStatus);
      total += cents(line.lineTotal.amount);
    }
    expect(cart.total.amount).toBe(money(total));
    expect(cart.totalQuantity).toBe(19);
    // Contract default breaks: 10-49 5 %, 50-99 10 %.
    expect(cart.lines[0].nextVolumeBreak).toEqual({ minQuantity: 10, percent: '5.00', quantityMore: 3 });
    expect(cart.lines[0].volumeBreakHint).toBe('3 more for 5 % off');
    expect(cart.lines[1].volumeBreakHint).toBe('38 more for 10 % off');

    // Three more reach the break: the unit price drops exactly as Product.price says.
    const more = (await platinum.data(ADD, { lines: [{ sku: a, quantity: 3 }] })).addToCart;
    const line = more.cart.lines.find((l: any) => l.sku === a);
    expect(line.quantity).toBe(10);
    expect(line.unitPrice.amount).toBe(await priceOf(platinum, a, 10));
    expect(cents(line.unitPrice.amount)).toBeLessThan(cents(cart.lines[0].unitPrice.amount));
    expect(line.priceChanged).toBe(false);
    expect(line.volumeBreakHint).toBe('40 more for 10 % off');
  });

  it('a fractional quantity is refused by the schema (Int), nothing added', async () => {
    const before = await cartOf(platinum);
    const result = await platinum.request(ADD, { lines: [{ sku: skus[2], quantity: 1.5 }] });
    expect(result.errors?.[0]?.message).toBeTruthy();
    expect(JSON.stringify(result)).not.toMatch(/\bat .*\.ts:\d+/);
    expect(await cartOf(platinum)).toEqual(before);
  });

  it('previews the credit outcome of the cart total without holding anything', async () => {
    await orderEntry.data(CLEAR);
    expect((await orderEntry.data('{ cart { creditPreview { outcome } } }')).cart.creditPreview).toBeNull();
    await orderEntry.data(ADD, { lines: [{ sku: skus[3], quantity: 1 }] });
    const { cart } = await orderEntry.data(
      `{ cart { total { amount } creditPreview { outcome code available { amount } shortfall { amount } } } }`,
    );
    const { me } = await orderEntry.data('{ me { dealer { credit { available { amount } pendingOrders { amount } } } } }');
    expect(cart.creditPreview.available.amount).toBe(me.dealer.credit.available.amount);
    expect(cents(cart.total.amount)).toBeLessThan(cents(me.dealer.credit.available.amount));
    expect(cart.creditPreview).toMatchObject({ outcome: 'ACCEPT', code: null, shortfall: { amount: '0.00' } });
    const again = await orderEntry.data('{ me { dealer { credit { available { amount } pendingOrders { amount } } } } }');
    expect(again).toEqual({ me });
  });

  it('flags a line whose price changed since it was added', async () => {
    // A product priced from its list price (no special price), so a list price change shows.
    let sku = '';
    for (const candidate of skus.slice(20, 80)) {
      const { product } = await platinum.data('query($sku: String!) { product(sku: $sku) { price(quantity: 2) { appliedRules } } }', {
        sku: candidate,
      });
      if (!product.price.appliedRules.includes('SPECIAL_PRICE')) {
        sku = candidate;
        break;
      }
    }
    expect(sku).not.toBe('');
    const id = await productId(sku);
    const added = (await platinum.data(ADD, { lines: [{ sku, quantity: 2 }] })).addToCart;
    const before = added.cart.lines.find((l: any) => l.sku === sku);
    expect(before.priceChanged).toBe(false);
    await db.query('update prices.product_price set list_price = list_price + 1000 where product_id = $1', [id]);
    try {
      const after = (await cartOf(platinum)).lines.find((l: any) => l.sku === sku);
      expect(after.unitPrice.amount).toBe(await priceOf(platinum, sku, 2));
      expect(cents(after.unitPrice.amount)).toBeGreaterThan(cents(before.unitPrice.amount));
      expect(after.priceChanged).toBe(true);
      expect(after.priceWhenAdded.amount).toBe(before.unitPrice.amount);
    } finally {
      await db.query('update prices.product_price set list_price = list_price - 1000 where product_id = $1', [id]);
    }
    expect((await cartOf(platinum)).lines.find((l: any) => l.sku === sku).priceChanged).toBe(false);
    await platinum.data(`mutation { removeFromCart(skus: ["${sku}"]) { userErrors { code } } }`);
  });

  it('changes quantities, removes lines, and keeps each user its own cart', async () => {
    const [a, b] = skus;
    const updated = (await platinum.data(`mutation { updateCartLine(sku: "${a}", quantity: 50) { cart { ${CART} } userErrors { code } } }`))
      .updateCartLine;
    expect(updated.userErrors).toEqual([]);
    const line = updated.cart.lines.find((l: any) => l.sku === a);
    expect(line.quantity).toBe(50);
    expect(line.unitPrice.amount).toBe(await priceOf(platinum, a, 50));
    const bad = (await platinum.data(`mutation { updateCartLine(sku: "${a}", quantity: -2) { userErrors { code field } } }`))
      .updateCartLine;
    expect(bad.userErrors).toEqual([{ code: 'INVALID_QUANTITY', field: ['quantity'] }]);
    const missing = (await platinum.data('mutation { removeFromCart(skus: ["NOPE-1"]) { userErrors { code } } }')).removeFromCart;
    expect(missing.userErrors).toEqual([{ code: 'NOT_IN_CART' }]);
    const removed = (await platinum.data(`mutation { removeFromCart(skus: ["${b}"]) { cart { lines { sku } } userErrors { code } } }`))
      .removeFromCart;
    expect(removed.cart.lines.map((l: any) => l.sku)).toEqual([a]);
    // Another user of the same dealer has a cart of its own.
    await orderEntry.data(CLEAR);
    expect((await cartOf(orderEntry)).lines).toEqual([]);
  });

  it('VIEW_ONLY users cannot change a cart; staff have none', async () => {
    const viewed = (await viewer.data(ADD, { lines: [{ sku: skus[0], quantity: 1 }] })).addToCart;
    expect(viewed.userErrors.map((e: any) => e.code)).toEqual(['FORBIDDEN']);
    expect(viewed.cart.lines).toEqual([]);
    for (const m of ['clearCart', 'saveCartAsTemplate(name: "x")']) {
      const r = await viewer.data(`mutation { ${m} { userErrors { code } } }`);
      expect(Object.values(r)[0]).toEqual({ userErrors: [{ code: 'FORBIDDEN' }] });
    }
    expect((await staff.data('{ cart { lineCount } }')).cart).toBeNull();
    expect((await staff.data(ADD, { lines: [{ sku: skus[0], quantity: 1 }] })).addToCart).toEqual({
      cart: null,
      userErrors: [{ code: 'FORBIDDEN', message: expect.any(String), field: null }],
    });
    expect((await stack.client().request('{ cart { lineCount } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('concurrent additions to one line lose nothing', async () => {
    await orderEntry.data(CLEAR);
    await Promise.all(Array.from({ length: 12 }, () => orderEntry.data(ADD, { lines: [{ sku: skus[5], quantity: 2 }] })));
    const cart = await cartOf(orderEntry);
    expect(cart.lines.map((l: any) => [l.sku, l.quantity])).toEqual([[skus[5], 24]]);
    expect(cart.lines[0].unitPrice.amount).toBe(await priceOf(orderEntry, skus[5], 24));
    expect(cart.lines[0].priceChanged).toBe(false);
  });

  it('refuses products out of stock with substitutes', async () => {
    // An in-stock product that has in-stock substitutes (same category, another brand) as the catalog shows them.
    let sku = '';
    for (const candidate of skus.slice(6, 60)) {
      const { product } = await orderEntry.data(
        'query($sku: String!) { product(sku: $sku) { substitutes(first: 5) { stock { available } } } }',
        { sku: candidate },
      );
      if (product.substitutes.some((s: { stock: { available: number } }) => s.stock.available > 0)) {
        sku = candidate;
        break;
      }
    }
    expect(sku).not.toBe('');
    const id = await productId(sku);
    const { rows: saved } = await db.query('select warehouse_id, on_hand from products.stock_level where product_id = $1', [id]);
    await db.query('update products.stock_level set on_hand = reserved where product_id = $1', [id]);
    try {
      const result = await upload(orderEntry, 'out.csv', `sku,quantity\n${sku},2\n`);
      expect(result.rows).toEqual([
        {
          row: 2,
          sku,
          quantity: 2,
          status: 'OUT_OF_STOCK',
          message: expect.stringContaining('out of stock'),
          mergedIntoRow: null,
          substitutes: expect.any(Array),
        },
      ]);
      expect(result.rows[0].substitutes.length).toBeGreaterThan(0);
      for (const s of result.rows[0].substitutes) expect(s.available).toBeGreaterThan(0);
      expect(result.cart.lines.map((l: any) => l.sku)).not.toContain(sku);
    } finally {
      for (const r of saved)
        await db.query('update products.stock_level set on_hand = $3 where product_id = $1 and warehouse_id = $2', [
          id,
          r.warehouse_id,
          r.on_hand,
        ]);
    }
  });
});

describe('uploadOrderLines', () => {
  it('takes a 5,000-row XLSX: every row reported, valid rows in the cart, duplicates merged', async () => {
    await orderEntry.data(CLEAR);
    const distinct = skus.slice(0, 4_990);
    const rows: unknown[][] = [['SKU', 'Quantity'], ...distinct.map((sku, i) => [sku, (i % 7) + 1])];
    while (rows.length < 5_001) rows.push([distinct[rows.length - 1 - distinct.length], 1]);
    const file = await xlsx(rows);
    const started = performance.now();
    const result = await upload(orderEntry, 'big-order.xlsx', file);
    const ms = performance.now() - started;
    console.log(
      `[cart] 5,000-row XLSX (${(file.length / 1024).toFixed(0)} KB, ${((file.length * 4) / 3 / 1024).toFixed(0)} KB base64): ${ms.toFixed(0)} ms through the gateway`,
    );
    expect(result.userErrors).toEqual([]);
    expect(result.rows).toHaveLength(5_000);
    expect(result.rows[0]).toMatchObject({ row: 2, sku: distinct[0], quantity: 1 });
    const dup = result.rows.filter((r: any) => r.status === 'DUPLICATE');
    const firstRowOf = new Map<string, number>();
    for (const r of result.rows) if (!firstRowOf.has(r.sku)) firstRowOf.set(r.sku, r.row);
    for (const r of dup) expect(r.mergedIntoRow).toBe(firstRowOf.get(r.sku));
    const ok = result.rows.filter((r: any) => r.status === 'OK');
    // The rows after the distinct ones repeat the first SKUs: each is a duplicate, and nothing else is.
    expect(dup.length).toBe(5_000 - distinct.length);
    expect(new Set(dup.map((r: any) => r.sku)).size).toBe(dup.length);
    // The cart holds exactly the OK rows, each with its duplicates' quantities added.
    const expected = new Map<string, number>(ok.map((r: any) => [r.sku, r.quantity]));
    for (const r of dup) expected.set(r.sku, (expected.get(r.sku) ?? 0) + r.quantity);
    expect(result.cart.lineCount).toBe(ok.length);
    expect(new Map(result.cart.lines.map((l: any) => [l.sku, l.quantity]))).toEqual(expected);
  }, 120_000);

  it('takes a CSV (any header case, extra columns, ";" separator) and reports each row', async () => {
    await orderEntry.data(CLEAR);
    const [a, b, c] = skus;
    const csv = [
      `Note;QUANTITY;Sku`,
      `first;5;${a}`,
      `;2;${b}`,
      `;x;${c}`,
      `;3;NOPE-404`,
      ``,
      `;1.5;${c}`,
      `;-1;${c}`,
      `;4;${a.toLowerCase()}`,
      `;1;`,
    ].join('\r\n');
    const result = await upload(orderEntry, 'ORDER.CSV', '\ufeff' + csv);
    expect(result.userErrors).toEqual([]);
    expect(result.rows.map((r: any) => [r.row, r.status, r.quantity])).toEqual([
      [2, 'OK', 5],
      [3, 'OK', 2],
      [4, 'INVALID_QUANTITY', null],
      [5, 'UNKNOWN_SKU', 3],
      [7, 'INVALID_QUANTITY', null],
      [8, 'INVALID_QUANTITY', -1],
      [9, 'DUPLICATE', 4],
      [10, 'UNKNOWN_SKU', 1],
    ]);
    expect(result.rows[6].mergedIntoRow).toBe(2);
    expect(result.cart.lines).toEqual([
      { sku: a, quantity: 9 },
      { sku: b, quantity: 2 },
    ]);
  });

  it('allOrNothing: nothing unless every row is valid', async () => {
    await orderEntry.data(CLEAR);
    const [a, b] = skus;
    const refused = await upload(orderEntry, 'all.csv', `sku,quantity\n${a},1\nNOPE-1,1\n`, true);
    expect(refused.userErrors.map((e: any) => e.code)).toEqual(['NOT_ALL_VALID']);
    expect(refused.rows.map((r: any) => r.status)).toEqual(['OK', 'UNKNOWN_SKU']);
    expect(refused.cart.lines).toEqual([]);
    const accepted = await upload(
      orderEntry,
      'all.xlsx',
      await xlsx([
        ['sku', 'quantity'],
        [a, 1],
        [b, 2],
        [a, 2],
      ]),
      true,
    );
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.cart.lines).toEqual([
      { sku: a, quantity: 3 },
      { sku: b, quantity: 2 },
    ]);
  });

  it('refuses bad files with a code and changes nothing', async () => {
    const before = await cartOf(orderEntry);
    expect(before.lineCount).toBe(2);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'), Buffer.alloc(64, 7)]);
    const bigCsv = 'sku,quantity\n' + `${skus[0]},1\n`.repeat(Math.ceil((1.1 * 1024 * 1024) / (skus[0].length + 3)));
    const cases: [string, string, Buffer | string, string][] = [
      ['oversized', 'big.csv', bigCsv, 'FILE_TOO_LARGE'],
      ['too many rows', 'rows.csv', 'sku,quantity\n' + `${skus[0]},1\n`.repeat(10_001), 'FILE_TOO_LARGE'],
      ['PDF renamed .csv', 'order.csv', pdf, 'UNSUPPORTED_FILE'],
      ['PDF renamed .xlsx', 'order.xlsx', pdf, 'UNSUPPORTED_FILE'],
      ['CSV renamed .xlsx', 'order.xlsx', `sku,quantity\n${skus[0]},1\n`, 'UNSUPPORTED_FILE'],
      [
        'XLSX renamed .csv',
        'order.csv',
        await xlsx([
          ['sku', 'quantity'],
          [skus[0], 1],
        ]),
        'UNSUPPORTED_FILE',
      ],
      ['wrong name', 'order.pdf', `sku,quantity\n${skus[0]},1\n`, 'UNSUPPORTED_FILE'],
      ['old Excel', 'order.xls', `sku,quantity\n${skus[0]},1\n`, 'UNSUPPORTED_FILE'],
      ['damaged XLSX', 'order.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]), 'MALFORMED_FILE'],
      ['unclosed quote', 'order.csv', `sku,quantity\n"${skus[0]},1\n${skus[1]},2\n`, 'MALFORMED_FILE'],
      ['missing column', 'order.csv', `sku,qty\n${skus[0]},1\n`, 'MISSING_COLUMNS'],
      [
        'missing column (XLSX)',
        'order.xlsx',
        await xlsx([
          ['article', 'quantity'],
          [skus[0], 1],
        ]),
        'MISSING_COLUMNS',
      ],
      ['empty', 'order.csv', '', 'EMPTY_FILE'],
      ['header only', 'order.csv', 'sku,quantity\n', 'EMPTY_FILE'],
    ];
    for (const [name, filename, content, code] of cases) {
      const result = await upload(orderEntry, filename, content);
      expect({ name, codes: result.userErrors.map((e: any) => e.code), rows: result.rows }).toEqual({ name, codes: [code], rows: [] });
      expect(result.userErrors[0].message.length).toBeGreaterThan(10);
    }
    const notBase64 = await orderEntry.request(UPLOAD, { input: { filename: 'a.csv', contentBase64: 'not base64 at all!' } });
    expect(notBase64.data.uploadOrderLines.userErrors.map((e: any) => e.code)).toEqual(['MALFORMED_FILE']);
    expect(await cartOf(orderEntry)).toEqual(before);
  }, 60_000);

  it('a request body past the subgraph limit (2 MB) is an error with a code, no internals, nothing changed', async () => {
    const before = await cartOf(orderEntry);
    const huge = await orderEntry.request(UPLOAD, { input: { filename: 'huge.csv', contentBase64: 'A'.repeat(2_200_000) } });
    const text = JSON.stringify(huge);
    expect(huge.data?.uploadOrderLines?.userErrors?.[0]?.code ?? huge.errors?.[0]?.extensions?.code).toBeTruthy();
    expect(text).not.toMatch(/node_modules|\.ts:\d+|stack/);
    expect(await cartOf(orderEntry)).toEqual(before);
  });

  it('VIEW_ONLY users cannot upload', async () => {
    const result = await upload(viewer, 'a.csv', `sku,quantity\n${skus[0]},1\n`);
    expect(result.userErrors.map((e: any) => e.code)).toEqual(['FORBIDDEN']);
  });
});

describe('templates and reorder', () => {
  it('saves the cart as a template, lists it, puts it back in the cart; other dealers cannot see or use it', async () => {
    await orderEntry.data(CLEAR);
    const [a, b] = skus;
    await orderEntry.data(ADD, {
      lines: [
        { sku: a, quantity: 4 },
        { sku: b, quantity: 11 },
      ],
    });
    const name = `Weekly ${Date.now()}`;
    const saved = (
      await orderEntry.data(
        'mutation($n: String!) { saveCartAsTemplate(name: $n) { template { id name lineCount lines { sku quantity product { id } } } userErrors { code } } }',
        { n: name },
      )
    ).saveCartAsTemplate;
    expect(saved.userErrors).toEqual([]);
    expect(saved.template).toMatchObject({
      name,
      lineCount: 2,
      lines: [
        { sku: a, quantity: 4 },
        { sku: b, quantity: 11 },
      ],
    });
    const id = saved.template.id;
    const taken = (
      await platinum.data('mutation($n: String!) { saveCartAsTemplate(name: $n) { template { id } userErrors { code field } } }', {
        n: name,
      })
    ).saveCartAsTemplate;
    expect(taken).toEqual({ template: null, userErrors: [{ code: 'TEMPLATE_NAME_TAKEN', field: ['name'] }] });
    // The whole dealer shares it.
    const listed = (await platinum.data('{ orderTemplates(first: 100) { nodes { id name } totalCount } }')).orderTemplates;
    expect(listed.nodes).toContainEqual({ id, name });

    await orderEntry.data(CLEAR);
    await orderEntry.data(ADD, { lines: [{ sku: a, quantity: 1 }] });
    const back = (
      await orderEntry.data(`mutation($id: ID!) { addTemplateToCart(templateId: $id) { cart { ${CART} } userErrors { code } } }`, { id })
    ).addTemplateToCart;
    expect(back.userErrors).toEqual([]);
    expect(back.cart.lines.map((l: any) => [l.sku, l.quantity])).toEqual([
      [a, 5],
      [b, 11],
    ]);
    expect(back.cart.lines[1].unitPrice.amount).toBe(await priceOf(orderEntry, b, 11));

    // Another dealer: not listed, not usable, not deletable.
    expect((await bronze.data('{ orderTemplates { nodes { id } } }')).orderTemplates.nodes.map((n: any) => n.id)).not.toContain(id);
    const foreign = (
      await bronze.data('mutation($id: ID!) { addTemplateToCart(templateId: $id) { cart { lineCount } userErrors { code } } }', { id })
    ).addTemplateToCart;
    expect(foreign).toEqual({ cart: { lineCount: expect.any(Number) }, userErrors: [{ code: 'NOT_FOUND' }] });
    const foreignDelete = (
      await bronze.data('mutation($id: ID!) { deleteOrderTemplate(templateId: $id) { deletedTemplateId userErrors { code } } }', { id })
    ).deleteOrderTemplate;
    expect(foreignDelete).toEqual({ deletedTemplateId: null, userErrors: [{ code: 'NOT_FOUND' }] });
    expect((await viewer.data('{ orderTemplates(first: 100) { nodes { id } } }')).orderTemplates.nodes).toContainEqual({ id });

    const deleted = (
      await platinum.data('mutation($id: ID!) { deleteOrderTemplate(templateId: $id) { deletedTemplateId userErrors { code } } }', { id })
    ).deleteOrderTemplate;
    expect(deleted).toEqual({ deletedTemplateId: id, userErrors: [] });
    expect((await platinum.data('{ orderTemplates(first: 100) { nodes { id } } }')).orderTemplates.nodes).not.toContainEqual({ id });
  });

  it("reorders a past order at today's prices with the differences; another dealer gets NOT_FOUND", async () => {
    const { orders } = await orderEntry.data('{ orders(first: 1) { nodes { id lines { sku quantity unitPrice { amount } } } } }');
    const order = orders.nodes[0];
    await orderEntry.data(CLEAR);
    const result = (
      await orderEntry.data(
        `mutation($id: ID!) { reorder(orderId: $id) {
      lines { sku quantity status previousUnitPrice { amount } currentUnitPrice { amount } unitPriceChange { amount } priceChanged }
      cart { lines { sku quantity } } userErrors { code field } } }`,
        { id: order.id },
      )
    ).reorder;
    expect(result.lines).toHaveLength(order.lines.length);
    for (const [i, line] of result.lines.entries()) {
      expect(line.sku).toBe(order.lines[i].sku);
      expect(line.previousUnitPrice.amount).toBe(order.lines[i].unitPrice.amount);
      if (line.status === 'OK') {
        const today = await priceOf(orderEntry, line.sku, line.quantity);
        expect(line.currentUnitPrice.amount).toBe(today);
        expect(cents(line.unitPriceChange.amount)).toBe(cents(today) - cents(line.previousUnitPrice.amount));
        expect(line.priceChanged).toBe(today !== line.previousUnitPrice.amount);
      } else {
        expect(line.currentUnitPrice).toBeNull();
      }
    }
    const okSkus = result.lines.filter((l: any) => l.status === 'OK').map((l: any) => l.sku);
    expect(okSkus.length).toBeGreaterThan(0);
    expect(result.cart.lines.map((l: any) => l.sku).sort()).toEqual(okSkus.sort());
    expect(result.userErrors.every((e: any) => e.field?.[0] === 'lines')).toBe(true);

    const foreign = (
      await bronze.data('mutation($id: ID!) { reorder(orderId: $id) { lines { sku } userErrors { code } } }', { id: order.id })
    ).reorder;
    expect(foreign).toEqual({ lines: [], userErrors: [{ code: 'NOT_FOUND' }] });
    const foreignSave = (
      await bronze.data(
        'mutation($id: ID!) { saveOrderAsTemplate(orderId: $id, name: "stolen") { template { id } userErrors { code } } }',
        { id: order.id },
      )
    ).saveOrderAsTemplate;
    expect(foreignSave).toEqual({ template: null, userErrors: [{ code: 'NOT_FOUND' }] });
    const mine = (
      await orderEntry.data(
        'mutation($id: ID!) { saveOrderAsTemplate(orderId: $id, name: "From a past order") { template { lineCount } userErrors { code } } }',
        { id: order.id },
      )
    ).saveOrderAsTemplate;
    expect(mine).toEqual({ template: { lineCount: order.lines.length }, userErrors: [] });
  });
});
