import { badInput, normalizeId } from '@dealergraph/runtime';

import type { ProductsContext } from '../context.js';
import { Brand } from '../entities/brand.entity.js';
import { Category } from '../entities/category.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';
import type { BrandRow } from '../loaders/product.queries.js';

/** The root categories (parentId null) or the direct children of one category, by name. */
export async function listCategories(ctx: ProductsContext, parentId: string | null | undefined): Promise<Category[]> {
  if (parentId == null) return ctx.em.find(Category, { parent: null }, { orderBy: { name: 'asc', id: 'asc' } });
  const id = normalizeId(parentId);
  if (!id) throw badInput('parentId is not the id of a category; take one from the categories query.', 'parentId');
  return ctx.loaders.categoriesByParent.load(id);
}

export async function findCategory(ctx: ProductsContext, id: string): Promise<Category | null> {
  return ctx.loaders.categoryById.load(id);
}

/** A category's direct children, by name. */
export async function childCategories(ctx: ProductsContext, id: string): Promise<Category[]> {
  return ctx.loaders.categoriesByParent.load(id);
}

/** Every brand, by name. */
export async function listBrands(ctx: ProductsContext): Promise<Brand[]> {
  return ctx.em.find(Brand, {}, { orderBy: { name: 'asc' } });
}

export async function findBrand(ctx: ProductsContext, id: string): Promise<BrandRow | null> {
  return ctx.loaders.brandById.load(id);
}

/** Every warehouse, by code. */
export async function listWarehouses(ctx: ProductsContext): Promise<Warehouse[]> {
  return ctx.em.find(Warehouse, {}, { orderBy: { code: 'asc' } });
}

export async function findWarehouse(ctx: ProductsContext, id: string): Promise<Warehouse | null> {
  return ctx.loaders.warehouseById.load(id);
}
