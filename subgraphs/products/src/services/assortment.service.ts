import { randomUUID } from 'node:crypto';

import { type Claims, isStaff, normalizeId } from '@dealergraph/runtime';
import DataLoader from 'dataloader';

import type { ProductsContext } from '../context.js';
import { type GrantTargetProblem, grantTargetProblem } from '../domain/grant-target.js';
import { AssortmentGrant } from '../entities/assortment-grant.entity.js';
import { Category } from '../entities/category.entity.js';
import { DealerCategoryLimit } from '../entities/dealer-category-limit.entity.js';
import { DealerSegment } from '../entities/dealer-segment.entity.js';
import { Product } from '../entities/product.entity.js';
import { type ProductRow, productsByIds } from '../loaders/product.queries.js';
import { SCHEMA } from '../schema-name.js';

/**
 * Dealer-specific assortments. A product is in a dealer's assortment when
 * - it is unrestricted, or a grant names the dealer or its tier, region or dealer type; and
 * - the dealer has no category limits, or the product sits in (or below) one of its allowed categories.
 * Outside it, the product does not exist for that dealer: lists, product(sku), `_entities` and the
 * internal check all say so. Staff see everything.
 *
 * The rule is ONE SQL predicate over the product alias `p`, parameterised by the dealer id only
 * (the segment and limits are read inside it), so a filtered page stays two statements.
 */
export const PRODUCT_RESTRICTIONS = ['CONTRACT_ONLY', 'IMPORTED', 'QUOTA'] as const;
export type ProductRestriction = (typeof PRODUCT_RESTRICTIONS)[number];
export const GRANT_SCOPES = ['DEALER', 'TIER', 'REGION', 'DEALER_TYPE'] as const;
export type GrantScope = (typeof GRANT_SCOPES)[number];

const S = `"${SCHEMA}"`;
const IN_ASSORTMENT = `(
  (p.restriction is null or exists (
     select 1 from ${S}."assortment_grant" g left join ${S}."dealer_segment" ds on ds.dealer_id = ?::uuid
      where g.product_id = p.id and (
        (g.scope = 'DEALER' and g.value = ?::text) or (g.scope = 'TIER' and g.value = ds.tier)
        or (g.scope = 'REGION' and g.value = ds.region) or (g.scope = 'DEALER_TYPE' and g.value = ds.dealer_type))))
  and (not exists (select 1 from ${S}."dealer_category_limit" l where l.dealer_id = ?::uuid)
       or p.category_id in (
         with recursive subtree(id) as (
           select l.category_id from ${S}."dealer_category_limit" l where l.dealer_id = ?::uuid
           union all
           select c.id from ${S}."category" c join subtree s on c.parent_id = s.id
         ) select id from subtree)))`;

/** The dealer whose assortment applies to this caller; null when the caller sees the whole catalog (staff). */
export function assortmentDealer(claims: Claims | null): string | null {
  if (!claims || isStaff(claims)) return null;
  return claims.dealerId ?? null;
}

/** The assortment predicate for one dealer, with its bindings, for a query on product alias `p`. */
export function assortmentCondition(dealerId: string): { sql: string; params: string[] } {
  return { sql: IN_ASSORTMENT, params: [dealerId, dealerId, dealerId, dealerId] };
}

const visibleLoaders = new WeakMap<object, DataLoader<string, boolean>>();

/** Per request: which of these product ids are in the dealer's assortment, one statement per batch. */
function visibleLoader(ctx: ProductsContext, dealerId: string): DataLoader<string, boolean> {
  let loader = visibleLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const { sql, params } = assortmentCondition(dealerId);
      const rows = await ctx.em.execute<{ id: string }[]>(`select p.id from ${S}."product" p where p.id in (?) and ${sql}`, [
        [...ids],
        ...params,
      ]);
      const visible = new Set(rows.map((r) => r.id));
      return ids.map((id) => visible.has(id));
    });
    visibleLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

/** The product if the caller may see it (staff: always; a dealer user: when it is in its assortment), else null. */
export async function visibleToCaller<T extends { id: string }>(ctx: ProductsContext, product: T | null): Promise<T | null> {
  if (!product) return null;
  const dealerId = assortmentDealer(ctx.claims);
  if (!dealerId) return product;
  return (await visibleLoader(ctx, dealerId).load(product.id)) ? product : null;
}

/** Which of these product ids (uuids) are in the dealer's assortment, in one statement. */
export async function inAssortment(ctx: ProductsContext, dealerId: string, productIds: readonly string[]): Promise<Set<string>> {
  if (productIds.length === 0) return new Set();
  const { sql, params } = assortmentCondition(dealerId);
  const rows = await ctx.em.execute<{ id: string }[]>(`select p.id from ${S}."product" p where p.id in (?) and ${sql}`, [
    [...productIds],
    ...params,
  ]);
  return new Set(rows.map((r) => r.id));
}

export type AssortmentStatus = 'OK' | 'UNKNOWN_SKU' | 'NOT_AUTHORIZED';

/**
 * For other services (quick order, cart, placeOrder): whether a dealer may buy each sku. UNKNOWN_SKU
 * for no active product with that sku; NOT_AUTHORIZED for one outside the dealer's assortment.
 * One statement for all skus.
 */
export async function checkAssortment(
  ctx: ProductsContext,
  dealerId: string,
  skus: readonly string[],
): Promise<{ sku: string; status: AssortmentStatus; productId: string | null }[]> {
  const id = normalizeId(dealerId);
  const wanted = [...new Set(skus.map((s) => s.trim()).filter(Boolean))];
  if (wanted.length === 0) return [];
  const { sql, params } = assortmentCondition(id ?? '00000000-0000-0000-0000-000000000000');
  const rows = await ctx.em.execute<{ id: string; sku: string; visible: boolean }[]>(
    `select p.id, p.sku, ${id ? sql : 'false'} as visible from ${S}."product" p where p.sku in (?) and p.active`,
    id ? [...params, wanted] : [wanted],
  );
  const bySku = new Map(rows.map((r) => [r.sku, r]));
  return skus.map((raw) => {
    const row = bySku.get(raw.trim());
    if (!row) return { sku: raw, status: 'UNKNOWN_SKU' as const, productId: null };
    return { sku: raw, status: row.visible ? ('OK' as const) : ('NOT_AUTHORIZED' as const), productId: row.id };
  });
}

// --- staff management -------------------------------------------------------------------------

/** Sets or clears (null) a product's restriction. Null when there is no product with that sku. */
export async function setRestriction(
  ctx: ProductsContext,
  sku: string,
  restriction: ProductRestriction | null,
): Promise<ProductRow | null> {
  const product = await ctx.em.findOne(Product, { sku: sku.trim() });
  if (!product) return null;
  product.restriction = restriction;
  await ctx.em.flush();
  const [row] = await productsByIds(ctx.em, [product.id]);
  return row ?? null;
}

/** Products of these skus that exist, and the skus that do not. */
async function productsOf(ctx: ProductsContext, skus: readonly string[]): Promise<{ found: Product[]; unknown: string[] }> {
  const wanted = [...new Set(skus.map((s) => s.trim()).filter(Boolean))];
  const found = wanted.length ? await ctx.em.find(Product, { sku: { $in: wanted } }) : [];
  const known = new Set(found.map((p) => p.sku));
  return { found, unknown: wanted.filter((s) => !known.has(s)) };
}

/** True when products knows this dealer (its segment copy has the dealer). */
export async function dealerKnown(ctx: ProductsContext, dealerId: string): Promise<boolean> {
  const id = normalizeId(dealerId);
  return !!id && !!(await ctx.em.findOne(DealerSegment, { dealerId: id }, { fields: ['dealerId'] }));
}

/** Why a grant's target names nobody, or null. */
async function grantTargetOf(ctx: ProductsContext, scope: GrantScope, value: string): Promise<GrantTargetProblem | null> {
  if (scope === 'DEALER') return grantTargetProblem({ scope, value, dealerExists: await dealerKnown(ctx, value), known: [] });
  const column = { TIER: 'tier', REGION: 'region', DEALER_TYPE: 'dealer_type' }[scope];
  const rows = await ctx.em.execute<{ value: string }[]>(
    `select distinct ${column} as value from ${S}."dealer_segment" where ${column} is not null`,
  );
  return grantTargetProblem({ scope, value, dealerExists: false, known: rows.map((r) => r.value) });
}

/**
 * Grants products to a dealer or segment; idempotent (an existing grant stays as it is). Returns how
 * many were new. A target that names no dealer is refused (a withdrawal takes any value: it only deletes).
 */
export async function grantAccess(
  ctx: ProductsContext,
  input: { skus: string[]; scope: GrantScope; value: string },
): Promise<{ count: number; unknown: string[]; target?: GrantTargetProblem }> {
  const target = await grantTargetOf(ctx, input.scope, input.scope === 'DEALER' ? input.value : input.value.trim());
  if (target) return { count: 0, unknown: [], target };
  const { found, unknown } = await productsOf(ctx, input.skus);
  if (unknown.length || found.length === 0) return { count: 0, unknown };
  const rows = await ctx.em.execute<{ id: string }[]>(
    `insert into ${S}."assortment_grant" (id, product_id, scope, value)
     select x.id::uuid, x.product_id::uuid, ?, ? from unnest(?::text[], ?::text[]) as x(id, product_id)
     on conflict (product_id, scope, value) do nothing returning id`,
    // uuids only: safe as array literals (knex would expand a JS array into a list).
    [input.scope, input.value.trim(), `{${found.map(() => randomUUID()).join(',')}}`, `{${found.map((p) => p.id).join(',')}}`],
  );
  return { count: rows.length, unknown };
}

/** Withdraws grants; returns how many existed. */
export async function revokeAccess(
  ctx: ProductsContext,
  input: { skus: string[]; scope: GrantScope; value: string },
): Promise<{ count: number; unknown: string[] }> {
  const { found, unknown } = await productsOf(ctx, input.skus);
  if (unknown.length || found.length === 0) return { count: 0, unknown };
  const count = await ctx.em.nativeDelete(AssortmentGrant, {
    productId: { $in: found.map((p) => p.id) },
    scope: input.scope,
    value: input.value.trim(),
  });
  return { count, unknown };
}

/** Replaces a dealer's category limits (empty: the whole catalog). Unknown category ids are returned and nothing changes. */
export async function setCategoryLimits(
  ctx: ProductsContext,
  dealerId: string,
  categoryIds: string[],
): Promise<{ ok: boolean; unknown: string[] }> {
  const ids = [...new Set(categoryIds.map((c) => normalizeId(c) ?? c))];
  const known = ids.length ? await ctx.em.find(Category, { id: { $in: ids.filter((i) => normalizeId(i)) } }) : [];
  const unknown = ids.filter((i) => !known.some((c) => c.id === i));
  if (unknown.length) return { ok: false, unknown };
  await ctx.em.transactional(async (tx) => {
    await tx.nativeDelete(DealerCategoryLimit, { dealerId });
    for (const categoryId of ids) tx.create(DealerCategoryLimit, { dealerId, categoryId });
  });
  return { ok: true, unknown: [] };
}
