import { formatAmount, toMoney } from '@dealergraph/runtime';

import type { AccountSummary } from '../domain/account-summary.js';
import type { DueCalendar } from '../domain/due-calendar.js';
import type { Statement } from '../domain/statement.js';
import type { BalanceAdjustment } from '../entities/balance-adjustment.entity.js';
import type { CreditLimitChange } from '../entities/credit-limit-change.entity.js';
import type { InvoiceLine } from '../entities/invoice-line.entity.js';
import type { AccountSummaryType, CreditLimitChangeType, DueCalendarType, StatementType } from './account.type.js';
import type { AccountActionEnum, StatementEntryKindEnum } from './account-enums.js';
import type { ExceedancePolicyEnum } from './enums.js';
import type { BalanceAdjustmentType, InvoiceLineType } from './ledger.type.js';

function adviceOf(s: AccountSummary, currency: string): string {
  const pay = `${formatAmount(s.actionAmount)} ${currency}`;
  switch (s.action) {
    case 'PAY_OVERDUE_TO_UNBLOCK':
      return `Ordering on account is blocked. Pay ${pay} of overdue invoices to order again.`;
    case 'PAY_OVERDUE_TO_LIFT_RESTRICTION':
      return `Your account is restricted. Pay ${pay} of overdue invoices to lift the restriction.`;
    case 'PAY_OVERDUE_TO_CLEAR_WARNING':
      return `Some invoices are overdue. Pay ${pay} to clear the warning.`;
    case 'PAY_TO_GET_UNDER_LIMIT':
      return `Your account is over its credit limit. Pay ${pay} to get back under it.`;
    default:
      return 'Your account is in good standing.';
  }
}

export function toSummaryType(s: AccountSummary, currency: string): AccountSummaryType {
  return {
    utilisationPercent: s.utilisationBp === null ? null : s.utilisationBp / 100,
    amountToUnblock: toMoney(s.amountToUnblock, currency),
    amountToClearStatus: toMoney(s.amountToClearStatus, currency),
    amountToGetUnderLimit: toMoney(s.amountToGetUnderLimit, currency),
    action: s.action as AccountActionEnum,
    actionAmount: toMoney(s.actionAmount, currency),
    advice: adviceOf(s, currency),
  };
}

export function toDueCalendarType(c: DueCalendar, currency: string): DueCalendarType {
  return {
    overdue: toMoney(c.overdue.amount, currency),
    overdueInvoiceCount: c.overdue.invoiceCount,
    upcoming: c.upcoming.map((b) => ({ start: b.start, amount: toMoney(b.amount, currency), invoiceCount: b.invoiceCount })),
  };
}

export function toStatementType(s: Statement, dealerId: string, currency: string): StatementType {
  return {
    dealerId,
    from: s.from,
    to: s.to,
    openingBalance: toMoney(s.openingBalance, currency),
    lines: s.lines.map((l) => ({
      kind: l.kind as StatementEntryKindEnum,
      at: l.at,
      reference: l.reference,
      description: l.description,
      amount: toMoney(l.amount, currency),
      balance: toMoney(l.balance, currency),
    })),
    totalInvoiced: toMoney(s.totalInvoiced, currency),
    totalPaid: toMoney(s.totalPaid, currency),
    totalAdjusted: toMoney(s.totalAdjusted, currency),
    closingBalance: toMoney(s.closingBalance, currency),
  };
}

export function toLimitChangeType(c: CreditLimitChange, currency: string): CreditLimitChangeType {
  return {
    id: c.id,
    changedBy: c.changedBy,
    changedByEmail: c.changedByEmail,
    changedAt: c.changedAt,
    oldLimit: toMoney(c.oldLimit, currency),
    newLimit: toMoney(c.newLimit, currency),
    oldPolicy: c.oldPolicy as ExceedancePolicyEnum,
    newPolicy: c.newPolicy as ExceedancePolicyEnum,
    reason: c.reason,
  };
}

export function toInvoiceLineType(l: InvoiceLine, currency: string): InvoiceLineType {
  return {
    lineNo: l.lineNo,
    sku: l.sku,
    name: l.name,
    quantity: l.quantity,
    unitPrice: toMoney(l.unitPrice, currency),
    lineTotal: toMoney(l.lineTotal, currency),
  };
}

export function toAdjustmentType(a: BalanceAdjustment): BalanceAdjustmentType {
  return { id: a.id, amount: toMoney(a.amount, a.currency), reason: a.reason, recordedAt: a.recordedAt, externalReference: a.externalRef };
}
