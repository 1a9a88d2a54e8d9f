import { UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { ProductType } from './product.type.js';

export enum ProductRestrictionEnum {
  CONTRACT_ONLY = 'CONTRACT_ONLY',
  IMPORTED = 'IMPORTED',
  QUOTA = 'QUOTA',
}
registerEnumType(ProductRestrictionEnum, {
  name: 'ProductRestriction',
  description: 'Why a product is sold only to the dealers and segments granted it.',
  valuesConfig: {
    CONTRACT_ONLY: { description: 'Sold under contract only.' },
    IMPORTED: { description: 'Imported for some regions or dealers only.' },
    QUOTA: { description: 'Allocated by quota to named dealers.' },
  },
});

export enum AssortmentScopeEnum {
  DEALER = 'DEALER',
  TIER = 'TIER',
  REGION = 'REGION',
  DEALER_TYPE = 'DEALER_TYPE',
}
registerEnumType(AssortmentScopeEnum, {
  name: 'AssortmentScope',
  description: 'Whom a grant of restricted products names.',
  valuesConfig: {
    DEALER: { description: 'One dealer; the value is its id.' },
    TIER: { description: 'Every dealer of a tier; the value is PLATINUM, GOLD, SILVER or BRONZE.' },
    REGION: { description: 'Every dealer of a region; the value is the region name, e.g. Northeast.' },
    DEALER_TYPE: { description: 'Every dealer of a type; the value is the type name.' },
  },
});

export enum AssortmentStatusEnum {
  OK = 'OK',
  UNKNOWN_SKU = 'UNKNOWN_SKU',
  NOT_AUTHORIZED = 'NOT_AUTHORIZED',
}
registerEnumType(AssortmentStatusEnum, {
  name: 'AssortmentStatus',
  description: 'Whether a dealer may buy a sku.',
  valuesConfig: {
    OK: { description: "In the dealer's assortment." },
    UNKNOWN_SKU: { description: 'No active product has this sku.' },
    NOT_AUTHORIZED: { description: "The product exists but is outside the dealer's assortment." },
  },
});

@ObjectType('AssortmentCheck', { description: 'Internal: whether a dealer may buy one sku.' })
export class AssortmentCheckType {
  @Field({ description: 'The sku as asked.' })
  sku!: string;

  @Field(() => AssortmentStatusEnum, { description: 'The answer.' })
  status!: AssortmentStatusEnum;

  @Field(() => ID, { nullable: true, description: 'The product id, when the sku exists.' })
  productId!: string | null;
}

@InputType('AssortmentGrantInput', { description: 'Restricted products and whom they are granted to (or withdrawn from).' })
export class AssortmentGrantInput {
  @Field(() => [String], { description: 'The products, by sku.' })
  skus!: string[];

  @Field(() => AssortmentScopeEnum, { description: 'A dealer or a segment.' })
  scope!: AssortmentScopeEnum;

  @Field({ description: 'The dealer id, tier, region or dealer type.' })
  value!: string;
}

@ObjectType('AssortmentGrantPayload', { description: 'The result of a grant or a withdrawal.' })
export class AssortmentGrantPayload {
  @Field(() => Int, { description: 'How many grants were added or removed.' })
  changed!: number;

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('SetProductRestrictionPayload', { description: 'The result of setProductRestriction.' })
export class SetProductRestrictionPayload {
  @Field(() => ProductType, { nullable: true, description: 'The product after the change.' })
  product!: ProductType | null;

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('SetDealerCategoryLimitsPayload', { description: 'The result of setDealerCategoryLimits.' })
export class SetDealerCategoryLimitsPayload {
  @Field(() => [ID], { description: "The dealer's allowed categories now; empty means the whole catalog." })
  categoryIds!: string[];

  @Field(() => [UserError], { description: 'Why nothing changed; empty on success.' })
  userErrors!: UserError[];
}
