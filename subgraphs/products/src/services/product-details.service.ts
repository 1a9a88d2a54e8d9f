import type { PageWindow } from '@dealergraph/runtime';
import DataLoader from 'dataloader';

import type { ProductsContext } from '../context.js';
import { type LinkRow, type ProductRow, productRowFrom, type SpecRow } from '../loaders/product.queries.js';
import { SCHEMA } from '../schema-name.js';
import { assortmentCondition, assortmentDealer } from './assortment.service.js';

const S = `"${SCHEMA}"`;

/** The caller's assortment as a where-part on alias `p`; empty for staff. */
function visibleTo(ctx: ProductsContext): { sql: string; params: string[] } {
  const dealerId = assortmentDealer(ctx.claims);
  if (!dealerId) return { sql: '', params: [] };
  const condition = assortmentCondition(dealerId);
  return { sql: ` and ${condition.sql}`, params: condition.params };
}

/** "What's new": active products added at or after `since` that the caller may see, newest first (ties by SKU). */
export async function newProducts(ctx: ProductsContext, since: Date, window: PageWindow): Promise<[ProductRow[], number]> {
  const visible = visibleTo(ctx);
  const rows = await ctx.em.execute<Record<string, unknown>[]>(
    `select p.*, count(*) over () as match_count from ${S}."product" p
      where p.active and p.created_at >= ?::timestamptz${visible.sql}
      order by p.created_at desc, p.sku asc limit ? offset ?`,
    [since.toISOString(), ...visible.params, window.limit, window.offset],
  );
  let total = rows.length ? Number(rows[0].match_count) : 0;
  if (rows.length === 0) {
    const [{ n }] = await ctx.em.execute<{ n: string }[]>(
      `select count(*) as n from ${S}."product" p where p.active and p.created_at >= ?::timestamptz${visible.sql}`,
      [since.toISOString(), ...visible.params],
    );
    total = Number(n);
  }
  return [rows.map(productRowFrom), total];
}

/** A product's technical specifications in display order (batched over a page). */
export function specificationsOf(ctx: ProductsContext, productId: string): Promise<SpecRow[]> {
  return ctx.loaders.specsByProduct.load(productId);
}

/** A product's pictures (kind IMAGE) or its documents (every other kind), in display order (batched over a page). */
export async function linksOf(ctx: ProductsContext, productId: string, which: 'IMAGES' | 'DOCUMENTS'): Promise<LinkRow[]> {
  const links = await ctx.loaders.linksByProduct.load(productId);
  return links.filter((l) => (l.kind === 'IMAGE') === (which === 'IMAGES'));
}

const substituteLoaders = new WeakMap<object, Map<number, DataLoader<string, ProductRow[]>>>();

/**
 * Alternatives to a product, active and in the caller's assortment: first the substitutes the
 * distributor named (master data, in its order), then the same category (same function) and another
 * brand, those with stock first, then by SKU. Batched: one statement for every product
 * of a page.
 */
export function substitutesOf(ctx: ProductsContext, productId: string, limit: number): Promise<ProductRow[]> {
  let byLimit = substituteLoaders.get(ctx.loaders);
  if (!byLimit) substituteLoaders.set(ctx.loaders, (byLimit = new Map()));
  let loader = byLimit.get(limit);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const grouped = await substitutesForDealer(ctx, { productIds: ids, limit, dealerId: assortmentDealer(ctx.claims) });
      return ids.map((id) => grouped.get(id) ?? []);
    });
    byLimit.set(limit, loader);
  }
  return loader.load(productId);
}

/**
 * The substitutes of several products (rules as `substitutesOf`) within one dealer's assortment, or
 * the whole catalog for null, in one statement. Product ids must be uuids; absent ones have none.
 */
export async function substitutesForDealer(
  ctx: ProductsContext,
  input: { productIds: readonly string[]; limit: number; dealerId: string | null },
): Promise<Map<string, ProductRow[]>> {
  const grouped = new Map<string, ProductRow[]>();
  if (input.productIds.length === 0) return grouped;
  const condition = input.dealerId ? assortmentCondition(input.dealerId) : null;
  const visible = condition ? { sql: ` and ${condition.sql}`, params: condition.params } : { sql: '', params: [] };
  // ids are uuids (loaded products), so the array literal is safe; knex would expand a JS array.
  const rows = await ctx.em.execute<Record<string, unknown>[]>(
    `select s.source_id, alt.* from (
       select x.id as source_id, sp.category_id, sp.brand_id
         from unnest(?::uuid[]) as x(id) join ${S}."product" sp on sp.id = x.id) s
     cross join lateral (
       select p.*, (select coalesce(sum(sl.on_hand - sl.reserved), 0) from ${S}."stock_level" sl where sl.product_id = p.id) as available_now
         from ${S}."product" p
        where (p.category_id = s.category_id and p.brand_id <> s.brand_id
               or p.id in (select ps.substitute_id from ${S}."product_substitute" ps where ps.product_id = s.source_id))
          and p.active and p.id <> s.source_id${visible.sql}
        order by (select ps.position from ${S}."product_substitute" ps where ps.product_id = s.source_id and ps.substitute_id = p.id) asc nulls last,
                 (select coalesce(sum(sl.on_hand - sl.reserved), 0) from ${S}."stock_level" sl where sl.product_id = p.id) > 0 desc, p.sku
        limit ?) alt`,
    [`{${input.productIds.join(',')}}`, ...visible.params, input.limit],
  );
  for (const { source_id: source, available_now: _a, search_document: _d, ...row } of rows) {
    const list = grouped.get(source as string) ?? [];
    list.push(productRowFrom(row));
    grouped.set(source as string, list);
  }
  return grouped;
}
