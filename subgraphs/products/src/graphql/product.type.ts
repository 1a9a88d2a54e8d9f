import { ConnectionType, ENTITY_DESCRIPTIONS, PageArgs } from '@dealergraph/runtime';
import { ArgsType, Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

import { ProductSortEnum } from './product-sort.enum.js';

@Directive('@key(fields: "id")')
@ObjectType('Product', { description: ENTITY_DESCRIPTIONS.Product })
export class ProductType {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.id })
  id!: string;

  @Field(() => String, { description: 'Stock keeping unit, unique, e.g. "BRG-004211".' })
  sku!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => String, { description: 'Longer text for the product page.' })
  description!: string;

  @Field(() => String, { description: 'Unit of sale (unit of measure of quantities): EA (each), BOX, M (meter) or SET.' })
  unit!: string;

  @Field(() => Int, { description: 'Pieces in one unit of sale: a BOX of 100 O-rings has 100, a SET its parts; 1 for EA and M.' })
  packSize!: number;

  /** Resolved by the brand field resolver. */
  brandId!: string;

  /** Resolved by the category field resolver. */
  categoryId!: string;
}

@ObjectType('ProductConnection', { description: 'A page of products, in sku order.' })
export class ProductConnection extends ConnectionType(ProductType, 'products') {}

@InputType('SpecificationFilter', {
  description: 'A condition on one technical specification: the product has it, with this value and/or in this range.',
})
export class SpecificationFilterInput {
  @Field(() => String, { description: 'The specification, e.g. "Bore diameter"; any case.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Its value, exactly but in any case: "NBR", "true", "25".' })
  equals?: string | null;

  @Field(() => Float, { nullable: true, description: 'A NUMBER specification at least this (in its own unit).' })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: 'A NUMBER specification at most this (in its own unit).' })
  max?: number | null;
}

@InputType('ProductFilter', { description: 'Narrows the product list; the conditions given must all hold.' })
export class ProductFilterInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Search: a SKU or its beginning, words of the name, description or brand; typos are tolerated and results ranked. At most 200 characters and 20 words (BAD_USER_INPUT past either).',
  })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this category and every category below it.' })
  categoryId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this brand: the exact brand name, in any case.' })
  brand?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'When true, only products with something available (LOW counts as in stock).' })
  inStockOnly?: boolean | null;

  @Field(() => [SpecificationFilterInput], {
    nullable: true,
    description: 'Technical specifications the product must have, all of them (at most 10); each needs equals, min or max.',
  })
  specifications?: SpecificationFilterInput[] | null;
}

@ArgsType()
export class ProductsArgs extends PageArgs {
  @Field(() => ProductFilterInput, { nullable: true, description: 'Narrows the list.' })
  filter?: ProductFilterInput | null;

  @Field(() => ProductSortEnum, {
    defaultValue: ProductSortEnum.RELEVANCE,
    description: 'Order: best match first with a search term (RELEVANCE), else by SKU; or SKU, NAME.',
  })
  sort!: ProductSortEnum;
}
