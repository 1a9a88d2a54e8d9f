import { ENTITY_DESCRIPTIONS, Money } from '@dealergraph/runtime';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** The product as the prices subgraph sees it: an entity of the products subgraph, extended with its price. */
@Directive('@key(fields: "id")')
@ObjectType('Product', { description: ENTITY_DESCRIPTIONS.Product })
export class ProductStub {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.id })
  id!: string;
}

@ObjectType('PriceStep', { description: 'One step of a price breakdown: the unit price after one rule.' })
export class PriceStepType {
  @Field({ description: 'The rule of this step: TIER, SPECIAL_PRICE, VOLUME_BREAK or PROMOTION.' })
  rule!: string;

  @Field({ description: 'What the rule did, for people, e.g. "Volume break 10-49 units: 5 % off".' })
  label!: string;

  @Field(() => Money, { description: 'The unit price after this step.' })
  unitPrice!: Money;
}

@ObjectType('Price', {
  description:
    "A dealer's price of a line: the best of tier price and special price, then the volume break by quantity, then the best active promotion, each step rounded to the cent.",
})
export class PriceType {
  @Field(() => Int, { description: 'The quantity this price is for.' })
  quantity!: number;

  @Field(() => Money, { description: 'List price of one unit.' })
  listPrice!: Money;

  @Field(() => Money, { description: 'What the dealer pays for one unit at this quantity.' })
  unitPrice!: Money;

  @Field(() => Money, { description: 'Unit price times quantity.' })
  lineTotal!: Money;

  @Field(() => Float, {
    description: "The dealer's discount of the unit price against the list price, in percent with at most two decimals (e.g. 24.0).",
  })
  discountPercent!: number;

  @Field(() => Money, { description: 'What the dealer saves per unit against the list price (list - unit).' })
  youSave!: Money;

  @Field(() => [String], {
    description: 'The rules that shaped the price, in the order applied: TIER, SPECIAL_PRICE, VOLUME_BREAK, PROMOTION.',
  })
  appliedRules!: string[];

  @Field(() => [PriceStepType], { description: 'The unit price after each applied rule, in order; empty when the list price applies.' })
  breakdown!: PriceStepType[];
}

@ObjectType('VolumeBreakRule', { description: "A discount for a line quantity in a range, taken off the dealer's price." })
export class VolumeBreakRuleType {
  @Field(() => Int, { description: 'Smallest line quantity the break applies to.' })
  minQuantity!: number;

  @Field(() => Int, { nullable: true, description: 'Largest line quantity the break applies to; null for no upper bound.' })
  maxQuantity!: number | null;

  @Field(() => Float, { description: 'Discount in percent, e.g. 5.0.' })
  discountPercent!: number;
}

@ObjectType('DealerPriceList', { description: 'The price list a dealer buys from: its tier discount off list and the volume breaks.' })
export class DealerPriceListType {
  @Field({ description: 'The tier price list: PLATINUM, GOLD, SILVER or BRONZE.' })
  tier!: string;

  @Field(() => Float, { description: 'The tier discount off the list price, in percent, e.g. 20.0.' })
  tierDiscountPercent!: number;

  @Field(() => [VolumeBreakRuleType], { description: 'Volume breaks by line quantity, smallest quantity first.' })
  volumeBreaks!: VolumeBreakRuleType[];
}
