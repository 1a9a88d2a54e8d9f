import { toMoney } from '@dealergraph/runtime';

import { toRejectionType } from '../approvals/order-rejection.type.js';
import type { Order } from './order.entity.js';
import type { OrderLineType, OrderStatusChangeType, OrderType } from './order.type.js';
import type { OrderChannelEnum } from './order-channel.type.js';
import type { OrderDecisionResult } from './order-decision.service.js';
import type { OrderPayload } from './order-lifecycle.type.js';
import type { OrderLine } from './order-line.entity.js';
import type { OrderStatusEnum } from './order-status.type.js';
import type { OrderStatusChange } from './order-status-change.entity.js';

/** Lines, line count and history are left to the field resolvers, which batch them. */
export function toOrderType(order: Order): OrderType {
  return {
    id: order.id,
    number: order.number,
    status: order.status as OrderStatusEnum,
    dealer: { id: order.dealerId },
    channel: order.channel as OrderChannelEnum,
    total: toMoney(order.total, order.currency),
    currency: order.currency,
    poNumber: order.poNumber,
    placedAt: order.placedAt,
    updatedAt: order.updatedAt,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    erpOrderNumber: order.erpOrderNumber,
    erpAcknowledgedAt: order.erpAcknowledgedAt,
    confirmedShipDate: order.confirmedShipDate,
    confirmedDeliveryDate: order.confirmedDeliveryDate,
    warning: order.warning,
    rejection: toRejectionType(order.rejection, order.currency),
    paymentDue: order.paymentDue > 0 ? toMoney(order.paymentDue, order.currency) : null,
    paymentDueBy: order.paymentDue > 0 ? order.paymentDueBy : null,
    deferredLines: (order.deferredLines ?? []).map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      lineTotal: toMoney(l.lineTotal, order.currency),
    })),
  };
}

export function toOrderLineType(line: OrderLine, currency: string): OrderLineType {
  return {
    id: line.id,
    sku: line.sku,
    name: line.name,
    quantity: line.quantity,
    unitPrice: toMoney(line.unitPrice, currency),
    lineTotal: toMoney(line.lineTotal, currency),
    product: { id: line.productId },
  };
}

export function toOrderStatusChangeType(change: OrderStatusChange): OrderStatusChangeType {
  return { status: change.status as OrderStatusEnum, at: change.at, comment: change.comment };
}

/** What a lifecycle mutation answers, as the API shows it. */
export const toOrderPayload = ({ order, userErrors }: OrderDecisionResult): OrderPayload => ({
  order: order ? toOrderType(order) : null,
  userErrors,
});
