import type { NotificationKind } from '../domain/notification-audience.js';

/**
 * The words of every mail, per locale (i18n-ready: add a locale by adding its catalog; the templates
 * hold no text of their own). `{{…}}` placeholders are filled, escaped for HTML, by the templates.
 */
export interface MailMessages {
  subject: Record<NotificationKind, string>;
  intro: Record<NotificationKind, string>;
  greeting: string;
  orderDetails: string;
  columns: { sku: string; name: string; quantity: string; unitPrice: string; lineTotal: string };
  total: string;
  poNumber: string;
  dealer: string;
  reason: string;
  alternatives: string;
  carrier: string;
  tracking: string;
  level: string;
  approveButton: string;
  approveHint: string;
  viewOrder: string;
  why: Record<'DEALER' | 'APPROVER', string>;
  unsubscribe: string;
  preferences: string;
}

export const MESSAGES: Record<string, MailMessages> = {
  en: {
    subject: {
      ORDER_PLACED: 'Order {{order.number}} placed',
      ORDER_APPROVED: 'Order {{order.number}} approved',
      ORDER_REJECTED: 'Order {{order.number}} rejected',
      ORDER_SHIPPED: 'Order {{order.number}} shipped',
      ORDER_DELIVERED: 'Order {{order.number}} delivered',
      APPROVAL_WAITING: 'Approval needed: order {{order.number}} from {{dealer.name}}',
      APPROVAL_REMINDER: 'Reminder: order {{order.number}} from {{dealer.name}} waits for your approval',
      APPROVAL_ESCALATED: 'Escalated to you: order {{order.number}} from {{dealer.name}}',
    },
    intro: {
      ORDER_PLACED: 'We received order {{order.number}} for {{dealer.name}}.',
      ORDER_APPROVED: 'Order {{order.number}} for {{dealer.name}} is approved and goes to the warehouse.',
      ORDER_REJECTED: 'Order {{order.number}} for {{dealer.name}} was rejected.',
      ORDER_SHIPPED: 'Order {{order.number}} for {{dealer.name}} has shipped.',
      ORDER_DELIVERED: 'Order {{order.number}} for {{dealer.name}} was delivered.',
      APPROVAL_WAITING: 'Order {{order.number}} from {{dealer.name}} waits for your approval (level {{level}}).',
      APPROVAL_REMINDER:
        'Order {{order.number}} from {{dealer.name}} still waits for your approval (level {{level}}); its deadline is near, then it escalates.',
      APPROVAL_ESCALATED: 'Order {{order.number}} from {{dealer.name}} was not decided in time and is escalated to you (level {{level}}).',
    },
    greeting: 'Hello {{recipient.fullName}},',
    orderDetails: 'Order details',
    columns: { sku: 'SKU', name: 'Product', quantity: 'Qty', unitPrice: 'Unit price', lineTotal: 'Line total' },
    total: 'Total',
    poNumber: 'PO number',
    dealer: 'Dealer',
    reason: 'Reason',
    alternatives: 'Suggested instead',
    carrier: 'Carrier',
    tracking: 'Tracking number',
    level: 'Approval level',
    approveButton: 'Review and decide',
    approveHint: 'The link opens a page where you confirm; it works once and expires in {{linkHours}} hours.',
    viewOrder: 'Open the order',
    why: {
      DEALER: 'You receive this because you are a user of {{dealer.name}}.',
      APPROVER: 'You receive this because orders of {{dealer.name}} are in your approval scope.',
    },
    unsubscribe: 'Stop these mails',
    preferences: 'one click, no sign-in',
  },
};

/** The catalog of a locale, English when there is none. */
export function messagesFor(locale: string): MailMessages {
  return MESSAGES[locale] ?? MESSAGES[locale.split('-')[0]] ?? MESSAGES.en;
}
