import { approvalRoleOf, toMoney } from '@dealergraph/runtime';

import type { SpecialPriceRequest } from './special-price-request.entity.js';
import type { SpecialPriceRequestStatusEnum, SpecialPriceRequestType } from './special-price-request.type.js';

export function toSpecialPriceRequestType(r: SpecialPriceRequest): SpecialPriceRequestType {
  const money = (minor: number | null) => (minor === null ? null : toMoney(minor, r.currency));
  return {
    id: r.id,
    dealer: { id: r.dealerId },
    product: { id: r.productId },
    sku: r.sku,
    productName: r.productName,
    quantity: r.quantity,
    reason: r.reason,
    wantedUnitPrice: money(r.wantedUnitPrice),
    wantedValidTo: r.wantedValidTo,
    listPrice: toMoney(r.listPrice, r.currency),
    currentUnitPrice: toMoney(r.currentUnitPrice, r.currency),
    requiredLevel: r.level,
    requiredRole: approvalRoleOf(r.level),
    routingReason: r.routingReason,
    status: r.status as SpecialPriceRequestStatusEnum,
    grantedUnitPrice: money(r.grantedUnitPrice),
    grantedQuantity: r.grantedQuantity,
    validFrom: r.validFrom,
    validTo: r.validTo,
    decidedAt: r.decidedAt,
    decisionComment: r.decisionComment,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
