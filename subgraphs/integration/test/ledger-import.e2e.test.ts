import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { type GraphQLClient, startTestStack, type TestStack, until } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * INVOICES and PAYMENTS imports through the real gateway: the job in integration resolves dealer codes
 * (dealers) and order references (orders) and hands the rows to credit's importInvoices /
 * importPayments, which decide them over the ledger and write them in one transaction under the
 * accounts' locks. The credit account's open balance and available credit are read through the graph.
 */
const START = 'mutation($input: StartImportInput!) { startImport(input: $input) { job { id status } userErrors { code message field } } }';
const JOB = `query($id: ID!) { importJob(id: $id) { id kind status message counts { created updated unchanged failed }
  rows(first: 100) { nodes { row key status message } totalCount } } }`;
const ACCOUNT = `query($id: ID!) { creditAccount(dealerId: $id) { openBalance { amount } pendingOrders { amount } available { amount } } }`;
const PLACE =
  'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number status total { amount } } userErrors { code } } }';
const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { duplicate userErrors { code message } } }`;

const sample = (name: string) => readFileSync(new URL(`../../../docs/samples/${name}`, import.meta.url)).toString('base64');
const csv = (lines: string[]) => Buffer.from(lines.join('\n')).toString('base64');
const statuses = (job: { rows: { nodes: { row: number; status: string }[] } }) => job.rows.nodes.map((r) => [r.row, r.status]);

describe('INVOICES and PAYMENTS imports', () => {
  let stack: TestStack;
  let admin: GraphQLClient;
  const dealers: Record<string, string> = {};
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    stack.orms.integration.em.getConnection().execute<T[]>(text, params);

  const start = async (input: Record<string, unknown>) => {
    const started = (await admin.data(START, { input })).startImport;
    expect(started.userErrors).toEqual([]);
    return started.job.id as string;
  };
  const finished = (id: string) =>
    until('the import to end', async () => {
      const job = (await admin.data(JOB, { id })).importJob;
      return (job.status === 'SUCCEEDED' || job.status === 'FAILED') && job;
    });
  const importFile = async (input: Record<string, unknown>) => finished(await start(input));
  const account = async (code: string) => {
    const a = (await admin.data(ACCOUNT, { id: dealers[code] })).creditAccount;
    return { open: a.openBalance.amount, pending: a.pendingOrders.amount, available: a.available.amount };
  };
  const ledger = () =>
    sql<{ invoices: number; payments: number; paid: string }>(
      `select (select count(*)::int from credit.invoice) as invoices, (select count(*)::int from credit.payment) as payments,
              (select sum(paid_amount)::text from credit.invoice) as paid`,
    ).then((r) => r[0]);

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await stack.loginAs('admin@demo.staff');
    for (const [kind, file] of [
      ['DEALERS', 'dealers.csv'],
      ['CREDIT_ACCOUNTS', 'credit-accounts.csv'],
    ])
      expect((await importFile({ kind, filename: file, contentBase64: sample(file) })).status).toBe('SUCCEEDED');
    for (const d of await sql<{ code: string; id: string }>(
      `select code, id from dealers.dealer where code like 'D900%' or id = (select dealer_id from dealers.user_account where email = 'platinum@demo.dealer')`,
    ))
      dealers[d.code.startsWith('D900') ? d.code : 'PLATINUM'] = d.id;
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('imports the samples: a dry run writes nothing, invoices raise the open balance, payments lower it, the same files again change nothing', async () => {
    const before = await ledger();
    expect(await account('D9001')).toEqual({ open: '0.00', pending: '0.00', available: '50000.00' });

    const dry = await importFile({ kind: 'INVOICES', filename: 'invoices.csv', contentBase64: sample('invoices.csv'), dryRun: true });
    expect([dry.status, dry.counts]).toEqual(['SUCCEEDED', { created: 3, updated: 0, unchanged: 0, failed: 0 }]);
    expect(await ledger()).toEqual(before);

    const invoices = await importFile({ kind: 'INVOICES', filename: 'invoices.csv', contentBase64: sample('invoices.csv') });
    expect([invoices.status, invoices.counts], invoices.message).toEqual([
      'SUCCEEDED',
      { created: 3, updated: 0, unchanged: 0, failed: 0 },
    ]);
    expect(await account('D9001')).toEqual({ open: '4650.50', pending: '0.00', available: '45349.50' });
    expect(await account('D9002')).toMatchObject({ open: '875.25' });
    // No issue date: the due date less the account's 30 days of terms.
    expect(
      await sql(
        `select number, issued_at::date::text as issued, due_at::date::text as due from credit.invoice where number like 'INV-900%' order by number`,
      ),
    ).toEqual([
      { number: 'INV-9001-0001', issued: '2026-11-02', due: '2026-12-02' },
      { number: 'INV-9001-0002', issued: '2026-11-20', due: '2026-12-20' },
      { number: 'INV-9002-0001', issued: '2026-12-16', due: '2027-01-15' },
    ]);

    const payments = await importFile({ kind: 'PAYMENTS', filename: 'payments.csv', contentBase64: sample('payments.csv') });
    expect([payments.status, payments.counts], payments.message).toEqual([
      'SUCCEEDED',
      { created: 3, updated: 0, unchanged: 0, failed: 0 },
    ]);
    expect(await account('D9001')).toEqual({ open: '2400.50', pending: '0.00', available: '47599.50' });
    expect(await account('D9002')).toMatchObject({ open: '0.00' });
    expect(statuses(payments)).toEqual([
      [2, 'CREATED'],
      [3, 'CREATED'],
      [4, 'CREATED'],
    ]);
    expect(payments.rows.nodes.map((r: { key: string }) => r.key)).toEqual(['ACH-90010001', 'ACH-90010002', 'INV-9002-0001@2027-01-10']);

    const after = await ledger();
    for (const [kind, file] of [
      ['INVOICES', 'invoices.csv'],
      ['PAYMENTS', 'payments.csv'],
    ]) {
      const again = await importFile({ kind, filename: file, contentBase64: sample(file) });
      expect([kind, again.status, again.counts]).toEqual([kind, 'SUCCEEDED', { created: 0, updated: 0, unchanged: 3, failed: 0 }]);
    }
    expect(await ledger()).toEqual(after);
    expect(await account('D9001')).toMatchObject({ open: '2400.50' });
    // A written import is a sync of INVOICES for the monitor.
    expect(await sql(`select source from integration.sync_mark where kind = 'INVOICES'`)).toEqual([{ source: 'import PAYMENTS' }]);
  });

  it('reports every bad row with its code and writes nothing, unless valid rows only are asked for', async () => {
    const before = await ledger();
    const header = 'number,dealer_code,order_ref,amount,currency,issue_date,due_date';
    const file = [
      header,
      'INV-B-1,D9001,,100.00,USD,2026-12-01,2027-01-01',
      'INV-B-2,NOPE,,100.00,USD,2026-12-01,2027-01-01',
      'INV-B-3,D9001,SO-0000-404404,100.00,USD,2026-12-01,2027-01-01',
      'INV-B-4,D9001,,-1.00,USD,2026-12-01,2027-01-01',
      'INV-B-5,D9001,,100.00,USD,2026-12-01,2026-11-01',
      'INV-B-6,D9001,,100.00,EUR,2026-12-01,2027-01-01',
      'INV-B-7,D9001,,100.00,USD,2026-12-01,2027-01-01',
      'INV-B-7,D9001,,100.00,USD,2026-12-01,2027-01-01',
      'INV-9001-0001,D9001,,1250.01,USD,2026-11-02,2026-12-02',
      'INV-B-8,D9001,,99999999999.00,USD,2026-12-01,2027-01-01',
      'INV-B-9,D9001,,100.00,USD,2026-12-01,not-a-date',
    ];
    const failed = await importFile({ kind: 'INVOICES', filename: 'bad.csv', contentBase64: csv(file) });
    expect([failed.status, failed.counts]).toEqual(['FAILED', { created: 0, updated: 0, unchanged: 0, failed: 10 }]);
    expect(failed.message).toMatch(/^INVALID_ROWS/);
    expect(statuses(failed)).toEqual([
      [2, 'OK'],
      [3, 'UNKNOWN_DEALER'],
      [4, 'UNKNOWN_ORDER'],
      [5, 'INVALID_AMOUNT'],
      [6, 'INVALID_DATE'],
      [7, 'CURRENCY_MISMATCH'],
      [8, 'DUPLICATE_KEY'],
      [9, 'DUPLICATE_KEY'],
      [10, 'INVOICE_CONFLICT'],
      [11, 'ABSURD_AMOUNT'],
      [12, 'INVALID_DATE'],
    ]);
    expect(await ledger()).toEqual(before);

    const partial = await importFile({ kind: 'INVOICES', filename: 'bad.csv', contentBase64: csv(file), validRowsOnly: true });
    expect([partial.status, partial.counts]).toEqual(['SUCCEEDED', { created: 1, updated: 0, unchanged: 0, failed: 10 }]);
    expect((await ledger()).invoices).toBe(before.invoices + 1);

    const pays = [
      'invoice_number,amount,date,reference',
      'INV-B-1,60.00,2026-12-10,B-PAY-1',
      'INV-B-1,50.00,2026-12-11,B-PAY-2',
      'INV-404,10.00,2026-12-10,B-PAY-3',
      'INV-B-1,0.00,2026-12-10,B-PAY-4',
      'INV-B-1,10.00,2026-12-10,B-PAY-5',
      'INV-B-1,10.00,2026-12-10,B-PAY-5',
    ];
    const badPayments = await importFile({ kind: 'PAYMENTS', filename: 'pays.csv', contentBase64: csv(pays) });
    expect(statuses(badPayments)).toEqual([
      [2, 'OK'],
      [3, 'OVERPAYMENT'],
      [4, 'UNKNOWN_INVOICE'],
      [5, 'INVALID_AMOUNT'],
      [6, 'DUPLICATE_KEY'],
      [7, 'DUPLICATE_KEY'],
    ]);
    expect((await ledger()).payments).toBe(before.payments);
  });

  it('bills an order by its number: the credit it held turns into open balance; another dealer cannot be billed for it', async () => {
    const dealer = await stack.loginAs('platinum@demo.dealer');
    const { products } = await dealer.data(
      '{ products(first: 30, filter: { inStockOnly: true }) { nodes { sku restriction stock { available } } } }',
    );
    const sku = products.nodes.find(
      (p: { restriction: string | null; stock: { available: number } }) => !p.restriction && p.stock.available >= 5,
    ).sku;
    const { placeOrder } = await dealer.data(PLACE, { input: { idempotencyKey: randomUUID(), lines: [{ sku, quantity: 1 }] } });
    expect(placeOrder.order.status).toBe('APPROVED');
    const order = placeOrder.order as { id: string; number: string; total: { amount: string } };
    const code = (await sql<{ code: string }>(`select code from dealers.dealer where id = ?`, [dealers.PLATINUM]))[0]!.code;
    const before = await account('PLATINUM');

    const header = 'number,dealer_code,order_ref,amount,due_date';
    const other = await importFile({
      kind: 'INVOICES',
      filename: 'other.csv',
      contentBase64: csv([header, `INV-O-${order.number},D9001,${order.number},${order.total.amount},2027-02-01`]),
    });
    expect(statuses(other)).toEqual([[2, 'ORDER_OF_ANOTHER_DEALER']]);

    const billed = await importFile({
      kind: 'INVOICES',
      filename: 'billed.csv',
      contentBase64: csv([header, `INV-${order.number},${code},${order.number},${order.total.amount},2027-02-01`]),
    });
    expect([billed.status, billed.counts], billed.message).toEqual(['SUCCEEDED', { created: 1, updated: 0, unchanged: 0, failed: 0 }]);
    const cents = (s: string) => Math.round(Number(s) * 100);
    const after = await account('PLATINUM');
    expect(cents(after.pending)).toBe(cents(before.pending) - cents(order.total.amount));
    expect(cents(after.open)).toBe(cents(before.open) + cents(order.total.amount));
    expect(after.available).toBe(before.available);
    expect(await sql(`select status from credit.credit_hold where order_id = ?`, [order.id])).toEqual([{ status: 'INVOICED' }]);
    expect(await sql(`select order_id from credit.invoice where number = ?`, [`INV-${order.number}`])).toEqual([{ order_id: order.id }]);
  });

  it('burst: payment files and API payments on one invoice at once never pay it past its amount, and a file twice pays once', async () => {
    const header = 'number,dealer_code,order_ref,amount,currency,issue_date,due_date';
    const made = await importFile({
      kind: 'INVOICES',
      filename: 'burst.csv',
      contentBase64: csv([header, 'INV-BURST,D9003,,100.00,USD,2026-12-01,2027-01-01']),
    });
    expect(made.status).toBe('SUCCEEDED');
    const before = await account('D9003');
    const finance = await stack.loginAs('finance@demo.staff');
    // 8 files of one 20.00 payment each, every file started twice, and 4 API payments of 20.00: 100.00 takes 5 of them.
    const files = Array.from({ length: 8 }, (_, i) =>
      csv(['invoice_number,amount,date,reference', `INV-BURST,20.00,2026-12-15,BURST-FILE-${i}`]),
    );
    const jobs = await Promise.all([
      ...files.flatMap((content, i) => [0, 1].map(() => start({ kind: 'PAYMENTS', filename: `burst-${i}.csv`, contentBase64: content }))),
    ]);
    const api = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        finance.data(PAY, {
          input: {
            externalReference: `BURST-API-${i}`,
            dealerId: dealers.D9003,
            amount: '20.00',
            receivedAt: '2026-12-15T12:00:00Z',
            invoiceNumber: 'INV-BURST',
          },
        }),
      ),
    );
    const outcomes = await Promise.all(jobs.map(finished));
    const [row] = await sql<{ amount: string; paid: string; payments: number; refs: number }>(
      `select i.amount::text, i.paid_amount::text as paid, count(p.*)::int as payments, count(distinct p.external_ref)::int as refs
         from credit.invoice i left join credit.payment p on p.invoice_id = i.id where i.number = 'INV-BURST' group by i.id`,
    );
    expect(row).toEqual({ amount: '10000', paid: '10000', payments: 5, refs: 5 });
    const apiPaid = api.filter((r) => r.recordPayment.userErrors.length === 0).length;
    const created = outcomes.reduce((n, job) => n + job.counts.created, 0);
    expect(apiPaid + created).toBe(5);
    // Every job that did not write saw its payment as recorded (the twin ran first) or as an overpayment.
    for (const job of outcomes) {
      if (job.status === 'SUCCEEDED') expect(job.counts.created + job.counts.unchanged).toBe(1);
      else expect(statuses(job)).toEqual([[2, 'OVERPAYMENT']]);
    }
    expect(api.filter((r) => r.recordPayment.userErrors.length > 0).map((r) => r.recordPayment.userErrors[0].code)).toEqual(
      Array(4 - apiPaid).fill('OVERPAYMENT'),
    );
    expect([before.open, (await account('D9003')).open]).toEqual(['100.00', '0.00']);
  });
});
