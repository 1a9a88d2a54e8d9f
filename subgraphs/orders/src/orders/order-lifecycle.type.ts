import { UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

import { OrderType } from './order.type.js';

@ObjectType('OrderPayload', { description: 'An order after a lifecycle change, or why it did not change.' })
export class OrderPayload {
  @Field(() => OrderType, { nullable: true, description: 'The order as it is now; null when userErrors say why nothing changed.' })
  order!: OrderType | null;

  @Field(() => [UserError], {
    description: 'Why nothing changed: NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, INVALID_INPUT, INVALID_AMOUNT, CREDIT_LIMIT_EXCEEDED ...',
  })
  userErrors!: UserError[];
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
