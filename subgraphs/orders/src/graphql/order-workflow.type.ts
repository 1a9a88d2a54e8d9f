import { UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { OrderType } from './order.type.js';

@InputType('PlaceOrderLineInput', { description: 'One line to order.' })
export class PlaceOrderLineInput {
  @Field({ description: 'The product number (any case).' })
  sku!: string;

  @Field(() => Int, { description: 'Units to order: a whole number from 1 to 100,000.' })
  quantity!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The unit price the dealer was shown and confirmed, e.g. "12.50". When the price is different now the order is not placed: PRICE_CHANGED with the new price.',
  })
  expectedUnitPrice?: string | null;
}

@InputType('PlaceOrderInput', { description: 'An order to place.' })
export class PlaceOrderInput {
  @Field({
    description: 'Chosen by the client, unique per order: the same key from the same dealer returns the same order, never a second one.',
  })
  idempotencyKey!: string;

  @Field(() => [PlaceOrderLineInput], {
    nullable: true,
    description: "The lines; omitted: the caller's cart is ordered (and emptied once the order is placed).",
  })
  lines?: PlaceOrderLineInput[] | null;

  @Field(() => String, { nullable: true, description: "The dealer's own purchase order number." })
  poNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The order total the dealer confirmed, e.g. "1234.50"; a different total now: PRICE_CHANGED, nothing placed.',
  })
  expectedTotal?: string | null;
}

@ObjectType('PlaceOrderPayload', { description: 'The placed order, or why it was not placed.' })
export class PlaceOrderPayload {
  @Field(() => OrderType, {
    nullable: true,
    description: 'The order (APPROVED, or PENDING_APPROVAL when a rule asks for an approver); null when userErrors say why not.',
  })
  order!: OrderType | null;

  @Field(() => String, {
    nullable: true,
    description: 'A warning the order was placed with, e.g. that it takes the dealer over its credit limit (SOFT_WARNING).',
  })
  warning!: string | null;

  @Field(() => [UserError], {
    description:
      'Why nothing was placed: CREDIT_LIMIT_EXCEEDED, CREDIT_BLOCKED_OVERDUE, PAYMENT_REQUIRED, INSUFFICIENT_STOCK, UNKNOWN_SKU, NOT_AUTHORIZED, INVALID_QUANTITY, EMPTY_CART, PRICE_CHANGED, BELOW_MINIMUM_ORDER, IDEMPOTENCY_KEY_REUSED, FORBIDDEN.',
  })
  userErrors!: UserError[];
}

@ObjectType('OrderPayload', { description: 'An order after a lifecycle change, or why it did not change.' })
export class OrderPayload {
  @Field(() => OrderType, { nullable: true, description: 'The order as it is now; null when userErrors say why nothing changed.' })
  order!: OrderType | null;

  @Field(() => [UserError], {
    description: 'Why nothing changed: NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, INVALID_INPUT, INVALID_AMOUNT, CREDIT_LIMIT_EXCEEDED ...',
  })
  userErrors!: UserError[];
}

@ObjectType('OrderApprovalStep', { description: "One step of an order's approval chain." })
export class OrderApprovalStepType {
  @Field(() => Int, { description: '1-based place in the chain; steps are decided in this order.' })
  position!: number;

  @Field(() => Int, { description: 'Approval level that may decide it, or any higher one (1 SALES_REP ... 5 GENERAL_MANAGER).' })
  level!: number;

  @Field({ description: 'The role of that level, e.g. REGIONAL_MANAGER.' })
  role!: string;

  @Field({ description: 'The approval rule that asked for it, e.g. AMOUNT_OVER_10000 (see approvalRules).' })
  rule!: string;

  @Field({ description: 'Why the step is needed, for people.' })
  reason!: string;

  @Field({ description: 'PENDING, APPROVED or REJECTED.' })
  status!: string;

  @Field(() => ID, { nullable: true, description: 'The user who decided it.' })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was decided.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The approver's comment or reason." })
  comment!: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'While the step waits: when it must be decided before it escalates to the next level (a reminder goes out before); null for steps not waiting.',
  })
  dueAt!: Date | null;

  @Field(() => Int, { description: 'How many times the step moved up a level because nobody decided it in time.' })
  escalations!: number;
}

/** The fulfilment statuses staff or the ERP report. */
export enum FulfillmentStatusEnum {
  PROCESSING = 'PROCESSING',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
}
registerEnumType(FulfillmentStatusEnum, {
  name: 'FulfillmentStatus',
  description: 'A fulfilment step of an approved order.',
  valuesConfig: {
    PROCESSING: { description: 'The ERP accepted the order and the warehouse is picking it (from APPROVED).' },
    SHIPPED: { description: 'It left the warehouse, with a carrier and tracking number (from PROCESSING).' },
    DELIVERED: { description: 'It arrived (from SHIPPED).' },
  },
});

@InputType('OrderFulfillmentInput', { description: 'A fulfilment update from staff or the ERP integration.' })
export class OrderFulfillmentInput {
  @Field(() => ID, { description: 'The order.' })
  orderId!: string;

  @Field(() => FulfillmentStatusEnum, { description: 'The status it enters.' })
  status!: FulfillmentStatusEnum;

  @Field(() => String, { nullable: true, description: 'The carrier; required for SHIPPED.' })
  carrier?: string | null;

  @Field(() => String, { nullable: true, description: "The carrier's tracking number; required for SHIPPED." })
  trackingNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'A note for the status history.' })
  comment?: string | null;
}

/** What happens to an order below the dealer's minimum order amount. */
export enum BelowMinimumEnum {
  REFUSE = 'REFUSE',
  APPROVAL = 'APPROVAL',
}
registerEnumType(BelowMinimumEnum, {
  name: 'BelowMinimumOrder',
  description: "What happens to an order below the dealer's minimum order amount.",
  valuesConfig: {
    REFUSE: { description: 'placeOrder answers BELOW_MINIMUM_ORDER and places nothing.' },
    APPROVAL: { description: 'The order waits for a SALES_REP (level 1) or above.' },
  },
});

@InputType('MinimumOrderInput', { description: "A dealer's minimum order amount." })
export class MinimumOrderInput {
  @Field(() => ID, { description: 'The dealer.' })
  dealerId!: string;

  @Field({ description: 'The minimum order total, e.g. "250.00"; "0" removes the minimum.' })
  minimumAmount!: string;

  @Field(() => BelowMinimumEnum, { description: 'What happens below it.' })
  belowMinimum!: BelowMinimumEnum;
}

@ObjectType('MinimumOrder', { description: "A dealer's minimum order amount." })
export class MinimumOrderType {
  @Field(() => ID, { description: 'The dealer.' })
  dealerId!: string;

  @Field({ description: 'The minimum order total; "0.00": none.' })
  minimumAmount!: string;

  @Field(() => BelowMinimumEnum, { description: 'What happens below it.' })
  belowMinimum!: BelowMinimumEnum;
}

@ObjectType('MinimumOrderPayload', { description: 'The minimum order amount as set, or why not.' })
export class MinimumOrderPayload {
  @Field(() => MinimumOrderType, { nullable: true, description: 'The setting; null when userErrors say why not.' })
  policy!: MinimumOrderType | null;

  @Field(() => [UserError], { description: 'FORBIDDEN, NOT_FOUND or INVALID_AMOUNT.' })
  userErrors!: UserError[];
}

@InputType({ description: "The ERP's acknowledgement of an order: name the order by id or by number." })
export class AcknowledgeOrderInput {
  @Field(() => ID, { nullable: true, description: 'The order, by id (or give orderNumber).' })
  orderId?: string | null;

  @Field(() => String, { nullable: true, description: 'The order, by its number (SO-…), when orderId is not given.' })
  orderNumber?: string | null;

  @Field({ description: "The ERP's own order number (1-64 characters); an order keeps its first one." })
  erpOrderNumber!: string;

  @Field(() => String, { nullable: true, description: 'The date the ERP confirms shipping on (YYYY-MM-DD).' })
  confirmedShipDate?: string | null;

  @Field(() => String, { nullable: true, description: 'The date the ERP confirms delivery on (YYYY-MM-DD), not before shipping.' })
  confirmedDeliveryDate?: string | null;
}
