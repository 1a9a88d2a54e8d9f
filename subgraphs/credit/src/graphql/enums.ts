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
      description: 'The oldest overdue invoice is at least the block age (45 days by default): no new credit is held until it is paid.',
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
  description: "What happens to an order that exceeds the dealer's available credit.",
  valuesConfig: {
    HARD_BLOCK: { description: 'The order is refused; nothing is held.' },
    SOFT_WARNING: { description: 'The dealer is warned and approval is requested.' },
    ROUTE_TO_APPROVAL: { description: 'The order goes to the approval workflow (finance).' },
    PARTIAL_ORDER: { description: 'The portion within the limit can be approved.' },
    PAYMENT_REQUIRED: { description: 'The order proceeds with a down payment or full payment.' },
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
