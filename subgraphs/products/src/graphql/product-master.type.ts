import { UserError } from '@dealergraph/runtime';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { ProductRestrictionEnum } from './assortment.type.js';
import { CategoryType, WarehouseType } from './catalog.type.js';
import { ProductType } from './product.type.js';

export enum ProductUpsertStatusEnum {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(ProductUpsertStatusEnum, {
  name: 'UpsertStatus',
  description: 'What an idempotent upsert did.',
  valuesConfig: {
    CREATED: { description: 'No record had this key: it was created.' },
    UPDATED: { description: 'The record existed and at least one field changed.' },
    UNCHANGED: { description: 'The record already had these values: nothing was written.' },
  },
});

@InputType({ description: 'One technical specification: a number with an optional unit, true/false, or text.' })
export class ProductSpecInput {
  @Field({ description: 'The name, e.g. "Bore diameter"; unique per product (any case).' })
  name!: string;

  @Field({ description: 'The value, e.g. "35", "true" or "ZZ metal shields"; a number is filterable by range.' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'The unit of a number, e.g. "mm".' })
  unit?: string | null;
}

@InputType({
  description: "A product's master data from the distributor's ERP; the SKU is the key. Lists left out keep what the product has.",
})
export class UpsertProductInput {
  @Field({ description: 'The SKU: the key (any case matches the catalog; 1 to 60 letters, digits, ".", "-", "_", "/").' })
  sku!: string;

  @Field({ description: 'The product name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'A longer description; empty when left out.' })
  description?: string | null;

  @Field({ description: 'The brand by name (any case); a brand the catalog does not have yet is created.' })
  brand!: string;

  @Field({ description: 'The category by its slug, e.g. "bearings"; it must exist (UNKNOWN_CATEGORY).' })
  category!: string;

  @Field(() => String, { nullable: true, description: 'Unit of sale: EA (default), BOX, M or SET.' })
  unit?: string | null;

  @Field(() => Int, { nullable: true, description: 'Pieces per unit of sale, 1 (default) or more.' })
  packSize?: number | null;

  @Field(() => ProductRestrictionEnum, {
    nullable: true,
    description: 'The handling class: the restriction on who may see it (granted per dealer or segment); null for every dealer.',
  })
  handlingClass?: ProductRestrictionEnum | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Hazardous goods (special handling).' })
  hazardous?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'False takes it out of the catalog.' })
  active?: boolean | null;

  @Field(() => [ProductSpecInput], { nullable: true, description: 'The specifications, in display order; replace the current ones.' })
  specs?: ProductSpecInput[] | null;

  @Field(() => [String], { nullable: true, description: 'Image URLs (https), in display order; replace the current images.' })
  images?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'SKUs of substitutes, best first; offered before the catalog finds others.' })
  substitutes?: string[] | null;
}

@ObjectType({ description: 'The result of upsertProduct or deactivateProduct.' })
export class ProductMasterPayload {
  @Field(() => ProductType, { nullable: true, description: 'The product as stored; null when refused.' })
  product!: ProductType | null;

  @Field(() => ProductUpsertStatusEnum, { nullable: true, description: 'What was done; null when refused.' })
  status!: ProductUpsertStatusEnum | null;

  @Field(() => [UserError], {
    description:
      'Why it was refused: REQUIRED, INVALID_SKU, INVALID_UNIT, INVALID_PACK_SIZE, INVALID_SPEC, INVALID_URL, UNKNOWN_CATEGORY, UNKNOWN_SUBSTITUTE, SELF_SUBSTITUTE, UNKNOWN_SKU, …',
  })
  userErrors!: UserError[];
}

@InputType({ description: 'An inbound shipment from the ERP, by its reference: quantity 0 removes it (arrived or cancelled).' })
export class UpsertInTransitInput {
  @Field({ description: "The ERP's shipment reference: the key." })
  reference!: string;

  @Field({ description: 'The product, by SKU.' })
  sku!: string;

  @Field({ description: 'The receiving warehouse, by code (any case), e.g. "WH-NORTH".' })
  warehouseCode!: string;

  @Field(() => Int, { description: 'Units on the way; 0 removes the shipment.' })
  quantity!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Expected arrival: a date (2027-01-15) or an ISO 8601 instant; null when not confirmed.',
  })
  eta?: string | null;
}

@ObjectType({ description: 'The result of upsertInTransit.' })
export class UpsertInTransitPayload {
  @Field(() => ProductUpsertStatusEnum, { nullable: true, description: 'What was done; null when refused.' })
  status!: ProductUpsertStatusEnum | null;

  @Field(() => [UserError], {
    description: 'Why it was refused: REQUIRED, INVALID_QUANTITY, INVALID_DATE, UNKNOWN_SKU, UNKNOWN_WAREHOUSE.',
  })
  userErrors!: UserError[];
}

@InputType({ description: 'A node of the catalog tree from the ERP; the slug is the key.' })
export class UpsertCategoryInput {
  @Field({ description: 'The slug: the key (any case; stored in lower case), words of letters and digits joined by "-", e.g. "o-rings".' })
  slug!: string;

  @Field({ description: 'The display name, e.g. "O-Rings".' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The parent category's slug; null or empty makes it a root; left out, a stored category keeps its parent (a new one is a root).",
  })
  parentSlug?: string | null;
}

@ObjectType({ description: 'The result of upsertCategory.' })
export class UpsertCategoryPayload {
  @Field(() => CategoryType, { nullable: true, description: 'The category as stored; null when refused.' })
  category!: CategoryType | null;

  @Field(() => ProductUpsertStatusEnum, { nullable: true, description: 'What was done; null when refused.' })
  status!: ProductUpsertStatusEnum | null;

  @Field(() => [UserError], {
    description: 'Why it was refused: REQUIRED, TOO_LONG, INVALID_SLUG, UNKNOWN_PARENT, CATEGORY_CYCLE.',
  })
  userErrors!: UserError[];
}

@InputType({ description: 'A warehouse from the ERP; the code is the key.' })
export class UpsertWarehouseInput {
  @Field({ description: 'The code: the key (any case; stored in upper case), 1 to 40 letters, digits, ".", "-", "_", e.g. "WH-NORTH".' })
  code!: string;

  @Field({ description: 'The display name, e.g. "North Distribution Center".' })
  name!: string;

  @Field({ description: 'The city the warehouse is in.' })
  city!: string;
}

@ObjectType({ description: 'The result of upsertWarehouse.' })
export class UpsertWarehousePayload {
  @Field(() => WarehouseType, { nullable: true, description: 'The warehouse as stored; null when refused.' })
  warehouse!: WarehouseType | null;

  @Field(() => ProductUpsertStatusEnum, { nullable: true, description: 'What was done; null when refused.' })
  status!: ProductUpsertStatusEnum | null;

  @Field(() => [UserError], { description: 'Why it was refused: REQUIRED, TOO_LONG, INVALID_CODE.' })
  userErrors!: UserError[];
}
