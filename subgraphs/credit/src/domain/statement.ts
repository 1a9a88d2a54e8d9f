/**
 * An account statement for a period: pure. The ledger identity behind it is
 * balance = invoices + adjustments - payments, so the closing balance of a period that ends now is
 * the account's open balance.
 */

export type StatementEntryKind = 'INVOICE' | 'PAYMENT' | 'ADJUSTMENT';

export interface LedgerMovement {
  kind: StatementEntryKind;
  at: Date;
  /** Invoice number, payment reference or adjustment reference. */
  reference: string;
  description: string;
  /** Cents; invoices and debit adjustments are positive, payments and credit adjustments negative. */
  amount: number;
}

export interface StatementLine extends LedgerMovement {
  /** The balance after this line. */
  balance: number;
}

export interface Statement {
  from: Date;
  to: Date;
  openingBalance: number;
  lines: StatementLine[];
  totalInvoiced: number;
  totalPaid: number;
  totalAdjusted: number;
  closingBalance: number;
}

const KIND_ORDER: Record<StatementEntryKind, number> = { INVOICE: 0, ADJUSTMENT: 1, PAYMENT: 2 };

/** Why a period cannot be stated, or null: `from` must not be after `to`, and at most ~2 years apart. */
export function periodProblem({ from, to }: { from: Date; to: Date }): string | null {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return 'from and to must be valid instants';
  if (from.getTime() > to.getTime()) return 'from must not be after to';
  if (to.getTime() - from.getTime() > 732 * 86_400_000) return 'a statement covers at most two years';
  return null;
}

/**
 * Orders the movements of [from, to) by time (invoices before payments at the same instant, so a
 * running balance never dips for a same-day payment), then runs the balance from the opening one.
 */
export function buildStatement(input: { from: Date; to: Date; openingBalance: number; movements: readonly LedgerMovement[] }): Statement {
  const sorted = [...input.movements].sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
  );
  let balance = input.openingBalance;
  let totalInvoiced = 0;
  let totalPaid = 0;
  let totalAdjusted = 0;
  const lines = sorted.map((m) => {
    balance += m.amount;
    if (m.kind === 'INVOICE') totalInvoiced += m.amount;
    else if (m.kind === 'PAYMENT') totalPaid -= m.amount;
    else totalAdjusted += m.amount;
    return { ...m, balance };
  });
  return {
    from: input.from,
    to: input.to,
    openingBalance: input.openingBalance,
    lines,
    totalInvoiced,
    totalPaid,
    totalAdjusted,
    closingBalance: balance,
  };
}
