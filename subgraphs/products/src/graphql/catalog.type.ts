import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Category', { description: 'A node of the catalog tree.' })
export class CategoryType {
  @Field(() => ID, { description: 'Stable identifier; pass it as ProductFilter.categoryId or categories(parentId).' })
  id!: string;

  @Field(() => String, { description: 'Display name, e.g. "Ball Bearings".' })
  name!: string;

  @Field(() => String, { description: 'URL-safe name, unique in the whole tree, e.g. "ball-bearings".' })
  slug!: string;

  /** Resolved by the parent field resolver. */
  parentId!: string | null;
}

@ObjectType('Brand', { description: 'A manufacturer brand.' })
export class BrandType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'Brand name, unique; ProductFilter.brand matches it in any case.' })
  name!: string;
}

@ObjectType('Warehouse', { description: 'A building that holds and ships stock.' })
export class WarehouseType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'Short code used by the ERP, e.g. "WH-NORTH".' })
  code!: string;

  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Field(() => String, { description: 'City the warehouse is in.' })
  city!: string;
}
