import { UserError } from '@dealergraph/runtime';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum PriceUpsertStatusEnum {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(PriceUpsertStatusEnum, {
  name: 'UpsertStatus',
  description: 'What an idempotent upsert did.',
  valuesConfig: {
    CREATED: { description: 'No record had this key: it was created.' },
    UPDATED: { description: 'The record existed and at least one field changed.' },
    UNCHANGED: { description: 'The record already had these values: nothing was written.' },
  },
});

@InputType({
  description: 'A promotion on one product from the ERP; the key is the campaign code and the SKU (one row per product of a campaign).',
})
export class UpsertPromotionInput {
  @Field({ description: 'The campaign code (1 to 60 letters, digits, ".", "-", "_", "/"), e.g. "SPRING-27".' })
  code!: string;

  @Field({ description: 'The name dealers see, e.g. "Spring sale".' })
  name!: string;

  @Field({ description: 'The product, by SKU (any case).' })
  sku!: string;

  @Field({ description: 'The percentage off the price after the volume break, above 0 and at most 90, e.g. "12.5".' })
  discountPercent!: string;

  @Field({ description: 'First day (2027-03-01, midnight UTC) or instant (ISO 8601 with offset) it applies.' })
  validFrom!: string;

  @Field({ description: 'Last day it applies (2027-03-31: the whole day), or the instant it ends (excluded).' })
  validTo!: string;
}

@InputType({ description: "A special price agreed with one dealer for one product, from the ERP; the key is the ERP's reference." })
export class UpsertSpecialPriceAgreementInput {
  @Field({ description: 'The ERP\'s reference of the agreement (1 to 60 letters, digits, ".", "-", "_", "/").' })
  reference!: string;

  @Field({ description: "The dealer, by code (the ERP's customer number, any case)." })
  dealerCode!: string;

  @Field({ description: 'The product, by SKU (any case).' })
  sku!: string;

  @Field({ description: 'The unit price, a decimal amount above zero, e.g. "19.90".' })
  unitPrice!: string;

  @Field(() => String, { nullable: true, description: "ISO 4217; when given it must be the product's list price currency." })
  currency?: string | null;

  @Field({ description: 'First day (2027-01-01, midnight UTC) or instant (ISO 8601 with offset) it applies.' })
  validFrom!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last day it applies (the whole day), or the instant it ends; null: until further notice.',
  })
  validTo?: string | null;
}

@ObjectType({ description: 'The result of upsertPromotion, upsertSpecialPriceAgreement or upsertTierRule.' })
export class PriceAgreementPayload {
  @Field(() => PriceUpsertStatusEnum, { nullable: true, description: 'What was done; null when refused.' })
  status!: PriceUpsertStatusEnum | null;

  @Field(() => [UserError], {
    description:
      'Why it was refused: REQUIRED, INVALID_TIER, INVALID_CODE, UNKNOWN_SKU, UNKNOWN_DEALER, INVALID_PERCENT, ABSURD_DISCOUNT, INVALID_AMOUNT, ABSURD_PRICE, INVALID_CURRENCY, CURRENCY_MISMATCH, INVALID_DATE, INVALID_VALIDITY, OVERLAPPING_VALIDITY.',
  })
  userErrors!: UserError[];
}

@InputType({ description: "A tier's discount off the list price; the tier is the key." })
export class UpsertTierRuleInput {
  @Field({ description: 'PLATINUM, GOLD, SILVER or BRONZE (any case).' })
  tier!: string;

  @Field({ description: 'The percentage off the list price, 0 to 90, at most two fraction digits, e.g. "15" or "7.50".' })
  discountPercent!: string;
}

@InputType({
  description: "One default volume break: from this line quantity on (to maxQuantity), this percentage off the dealer's price.",
})
export class VolumeBreakInput {
  @Field(() => Int, { description: 'The smallest line quantity of the break, 1 or more: the key.' })
  minQuantity!: number;

  @Field(() => Int, { nullable: true, description: 'The largest line quantity; null: no upper bound.' })
  maxQuantity?: number | null;

  @Field({ description: 'The percentage off, 0 to 90, e.g. "5".' })
  discountPercent!: string;
}

@ObjectType({ description: 'The result of replaceVolumeBreaks: each break as given, in order.' })
export class ReplaceVolumeBreaksPayload {
  @Field(() => [PriceUpsertStatusEnum], { description: 'What happened to each break given, in order; empty when refused.' })
  statuses!: PriceUpsertStatusEnum[];

  @Field(() => [UserError], {
    description:
      'Why the table was refused (nothing changed): REQUIRED, INVALID_QUANTITY, INVALID_RANGE, OVERLAPPING_RANGE, DUPLICATE_KEY, INVALID_PERCENT, ABSURD_DISCOUNT; INVALID_INPUT (no break, or more than 50); the field names the break (["breaks", "2", "maxQuantity"]).',
  })
  userErrors!: UserError[];
}
