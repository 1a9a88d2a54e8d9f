import { toMoney } from '@dealergraph/runtime';

import type { Order } from '../entities/order.entity.js';
import type { OrderApprovalStep } from '../entities/order-approval-step.entity.js';
import type { OrderLine } from '../entities/order-line.entity.js';
import type { OrderStatusChange } from '../entities/order-status-change.entity.js';
import type { OrderStatusEnum } from './enums.js';
import type { OrderLineType, OrderStatusChangeType, OrderType } from './order.type.js';
import { toRejectionType } from './order-rejection.type.js';
import type { OrderApprovalStepType } from './order-workflow.type.js';

/** Lines, line count and history are left to the field resolvers, which batch them. */
export function toOrderType(order: Order): OrderType {
  return {
    id: order.id,
    number: order.number,
    status: order.status as OrderStatusEnum,
    dealer: { id: order.dealerId },
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

/** A step of the approval chain; its deadline shows only while it waits. */
export function toApprovalStepType(s: OrderApprovalStep): OrderApprovalStepType {
  return {
    position: s.position,
    level: s.level,
    role: s.role,
    rule: s.rule,
    reason: s.reason,
    status: s.status,
    decidedBy: s.decidedByUserId,
    decidedAt: s.decidedAt,
    comment: s.comment,
    dueAt: s.status === 'PENDING' ? s.dueAt : null,
    escalations: s.escalations,
  };
}
