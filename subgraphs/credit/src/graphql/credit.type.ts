import { ConnectionType, ENTITY_DESCRIPTIONS, Money } from '@dealergraph/runtime';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { CreditStatusEnum, ExceedancePolicyEnum, InvoiceStatusEnum } from './enums.js';

/** The Dealer entity of the dealers subgraph; this subgraph adds its `credit`. */
@Directive('@key(fields: "id")')
@ObjectType('Dealer', { description: ENTITY_DESCRIPTIONS.Dealer })
export class DealerStub {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.id })
  id!: string;
}

@ObjectType('CreditAgeing', { description: 'The open balance split by how many calendar days (UTC) each invoice is past due.' })
export class CreditAgeingType {
  @Field(() => Money, { description: 'Not yet past due.' })
  current!: Money;

  @Field(() => Money, { description: '1 to 30 days past due.' })
  days1to30!: Money;

  @Field(() => Money, { description: '31 to 60 days past due.' })
  days31to60!: Money;

  @Field(() => Money, { description: '61 to 90 days past due.' })
  days61to90!: Money;

  @Field(() => Money, { description: 'More than 90 days past due.' })
  over90!: Money;
}

@ObjectType('Invoice', { description: 'An invoice issued to the dealer.' })
export class InvoiceType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'Invoice number, e.g. "INV-2026-000123".' })
  number!: string;

  @Field(() => ID, { nullable: true, description: 'The order this invoice bills, when it bills one.' })
  orderId!: string | null;

  @Field(() => Money, { description: 'Invoiced amount.' })
  amount!: Money;

  @Field(() => Money, { description: 'Paid so far.' })
  paidAmount!: Money;

  @Field(() => Money, { description: 'Left to pay: amount minus paid, never below zero.' })
  outstanding!: Money;

  @Field({ description: 'ISO 4217 currency code.' })
  currency!: string;

  @Field(() => Date, { description: 'When the invoice was issued.' })
  issuedAt!: Date;

  @Field(() => Date, { description: 'When payment is due.' })
  dueAt!: Date;

  @Field(() => InvoiceStatusEnum, { description: 'OPEN, PAID or OVERDUE at the time of the request.' })
  status!: InvoiceStatusEnum;

  @Field(() => Int, { description: 'Calendar days (UTC) past the due date while unpaid; 0 when paid or not yet due.' })
  daysOverdue!: number;

  /** Not a field: the owner, for the link and line resolvers. */
  dealerId!: string;
}

@ObjectType('Payment', { description: 'A payment received from the dealer.' })
export class PaymentType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => Money, { description: 'Amount received.' })
  amount!: Money;

  @Field(() => Date, { description: 'When the payment was received.' })
  receivedAt!: Date;

  @Field({ description: 'Bank or ERP reference, e.g. "ACH-12345678".' })
  reference!: string;

  @Field(() => ID, { nullable: true, description: 'The invoice the payment was applied to; null for a payment on account.' })
  invoiceId!: string | null;
}

@ObjectType({ description: 'A page of invoices, newest first.' })
export class InvoiceConnection extends ConnectionType(InvoiceType, 'invoices') {}

@ObjectType({ description: 'A page of payments, newest first.' })
export class PaymentConnection extends ConnectionType(PaymentType, 'payments') {}

@InputType('InvoiceFilter', { description: 'Narrows an invoice list; the parts given combine.' })
export class InvoiceFilterInput {
  @Field(() => InvoiceStatusEnum, { nullable: true, description: 'Only invoices with this status.' })
  status?: InvoiceStatusEnum | null;

  @Field(() => Date, { nullable: true, description: 'Only invoices issued at or after this instant.' })
  issuedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only invoices issued before this instant.' })
  issuedBefore?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only invoices due at or after this instant.' })
  dueFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only invoices due before this instant.' })
  dueBefore?: Date | null;

  @Field(() => String, { nullable: true, description: 'Only invoices whose number starts with this, e.g. "INV-2026-".' })
  numberPrefix?: string | null;
}

@ObjectType('CreditAccount', {
  description: "A dealer's open account: limit, balance and what is left to order on credit, computed at the time of the request.",
})
export class CreditAccountType {
  @Field(() => ID, { description: 'The dealer this account belongs to.' })
  dealerId!: string;

  @Field(() => Money, {
    description:
      'Assigned credit limit (the soft limit): available credit is counted from it, and an order beyond it follows the exceedance policy.',
  })
  limit!: Money;

  @Field(() => Money, {
    nullable: true,
    description:
      'The hard limit above the credit limit: no policy and no approval takes an order on account past it (exposure above it is refused with CREDIT_LIMIT_EXCEEDED); null when the account has none.',
  })
  hardLimit!: Money | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "This dealer's own block threshold: ordering on account is BLOCKED when the oldest overdue invoice is more than this many days past due (30: blocked from day 31). Null: the default graduated thresholds (warning 15, restriction 30, block 45 days).",
  })
  overdueBlockAfterDays!: number | null;

  @Field(() => Money, { description: 'Left to pay on all invoices.' })
  openBalance!: Money;

  @Field(() => Money, { description: 'Approved orders not yet invoiced (credit held for them).' })
  pendingOrders!: Money;

  @Field(() => Money, { description: 'limit - (openBalance + pendingOrders); negative when over the limit.' })
  available!: Money;

  @Field(() => Money, { description: 'The part of the open balance that is past due.' })
  overdue!: Money;

  @Field(() => CreditStatusEnum, { description: 'Graduated action by the age of the oldest overdue invoice.' })
  status!: CreditStatusEnum;

  @Field(() => ExceedancePolicyEnum, { description: 'What happens to an order beyond the available credit.' })
  exceedancePolicy!: ExceedancePolicyEnum;

  @Field({ description: 'ISO 4217 currency of the account.' })
  currency!: string;

  @Field(() => Int, { description: 'Days from invoice to due date.' })
  paymentTermsDays!: number;

  @Field(() => Int, { description: 'Calendar days (UTC) the oldest unpaid overdue invoice is past due; 0 when nothing is overdue.' })
  oldestOverdueDays!: number;

  @Field(() => Date, { description: 'When the limit, policy or terms last changed.' })
  updatedAt!: Date;
}
