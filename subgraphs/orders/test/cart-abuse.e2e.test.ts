import { deflateRawSync } from 'node:zlib';

import { checkOrderInvariants, type GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 12: cart uploads, removals and templates as a hostile user or a busy dealer uses them,
// through the gateway, with real parallel requests; the database checked afterwards.

let stack: TestStack;
let db: pg.Client;
let platinum: GraphQLClient;
let entry: GraphQLClient;
let bronze: GraphQLClient;
let gm: GraphQLClient;
let skus: string[];
const since = new Date();

const UPLOAD = `mutation($input: UploadOrderLinesInput!) { uploadOrderLines(input: $input) {
  rows { row sku quantity status } userErrors { code message } } }`;
const ADD = `mutation($lines: [CartLineInput!]!) { addToCart(lines: $lines) { userErrors { code message } } }`;
const REMOVE = `mutation($skus: [String!]!) { removeFromCart(skus: $skus) { cart { lines { sku quantity } } userErrors { code field } } }`;
const CLEAR = 'mutation { clearCart { userErrors { code } } }';

const burst = <T>(count: number, send: (i: number) => Promise<T>) => Promise.all(Array.from({ length: count }, (_, i) => send(i)));

async function upload(client: GraphQLClient, filename: string, content: Buffer | string) {
  const contentBase64 = (typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString('base64');
  const result = await client.request(UPLOAD, { input: { filename, contentBase64 } });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.uploadOrderLines;
}

async function cartOf(client: GraphQLClient): Promise<Map<string, number>> {
  const { cart } = await client.data('{ cart { lines { sku quantity } } }');
  return new Map(cart.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity]));
}

/** A ZIP of the given entries, deflated: enough of a package to reach the reader's checks. */
function zipOf(entries: { name: string; content: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, content } of entries) {
    const data = deflateRawSync(content);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

beforeAll(async () => {
  stack = await startTestStack();
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  [platinum, entry, bronze, gm] = await Promise.all(
    ['platinum@demo.dealer', 'orders@demo.dealer', 'bronze@demo.dealer', 'gm@demo.staff'].map((e) => stack.loginAs(e)),
  );
  const { products } = await platinum.data(
    '{ products(first: 100, filter: { inStockOnly: true }) { nodes { sku stock { available } price { unitPrice { amount } } } } }',
  );
  skus = products.nodes.filter((p: any) => p.price && p.stock.available >= 100).map((p: any) => p.sku);
  expect(skus.length).toBeGreaterThanOrEqual(20);
});

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('cart uploads', () => {
  it('8 uploads of one user at once wait for their turn without holding a database connection; every row lands once', async () => {
    await entry.data(CLEAR);
    const csv = ['sku,quantity', ...Array.from({ length: 500 }, (_, i) => `${skus[i % 20]},1`)].join('\n');
    let waitingOnLock = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { rows } = await db.query(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`,
        );
        waitingOnLock = Math.max(waitingOnLock, rows[0].n);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const [uploads, others] = await Promise.all([
      burst(8, () => upload(entry, 'burst.csv', csv)),
      // Another dealer keeps working meanwhile.
      burst(8, () => bronze.request('{ orders(first: 1) { totalCount } cart { lines { sku } } }')),
    ]);
    sampling = false;
    await sampler;
    for (const u of uploads) expect(u.userErrors).toEqual([]);
    for (const o of others) expect(o.errors).toBeUndefined();
    expect(waitingOnLock).toBe(0);
    const cart = await cartOf(entry);
    // 500 rows over 20 SKUs, merged per upload: 25 units of each per upload, 8 uploads.
    expect([...cart.values()]).toEqual(Array(20).fill(8 * 25));
    await entry.data(CLEAR);
  });

  it('a CSV of blank lines is refused by its size (FILE_TOO_LARGE), not read line by line', async () => {
    const result = await upload(entry, 'blank.csv', 'sku,quantity\n' + '\n'.repeat(100_000));
    expect(result.userErrors.map((e: any) => e.code)).toEqual(['FILE_TOO_LARGE']);
  });

  it('a semicolon CSV: "1,000", "2,5" and "1.000" are refused per row (INVALID_QUANTITY), whole numbers taken', async () => {
    await entry.data(CLEAR);
    const [a, b, c, d] = skus;
    const result = await upload(entry, 'semi.csv', `sku;quantity\n${a};1,000\n${b};2,5\n${c};1.000\n${d};3\n`);
    expect(result.rows.map((r: any) => [r.sku, r.status])).toEqual([
      [a, 'INVALID_QUANTITY'],
      [b, 'INVALID_QUANTITY'],
      [c, 'INVALID_QUANTITY'],
      [d, 'OK'],
    ]);
    expect(await cartOf(entry)).toEqual(new Map([[d, 3]]));
    await entry.data(CLEAR);
  });

  it('an XLSX is read from its first visible sheet, not a hidden one before it', async () => {
    await entry.data(CLEAR);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Old', { state: 'hidden' }).addRows([
      ['sku', 'quantity'],
      [skus[5], 9],
    ]);
    workbook.addWorksheet('Order').addRows([
      ['sku', 'quantity'],
      [skus[6], 2],
    ]);
    const result = await upload(entry, 'hidden.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result.rows.map((r: any) => [r.sku, r.status])).toEqual([[skus[6], 'OK']]);
    expect(await cartOf(entry)).toEqual(new Map([[skus[6], 2]]));
    await entry.data(CLEAR);
  });

  it('a zip bomb named .xlsx is refused with FILE_TOO_LARGE', async () => {
    const bomb = zipOf([
      { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(64 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const result = await upload(entry, 'bomb.xlsx', bomb);
    expect(result.userErrors.map((e: any) => e.code)).toEqual(['FILE_TOO_LARGE']);
  });

  it('MISSING_COLUMNS repeats only a few names of a header of any size', async () => {
    const header = Array.from({ length: 5_000 }, (_, i) => `column-${i}-${'x'.repeat(20)}`).join(',');
    const result = await upload(entry, 'wide.csv', `${header}\nA,1\n`);
    expect(result.userErrors.map((e: any) => e.code)).toEqual(['MISSING_COLUMNS']);
    expect(result.userErrors[0].message.length).toBeLessThan(800);
  });
});

describe('removeFromCart', () => {
  it('10,000 SKUs are refused at once with a code (the input guard: TOO_MANY_ITEMS), nothing looked up; a repeated SKU is removed once and not reported', async () => {
    await entry.data(CLEAR);
    const many = Array.from({ length: 10_000 }, (_, i) => `NOPE-${i}`);
    expect((await entry.data(REMOVE, { skus: many })).removeFromCart.userErrors).toEqual([{ code: 'TOO_MANY_ITEMS', field: ['skus'] }]);
    await entry.data(ADD, { lines: [{ sku: skus[0], quantity: 1 }] });
    const removed = (await entry.data(REMOVE, { skus: [skus[0], skus[0].toLowerCase(), skus[0], 'NOPE-1'] })).removeFromCart;
    expect(removed.userErrors).toEqual([{ code: 'NOT_IN_CART', field: ['skus', '3'] }]);
    expect(removed.cart.lines).toEqual([]);
  });

  it('bursts of addToCart, updateCartLine and removeFromCart on one cart leave it consistent', async () => {
    await entry.data(CLEAR);
    const results = await burst(30, (i) =>
      i % 3 === 0
        ? entry.request(ADD, { lines: [{ sku: skus[i % 5], quantity: 1 }] })
        : i % 3 === 1
          ? entry.request(`mutation($sku: String!) { updateCartLine(sku: $sku, quantity: 2) { userErrors { code } } }`, {
              sku: skus[i % 5],
            })
          : entry.request(REMOVE, { skus: [skus[i % 5]] }),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    for (const quantity of (await cartOf(entry)).values()) expect(quantity).toBeGreaterThan(0);
    expect(await checkOrderInvariants(stack.database.url, { since, settled: true })).toEqual([]);
    await entry.data(CLEAR);
  });
});

describe('order templates', () => {
  it('10 deletions of one template at once: exactly one says it deleted it', async () => {
    await entry.data(ADD, { lines: [{ sku: skus[1], quantity: 1 }] });
    const { saveCartAsTemplate } = await entry.data(
      'mutation($n: String!) { saveCartAsTemplate(name: $n) { template { id } userErrors { code } } }',
      { n: `burst ${Date.now()}` },
    );
    const id = saveCartAsTemplate.template.id;
    const results = await burst(10, () =>
      entry.request('mutation($id: ID!) { deleteOrderTemplate(templateId: $id) { deletedTemplateId userErrors { code } } }', { id }),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const outcomes = results.map((r: any) => r.data.deleteOrderTemplate.deletedTemplateId ?? r.data.deleteOrderTemplate.userErrors[0].code);
    expect(outcomes.sort()).toEqual([...Array(9).fill('NOT_FOUND'), id].sort());
    await entry.data(CLEAR);
  });

  it('10 saves of the cart under one name at once: one template, the others TEMPLATE_NAME_TAKEN', async () => {
    await entry.data(ADD, { lines: [{ sku: skus[3], quantity: 1 }] });
    const name = `same ${Date.now()}`;
    const results = await burst(10, () =>
      entry.request('mutation($n: String!) { saveCartAsTemplate(name: $n) { template { id } userErrors { code } } }', { n: name }),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const outcomes = results.map((r: any) => (r.data.saveCartAsTemplate.template ? 'SAVED' : r.data.saveCartAsTemplate.userErrors[0].code));
    expect(outcomes.sort()).toEqual(['SAVED', ...Array(9).fill('TEMPLATE_NAME_TAKEN')]);
    await entry.data(CLEAR);
  });

  it('a name of 60 emoji is 60 characters, within the 100 allowed', async () => {
    await entry.data(ADD, { lines: [{ sku: skus[2], quantity: 1 }] });
    const { saveCartAsTemplate } = await entry.data(
      'mutation($n: String!) { saveCartAsTemplate(name: $n) { template { id name } userErrors { code } } }',
      { n: '📦'.repeat(60) },
    );
    expect(saveCartAsTemplate.userErrors).toEqual([]);
    expect(saveCartAsTemplate.template.name).toBe('📦'.repeat(60));
    await entry.data(CLEAR);
  });
});

describe('approvalQueue', () => {
  it('first: 0 still reports how many orders wait', async () => {
    const count = async (first: number) =>
      (await gm.data('query($f: Int) { approvalQueue(first: $f) { totalCount } }', { f: first })).approvalQueue.totalCount;
    const all = await count(50);
    expect(all).toBeGreaterThan(0);
    expect(await count(0)).toBe(all);
  });
});
