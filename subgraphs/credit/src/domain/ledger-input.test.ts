import { describe, expect, it } from 'vitest';

import { adjustmentRowProblems, allocatePayment, boundClientProblem, invoiceRowProblems, paymentRowProblems } from './ledger-input.js';

const issuedAt = new Date('2026-10-01T00:00:00Z');
const dueAt = new Date('2026-10-31T00:00:00Z');

describe('invoiceRowProblems', () => {
  it('accepts a good invoice', () => {
    expect(
      invoiceRowProblems({
        externalReference: 'ERP-1',
        number: 'INV-1',
        amount: 300,
        issuedAt,
        dueAt,
        lines: [{ quantity: 3, unitPrice: 100, lineTotal: 300 }],
      }),
    ).toEqual([]);
  });
  it('names each problem', () => {
    const codes = invoiceRowProblems({
      externalReference: ' bad',
      number: 'INV-1',
      amount: 0,
      issuedAt: dueAt,
      dueAt: issuedAt,
      lines: [{ quantity: 0, unitPrice: 1, lineTotal: 5 }],
    }).map((p) => p.code);
    expect(codes).toEqual(['INVALID_REFERENCE', 'INVALID_AMOUNT', 'INVALID_DATE', 'INVALID_QUANTITY', 'LINES_DO_NOT_ADD_UP']);
  });
});

describe('invoice lines one by one', () => {
  const row = (lines: { quantity: number; unitPrice: number; lineTotal: number }[], amount: number) => ({
    externalReference: 'ERP-1',
    number: 'INV-1',
    amount,
    issuedAt,
    dueAt,
    lines,
  });
  it('refuses a line whose quantity times unit price is not its total, even when the sum matches', () => {
    const problems = invoiceRowProblems(
      row(
        [
          { quantity: 5, unitPrice: 10_000, lineTotal: 1 },
          { quantity: 1, unitPrice: 49_999, lineTotal: 49_999 },
        ],
        50_000,
      ),
    );
    expect(problems).toEqual([expect.objectContaining({ code: 'LINES_DO_NOT_ADD_UP', field: ['input', 'lines', '0', 'lineTotal'] })]);
  });
  it('takes lines that add up each and in sum', () => {
    expect(invoiceRowProblems(row([{ quantity: 5, unitPrice: 10_000, lineTotal: 50_000 }], 50_000))).toEqual([]);
  });
});

describe('boundClientProblem', () => {
  it('keeps a bound client to its dealer; others may record for any', () => {
    expect(boundClientProblem({ boundDealerId: 'a', dealerId: 'a' })).toBeNull();
    expect(boundClientProblem({ boundDealerId: null, dealerId: 'b' })).toBeNull();
    expect(boundClientProblem({ boundDealerId: 'a', dealerId: 'b' })?.code).toBe('FORBIDDEN');
    expect(boundClientProblem({ boundDealerId: 'a', dealerId: null })?.code).toBe('FORBIDDEN');
  });
});

describe('paymentRowProblems and adjustmentRowProblems', () => {
  it('refuse zero or negative payments and zero adjustments without a reason', () => {
    expect(paymentRowProblems({ externalReference: 'P-1', amount: -5, receivedAt: issuedAt }).map((p) => p.code)).toEqual([
      'INVALID_AMOUNT',
    ]);
    expect(paymentRowProblems({ externalReference: 'P-1', amount: 5, receivedAt: new Date('nope') }).map((p) => p.code)).toEqual([
      'INVALID_DATE',
    ]);
    expect(adjustmentRowProblems({ externalReference: 'A-1', amount: 0, reason: '' }).map((p) => p.code)).toEqual([
      'INVALID_AMOUNT',
      'INVALID_INPUT',
    ]);
    expect(adjustmentRowProblems({ externalReference: 'A-1', amount: -500, reason: 'Credit note for damaged goods' })).toEqual([]);
  });
});

describe('allocatePayment', () => {
  const invoices = [
    { id: 'b', outstanding: 500, dueAt: new Date('2026-10-20') },
    { id: 'a', outstanding: 300, dueAt: new Date('2026-10-10') },
  ];
  it('pays the oldest due first and keeps the rest on account', () => {
    expect(allocatePayment({ amount: 1_000, invoices })).toEqual({
      allocations: [
        { invoiceId: 'a', amount: 300 },
        { invoiceId: 'b', amount: 500 },
      ],
      unapplied: 200,
    });
    expect(allocatePayment({ amount: 400, invoices })).toEqual({
      allocations: [
        { invoiceId: 'a', amount: 300 },
        { invoiceId: 'b', amount: 100 },
      ],
      unapplied: 0,
    });
  });
});

describe('limitChangeProblems', () => {
  it('needs a non-negative limit and a reason', async () => {
    const { limitChangeProblems } = await import('./ledger-input.js');
    expect(limitChangeProblems({ limit: 0, reason: 'Dealer closed' })).toEqual([]);
    expect(limitChangeProblems({ limit: -1, reason: '' }).map((p) => p.code)).toEqual(['INVALID_AMOUNT', 'INVALID_INPUT']);
  });
});
