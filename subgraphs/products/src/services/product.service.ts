import { normalizeId, type KeysetWindow } from '@dealergraph/runtime';
import type { ProductsContext } from '../context.js';
import { catalogPage, type ProductRow } from '../loaders/product.queries.js';
import { badInput } from './errors.js';

export type { ProductRow } from '../loaders/product.queries.js';

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
 * A keyset page of active products in sku order (one row more than the window's limit, see
 * `toKeysetPage`) and the number that match (null unless `count`). One statement for the page, one
 * for the count, whatever the filter. The page's brands go into the request's brand loader.
 */
export async function listProducts(
  ctx: ProductsContext,
  filter: ProductFilter,
  window: KeysetWindow,
  options: { count: boolean } = { count: true },
): Promise<[ProductRow[], number | null]> {
  let categoryId: string | undefined;
  if (filter.categoryId != null) {
    categoryId = normalizeId(filter.categoryId) ?? undefined;
    if (!categoryId) throw badInput('categoryId is not the id of a category; take one from the categories query.', 'categoryId');
  }
  const [rows, count] = await catalogPage(
    ctx.em,
    { search: filter.search?.trim() || undefined, categoryId, brand: filter.brand?.trim() || undefined, inStockOnly: filter.inStockOnly ?? false },
    window,
    options,
  );
  for (const row of rows) ctx.loaders.brandById.prime(row.brandId, { id: row.brandId, name: row.brandName! });
  return [rows, count];
}

/** An active product by its sku (surrounding spaces ignored), or null. */
export async function findProductBySku(ctx: ProductsContext, sku: string): Promise<ProductRow | null> {
  const trimmed = sku.trim();
  if (!trimmed) return null;
  return ctx.loaders.productBySku.load(trimmed);
}

/** Any product by id, discontinued ones included (old orders still name them), or null. */
export async function findProductById(ctx: ProductsContext, id: string): Promise<ProductRow | null> {
  const productId = normalizeId(id);
  if (!productId) return null;
  return ctx.loaders.productById.load(productId);
}
