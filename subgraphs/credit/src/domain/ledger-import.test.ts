import { describe, expect, it } from 'vitest';

import { paymentRowKeys, planInvoiceImport, planPaymentImport, readLedgerDate } from './ledger-import.js';

const D1 = '00000000-0000-4000-8000-000000000001';
const D2 = '00000000-0000-4000-8000-000000000002';
const accounts = new Map([
  [D1, { currency: 'EUR', paymentTermsDays: 30 }],
  [D2, { currency: 'EUR', paymentTermsDays: 14 }],
]);
const row = (over: Record<string, unknown> = {}) => ({ number: 'INV-1', dealerId: D1, amount: '100.00', dueAt: '2027-02-15', ...over });
const statusOf = (p: ReturnType<typeof planInvoiceImport>[number]) => (p.ok ? p.status : p.problem.code);

describe('planInvoiceImport', () => {
  it('creates a new invoice in cents, issued the payment terms before its due day when no issue date is given', () => {
    const [plan] = planInvoiceImport({ rows: [row()], accounts, recorded: new Map() });
    expect(plan).toEqual({
      ok: true,
      status: 'CREATED',
      value: {
        number: 'INV-1',
        dealerId: D1,
        orderId: null,
        amount: 10_000,
        currency: 'EUR',
        issuedAt: new Date('2027-01-16T00:00:00Z'),
        dueAt: new Date('2027-02-15T00:00:00Z'),
      },
    });
  });

  it('answers UNCHANGED for a recorded invoice that says the same, INVOICE_CONFLICT for one that does not', () => {
    const recorded = new Map([['INV-1', { number: 'INV-1', dealerId: D1, orderId: null, amount: 10_000, dueAt: new Date('2027-02-15') }]]);
    const plans = planInvoiceImport({
      rows: [row(), row({ number: 'INV-1' })].slice(0, 1).concat([row({ number: 'INV-2' })]),
      accounts,
      recorded,
    });
    expect(plans.map(statusOf)).toEqual(['UNCHANGED', 'CREATED']);
    for (const changed of [{ amount: '100.01' }, { dealerId: D2 }, { dueAt: '2027-02-16' }, { orderId: D2 }]) {
      expect(statusOf(planInvoiceImport({ rows: [row(changed)], accounts, recorded })[0]!)).toBe('INVOICE_CONFLICT');
    }
  });

  it('gives each bad row its code', () => {
    const plans = planInvoiceImport({
      rows: [
        row({ number: '' }),
        row({ number: 'bad number' }),
        row({ amount: '-5.00' }),
        row({ amount: '0' }),
        row({ amount: '12,50' }),
        row({ amount: '999999999.00' }),
        row({ dueAt: '2027-02-30' }),
        row({ dueAt: '' }),
        row({ issuedAt: '2027-03-01' }),
        row({ currency: 'USD' }),
        row({ dealerId: '00000000-0000-4000-8000-000000000009' }),
      ].map((r, i) => ({ ...r, number: r.number === 'INV-1' ? `INV-${i + 10}` : r.number })),
      accounts,
      recorded: new Map(),
    });
    expect(plans.map(statusOf)).toEqual([
      'REQUIRED',
      'INVALID_REFERENCE',
      'INVALID_AMOUNT',
      'INVALID_AMOUNT',
      'INVALID_AMOUNT',
      'ABSURD_AMOUNT',
      'INVALID_DATE',
      'REQUIRED',
      'INVALID_DATE',
      'CURRENCY_MISMATCH',
      'NO_CREDIT_ACCOUNT',
    ]);
  });

  it('fails every row of a number given twice', () => {
    const plans = planInvoiceImport({ rows: [row(), row({ amount: '5.00' }), row({ number: 'INV-2' })], accounts, recorded: new Map() });
    expect(plans.map(statusOf)).toEqual(['DUPLICATE_KEY', 'DUPLICATE_KEY', 'CREATED']);
  });
});

describe('planPaymentImport', () => {
  const invoices = new Map([
    ['INV-1', { id: 'i1', number: 'INV-1', dealerId: D1, currency: 'EUR', outstanding: 10_000 }],
    ['INV-2', { id: 'i2', number: 'INV-2', dealerId: D2, currency: 'EUR', outstanding: 0 }],
  ]);
  const pay = (over: Record<string, unknown> = {}) => ({ invoiceNumber: 'INV-1', amount: '40.00', receivedAt: '2027-02-01', ...over });
  const status = (p: ReturnType<typeof planPaymentImport>[number]) => (p.ok ? p.status : p.problem.code);

  it('pays invoices in file order and refuses what goes past what is left (OVERPAYMENT)', () => {
    const plans = planPaymentImport({
      rows: [pay({ reference: 'P-1' }), pay({ reference: 'P-2', amount: '70.00' }), pay({ reference: 'P-3', amount: '60.00' })],
      invoices,
      recorded: new Map(),
    });
    expect(plans.map(status)).toEqual(['CREATED', 'OVERPAYMENT', 'CREATED']);
    expect(plans[0]).toMatchObject({ value: { externalRef: 'P-1', invoiceId: 'i1', dealerId: D1, amount: 4_000, reference: 'P-1' } });
  });

  it('keys a payment without a reference by invoice, day and amount, so a repeat is UNCHANGED even on a paid invoice', () => {
    const [key] = paymentRowKeys([pay()]);
    expect(key).toBe('PAY:INV-1:2027-02-01:4000');
    const paid = new Map([['INV-1', { ...invoices.get('INV-1')!, outstanding: 0 }]]);
    const recorded = new Map([[key!, { externalRef: key!, invoiceId: 'i1', amount: 4_000 }]]);
    expect(planPaymentImport({ rows: [pay()], invoices: paid, recorded }).map(status)).toEqual(['UNCHANGED']);
    expect(
      planPaymentImport({ rows: [pay({ reference: key, amount: '40.00', invoiceNumber: 'INV-2' })], invoices, recorded }).map(status),
    ).toEqual(['DUPLICATE_REFERENCE']);
  });

  it('gives each bad row its code', () => {
    const plans = planPaymentImport({
      rows: [
        pay({ invoiceNumber: 'INV-404' }),
        pay({ amount: 'x' }),
        pay({ receivedAt: 'yesterday' }),
        pay({ currency: 'GBP', reference: 'P-9' }),
        pay(),
        pay(),
      ],
      invoices,
      recorded: new Map(),
    });
    expect(plans.map(status)).toEqual([
      'UNKNOWN_INVOICE',
      'INVALID_AMOUNT',
      'INVALID_DATE',
      'CURRENCY_MISMATCH',
      'DUPLICATE_KEY',
      'DUPLICATE_KEY',
    ]);
  });
});

describe('readLedgerDate', () => {
  it('reads a day or an instant with its offset, nothing else', () => {
    expect(readLedgerDate('2027-01-15')).toEqual(new Date('2027-01-15T00:00:00Z'));
    expect(readLedgerDate('2027-01-15T10:00:00+02:00')).toEqual(new Date('2027-01-15T08:00:00Z'));
    expect(readLedgerDate('')).toBeNull();
    expect(readLedgerDate('15.01.2027')).toBeUndefined();
    expect(readLedgerDate('1999-12-31')).toBeUndefined();
  });
});
