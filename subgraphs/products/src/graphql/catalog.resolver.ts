import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { ProductsContext } from '../context.js';
import * as catalog from '../services/catalog.service.js';
import { BrandType, CategoryType, WarehouseType } from './catalog.type.js';
import { toBrandType, toCategoryType, toWarehouseType } from './mappers.js';

@Resolver(() => CategoryType)
export class CategoryResolver {
  @Authorized()
  @Query(() => [CategoryType], { description: 'The root categories, or the direct children of parentId; by name.' })
  async categories(
    @Arg('parentId', () => ID, { nullable: true, description: 'The category whose children to list; omit or null for the roots.' })
    parentId: string | null | undefined,
    @Ctx() ctx: ProductsContext,
  ) {
    return (await catalog.listCategories(ctx, parentId)).map(toCategoryType);
  }

  @FieldResolver(() => CategoryType, { nullable: true, description: 'The category above; null for a root.' })
  async parent(@Root() category: CategoryType, @Ctx() ctx: ProductsContext): Promise<CategoryType | null> {
    if (!category.parentId) return null;
    const parent = await catalog.findCategory(ctx, category.parentId);
    return parent ? toCategoryType(parent) : null;
  }

  @FieldResolver(() => [CategoryType], { description: 'The categories directly below, by name; empty for a leaf.' })
  async children(@Root() category: CategoryType, @Ctx() ctx: ProductsContext): Promise<CategoryType[]> {
    return (await catalog.childCategories(ctx, category.id)).map(toCategoryType);
  }
}

@Resolver()
export class CatalogResolver {
  @Authorized()
  @Query(() => [BrandType], { description: 'Every brand, by name.' })
  async brands(@Ctx() ctx: ProductsContext) {
    return (await catalog.listBrands(ctx)).map(toBrandType);
  }

  @Authorized()
  @Query(() => [WarehouseType], { description: 'Every warehouse, by code.' })
  async warehouses(@Ctx() ctx: ProductsContext) {
    return (await catalog.listWarehouses(ctx)).map(toWarehouseType);
  }
}
