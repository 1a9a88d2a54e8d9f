import { containsPattern, normalizeId, type PageWindow } from '@dealergraph/runtime';
import type { ProductsContext } from '../context.js';
import { Product } from '../entities/product.entity.js';
import { SCHEMA } from '../schema-name.js';
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

// Raw SQL fragments of the filter; table names carry the subgraph's schema.
const CATEGORY_SUBTREE = `p.category_id in (
  with recursive subtree(id) as (
    select c.id from "${SCHEMA}"."category" c where c.id = ?
    union all
    select c.id from "${SCHEMA}"."category" c join subtree s on c.parent_id = s.id
  ) select id from subtree)`;
const BRAND_NAMED = `p.brand_id in (select b.id from "${SCHEMA}"."brand" b where lower(b.name) = lower(?))`;
// Same rule as domain/stock.ts: in stock = the sum of (on hand - reserved) over warehouses is above 0.
const IN_STOCK = `(select coalesce(sum(s.on_hand - s.reserved), 0) from "${SCHEMA}"."stock_level" s where s.product_id = p.id) > 0`;

/**
 * A page of active products in sku order and the number that match. Two statements, whatever the
 * filter: the page and its count.
 */
export async function listProducts(ctx: ProductsContext, filter: ProductFilter, window: PageWindow): Promise<[Product[], number]> {
  const qb = ctx.em.createQueryBuilder(Product, 'p').where({ active: true });
  const search = filter.search?.trim();
  if (search) {
    const pattern = containsPattern(search);
    qb.andWhere({ $or: [{ sku: { $ilike: pattern } }, { name: { $ilike: pattern } }] });
  }
  if (filter.categoryId != null) {
    const categoryId = normalizeId(filter.categoryId);
    if (!categoryId) throw badInput('categoryId is not the id of a category; take one from the categories query.', 'categoryId');
    qb.andWhere(CATEGORY_SUBTREE, [categoryId]);
  }
  const brand = filter.brand?.trim();
  if (brand) qb.andWhere(BRAND_NAMED, [brand]);
  if (filter.inStockOnly) qb.andWhere(IN_STOCK);

  if (window.limit === 0) return [[], await qb.getCount()];
  qb.orderBy({ sku: 'asc' }).offset(window.offset).limit(window.limit);
  return qb.getResultAndCount();
}

/** An active product by its sku (surrounding spaces ignored), or null. */
export async function findProductBySku(ctx: ProductsContext, sku: string): Promise<Product | null> {
  const trimmed = sku.trim();
  if (!trimmed) return null;
  return ctx.loaders.productBySku.load(trimmed);
}

/** Any product by id, discontinued ones included (old orders still name them), or null. */
export async function findProductById(ctx: ProductsContext, id: string): Promise<Product | null> {
  const productId = normalizeId(id);
  if (!productId) return null;
  return ctx.loaders.productById.load(productId);
}
