import { registerEnumType } from 'type-graphql';

/** The GraphQL face of the lifecycle statuses in domain/order-lifecycle.ts (same names). */
export enum OrderStatusEnum {
  AWAITING_PAYMENT = 'AWAITING_PAYMENT',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  APPROVED = 'APPROVED',
  PROCESSING = 'PROCESSING',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OrderStatusEnum, {
  name: 'OrderStatus',
  description:
    'Where an order is in its lifecycle: AWAITING_PAYMENT -> APPROVED | PENDING_APPROVAL | CANCELLED; PENDING_APPROVAL -> APPROVED | REJECTED | CANCELLED; APPROVED -> PROCESSING | CANCELLED; PROCESSING -> SHIPPED | CANCELLED; SHIPPED -> DELIVERED. DELIVERED, REJECTED and CANCELLED are final.',
  valuesConfig: {
    AWAITING_PAYMENT: {
      description:
        "Placed by a PAYMENT_REQUIRED dealer beyond its available credit: stock is reserved and credit held while it waits for the payment in Order.paymentDue (recordPayment with the order's id) until Order.paymentDueBy; paid, it goes on (APPROVED, or PENDING_APPROVAL when a rule asks for an approver); unpaid by then, it is CANCELLED and everything released.",
    },
    PENDING_APPROVAL: { description: "Placed; waits for a person of the distributor's staff to approve it." },
    APPROVED: { description: 'Approved (automatically or by an approver); credit is held and the order goes to the ERP.' },
    PROCESSING: { description: 'The ERP accepted the order and the warehouse is picking it.' },
    SHIPPED: { description: 'Left the warehouse.' },
    DELIVERED: { description: 'Arrived at the dealer. Final.' },
    REJECTED: { description: 'An approver said no; the reason is in Order.rejection and the status history. Final.' },
    CANCELLED: { description: 'Cancelled before it shipped. Final.' },
  },
});
