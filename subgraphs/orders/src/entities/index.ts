import { ApprovalRule } from './approval-rule.entity.js';
import { ApprovalRuleChange } from './approval-rule-change.entity.js';
import { CartLine } from './cart-line.entity.js';
import { DealerOrderPolicy } from './dealer-order-policy.entity.js';
import { NotificationRead } from './notification-read.entity.js';
import { Order } from './order.entity.js';
import { OrderApprovalStep } from './order-approval-step.entity.js';
import { OrderEvent } from './order-event.entity.js';
import { OrderLine } from './order-line.entity.js';
import { OrderStatusChange } from './order-status-change.entity.js';
import { OrderTemplate } from './order-template.entity.js';
import { OrderTemplateLine } from './order-template-line.entity.js';
import { SpecialPriceRequest } from './special-price-request.entity.js';

export {
  ApprovalRule,
  ApprovalRuleChange,
  CartLine,
  DealerOrderPolicy,
  NotificationRead,
  Order,
  OrderApprovalStep,
  OrderEvent,
  OrderLine,
  OrderStatusChange,
  OrderTemplate,
  OrderTemplateLine,
  SpecialPriceRequest,
};
export const entities = [
  Order,
  OrderLine,
  OrderStatusChange,
  CartLine,
  OrderTemplate,
  OrderTemplateLine,
  OrderEvent,
  OrderApprovalStep,
  DealerOrderPolicy,
  NotificationRead,
  ApprovalRule,
  ApprovalRuleChange,
  SpecialPriceRequest,
];
