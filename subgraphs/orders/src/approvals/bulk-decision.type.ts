import { UserError } from '@dealergraph/runtime';
import { Field, ID, ObjectType } from 'type-graphql';

import { OrderType } from '../orders/order.type.js';

@ObjectType('BulkDecisionResult', { description: 'What a bulk decision did to one order.' })
export class BulkDecisionResultType {
  @Field(() => ID, { description: 'The order id as it was sent.' })
  orderId!: string;

  @Field(() => OrderType, { nullable: true, description: 'The order after the decision; null when userErrors say why it was not decided.' })
  order!: OrderType | null;

  @Field(() => [UserError], {
    description: 'Why this order was not decided (NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, CREDIT_LIMIT_EXCEEDED ...); empty when it was.',
  })
  userErrors!: UserError[];
}

@ObjectType('BulkDecisionPayload', {
  description: 'The outcome of deciding many orders in one call: one result per order, in the order sent.',
})
export class BulkDecisionPayload {
  @Field(() => [BulkDecisionResultType], { description: 'One result per requested order.' })
  results!: BulkDecisionResultType[];

  @Field(() => [UserError], { description: 'Why nothing was decided at all (e.g. INVALID_INPUT: no ids, or more than 100).' })
  userErrors!: UserError[];
}
