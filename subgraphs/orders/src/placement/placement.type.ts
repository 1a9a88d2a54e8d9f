import { UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { OrderType } from '../orders/order.type.js';
import { OrderChannelEnum } from '../orders/order-channel.type.js';

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

  @Field(() => ID, {
    nullable: true,
    description:
      "Staff (SALES_REP and up): the dealer the order is placed for, one in the caller's approval scope (FORBIDDEN otherwise); required for staff, who send lines (they have no cart). A dealer user may only name its own dealer.",
  })
  dealerId?: string | null;

  @Field(() => OrderChannelEnum, {
    nullable: true,
    description:
      "How the order reached the distributor. Staff: PHONE (the default), FAX, EMAIL or EDI. A dealer user's own order is PORTAL and an API client's API (or EDI); another value is refused (INVALID_INPUT).",
  })
  channel?: OrderChannelEnum | null;
}

@ObjectType('PlaceOrderPayload', { description: 'The placed order, or why it was not placed.' })
export class PlaceOrderPayload {
  @Field(() => OrderType, {
    nullable: true,
    description:
      'The order (APPROVED; PENDING_APPROVAL when a rule asks for an approver; AWAITING_PAYMENT when its credit policy asks for a payment first); null when userErrors say why not.',
  })
  order!: OrderType | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A warning the order was placed with: over the credit limit it waits for approval (SOFT_WARNING), only the lines that fit were placed and which were left out (PARTIAL_ORDER), the payment due first (PAYMENT_REQUIRED).',
  })
  warning!: string | null;

  @Field(() => [UserError], {
    description:
      'Why nothing was placed: CREDIT_LIMIT_EXCEEDED, CREDIT_BLOCKED_OVERDUE, INSUFFICIENT_STOCK, UNKNOWN_SKU, NOT_AUTHORIZED, INVALID_QUANTITY, EMPTY_CART, PRICE_CHANGED, BELOW_MINIMUM_ORDER, IDEMPOTENCY_KEY_REUSED, FORBIDDEN.',
  })
  userErrors!: UserError[];
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
