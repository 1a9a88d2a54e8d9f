import { registerEnumType } from 'type-graphql';

export enum CreditStatusEnum {
  OK = 'OK',
  WARNING = 'WARNING',
  RESTRICTED = 'RESTRICTED',
  BLOCKED = 'BLOCKED',
}
registerEnumType(CreditStatusEnum, {
  name: 'CreditStatus',
  description:
    "The graduated action on a dealer's credit, by the days past due of its oldest overdue invoice (thresholds are configurable).",
  valuesConfig: {
    OK: { description: 'Nothing overdue long enough to act on.' },
    WARNING: { description: 'The oldest overdue invoice is at least the warning age (15 days by default).' },
    RESTRICTED: { description: 'The oldest overdue invoice is at least the restriction age (30 days by default).' },
    BLOCKED: {
      description:
        "The oldest overdue invoice is at least the block age (45 days by default), or more than the account's own overdueBlockAfterDays: no new credit is held until it is paid.",
    },
  },
});

export enum ExceedancePolicyEnum {
  HARD_BLOCK = 'HARD_BLOCK',
  SOFT_WARNING = 'SOFT_WARNING',
  ROUTE_TO_APPROVAL = 'ROUTE_TO_APPROVAL',
  PARTIAL_ORDER = 'PARTIAL_ORDER',
  PAYMENT_REQUIRED = 'PAYMENT_REQUIRED',
}
registerEnumType(ExceedancePolicyEnum, {
  name: 'ExceedancePolicy',
  description:
    "What happens to an order that exceeds the dealer's available credit (its credit limit, the soft one). Past the account's hard limit (CreditAccount.hardLimit) no policy takes an order on account.",
  valuesConfig: {
    HARD_BLOCK: { description: 'The order is refused (CREDIT_LIMIT_EXCEEDED); nothing is held.' },
    SOFT_WARNING: {
      description:
        "The order is placed PENDING_APPROVAL with a warning for the dealer (PlaceOrderPayload.warning, Order.warning) and waits for an approver of finance's level (4; configurable with CREDIT_SOFT_WARNING_APPROVAL_LEVEL); credit is held when it is approved.",
    },
    ROUTE_TO_APPROVAL: { description: 'The order goes to the approval workflow (FINANCE, level 4); credit is held when it is approved.' },
    PARTIAL_ORDER: {
      description:
        "The whole lines that fit the available credit, taken in the dealer's line order, are placed; the others are left out (Order.deferredLines; a cart order's stay in the cart) and the warning names both parts. No line fits: CREDIT_LIMIT_EXCEEDED.",
    },
    PAYMENT_REQUIRED: {
      description:
        "The order is placed AWAITING_PAYMENT with its stock reserved and its credit held; it goes on once the shortfall (Order.paymentDue) is paid (recordPayment with the order's id) and is cancelled, everything released, when unpaid by Order.paymentDueBy.",
    },
  },
});

export enum InvoiceStatusEnum {
  OPEN = 'OPEN',
  PAID = 'PAID',
  OVERDUE = 'OVERDUE',
}
registerEnumType(InvoiceStatusEnum, {
  name: 'InvoiceStatus',
  description: 'Where an invoice stands at the time of the request.',
  valuesConfig: {
    OPEN: { description: 'Not fully paid and not yet past its due date.' },
    PAID: { description: 'Fully paid.' },
    OVERDUE: { description: 'Not fully paid and at least one calendar day (UTC) past its due date.' },
  },
});
