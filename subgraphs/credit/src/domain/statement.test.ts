import { describe, expect, it } from 'vitest';

import { buildStatement, type LedgerMovement, periodProblem } from './statement.js';

const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 9, day, hour));

describe('buildStatement', () => {
  it('runs the balance from the opening one, invoices before payments on the same instant', () => {
    const movements: LedgerMovement[] = [
      { kind: 'PAYMENT', at: at(10), reference: 'ACH-1', description: 'Payment', amount: -5_000 },
      { kind: 'INVOICE', at: at(10), reference: 'INV-2', description: 'Invoice', amount: 8_000 },
      { kind: 'INVOICE', at: at(2), reference: 'INV-1', description: 'Invoice', amount: 3_000 },
      { kind: 'ADJUSTMENT', at: at(20), reference: 'ADJ-1', description: 'Credit note', amount: -500 },
    ];
    const s = buildStatement({ from: at(1, 0), to: at(31, 0), openingBalance: 1_000, movements });
    expect(s.lines.map((l) => [l.reference, l.balance])).toEqual([
      ['INV-1', 4_000],
      ['INV-2', 12_000],
      ['ACH-1', 7_000],
      ['ADJ-1', 6_500],
    ]);
    expect(s).toMatchObject({ totalInvoiced: 11_000, totalPaid: 5_000, totalAdjusted: -500, closingBalance: 6_500 });
    expect(s.openingBalance + s.totalInvoiced - s.totalPaid + s.totalAdjusted).toBe(s.closingBalance);
  });

  it('an empty period closes at its opening balance', () => {
    expect(buildStatement({ from: at(1), to: at(2), openingBalance: 42, movements: [] })).toMatchObject({ lines: [], closingBalance: 42 });
  });
});

describe('periodProblem', () => {
  it('refuses reversed, invalid and overly long periods', () => {
    expect(periodProblem({ from: at(2), to: at(1) })).toMatch(/after/);
    expect(periodProblem({ from: new Date('x'), to: at(1) })).toMatch(/valid/);
    expect(periodProblem({ from: new Date('2020-01-01'), to: at(1) })).toMatch(/two years/);
    expect(periodProblem({ from: at(1), to: at(1) })).toBeNull();
  });
});
