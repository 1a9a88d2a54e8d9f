import { ApprovalRule } from '../approvals/approval-rule.entity.js';
import { ApprovalRuleChange } from '../approvals/approval-rule-change.entity.js';
import { OrderApprovalStep } from '../approvals/order-approval-step.entity.js';
import { SpendingLimit } from '../approvals/spending-limit.entity.js';
import { CartLine } from '../cart/cart-line.entity.js';
import { NotificationRead } from '../events/notification-read.entity.js';
import { OrderEvent } from '../events/order-event.entity.js';
import { MailLinkUse } from '../notifications/mail-link-use.entity.js';
import { MailNotification } from '../notifications/mail-notification.entity.js';
import { MailboxMessage } from '../notifications/mailbox-message.entity.js';
import { NotificationPreference } from '../notifications/notification-preference.entity.js';
import { NotificationQuietHours } from '../notifications/notification-quiet-hours.entity.js';
import { PushNotification } from '../notifications/push-notification.entity.js';
import { PushSubscription } from '../notifications/push-subscription.entity.js';
import { PushVapidKey } from '../notifications/push-vapid-key.entity.js';
import { Order } from '../orders/order.entity.js';
import { OrderLine } from '../orders/order-line.entity.js';
import { OrderStatusChange } from '../orders/order-status-change.entity.js';
import { DealerOrderPolicy } from '../placement/dealer-order-policy.entity.js';
import { SpecialPriceRequest } from '../special-prices/special-price-request.entity.js';
import { OrderTemplate } from '../templates/order-template.entity.js';
import { OrderTemplateLine } from '../templates/order-template-line.entity.js';

export {
  ApprovalRule,
  ApprovalRuleChange,
  CartLine,
  DealerOrderPolicy,
  MailboxMessage,
  MailLinkUse,
  MailNotification,
  NotificationPreference,
  NotificationQuietHours,
  NotificationRead,
  Order,
  OrderApprovalStep,
  OrderEvent,
  OrderLine,
  OrderStatusChange,
  OrderTemplate,
  OrderTemplateLine,
  PushNotification,
  PushSubscription,
  PushVapidKey,
  SpecialPriceRequest,
  SpendingLimit,
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
  MailNotification,
  MailboxMessage,
  NotificationPreference,
  NotificationQuietHours,
  MailLinkUse,
  PushSubscription,
  PushNotification,
  PushVapidKey,
  ApprovalRule,
  ApprovalRuleChange,
  SpecialPriceRequest,
  SpendingLimit,
];
