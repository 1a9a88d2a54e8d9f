import { ConnectionType, Money, UserError } from '@dealergraph/runtime';
import { Field, ID, Int, ObjectType } from 'type-graphql';

import { CartType, LineStatusEnum } from '../cart/cart.type.js';
import { ProductRef } from '../stubs.type.js';

@ObjectType('OrderTemplateLine', { description: 'A product and quantity of a template; priced only when the template is used.' })
export class OrderTemplateLineType {
  @Field({ description: 'The SKU.' })
  sku!: string;

  @Field(() => Int, { description: 'Units.' })
  quantity!: number;

  @Field(() => ProductRef, { description: 'The product.' })
  product!: ProductRef;
}

@ObjectType('OrderTemplate', {
  description: "A named list of products and quantities, shared by the dealer's users; put it in the cart with addTemplateToCart.",
})
export class OrderTemplateType {
  @Field(() => ID, { description: 'Id of the template.' })
  id!: string;

  @Field({ description: 'The name, unique within the dealer.' })
  name!: string;

  @Field({ description: 'When it was saved.' })
  createdAt!: Date;
}

@ObjectType('OrderTemplateConnection', { description: "A page of the dealer's templates, by name." })
export class OrderTemplateConnection extends ConnectionType(OrderTemplateType, 'templates') {}

@ObjectType('OrderTemplatePayload', { description: 'The template saved.' })
export class OrderTemplatePayload {
  @Field(() => OrderTemplateType, { nullable: true, description: 'The new template; null when it was not saved.' })
  template!: OrderTemplateType | null;

  @Field(() => [UserError], { description: 'Why it was not saved: INVALID_NAME, TEMPLATE_NAME_TAKEN, EMPTY_CART, NOT_FOUND, FORBIDDEN.' })
  userErrors!: UserError[];
}

@ObjectType('DeleteOrderTemplatePayload', { description: 'The template deleted.' })
export class DeleteOrderTemplatePayload {
  @Field(() => ID, { nullable: true, description: 'Id of the deleted template; null when nothing was deleted.' })
  deletedTemplateId!: string | null;

  @Field(() => [UserError], { description: 'Why nothing was deleted: NOT_FOUND, FORBIDDEN.' })
  userErrors!: UserError[];
}

@ObjectType('ReorderLine', { description: 'One line of a past order put in the cart again: the price paid then against the price today.' })
export class ReorderLineType {
  @Field({ description: 'The SKU.' })
  sku!: string;

  @Field(() => Int, { description: 'Units ordered then, and added now.' })
  quantity!: number;

  @Field(() => LineStatusEnum, { description: 'What became of the line (OK: added).' })
  status!: LineStatusEnum;

  @Field({ description: 'For people: what happened.' })
  message!: string;

  @Field(() => Money, { description: 'Unit price on the past order.' })
  previousUnitPrice!: Money;

  @Field(() => Money, { nullable: true, description: 'Unit price today for the same quantity; null when it cannot be ordered today.' })
  currentUnitPrice!: Money | null;

  @Field(() => Money, {
    nullable: true,
    description: 'currentUnitPrice - previousUnitPrice (negative: cheaper today); null when it cannot be ordered today.',
  })
  unitPriceChange!: Money | null;

  @Field({ description: "True when today's unit price differs from the one paid." })
  priceChanged!: boolean;
}

@ObjectType('ReorderPayload', { description: "A past order's lines put in the cart again at today's prices." })
export class ReorderPayload {
  @Field(() => [ReorderLineType], { description: "Every line of the past order with the price paid and today's price." })
  lines!: ReorderLineType[];

  @Field(() => CartType, { nullable: true, description: 'The cart after the reorder; null for staff.' })
  cart!: CartType | null;

  @Field(() => [UserError], {
    description:
      'NOT_FOUND (no such order of your dealer), FORBIDDEN, and per line the codes of addToCart with field ["lines", index, ...].',
  })
  userErrors!: UserError[];
}
