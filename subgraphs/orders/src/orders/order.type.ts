import { ConnectionType, Money } from '@dealergraph/runtime';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { OrderRejectionType } from '../approvals/order-rejection.type.js';
import { DealerRef, ProductRef } from '../stubs.type.js';
import { OrderChannelEnum } from './order-channel.type.js';
import { OrderStatusEnum } from './order-status.type.js';

@Directive('@key(fields: "id")')
@ObjectType('Order', { description: "A dealer's order: its lines, status and status history." })
export class OrderType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'The order number people quote, e.g. "SO-2026-000123".' })
  number!: string;

  @Field(() => OrderStatusEnum, { description: 'Where the order is in its lifecycle.' })
  status!: OrderStatusEnum;

  @Field(() => OrderChannelEnum, {
    description:
      "How the order reached the distributor: PORTAL for a dealer user's own order, API for an API client's, PHONE, FAX, EMAIL or EDI when staff keyed it in on the dealer's behalf.",
  })
  channel!: OrderChannelEnum;

  @Field(() => DealerRef, { description: 'The dealer who ordered.' })
  dealer!: DealerRef;

  @Field(() => Money, { description: 'Sum of the line totals.' })
  total!: Money;

  @Field({ description: 'ISO 4217 currency of every amount of the order, e.g. "USD".' })
  currency!: string;

  @Field(() => String, { nullable: true, description: "The dealer's own purchase order number, if it gave one." })
  poNumber!: string | null;

  @Field(() => Date, { description: 'When the order was placed.' })
  placedAt!: Date;

  @Field(() => Date, { description: 'When the order last changed.' })
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: 'The carrier, once the order shipped.' })
  carrier!: string | null;

  @Field(() => String, { nullable: true, description: "The carrier's tracking number, once the order shipped." })
  trackingNumber!: string | null;

  @Field(() => String, { nullable: true, description: "The ERP's own order number, once the ERP acknowledged the order." })
  erpOrderNumber!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the ERP acknowledged the order; null until then.' })
  erpAcknowledgedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The ship date the ERP confirmed (YYYY-MM-DD); null when none.' })
  confirmedShipDate!: string | null;

  @Field(() => String, { nullable: true, description: 'The delivery date the ERP confirmed (YYYY-MM-DD); null when none.' })
  confirmedDeliveryDate!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A warning the order was placed with: over the credit limit under SOFT_WARNING, the lines PARTIAL_ORDER left out, the payment PAYMENT_REQUIRED asks for first.',
  })
  warning!: string | null;

  @Field(() => OrderRejectionType, {
    nullable: true,
    description: 'Why an approver rejected the order (code, text, suggested alternatives); null unless REJECTED.',
  })
  rejection!: OrderRejectionType | null;

  @Field(() => Money, {
    nullable: true,
    description:
      "PAYMENT_REQUIRED: what the dealer pays up front before the order goes on (record the payment with the order's id); null when nothing was due.",
  })
  paymentDue!: Money | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'PAYMENT_REQUIRED: when an order still AWAITING_PAYMENT is cancelled and its stock and credit released; null when nothing was due.',
  })
  paymentDueBy!: Date | null;

  @Field(() => [DeferredOrderLineType], {
    description:
      "PARTIAL_ORDER: the lines left out of this order because they did not fit the available credit (a cart order's are back in the cart); empty otherwise.",
  })
  deferredLines!: DeferredOrderLineType[];
}

@ObjectType('DeferredOrderLine', {
  description: "A line PARTIAL_ORDER left out of an order because it did not fit the dealer's available credit.",
})
export class DeferredOrderLineType {
  @Field({ description: 'The product number.' })
  sku!: string;

  @Field(() => Int, { description: 'Units left out.' })
  quantity!: number;

  @Field(() => Money, { description: 'What the line would have cost when it was left out.' })
  lineTotal!: Money;
}

@ObjectType('OrderLine', { description: 'One line of an order, priced as the dealer saw it when ordering.' })
export class OrderLineType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'The product number at the time of ordering.' })
  sku!: string;

  @Field({ description: 'The product name at the time of ordering.' })
  name!: string;

  @Field(() => Int, { description: 'Units ordered.' })
  quantity!: number;

  @Field(() => Money, { description: 'Price of one unit, exactly as the dealer was shown it.' })
  unitPrice!: Money;

  @Field(() => Money, { description: 'quantity x unitPrice.' })
  lineTotal!: Money;

  @Field(() => ProductRef, { description: 'The product ordered.' })
  product!: ProductRef;
}

@ObjectType('OrderStatusChange', { description: 'One entry of the status history of an order.' })
export class OrderStatusChangeType {
  @Field(() => OrderStatusEnum, { description: 'The status the order entered.' })
  status!: OrderStatusEnum;

  @Field(() => Date, { description: 'When it entered that status.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: "The approver's comment or the reason of a rejection or cancellation, if any." })
  comment!: string | null;
}

@ObjectType('OrderConnection', { description: 'A page of orders, newest first.' })
export class OrderConnection extends ConnectionType(OrderType, 'orders') {}
