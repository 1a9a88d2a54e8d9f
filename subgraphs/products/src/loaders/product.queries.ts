import { type EntityManager, InvalidPageError, type KeysetWindow } from '@dealergraph/runtime';

import type { StockLevelRow } from '../domain/stock.js';
import { SCHEMA } from '../schema-name.js';

/**
 * The read paths of the catalog as plain SQL returning plain rows: no entity hydration, no identity
 * map, for lists and loaders that only read. Writes go through the entities and the unit of work.
 * Each function is ONE statement for any number of keys.
 */

/** A product as the catalog reads it (a catalog page also carries its brand's name, see `catalogPage`). */
export interface ProductRow {
  id: string;
  sku: string;
  name: string;
  description: string;
  unit: string;
  /** Pieces per unit of sale. */
  packSize: number;
  brandId: string;
  categoryId: string;
  /** False once discontinued. */
  active: boolean;
  /** Null for a product every dealer may buy; else CONTRACT_ONLY, IMPORTED or QUOTA (see assortments). */
  restriction: string | null;
  hazardous: boolean;
  /** Only on the rows of a catalog page, which read it in the same statement. */
  brandName?: string;
}

/** One warehouse's stock of a product (the domain's row, plus the product it belongs to). */
export interface ProductStockRow extends StockLevelRow {
  productId: string;
  /** Whether this is the caller's dealer's preferred warehouse (listed first). */
  preferred: boolean;
}

/** A technical specification of a product (see product-spec.entity.ts). */
export interface SpecRow {
  productId: string;
  name: string;
  type: 'NUMBER' | 'TEXT' | 'BOOLEAN';
  value: string;
  numberValue: number | null;
  unit: string | null;
}

/** A picture or document link of a product. */
export interface LinkRow {
  productId: string;
  kind: 'IMAGE' | 'DATASHEET' | 'MANUAL' | 'CERTIFICATE' | 'CAD';
  url: string;
  title: string;
}

/** A filter on one specification: its value equal to `equals` (any case), and/or a NUMBER in [min, max]. */
export interface SpecFilter {
  name: string;
  equals?: string | null;
  min?: number | null;
  max?: number | null;
}

/** A brand as the catalog reads it. */
export interface BrandRow {
  id: string;
  name: string;
}

const PRODUCT_COLUMNS = `p.id, p.sku, p.name, p.description, p.unit, p.pack_size as "packSize", p.brand_id as "brandId", p.category_id as "categoryId", p.active, p.restriction, p.hazardous`;

/** A product row as PostgreSQL names its columns (`select p.*`), as the catalog reads it. */
export function productRowFrom(row: Record<string, unknown>): ProductRow {
  return {
    id: row.id as string,
    sku: row.sku as string,
    name: row.name as string,
    description: row.description as string,
    unit: row.unit as string,
    packSize: Number(row.pack_size ?? 1),
    brandId: row.brand_id as string,
    categoryId: row.category_id as string,
    active: row.active as boolean,
    restriction: (row.restriction as string | null) ?? null,
    hazardous: Boolean(row.hazardous),
  };
}

/** Catalog order: by sku, or by name then sku; both are keyset-paged. */
export type CatalogOrder = 'SKU' | 'NAME';

/** The catalog's filters without a search term (search has its own statement, search.service.ts). */
export interface ProductListFilter {
  /** Only what this SQL predicate over `p` lets through (a dealer's assortment). */
  assortment?: { sql: string; params: unknown[] };
  order?: CatalogOrder;
  categoryId?: string;
  brand?: string;
  inStockOnly?: boolean;
  specs?: readonly SpecFilter[];
}

/** One `exists` per spec filter over product alias `p` (served by the (lower(name), value) indexes), with its bindings. */
export function specConditions(specs: readonly SpecFilter[] | undefined): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  for (const spec of specs ?? []) {
    const parts = ['ps.product_id = p.id', 'lower(ps.name) = lower(?)'];
    params.push(spec.name);
    if (spec.equals != null) {
      parts.push('lower(ps.value) = lower(?)');
      params.push(spec.equals);
    }
    if (spec.min != null) {
      parts.push('ps.number_value >= ?');
      params.push(spec.min);
    }
    if (spec.max != null) {
      parts.push('ps.number_value <= ?');
      params.push(spec.max);
    }
    sql.push(`exists (select 1 from "${SCHEMA}"."product_spec" ps where ${parts.join(' and ')})`);
  }
  return { sql, params };
}

/** The WHERE clause of the catalog list and its bindings, shared by the page and its count. */
function catalogWhere(filter: ProductListFilter): { sql: string; params: unknown[] } {
  const clauses = ['p.active'];
  const params: unknown[] = [];
  if (filter.categoryId) {
    clauses.push(`p.category_id in (
      with recursive subtree(id) as (
        select c.id from "${SCHEMA}"."category" c where c.id = ?
        union all
        select c.id from "${SCHEMA}"."category" c join subtree s on c.parent_id = s.id
      ) select id from subtree)`);
    params.push(filter.categoryId);
  }
  if (filter.brand) {
    clauses.push(`p.brand_id in (select b.id from "${SCHEMA}"."brand" b where lower(b.name) = lower(?))`);
    params.push(filter.brand);
  }
  // Same rule as domain/stock.ts: in stock = the sum of (on hand - reserved) over warehouses is above 0.
  if (filter.inStockOnly) {
    clauses.push(`(select coalesce(sum(s.on_hand - s.reserved), 0) from "${SCHEMA}"."stock_level" s where s.product_id = p.id) > 0`);
  }
  const specs = specConditions(filter.specs);
  clauses.push(...specs.sql);
  params.push(...specs.params);
  if (filter.assortment) {
    clauses.push(filter.assortment.sql);
    params.push(...filter.assortment.params);
  }
  return { sql: clauses.join(' and '), params };
}

/** The (name, sku) key of a name-ordered cursor; a cursor of another order is refused, like any foreign cursor. */
function nameKey(key: string): [string, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(key);
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === 'string')) return parsed as [string, string];
  throw new InvalidPageError('the cursor is not one this list returned in name order; start again without "after"');
}

/**
 * A keyset page of the catalog in sku (or name) order (one row more than the limit, see `toKeysetPage`), with
 * each product's brand name, and, when asked, the number of products that match: one statement
 * walking the sku index from the cursor, plus one for the count.
 */
export async function catalogPage(
  em: EntityManager,
  filter: ProductListFilter,
  window: KeysetWindow,
  options: { count: boolean },
): Promise<[ProductRow[], number | null]> {
  const where = catalogWhere(filter);
  const count = options.count
    ? em.execute<{ count: string }[]>(`select count(*) from "${SCHEMA}"."product" p where ${where.sql}`, where.params)
    : null;
  // Even for first: 0 the extra row is read: it tells whether anything follows the cursor.
  const byName = filter.order === 'NAME';
  const after = window.afterKey === null ? '' : byName ? ' and (p.name, p.sku) > (?, ?)' : ' and p.sku > ?';
  const afterParams = window.afterKey === null ? [] : byName ? nameKey(window.afterKey) : [window.afterKey];
  const page = em.execute<ProductRow[]>(
    `select ${PRODUCT_COLUMNS}, b.name as "brandName"
       from "${SCHEMA}"."product" p join "${SCHEMA}"."brand" b on b.id = p.brand_id
      where ${where.sql}${after} order by ${byName ? 'p.name, p.sku' : 'p.sku'} limit ?`,
    [...where.params, ...afterParams, window.limit + 1],
  );
  const [rows, counted] = await Promise.all([page, count]);
  return [rows, counted ? Number(counted[0].count) : null];
}

/** Products by id, discontinued ones included. */
export function productsByIds(em: EntityManager, ids: readonly string[]): Promise<ProductRow[]> {
  return em.execute<ProductRow[]>(`select ${PRODUCT_COLUMNS} from "${SCHEMA}"."product" p where p.id in (?)`, [[...ids]]);
}

/** Active products by exact sku. */
export function productsBySkus(em: EntityManager, skus: readonly string[]): Promise<ProductRow[]> {
  return em.execute<ProductRow[]>(`select ${PRODUCT_COLUMNS} from "${SCHEMA}"."product" p where p.sku in (?) and p.active`, [[...skus]]);
}

/** Products by sku compared in lower case, discontinued ones included (the ordering side says why they cannot be ordered). */
export function productsByLowerSkus(em: EntityManager, lowerSkus: readonly string[]): Promise<ProductRow[]> {
  return em.execute<ProductRow[]>(`select ${PRODUCT_COLUMNS} from "${SCHEMA}"."product" p where lower(p.sku) in (?)`, [[...lowerSkus]]);
}

/** Brands by id. */
export function brandsByIds(em: EntityManager, ids: readonly string[]): Promise<BrandRow[]> {
  return em.execute<BrandRow[]>(`select b.id, b.name from "${SCHEMA}"."brand" b where b.id in (?)`, [[...ids]]);
}

/**
 * The stock rows of products: each product's preferred warehouse of `dealerId` first (see
 * dealer_segment.preferred_warehouse_id), then by warehouse code. The preference is joined in, so it
 * costs no statement of its own; a null dealer (staff) or one without a preference: by code.
 */
export function stockByProducts(
  em: EntityManager,
  productIds: readonly string[],
  dealerId: string | null = null,
): Promise<ProductStockRow[]> {
  return em.execute<ProductStockRow[]>(
    `select s.product_id as "productId", s.warehouse_id as "warehouseId", s.on_hand as "onHand", s.reserved, s.low_threshold as "lowThreshold",
            coalesce(s.warehouse_id = ds.preferred_warehouse_id, false) as preferred
       from "${SCHEMA}"."stock_level" s join "${SCHEMA}"."warehouse" w on w.id = s.warehouse_id
       left join "${SCHEMA}"."dealer_segment" ds on ds.dealer_id = ?::uuid
      where s.product_id in (?) order by s.product_id, coalesce(s.warehouse_id = ds.preferred_warehouse_id, false) desc, w.code`,
    [dealerId, [...productIds]],
  );
}

/** The specifications of products, each product's in display order. */
export function specsByProducts(em: EntityManager, productIds: readonly string[]): Promise<SpecRow[]> {
  return em.execute<SpecRow[]>(
    `select ps.product_id as "productId", ps.name, ps.type, ps.value, ps.number_value as "numberValue", ps.unit
       from "${SCHEMA}"."product_spec" ps where ps.product_id in (?) order by ps.product_id, ps.position, ps.name`,
    [[...productIds]],
  );
}

/** The picture and document links of products, each product's by kind, then display order. */
export function linksByProducts(em: EntityManager, productIds: readonly string[]): Promise<LinkRow[]> {
  return em.execute<LinkRow[]>(
    `select l.product_id as "productId", l.kind, l.url, l.title
       from "${SCHEMA}"."product_link" l where l.product_id in (?) order by l.product_id, l.kind, l.position, l.id`,
    [[...productIds]],
  );
}
