import { normalizeId, type PageWindow } from '@dealergraph/runtime';
import type { ProductsContext } from '../context.js';
import { Product } from '../entities/product.entity.js';
import { assortmentCondition, assortmentDealer, visibleToCaller } from './assortment.service.js';
import { BRAND_NAMED, CATEGORY_SUBTREE, IN_STOCK } from './product-filter.sql.js';
import { searchProducts, type ProductSort } from './search.service.js';
import { badInput } from './errors.js';

export interface ProductFilter {
  /** Part of the sku or the name, any case. */
  search?: string | null;
  /** This category and every category below it. */
  categoryId?: string | null;
  /** Exact brand name, any case. */
  brand?: string | null;
  /** Only products whose total available quantity is above zero (LOW counts as in stock). */
  inStockOnly?: boolean | null;
}

/**
 * A page of the active products the caller may see (its dealer's assortment; staff: all) and the number
 * that match. With a search term, ranked search (search.service.ts, one statement); otherwise in sku
 * or name order, two statements: the page and its count.
 */
export async function listProducts(ctx: ProductsContext, filter: ProductFilter, window: PageWindow, sort: ProductSort = 'SKU'): Promise<[Product[], number]> {
  const search = filter.search?.trim();
  if (search) return searchProducts(ctx, search, filter, sort, window);
  const qb = ctx.em.createQueryBuilder(Product, 'p').where({ active: true });
  if (filter.categoryId != null) {
    const categoryId = normalizeId(filter.categoryId);
    if (!categoryId) throw badInput('categoryId is not the id of a category; take one from the categories query.', 'categoryId');
    qb.andWhere(CATEGORY_SUBTREE, [categoryId]);
  }
  const brand = filter.brand?.trim();
  if (brand) qb.andWhere(BRAND_NAMED, [brand]);
  if (filter.inStockOnly) qb.andWhere(IN_STOCK);
  const dealerId = assortmentDealer(ctx.claims);
  if (dealerId) {
    const assortment = assortmentCondition(dealerId);
    qb.andWhere(assortment.sql, assortment.params);
  }

  if (window.limit === 0) return [[], await qb.getCount()];
  qb.orderBy(sort === 'NAME' ? { name: 'asc', sku: 'asc' } : { sku: 'asc' }).offset(window.offset).limit(window.limit);
  return qb.getResultAndCount();
}

/** An active product by its sku (surrounding spaces ignored), or null; null too when outside the caller's assortment. */
export async function findProductBySku(ctx: ProductsContext, sku: string): Promise<Product | null> {
  const trimmed = sku.trim();
  if (!trimmed) return null;
  return visibleToCaller(ctx, await ctx.loaders.productBySku.load(trimmed));
}

/** Any product by id, discontinued ones included (old orders still name them), or null; null too when outside the caller's assortment. */
export async function findProductById(ctx: ProductsContext, id: string): Promise<Product | null> {
  const productId = normalizeId(id);
  if (!productId) return null;
  return visibleToCaller(ctx, await ctx.loaders.productById.load(productId));
}
