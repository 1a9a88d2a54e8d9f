import { ConnectionType, Money, UserError } from '@dealergraph/runtime';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('PriceMismatch', {
  description:
    'An invoice line billed at another price than its order line (or not ordered at all): the price shown is the price invoiced, or finance hears of it.',
})
export class PriceMismatchType {
  @Field(() => ID, { description: 'The mismatch id (for resolvePriceMismatch).' })
  id!: string;

  @Field(() => ID, { description: 'The invoice.' })
  invoiceId!: string;

  @Field({ description: "The invoice's number." })
  invoiceNumber!: string;

  @Field(() => ID, { description: 'The order it bills.' })
  orderId!: string;

  @Field(() => ID, { description: 'The dealer invoiced.' })
  dealerId!: string;

  @Field({ description: 'The SKU of the line.' })
  sku!: string;

  @Field({ description: 'PRICE_DIFFERS (another unit price than ordered) or NOT_ON_ORDER (the order has no such SKU).' })
  kind!: string;

  @Field(() => Money, { nullable: true, description: 'The unit price on the order, as the dealer saw it; null when not ordered.' })
  orderedUnitPrice!: Money | null;

  @Field(() => Money, { description: 'The unit price invoiced.' })
  invoicedUnitPrice!: Money;

  @Field(() => Int, { description: 'The quantity invoiced on the line.' })
  invoicedQuantity!: number;

  @Field({ description: 'When the invoice was compared with its order.' })
  detectedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was resolved; null while open.' })
  resolvedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who resolved it.' })
  resolvedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'How it was settled.' })
  resolutionNote!: string | null;
}

@ObjectType({ description: 'A page of price mismatches.' })
export class PriceMismatchConnection extends ConnectionType(PriceMismatchType, 'price mismatches') {}

@ObjectType({ description: 'The result of resolvePriceMismatch.' })
export class ResolvePriceMismatchPayload {
  @Field(() => PriceMismatchType, { nullable: true, description: 'The mismatch, now resolved; null when unknown.' })
  mismatch!: PriceMismatchType | null;

  @Field(() => [UserError], { description: 'Why not: NOT_FOUND, ALREADY_RESOLVED, INVALID_NOTE.' })
  userErrors!: UserError[];
}
