import { randomUUID } from 'node:crypto';

import { GraphQLClient, startTestStack, type TestStack } from '@dealergraph/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * ERP ledger input through the gateway (issue 12, items 6, 12 and 16): invoice numbers under
 * concurrency, API clients bound to one dealer, invoice lines that must add up line by line, and
 * dates out of any business window. Each refusal is a coded userError and writes nothing.
 */
const INVOICE = `mutation($i: RecordInvoiceInput!) { recordInvoice(input: $i) { invoice { id } duplicate userErrors { code field } } }`;
const PAYMENT = `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { payment { id } userErrors { code field } } }`;
const CREATE_CLIENT = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id } clientSecret userErrors { code } } }`;

let stack: TestStack;
let db: pg.Client;
let finance: GraphQLClient;
let platinumDealer: string;
let bronzeDealer: string;

const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params)).rows[0].n);
const invoice = (dealerId: string, number: string, extra: Record<string, unknown> = {}) => ({
  externalReference: `ERP-${randomUUID()}`,
  dealerId,
  number,
  amount: '500.00',
  issuedAt: '2026-11-01T00:00:00Z',
  ...extra,
});

async function erpClientFor(dealerId: string): Promise<GraphQLClient> {
  const admin = await stack.loginAs('admin@demo.staff');
  const created = (await admin.data(CREATE_CLIENT, { input: { name: 'Bound ERP', scopes: ['ERP_IMPORT'], dealerId } })).createApiClient;
  expect(created.userErrors).toEqual([]);
  const response = await fetch(stack.gatewayUrl.replace('/graphql', '/oauth/token'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: created.client.id,
      client_secret: created.clientSecret,
    }).toString(),
  });
  const body = (await response.json()) as { access_token: string };
  const client = new GraphQLClient(stack.gatewayUrl);
  client.accessToken = body.access_token;
  return client;
}

beforeAll(async () => {
  stack = await startTestStack({ gatewaySecurity: { sessionCheckTtlMs: 0 } });
  db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  finance = await stack.loginAs('finance@demo.staff');
  platinumDealer = (await (await stack.loginAs('platinum@demo.dealer')).data('{ me { dealer { id } } }')).me.dealer.id;
  bronzeDealer = (await (await stack.loginAs('bronze@demo.dealer')).data('{ me { dealer { id } } }')).me.dealer.id;
});
afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('invoice numbers under concurrency', () => {
  it('one number for two dealers, 10 at once (five numbers in one burst): exactly one recorded each, the others DUPLICATE_NUMBER, no error', async () => {
    const numbers = Array.from({ length: 5 }, (_, n) => `INV-RACE-${Date.now()}-${n}`);
    const burst = numbers.flatMap((number) =>
      Array.from({ length: 10 }, (_, i) => ({ number, request: invoice(i % 2 ? platinumDealer : bronzeDealer, number) })),
    );
    const results = await Promise.all(
      burst.map(({ number, request }) => finance.request(INVOICE, { i: request }).then((r) => ({ number, r }))),
    );
    expect(results.flatMap(({ r }) => r.errors ?? [])).toEqual([]);
    for (const number of numbers) {
      const mine = results.filter((x) => x.number === number).map((x) => x.r.data.recordInvoice);
      expect(mine.filter((p) => p.invoice)).toHaveLength(1);
      for (const p of mine.filter((p) => !p.invoice))
        expect(p.userErrors).toEqual([{ code: 'DUPLICATE_NUMBER', field: ['input', 'number'] }]);
      expect(await count('select count(*) n from credit.invoice where number = $1', [number])).toBe(1);
    }
  });
});

describe('an ERP_IMPORT client bound to one dealer', () => {
  it("records its own dealer's rows and is refused another dealer's, which stay unwritten", async () => {
    const erp = await erpClientFor(platinumDealer);
    const own = await erp.request(PAYMENT, {
      i: { externalReference: `PAY-${randomUUID()}`, dealerId: platinumDealer, amount: '1.00', receivedAt: '2026-11-02T00:00:00Z' },
    });
    expect(own.data.recordPayment.userErrors).toEqual([]);

    const paymentsBefore = await count('select count(*) n from credit.payment where dealer_id = $1', [bronzeDealer]);
    const invoicesBefore = await count('select count(*) n from credit.invoice where dealer_id = $1', [bronzeDealer]);
    const payment = await erp.request(PAYMENT, {
      i: { externalReference: `PAY-${randomUUID()}`, dealerId: bronzeDealer, amount: '1.00', receivedAt: '2026-11-02T00:00:00Z' },
    });
    expect(payment.data.recordPayment).toEqual({ payment: null, userErrors: [{ code: 'FORBIDDEN', field: ['input', 'dealerId'] }] });
    const other = await erp.request(INVOICE, { i: invoice(bronzeDealer, `INV-OTHER-${Date.now()}`) });
    expect(other.data.recordInvoice.userErrors).toEqual([{ code: 'FORBIDDEN', field: ['input', 'dealerId'] }]);
    expect(await count('select count(*) n from credit.payment where dealer_id = $1', [bronzeDealer])).toBe(paymentsBefore);
    expect(await count('select count(*) n from credit.invoice where dealer_id = $1', [bronzeDealer])).toBe(invoicesBefore);
  });
});

describe('invoice lines and ledger dates', () => {
  it('refuses a line whose quantity times unit price is not its total (5 x 100.00 = 0.01), even when the sum matches', async () => {
    const number = `INV-LINE-${Date.now()}`;
    const result = await finance.request(INVOICE, {
      i: invoice(platinumDealer, number, {
        amount: '500.00',
        lines: [
          { sku: 'A-1', name: 'Widget', quantity: 5, unitPrice: '100.00', lineTotal: '0.01' },
          { sku: 'A-2', name: 'Gadget', quantity: 1, unitPrice: '499.99', lineTotal: '499.99' },
        ],
      }),
    });
    expect(result.data.recordInvoice.userErrors).toEqual([{ code: 'LINES_DO_NOT_ADD_UP', field: ['input', 'lines', '0', 'lineTotal'] }]);
    expect(await count('select count(*) n from credit.invoice where number = $1', [number])).toBe(0);
  });

  it('takes lines that add up, each and in sum', async () => {
    const result = await finance.request(INVOICE, {
      i: invoice(platinumDealer, `INV-OK-${Date.now()}`, {
        amount: '500.00',
        lines: [{ sku: 'A-1', name: 'Widget', quantity: 5, unitPrice: '100.00', lineTotal: '500.00' }],
      }),
    });
    expect(result.data.recordInvoice.userErrors).toEqual([]);
  });

  it.each(['0001-01-01T00:00:00Z', '9999-12-31T00:00:00Z'])('refuses a ledger date of %s', async (date) => {
    const number = `INV-DATE-${randomUUID()}`;
    const result = await finance.request(INVOICE, { i: invoice(platinumDealer, number, { issuedAt: date }) });
    expect(result.data.recordInvoice.userErrors).toEqual([{ code: 'INVALID_DATE', field: ['input', 'issuedAt'] }]);
    const payment = await finance.request(PAYMENT, {
      i: { externalReference: `PAY-${randomUUID()}`, dealerId: platinumDealer, amount: '1.00', receivedAt: date },
    });
    expect(payment.data.recordPayment.userErrors).toEqual([{ code: 'INVALID_DATE', field: ['input', 'receivedAt'] }]);
    expect(await count('select count(*) n from credit.invoice where number = $1', [number])).toBe(0);
    expect(await count("select count(*) n from credit.payment where received_at < '2000-01-01' or received_at >= '2100-01-01'")).toBe(0);
  });
});

describe('the statement CSV', () => {
  it('neutralises formulas the ERP sent in references and reasons, "-1+1+cmd|..." included', async () => {
    const reason = "-1+1+cmd|' /C calc'!A0";
    const adjustment = await finance.request(
      'mutation($i: RecordBalanceAdjustmentInput!) { recordBalanceAdjustment(input: $i) { userErrors { code } } }',
      { i: { externalReference: `ADJ-${randomUUID()}`, dealerId: platinumDealer, amount: '1.00', reason } },
    );
    expect(adjustment.data.recordBalanceAdjustment.userErrors).toEqual([]);
    const payment = await finance.request(PAYMENT, {
      i: {
        externalReference: `PAY-${randomUUID()}`,
        dealerId: platinumDealer,
        amount: '1.00',
        receivedAt: new Date().toISOString(),
        reference: '@SUM(1+1)*cmd|A0',
      },
    });
    expect(payment.data.recordPayment.userErrors).toEqual([]);

    const platinum = await stack.loginAs('platinum@demo.dealer');
    const to = new Date(Date.now() + 86_400_000);
    const from = new Date(to.getTime() - 30 * 86_400_000);
    const { creditAccount } = await platinum.data(
      'query($from: DateTimeISO!, $to: DateTimeISO!) { creditAccount { statement(from: $from, to: $to) { csvUrl } } }',
      { from: from.toISOString(), to: to.toISOString() },
    );
    const csv = await (await fetch(`${new URL(stack.gatewayUrl).origin}${creditAccount.statement.csvUrl}`)).text();
    const cells = csv
      .trim()
      .split('\r\n')
      .flatMap((row) => row.split(','));
    expect(cells).toContain(`'${reason}`);
    expect(cells).toContain("'@SUM(1+1)*cmd|A0");
    // Nothing else starts like a formula, save plain amounts.
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+\.\d{2}$/.test(c))).toEqual([]);
  });
});
