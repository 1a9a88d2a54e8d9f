import { parseAmount } from '@dealergraph/runtime';
import { startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cents = parseAmount;
const DAY = 86_400_000;

const ACCOUNT = /* GraphQL */ `
  query Account($dealerId: ID) {
    creditAccount(dealerId: $dealerId) {
      dealerId
      limit {
        amount
      }
      openBalance {
        amount
      }
      pendingOrders {
        amount
      }
      available {
        amount
      }
      overdue {
        amount
      }
      status
      summary {
        utilisationPercent
        amountToUnblock {
          amount
        }
        amountToClearStatus {
          amount
        }
        amountToGetUnderLimit {
          amount
        }
        action
        actionAmount {
          amount
        }
        advice
      }
    }
  }
`;

describe('the dealer account through the gateway', () => {
  let stack: TestStack;
  let origin: string;

  beforeAll(async () => {
    stack = await startTestStack();
    origin = new URL(stack.gatewayUrl).origin;
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const download = (path: string) => fetch(`${origin}${path}`);

  it('summary: utilisation and advice follow the figures; a blocked dealer is told what unblocks it', async () => {
    const platinum = await stack.loginAs('platinum@demo.dealer');
    const { creditAccount: own } = await platinum.data(ACCOUNT);
    const exposure = cents(own.openBalance.amount) + cents(own.pendingOrders.amount);
    expect(own.summary.utilisationPercent).toBeCloseTo((exposure * 100) / cents(own.limit.amount), 1);
    expect(cents(own.available.amount)).toBe(cents(own.limit.amount) - exposure);

    const finance = await stack.loginAs('finance@demo.staff');
    const { creditRiskView } = await finance.data(
      '{ creditRiskView(first: 5, sortBy: OLDEST_OVERDUE) { totalCount nodes { dealerId status oldestOverdueDays } } }',
    );
    expect(creditRiskView.totalCount).toBe(343);
    const days = creditRiskView.nodes.map((n: { oldestOverdueDays: number }) => n.oldestOverdueDays);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    const worst = creditRiskView.nodes[0];
    expect(worst.status).toBe('BLOCKED');
    const { creditAccount: blocked } = await finance.data(ACCOUNT, { dealerId: worst.dealerId });
    expect(blocked.summary.action).toBe('PAY_OVERDUE_TO_UNBLOCK');
    expect(cents(blocked.summary.actionAmount.amount)).toBeGreaterThan(0);
    expect(cents(blocked.summary.amountToUnblock.amount)).toBeLessThanOrEqual(cents(blocked.summary.amountToClearStatus.amount));
    expect(cents(blocked.summary.amountToClearStatus.amount)).toBeLessThanOrEqual(cents(blocked.overdue.amount));
    expect(blocked.summary.advice).toContain(blocked.summary.actionAmount.amount);
  });

  it('risk view by utilisation is sorted and for FINANCE and up only', async () => {
    const finance = await stack.loginAs('finance@demo.staff');
    const { creditRiskView } = await finance.data(
      '{ creditRiskView(first: 20, sortBy: UTILISATION) { nodes { limit { amount } openBalance { amount } pendingOrders { amount } summary { utilisationPercent } } } }',
    );
    const ratios = creditRiskView.nodes.map((n: any) => n.summary.utilisationPercent ?? Infinity);
    expect([...ratios].sort((a, b) => b - a)).toEqual(ratios);
    for (const who of ['rep@demo.staff', 'platinum@demo.dealer']) {
      const client = await stack.loginAs(who);
      const result = await client.request('{ creditRiskView(first: 1) { totalCount } }');
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('invoices: filters combine; the detail has lines that add up; another dealer gets null for the id', async () => {
    const platinum = await stack.loginAs('platinum@demo.dealer');
    const { creditAccount } = await platinum.data(
      '{ creditAccount { all: invoices(first: 1) { totalCount nodes { number issuedAt } } paid: invoices(first: 100, filter: { status: PAID }) { totalCount nodes { id number status amount { amount } } } } }',
    );
    expect(creditAccount.paid.totalCount).toBeGreaterThan(0);
    expect(creditAccount.paid.nodes.every((i: { status: string }) => i.status === 'PAID')).toBe(true);
    const sample = creditAccount.paid.nodes[0];
    const prefix = sample.number.slice(0, -2);
    const { creditAccount: narrowed } = await platinum.data(
      'query($p: String!) { creditAccount { invoices(first: 100, filter: { status: PAID, numberPrefix: $p }) { nodes { number } } } }',
      { p: prefix },
    );
    expect(narrowed.invoices.nodes.length).toBeGreaterThan(0);
    expect(narrowed.invoices.nodes.every((i: { number: string }) => i.number.startsWith(prefix))).toBe(true);

    const { invoice } = await platinum.data(
      'query($id: ID!) { invoice(id: $id) { number amount { amount } lines { lineNo sku quantity unitPrice { amount } lineTotal { amount } } } }',
      { id: sample.id },
    );
    expect(invoice.lines.length).toBeGreaterThan(0);
    expect(invoice.lines.reduce((s: number, l: any) => s + cents(l.lineTotal.amount), 0)).toBe(cents(invoice.amount.amount));

    const bronze = await stack.loginAs('bronze@demo.dealer');
    expect((await bronze.data('query($id: ID!) { invoice(id: $id) { id } }', { id: sample.id })).invoice).toBeNull();
    expect((await bronze.data('{ invoice(id: "not-a-uuid") { id } }')).invoice).toBeNull();
  });

  it('invoice PDF: a signed short-lived link on the gateway; a changed or made-up link is a 404', async () => {
    const platinum = await stack.loginAs('platinum@demo.dealer');
    const { creditAccount } = await platinum.data('{ creditAccount { invoices(first: 1) { nodes { id number pdfUrl } } } }');
    const [inv] = creditAccount.invoices.nodes;
    expect(inv.pdfUrl).toMatch(/^\/documents\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const response = await download(inv.pdfUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`${inv.number}.pdf`);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const [body, sig] = inv.pdfUrl.slice('/documents/'.length).split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const bronze = await stack.loginAs('bronze@demo.dealer');
    const { me } = await bronze.data('{ me { dealer { id } } }');
    const retargeted = Buffer.from(JSON.stringify([payload[0], me.dealer.id, payload[2], payload[3]])).toString('base64url');
    for (const path of [
      `/documents/${retargeted}.${sig}`,
      `/documents/${body}.${sig.slice(0, -2)}xx`,
      `/documents/${inv.id}`,
      '/documents/',
    ]) {
      const refused = await download(path);
      expect(refused.status).toBe(404);
      expect(refused.headers.get('content-type')).toContain('text/plain');
    }
    // The internal field that renders documents is not part of the public API.
    const direct = await platinum.request('query($t: String!) { documentFile(token: $t) { filename } }', { t: `${body}.${sig}` });
    expect(direct.errors?.length).toBeGreaterThan(0);
  });

  it('statement: opening 0 before the history, closing = open balance; CSV and PDF downloads agree', async () => {
    const platinum = await stack.loginAs('platinum@demo.dealer');
    const to = new Date(Date.now() + DAY);
    const from = new Date(to.getTime() - 700 * DAY);
    const { creditAccount } = await platinum.data(
      `query($from: DateTimeISO!, $to: DateTimeISO!) { creditAccount { openBalance { amount }
        statement(from: $from, to: $to) { openingBalance { amount } closingBalance { amount } totalInvoiced { amount } totalPaid { amount } totalAdjusted { amount }
          lines { kind reference amount { amount } balance { amount } } pdfUrl csvUrl } } }`,
      { from: from.toISOString(), to: to.toISOString() },
    );
    const s = creditAccount.statement;
    expect(s.openingBalance.amount).toBe('0.00');
    expect(s.closingBalance.amount).toBe(creditAccount.openBalance.amount);
    expect(cents(s.openingBalance.amount) + cents(s.totalInvoiced.amount) - cents(s.totalPaid.amount) + cents(s.totalAdjusted.amount)).toBe(
      cents(s.closingBalance.amount),
    );
    expect(s.lines.at(-1).balance.amount).toBe(s.closingBalance.amount);

    const csv = await (await download(s.csvUrl)).text();
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('date,type,reference,description,amount,balance,currency');
    expect(rows.length).toBe(s.lines.length + 3);
    expect(rows.at(-1)!.split(',')[5]).toBe(s.closingBalance.amount);
    const pdf = await download(s.pdfUrl);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const bad = await platinum.request(
      '{ creditAccount { statement(from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { closingBalance { amount } } } }',
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('due calendar: the overdue part matches the account; buckets are in order', async () => {
    const finance = await stack.loginAs('finance@demo.staff');
    const { creditRiskView } = await finance.data(
      '{ creditRiskView(first: 1, sortBy: OVERDUE) { nodes { dealerId overdue { amount } } } }',
    );
    const [risky] = creditRiskView.nodes;
    const { creditAccount } = await finance.data(
      'query($d: ID) { creditAccount(dealerId: $d) { dueCalendar(granularity: DAY, horizonDays: 90) { overdue { amount } overdueInvoiceCount upcoming { start amount { amount } invoiceCount } } } }',
      { d: risky.dealerId },
    );
    expect(creditAccount.dueCalendar.overdue.amount).toBe(risky.overdue.amount);
    const starts = creditAccount.dueCalendar.upcoming.map((b: { start: string }) => b.start);
    expect([...starts].sort()).toEqual(starts);
  });

  it('setCreditLimit: FINANCE sets limit and policy with an audit entry; others are refused; bad input is a userError', async () => {
    const finance = await stack.loginAs('finance@demo.staff');
    const bronze = await stack.loginAs('bronze@demo.dealer');
    const { me } = await bronze.data('{ me { dealer { id credit { limit { amount } exceedancePolicy } } } }');
    const SET =
      'mutation($i: SetCreditLimitInput!) { setCreditLimit(input: $i) { account { limit { amount } available { amount } exceedancePolicy } change { oldLimit { amount } newLimit { amount } oldPolicy newPolicy reason changedByEmail } userErrors { code field } } }';
    const { setCreditLimit } = await finance.data(SET, {
      i: { dealerId: me.dealer.id, limit: '30000.00', exceedancePolicy: 'SOFT_WARNING', reason: 'Annual review' },
    });
    expect(setCreditLimit.userErrors).toEqual([]);
    expect(setCreditLimit.account).toMatchObject({ limit: { amount: '30000.00' }, exceedancePolicy: 'SOFT_WARNING' });
    expect(setCreditLimit.change).toMatchObject({
      oldLimit: me.dealer.credit.limit,
      newLimit: { amount: '30000.00' },
      oldPolicy: me.dealer.credit.exceedancePolicy,
      newPolicy: 'SOFT_WARNING',
      reason: 'Annual review',
      changedByEmail: 'finance@demo.staff',
    });
    const { creditAccount } = await finance.data(
      'query($d: ID) { creditAccount(dealerId: $d) { limitChanges { newLimit { amount } reason } } }',
      { d: me.dealer.id },
    );
    expect(creditAccount.limitChanges[0]).toEqual({ newLimit: { amount: '30000.00' }, reason: 'Annual review' });

    const bad = await finance.data(SET, { i: { dealerId: me.dealer.id, limit: '-5', reason: 'x' } });
    expect(bad.setCreditLimit.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_AMOUNT', 'INVALID_INPUT']);
    for (const who of [bronze, await stack.loginAs('director@demo.staff')]) {
      const refused = await who.request(SET, { i: { dealerId: me.dealer.id, limit: '99999999.00', reason: 'Trying my luck' } });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const after = await bronze.data('{ me { dealer { credit { limit { amount } } } } }');
    expect(after.me.dealer.credit.limit.amount).toBe('30000.00');
    const hidden = await bronze.request('{ creditAccount { limitChanges { reason } } }');
    expect(hidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('ERP inputs: a payment recorded twice (also in parallel) counts once; a bad row changes nothing', async () => {
    const finance = await stack.loginAs('finance@demo.staff');
    const { creditRiskView } = await finance.data(
      '{ creditRiskView(first: 1, sortBy: OVERDUE) { nodes { dealerId openBalance { amount } overdue { amount } } } }',
    );
    const [dealer] = creditRiskView.nodes;
    const PAY =
      'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { duplicate payment { amount { amount } } account { openBalance { amount } available { amount } } userErrors { code field } } }';
    const input = {
      externalReference: `ERP-PAY-${Date.now()}`,
      dealerId: dealer.dealerId,
      amount: '100.00',
      receivedAt: new Date().toISOString(),
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => finance.data(PAY, { i: input })));
    expect(results.filter((r) => !r.recordPayment.duplicate)).toHaveLength(1);
    expect(results.every((r) => r.recordPayment.userErrors.length === 0)).toBe(true);
    const { creditAccount } = await finance.data('query($d: ID) { creditAccount(dealerId: $d) { openBalance { amount } } }', {
      d: dealer.dealerId,
    });
    expect(cents(creditAccount.openBalance.amount)).toBe(cents(dealer.openBalance.amount) - 10_000);

    const conflicting = await finance.data(PAY, { i: { ...input, amount: '200.00' } });
    expect(conflicting.recordPayment.userErrors[0].code).toBe('DUPLICATE_REFERENCE');
    for (const bad of [{ amount: '0' }, { amount: 'abc' }, { invoiceNumber: 'NO-SUCH-INVOICE' }, { externalReference: ' spaced' }]) {
      const r = await finance.data(PAY, { i: { ...input, externalReference: `ERP-BAD-${Math.random().toString(36).slice(2)}`, ...bad } });
      expect(r.recordPayment.userErrors.length).toBeGreaterThan(0);
      expect(r.recordPayment.payment).toBeNull();
    }
    const again = await finance.data('query($d: ID) { creditAccount(dealerId: $d) { openBalance { amount } } }', { d: dealer.dealerId });
    expect(again.creditAccount.openBalance.amount).toBe(creditAccount.openBalance.amount);

    const dealerUser = await stack.loginAs('platinum@demo.dealer');
    const refused = await dealerUser.request(PAY, { i: { ...input, externalReference: 'ERP-DEALER-TRY' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('ERP inputs: an invoice with lines and an adjustment move the balance and show on the statement', async () => {
    const finance = await stack.loginAs('finance@demo.staff');
    const bronze = await stack.loginAs('bronze@demo.dealer');
    const { me } = await bronze.data('{ me { dealer { id credit { openBalance { amount } } } } }');
    const before = cents(me.dealer.credit.openBalance.amount);
    const number = `INV-ERP-${Date.now()}`;
    const { recordInvoice } = await finance.data(
      'mutation($i: RecordInvoiceInput!) { recordInvoice(input: $i) { invoice { id number dueAt lines { sku lineTotal { amount } } } account { openBalance { amount } } userErrors { code field } } }',
      {
        i: {
          externalReference: `ERP-${number}`,
          dealerId: me.dealer.id,
          number,
          amount: '150.00',
          issuedAt: new Date().toISOString(),
          lines: [{ sku: 'X-1', name: 'Bearing', quantity: 3, unitPrice: '50.00', lineTotal: '150.00' }],
        },
      },
    );
    expect(recordInvoice.userErrors).toEqual([]);
    expect(cents(recordInvoice.account.openBalance.amount)).toBe(before + 15_000);
    const { recordBalanceAdjustment } = await finance.data(
      'mutation($i: RecordBalanceAdjustmentInput!) { recordBalanceAdjustment(input: $i) { adjustment { amount { amount } } account { openBalance { amount } } userErrors { code } } }',
      { i: { externalReference: `ERP-ADJ-${number}`, dealerId: me.dealer.id, amount: '-25.50', reason: 'Credit note: damaged box' } },
    );
    expect(recordBalanceAdjustment.userErrors).toEqual([]);
    expect(cents(recordBalanceAdjustment.account.openBalance.amount)).toBe(before + 15_000 - 2_550);

    const to = new Date(Date.now() + DAY);
    const { creditAccount } = await bronze.data(
      'query($f: DateTimeISO!, $t: DateTimeISO!) { creditAccount { openBalance { amount } statement(from: $f, to: $t) { closingBalance { amount } lines { kind reference amount { amount } } } } }',
      { f: new Date(to.getTime() - 2 * DAY).toISOString(), t: to.toISOString() },
    );
    expect(creditAccount.statement.lines).toEqual(
      expect.arrayContaining([
        { kind: 'INVOICE', reference: number, amount: { amount: '150.00' } },
        { kind: 'ADJUSTMENT', reference: `ERP-ADJ-${number}`, amount: { amount: '-25.50' } },
      ]),
    );

    const mismatch = await finance.data(
      'mutation($i: RecordInvoiceInput!) { recordInvoice(input: $i) { invoice { id } userErrors { code } } }',
      {
        i: {
          externalReference: `ERP-BAD-${number}`,
          dealerId: me.dealer.id,
          number: `${number}-B`,
          amount: '10.00',
          issuedAt: new Date().toISOString(),
          lines: [{ sku: 'X', name: 'X', quantity: 1, unitPrice: '5.00', lineTotal: '5.00' }],
        },
      },
    );
    expect(mismatch.recordInvoice).toEqual({ invoice: null, userErrors: [{ code: 'LINES_DO_NOT_ADD_UP' }] });
  });
});
