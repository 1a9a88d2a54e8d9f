import { type CreditDecision, toMoney } from '@dealergraph/runtime';

import type { CartLineView, CartView } from './cart.service.js';
import {
  type CartCreditPreviewType,
  type CartLineType,
  type CartType,
  CreditPreviewOutcomeEnum,
  LineStatusEnum,
  type UploadedOrderLineType,
} from './cart.type.js';
import type { UploadRowReport } from './order-upload.service.js';

const INT_MAX = 2 ** 31 - 1;

export function toCartLineType(line: CartLineView, currency: string): CartLineType {
  const q = line.quote;
  return {
    id: line.id,
    sku: line.sku,
    name: line.name,
    quantity: line.quantity,
    product: { id: line.productId },
    orderable: line.orderable,
    problem: line.problem,
    unitPrice: q ? toMoney(q.unitPrice, currency) : null,
    lineTotal: q ? toMoney(q.lineTotal, currency) : null,
    listPrice: q ? toMoney(q.listPrice, currency) : null,
    discountPercent: q?.discountPercent ?? null,
    appliedRules: q?.appliedRules ?? [],
    volumeBreak: q?.volumeBreak ? { ...q.volumeBreak, quantityMore: null } : null,
    nextVolumeBreak: q?.nextVolumeBreak ?? null,
    volumeBreakHint: line.volumeBreakHint,
    stockStatus: line.stock?.status ?? null,
    available: line.stock?.available ?? null,
    priceChanged: line.priceChanged,
    priceWhenAdded: toMoney(line.addedUnitPrice, currency),
    addedAt: line.addedAt,
  };
}

export function toCartType(cart: CartView): CartType {
  return {
    lines: cart.lines.map((l) => toCartLineType(l, cart.currency)),
    lineCount: cart.lines.length,
    totalQuantity: cart.totalQuantity,
    total: toMoney(cart.total, cart.currency),
    totalMinor: cart.total,
    dealerId: cart.dealerId,
    orderableTotals: cart.lines.filter((l) => l.orderable && l.quote).map((l) => ({ sku: l.sku, lineTotal: l.quote!.lineTotal })),
  };
}

export function toCreditPreviewType(
  decision: CreditDecision,
  fallbackCurrency: string,
  lines: readonly { sku: string }[] = [],
): CartCreditPreviewType {
  const currency = decision.currency ?? fallbackCurrency;
  return {
    outcome: decision.outcome as CreditPreviewOutcomeEnum,
    code: decision.code,
    reason: decision.reason,
    warning: decision.warning,
    available: toMoney(decision.available, currency),
    shortfall: toMoney(decision.shortfall, currency),
    amountToPay: toMoney(decision.amountToPay, currency),
    approvalLevel: decision.approvalLevel,
    partialSkus: decision.partialLines.map((i) => lines[i]?.sku).filter((sku): sku is string => !!sku),
    partialAmount: toMoney(decision.partialAmount, currency),
  };
}

export function toUploadedLineType(row: UploadRowReport): UploadedOrderLineType {
  const quantity = row.quantity !== null && Number.isInteger(row.quantity) && Math.abs(row.quantity) <= INT_MAX ? row.quantity : null;
  return {
    row: row.row,
    sku: row.sku,
    quantity,
    status: row.status as LineStatusEnum,
    message: row.message,
    mergedIntoRow: row.mergedIntoRow,
    substitutes: row.substitutes.map((s) => ({
      id: s.id,
      sku: s.sku,
      name: s.name,
      stockStatus: s.stock.status,
      available: s.stock.available,
    })),
  };
}
