import { clearInternalFaults, injectInternalFault } from '@dealergraph/runtime';
import { type GraphQLClient, startTestStack, type TestStack, until } from '@dealergraph/testing';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

/**
 * PRICE_LIST imports through the real gateway: the job runs in the integration subgraph, asks
 * products for the SKUs and writes through prices' internal operations; the database is checked after.
 */
const START = 'mutation($input: StartImportInput!) { startImport(input: $input) { job { id status } userErrors { code message field } } }';
const JOB = `query($id: ID!) { importJob(id: $id) { id kind status progress dryRun message counts { created updated unchanged failed }
  rows(first: 100) { nodes { row key status message } totalCount } } }`;

const csv = (lines: string[]) => Buffer.from(lines.join('\n')).toString('base64');

describe('PRICE_LIST import', () => {
  let stack: TestStack;
  let admin: GraphQLClient;
  let products: { sku: string; productId: string; listPrice: number }[];

  const prices = async () =>
    new Map(
      (
        await stack.orms.prices.em
          .getConnection()
          .execute<{ product_id: string; list_price: string; currency: string }[]>(
            'select product_id, list_price, currency from prices.product_price',
          )
      ).map((r) => [r.product_id, `${r.list_price} ${r.currency}`]),
    );

  /** Starts an import and follows it until it ends (the job's own state, polled through the API). */
  const importFile = async (input: Record<string, unknown>, client: GraphQLClient = admin) => {
    const started = (await client.data(START, { input: { kind: 'PRICE_LIST', ...input } })).startImport;
    expect(started.userErrors).toEqual([]);
    expect(started.job.status).toBe('QUEUED');
    return until('the import to end', async () => {
      const job = (await client.data(JOB, { id: started.job.id })).importJob;
      return (job.status === 'SUCCEEDED' || job.status === 'FAILED') && job;
    });
  };

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await stack.loginAs('admin@demo.staff');
    products = (
      await stack.orms.prices.em.getConnection().execute<{ sku: string; product_id: string; list_price: string }[]>(
        `select p.sku, pp.product_id, pp.list_price from products.product p join prices.product_price pp on pp.product_id = p.id
          order by p.sku limit 4`,
      )
    ).map((r) => ({ sku: r.sku, productId: r.product_id, listPrice: Number(r.list_price) }));
  });
  afterEach(() => clearInternalFaults());
  afterAll(async () => {
    await stack?.stop();
  });

  it('dry run says what would change and writes nothing; the import writes it; the same file again changes nothing', async () => {
    const [a, b] = products;
    const file = csv([
      'SKU,List_Price,Currency',
      `${a!.sku},${(a!.listPrice / 100 + 1).toFixed(2)},USD`,
      `${b!.sku},${(b!.listPrice / 100).toFixed(2)},USD`,
    ]);
    const before = await prices();

    const dry = await importFile({ filename: 'prices.csv', contentBase64: file, dryRun: true });
    expect(dry).toMatchObject({
      status: 'SUCCEEDED',
      progress: 100,
      dryRun: true,
      counts: { created: 0, updated: 1, unchanged: 1, failed: 0 },
    });
    expect(dry.rows.nodes).toEqual([
      { row: 2, key: a!.sku, status: 'UPDATED', message: null },
      { row: 3, key: b!.sku, status: 'UNCHANGED', message: null },
    ]);
    expect(await prices()).toEqual(before);

    const real = await importFile({ filename: 'prices.csv', contentBase64: file });
    expect(real).toMatchObject({ status: 'SUCCEEDED', counts: { created: 0, updated: 1, unchanged: 1, failed: 0 } });
    const after = await prices();
    expect(after.get(a!.productId)).toBe(`${a!.listPrice + 100} USD`);
    expect(after.get(b!.productId)).toBe(before.get(b!.productId));

    // A dealer sees the imported list price at once, through the gateway.
    const dealer = await stack.loginAs('platinum@demo.dealer');
    const seen = (await dealer.data('query($s: String!) { product(sku: $s) { price { listPrice { amount } } } }', { s: a!.sku })).product;
    expect(seen.price.listPrice.amount).toBe((a!.listPrice / 100 + 1).toFixed(2));

    const again = await importFile({ filename: 'prices.csv', contentBase64: file });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 0 });
    a!.listPrice += 100;
  });

  it('reads an XLSX workbook the same way', async () => {
    const [, , c] = products;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Prices');
    sheet.addRow(['sku', 'list_price', 'currency']);
    sheet.addRow([c!.sku, '123.45', 'USD']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const job = await importFile({ filename: 'prices.xlsx', contentBase64: content });
    expect(job).toMatchObject({ status: 'SUCCEEDED', counts: { updated: 1 } });
    expect((await prices()).get(c!.productId)).toBe('12345 USD');
    c!.listPrice = 12345;
  });

  it('gives every bad row its code and writes nothing, unless valid rows only are asked for', async () => {
    const [a, b] = products;
    const file = csv([
      'sku,list_price,currency',
      `${a!.sku},1.00,USD`,
      'NO-SUCH-SKU-1,1.00,USD',
      `${b!.sku},-5.00,USD`,
      `${b!.sku.toLowerCase()},2.00,USD`,
      ',1.00,USD',
      `${products[3]!.sku},"12,5",USD`,
      `${products[3]!.sku}x,99999999.99,USD`,
      `${a!.sku}zz,1.00,EURO`,
    ]);
    const before = await prices();
    const job = await importFile({ filename: 'bad.csv', contentBase64: file });
    expect(job.status).toBe('FAILED');
    expect(job.message).toMatch(/^INVALID_ROWS/);
    expect(job.counts).toEqual({ created: 0, updated: 0, unchanged: 0, failed: 7 });
    expect(job.rows.nodes.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [2, 'OK'],
      [3, 'UNKNOWN_SKU'],
      [4, 'NEGATIVE_PRICE'],
      [5, 'DUPLICATE_KEY'],
      [6, 'MISSING_SKU'],
      [7, 'INVALID_AMOUNT'],
      [8, 'ABSURD_PRICE'],
      [9, 'INVALID_CURRENCY'],
    ]);
    expect(await prices()).toEqual(before);

    const partial = await importFile({ filename: 'bad.csv', contentBase64: file, validRowsOnly: true });
    expect(partial).toMatchObject({ status: 'SUCCEEDED', counts: { updated: 1, failed: 7 } });
    expect((await prices()).get(a!.productId)).toBe('100 USD');
    a!.listPrice = 100;
  });

  it('refuses what cannot be a price list before reading rows, and fails a file without its columns', async () => {
    const refused = async (input: Record<string, unknown>) =>
      (await admin.data(START, { input: { kind: 'PRICE_LIST', filename: 'p.csv', contentBase64: csv(['a']), ...input } })).startImport;
    expect((await refused({ filename: 'prices.pdf' })).userErrors[0].code).toBe('UNSUPPORTED_FILE');
    expect((await refused({ contentBase64: 'not base64!' })).userErrors[0].code).toBe('MALFORMED_FILE');
    // The gateway bounds every request body (MAX_BODY_BYTES, 2 MB by default) before the subgraph's own 16 MB limit.
    const huge = await admin.request(START, { input: { kind: 'PRICE_LIST', filename: 'p.csv', contentBase64: 'A'.repeat(3_000_000) } });
    expect(huge.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');

    const noColumns = await importFile({ filename: 'p.csv', contentBase64: csv(['sku,price', 'A,1.00']) });
    expect(noColumns).toMatchObject({ status: 'FAILED', rows: { totalCount: 0 } });
    expect(noColumns.message).toMatch(/^MISSING_COLUMNS: .*list_price, currency/);
    const pdf = await importFile({ filename: 'p.csv', contentBase64: Buffer.from('%PDF-1.7 ...').toString('base64') });
    expect(pdf.message).toMatch(/^UNSUPPORTED_FILE/);
  });

  it('is for the portal administrator (and ERP clients) only', async () => {
    for (const email of ['platinum@demo.dealer', 'gm@demo.staff']) {
      const client = await stack.loginAs(email);
      const result = await client.request(START, { input: { kind: 'PRICE_LIST', filename: 'p.csv', contentBase64: csv(['sku']) } });
      expect(result.errors?.[0]?.extensions?.code, email).toBe('FORBIDDEN');
    }
  });

  it('survives prices failing before and after applying: retried, applied exactly once', async () => {
    const [, b] = products;
    const file = csv(['sku,list_price,currency', `${b!.sku},${(b!.listPrice / 100 + 2).toFixed(2)},USD`]);
    injectInternalFault('prices.applyListPrices', 'before', 2);
    const first = await importFile({ filename: 'p.csv', contentBase64: file });
    expect(first).toMatchObject({ status: 'SUCCEEDED', counts: { updated: 1 } });
    expect((await prices()).get(b!.productId)).toBe(`${b!.listPrice + 200} USD`);

    // Applied, but the answer is lost: the retry gets the first result and writes nothing more.
    const next = csv(['sku,list_price,currency', `${b!.sku},${(b!.listPrice / 100 + 3).toFixed(2)},USD`]);
    injectInternalFault('prices.applyListPrices', 'after', 1);
    const second = await importFile({ filename: 'p.csv', contentBase64: next });
    expect(second).toMatchObject({ status: 'SUCCEEDED', counts: { updated: 1, unchanged: 0 } });
    expect((await prices()).get(b!.productId)).toBe(`${b!.listPrice + 300} USD`);
    const [{ n }] = await stack.orms.prices.em.getConnection().execute('select count(*)::int as n from prices.list_price_stage');
    expect(n).toBe(0);
  });

  it('takes over a job whose worker died mid-way (its lease ran out)', async () => {
    const [, , , d] = products;
    const file = Buffer.from(`sku,list_price,currency\n${d!.sku},77.00,USD\n`);
    const connection = stack.orms.integration.em.getConnection();
    const [{ id }] = await connection.execute(
      `insert into integration.import_job (id, kind, status, dry_run, valid_rows_only, filename, content, started_by, attempts, lease_until, started_at)
       values (gen_random_uuid(), 'PRICE_LIST', 'RUNNING', false, false, 'p.csv', ?, 'test', 1, now() - interval '1 second', now()) returning id`,
      [file],
    );
    const job = await until('the taken-over import to end', async () => {
      const current = (await admin.data(JOB, { id })).importJob;
      return (current.status === 'SUCCEEDED' || current.status === 'FAILED') && current;
    });
    expect(job).toMatchObject({ status: 'SUCCEEDED', counts: { updated: 1 } });
    expect((await prices()).get(d!.productId)).toBe('7700 USD');
  });
  it('dated list prices: the price on a date is the one valid then, a price that starts later applies from then on with no restart, overlaps are refused', async () => {
    const [row] = await stack.orms.prices.em
      .getConnection()
      .execute<{ sku: string; id: string; list_price: string }[]>(
        `select p.sku, p.id, pp.list_price from products.product p join prices.product_price pp on pp.product_id = p.id order by p.sku offset 20 limit 1`,
      );
    const { sku } = row!;
    const base = (Number(row!.list_price) / 100).toFixed(2);
    const dealer = await stack.loginAs('platinum@demo.dealer');
    const listPrice = async (at?: string) =>
      (
        await dealer.data(`query($sku: String!, $at: DateTimeISO) { product(sku: $sku) { price(at: $at) { listPrice { amount } } } }`, {
          sku,
          at,
        })
      ).product.price.listPrice.amount as string;
    const soon = new Date(Date.now() + 3_000).toISOString();
    const file = csv([
      'sku,list_price,currency,valid_from,valid_to',
      `${sku},111.00,USD,2030-01-01,2030-06-30`,
      `${sku},122.00,USD,2030-07-01,`,
      `${sku},133.00,USD,${soon},2029-12-31`,
    ]);
    const imported = await importFile({ filename: 'dated.csv', contentBase64: file });
    expect([imported.status, imported.counts], imported.message).toEqual([
      'SUCCEEDED',
      { created: 3, updated: 0, unchanged: 0, failed: 0 },
    ]);
    expect(imported.rows.nodes.map((r: { key: string }) => r.key)).toEqual([
      `${sku}@2030-01-01`,
      `${sku}@2030-07-01`,
      `${sku}@${soon.slice(0, 10)}`,
    ]);
    expect(await listPrice('2030-03-15T00:00:00Z')).toBe('111.00');
    expect(await listPrice('2030-06-30T23:59:59Z')).toBe('111.00');
    expect(await listPrice('2031-01-01T00:00:00Z')).toBe('122.00');
    expect(await listPrice('2020-01-01T00:00:00Z')).toBe(base);
    // The window that starts in a few seconds is the price from then on, read by the running services as they are.
    await until('the dated price to apply', async () => (await listPrice()) === '133.00');
    expect((await importFile({ filename: 'dated.csv', contentBase64: file })).counts).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      failed: 0,
    });

    // A window over a stored one fails its row and writes nothing; the base price beside it waits too.
    const overlapping = await importFile({
      filename: 'overlap.csv',
      contentBase64: csv([
        'sku,list_price,currency,valid_from,valid_to',
        `${sku},150.00,USD,2030-03-01,2030-04-01`,
        `${sku},${base},USD,,`,
      ]),
    });
    expect([overlapping.status, overlapping.message]).toEqual(['FAILED', expect.stringMatching(/^INVALID_ROWS/)]);
    expect(overlapping.rows.nodes.map((r: { status: string }) => r.status)).toEqual(['OVERLAPPING_VALIDITY', 'OK']);
    expect(await listPrice('2030-03-15T00:00:00Z')).toBe('111.00');
  });
});
