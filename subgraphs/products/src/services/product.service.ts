import { keysetWindow, normalizeId, pageWindow, toKeysetPage, toPage, type Page, type PageRequest } from '@dealergraph/runtime';
import type { ProductsContext } from '../context.js';
import { catalogPage, type CatalogOrder, type ProductRow } from '../loaders/product.queries.js';
import { assortmentCondition, assortmentDealer, visibleToCaller } from './assortment.service.js';
import { searchProducts, type ProductSort } from './search.service.js';
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
 * A page of the active products the caller may see (its dealer's assortment; staff: all). With a
 * search term: ranked search (search.service.ts, one statement, offset cursors). Without: a keyset
 * page in sku or name order (one statement walking the index from the cursor, plus the count only
 * when asked for). The page's brands go into the request's brand loader.
 */
export async function listProducts(
  ctx: ProductsContext,
  filter: ProductFilter,
  request: PageRequest,
  sort: ProductSort = 'RELEVANCE',
  options: { count: boolean } = { count: true },
): Promise<Page<ProductRow>> {
  let categoryId: string | undefined;
  if (filter.categoryId != null) {
    categoryId = normalizeId(filter.categoryId) ?? undefined;
    if (!categoryId) throw badInput('categoryId is not the id of a category; take one from the categories query.', 'categoryId');
  }
  const search = filter.search?.trim();
  if (search) {
    const window = pageWindow(request);
    const [rows, total] = await searchProducts(ctx, search, filter, sort, window);
    return toPage(rows, total, window);
  }
  const window = keysetWindow(request);
  const order: CatalogOrder = sort === 'NAME' ? 'NAME' : 'SKU';
  const dealerId = assortmentDealer(ctx.claims);
  const [rows, count] = await catalogPage(
    ctx.em,
    {
      categoryId,
      brand: filter.brand?.trim() || undefined,
      inStockOnly: filter.inStockOnly ?? false,
      assortment: dealerId ? assortmentCondition(dealerId) : undefined,
      order,
    },
    window,
    options,
  );
  for (const row of rows) ctx.loaders.brandById.prime(row.brandId, { id: row.brandId, name: row.brandName! });
  // Without totalCount in the selection the count is not read, and the 0 is never sent.
  return toKeysetPage(rows, count ?? 0, window, (row) => (order === 'NAME' ? JSON.stringify([row.name, row.sku]) : row.sku));
}

/** An active product by its sku (surrounding spaces ignored), or null; null too when outside the caller's assortment. */
export async function findProductBySku(ctx: ProductsContext, sku: string): Promise<ProductRow | null> {
  const trimmed = sku.trim();
  if (!trimmed) return null;
  return visibleToCaller(ctx, await ctx.loaders.productBySku.load(trimmed));
}

/** Any product by id, discontinued ones included (old orders still name them), or null; null too when outside the caller's assortment. */
export async function findProductById(ctx: ProductsContext, id: string): Promise<ProductRow | null> {
  const productId = normalizeId(id);
  if (!productId) return null;
  return visibleToCaller(ctx, await ctx.loaders.productById.load(productId));
}
