import { badInput, keysetWindow, normalizeId, type Page, type PageRequest, pageWindow, toKeysetPage, toPage } from '@dealergraph/runtime';

import type { ProductsContext } from '../context.js';
import { type CatalogOrder, catalogPage, type ProductRow, type SpecFilter } from '../loaders/product.queries.js';
import { assortmentCondition, assortmentDealer, visibleToCaller } from './assortment.service.js';
import { type ProductSort, searchProducts } from './search.service.js';

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
  /** Technical specifications the product must have, all of them. */
  specifications?: readonly SpecFilter[] | null;
}

const MAX_SPEC_FILTERS = 10;

/** The spec filters, checked: each names a spec and says what to compare; a bad one is the caller's error. */
export function checkedSpecFilters(specs: readonly SpecFilter[] | null | undefined): SpecFilter[] {
  const list = specs ?? [];
  if (list.length > MAX_SPEC_FILTERS) throw badInput(`At most ${MAX_SPEC_FILTERS} specification filters.`, 'filter.specifications');
  return list.map((spec, i) => {
    const name = spec.name.trim();
    const field = `filter.specifications.${i}`;
    if (!name) throw badInput('A specification filter needs the name of the specification.', `${field}.name`);
    if (spec.equals == null && spec.min == null && spec.max == null)
      throw badInput(`Say what "${name}" must be: equals, min or max.`, field);
    for (const bound of [spec.min, spec.max])
      if (bound != null && !Number.isFinite(bound)) throw badInput('min and max must be finite numbers.', field);
    if (spec.min != null && spec.max != null && spec.min > spec.max) throw badInput(`min is above max for "${name}".`, field);
    return { name, equals: spec.equals?.trim() ?? null, min: spec.min ?? null, max: spec.max ?? null };
  });
}

/** Words of a search term; more say nothing the first ones do not, and each costs the search. */
export const MAX_SEARCH_WORDS = 20;

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
  const specs = checkedSpecFilters(filter.specifications);
  const search = filter.search?.trim();
  // The input guard bounds the length (200 characters); the words are bounded here, refused rather than
  // cut, so the caller knows its later words were not looked for.
  if (search && search.split(/\s+/).length > MAX_SEARCH_WORDS)
    throw badInput(`Search with at most ${MAX_SEARCH_WORDS} words.`, 'filter.search');
  if (search) {
    const window = pageWindow(request);
    const [rows, total] = await searchProducts(ctx, search, { ...filter, specifications: specs }, sort, window);
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
      specs,
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
