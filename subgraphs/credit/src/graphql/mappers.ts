import { toMoney } from '@dealergraph/runtime';

import { type AgeingBuckets, daysPastDue, invoiceStatus, outstandingOf } from '../domain/credit.js';
import type { Invoice } from '../entities/invoice.entity.js';
import type { Payment } from '../entities/payment.entity.js';
import type { CreditPosition } from '../services/credit.service.js';
import type { CreditAccountType, CreditAgeingType, InvoiceType, PaymentType } from './credit.type.js';
import type { CreditStatusEnum, ExceedancePolicyEnum, InvoiceStatusEnum } from './enums.js';

export function toCreditAccountType(p: CreditPosition): CreditAccountType {
  const c = p.account.currency;
  return {
    dealerId: p.account.dealerId,
    limit: toMoney(p.account.limit, c),
    hardLimit: p.account.hardLimit === null ? null : toMoney(p.account.hardLimit, c),
    overdueBlockAfterDays: p.account.overdueBlockAfterDays,
    openBalance: toMoney(p.openBalance, c),
    pendingOrders: toMoney(p.pendingOrders, c),
    available: toMoney(p.available, c),
    overdue: toMoney(p.overdue, c),
    status: p.status as CreditStatusEnum,
    exceedancePolicy: p.account.exceedancePolicy as ExceedancePolicyEnum,
    currency: c,
    paymentTermsDays: p.account.paymentTermsDays,
    oldestOverdueDays: p.oldestOverdueDays,
    updatedAt: p.account.updatedAt,
  };
}

export function toAgeingType(b: AgeingBuckets, currency: string): CreditAgeingType {
  return {
    current: toMoney(b.current, currency),
    days1to30: toMoney(b.days1to30, currency),
    days31to60: toMoney(b.days31to60, currency),
    days61to90: toMoney(b.days61to90, currency),
    over90: toMoney(b.over90, currency),
  };
}

/** Status and days overdue are computed at `now`, the request's instant. */
export function toInvoiceType(invoice: Invoice, now: Date): InvoiceType {
  const c = invoice.currency;
  const status = invoiceStatus({ amount: invoice.amount, paidAmount: invoice.paidAmount, dueAt: invoice.dueAt, now });
  return {
    id: invoice.id,
    dealerId: invoice.dealerId,
    number: invoice.number,
    orderId: invoice.orderId,
    amount: toMoney(invoice.amount, c),
    paidAmount: toMoney(invoice.paidAmount, c),
    outstanding: toMoney(outstandingOf(invoice), c),
    currency: c,
    issuedAt: invoice.issuedAt,
    dueAt: invoice.dueAt,
    status: status as InvoiceStatusEnum,
    daysOverdue: status === 'OVERDUE' ? daysPastDue(invoice.dueAt, now) : 0,
  };
}

export function toPaymentType(payment: Payment): PaymentType {
  return {
    id: payment.id,
    amount: toMoney(payment.amount, payment.currency),
    receivedAt: payment.receivedAt,
    reference: payment.reference,
    invoiceId: payment.invoiceId,
  };
}
