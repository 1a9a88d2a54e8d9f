import { randomUUID } from 'node:crypto';

import type { MasterDataBatchResult, MasterDataRowResult } from '@dealergraph/runtime';
import type { EntityManager } from '@mikro-orm/postgresql';

import type { ProductsContext } from '../context.js';
import {
  changedProductFields,
  checkProductMasterData,
  duplicateKeys,
  type ProductMasterData,
  type ProductMasterInput,
  type SpecData,
} from '../domain/product-master-data.js';
import { SCHEMA } from '../schema-name.js';
import { applyBatch, audit, type AuditedChange, type BatchOptions, failedRow } from './master-data-batch.js';

const S = `"${SCHEMA}"`;

interface StoredProduct {
  id: string;
  sku: string;
  data: ProductMasterData;
}

const lower = (values: Iterable<string>) => [...new Set([...values].map((v) => v.toLowerCase()))];

/** The products with these SKUs (any case) and their master data as stored, lists included; by lower-case SKU. */
export async function loadProductMasters(tx: EntityManager, skus: readonly string[]): Promise<Map<string, StoredProduct>> {
  const found = new Map<string, StoredProduct>();
  const keys = lower(skus);
  if (!keys.length) return found;
  const rows = await tx.execute<Record<string, unknown>[]>(
    `select p.id, p.sku, p.name, p.description, p.unit, p.pack_size, p.restriction, p.hazardous, p.active, b.name as brand, c.slug as category
       from ${S}."product" p join ${S}."brand" b on b.id = p.brand_id join ${S}."category" c on c.id = p.category_id
      where lower(p.sku) = any(?::text[])`,
    [`{${keys.map((k) => `"${k.replace(/["\\]/g, '\\$&')}"`).join(',')}}`],
  );
  if (!rows.length) return found;
  const ids = `{${rows.map((r) => r.id as string).join(',')}}`;
  const [specs, images, substitutes] = await Promise.all([
    tx.execute<{ product_id: string; name: string; type: SpecData['type']; value: string; unit: string | null }[]>(
      `select product_id, name, type, value, unit from ${S}."product_spec" where product_id = any(?::uuid[]) order by product_id, position, name`,
      [ids],
    ),
    tx.execute<{ product_id: string; url: string }[]>(
      `select product_id, url from ${S}."product_link" where kind = 'IMAGE' and product_id = any(?::uuid[]) order by product_id, position`,
      [ids],
    ),
    tx.execute<{ product_id: string; sku: string }[]>(
      `select ps.product_id, p.sku from ${S}."product_substitute" ps join ${S}."product" p on p.id = ps.substitute_id
        where ps.product_id = any(?::uuid[]) order by ps.product_id, ps.position`,
      [ids],
    ),
  ]);
  const group = <T extends { product_id: string }, V>(list: T[], map: (t: T) => V) => {
    const byProduct = new Map<string, V[]>();
    for (const item of list) byProduct.set(item.product_id, [...(byProduct.get(item.product_id) ?? []), map(item)]);
    return byProduct;
  };
  const specsOf = group(specs, (s) => ({ name: s.name, type: s.type, value: s.value, unit: s.unit }));
  const imagesOf = group(images, (i) => i.url);
  const substitutesOf = group(substitutes, (s) => s.sku);
  for (const r of rows) {
    const id = r.id as string;
    found.set((r.sku as string).toLowerCase(), {
      id,
      sku: r.sku as string,
      data: {
        sku: r.sku as string,
        name: r.name as string,
        description: r.description as string,
        brand: r.brand as string,
        category: r.category as string,
        unit: r.unit as ProductMasterData['unit'],
        packSize: Number(r.pack_size),
        handlingClass: (r.restriction as ProductMasterData['handlingClass']) ?? null,
        hazardous: Boolean(r.hazardous),
        active: Boolean(r.active),
        specs: specsOf.get(id) ?? [],
        images: imagesOf.get(id) ?? [],
        substitutes: substitutesOf.get(id) ?? [],
      },
    });
  }
  return found;
}

interface PlannedProduct {
  id: string;
  created: boolean;
  before: ProductMasterData | null;
  /** The product as it will be: lists left out keep what it had. */
  after: ProductMasterData;
  changed: (keyof ProductMasterData)[];
}

/**
 * Creates or updates products by SKU, idempotently: a row equal to the stored product changes nothing
 * and writes no audit. Checks every row (domain/product-master-data.ts), the same SKU twice
 * (DUPLICATE_KEY), the category (UNKNOWN_CATEGORY) and the substitutes (UNKNOWN_SUBSTITUTE: a SKU
 * neither in the catalog nor in the batch); brands are created by name when new. One transaction; the
 * audit (who, when, before, after) is written with the change.
 */
export async function upsertProducts(
  ctx: ProductsContext,
  inputs: readonly ProductMasterInput[],
  options: BatchOptions,
): Promise<MasterDataBatchResult & { productIds: (string | null)[] }> {
  const productIds: (string | null)[] = inputs.map(() => null);
  const result = await applyBatch(ctx, 'PRODUCT', options, async (tx) => {
    const checked = inputs.map((input) => checkProductMasterData(input));
    const duplicates = duplicateKeys(
      checked.map((c, i) => (c.ok ? c.value.sku : typeof inputs[i]!.sku === 'string' ? inputs[i]!.sku : null)),
    );
    const valid = checked.flatMap((c) => (c.ok ? [c.value] : []));
    const [categories, brands, stored] = await Promise.all([
      tx.execute<{ id: string; slug: string }[]>(`select id, slug from ${S}."category" where lower(slug) in (?)`, [
        lower(['', ...valid.map((v) => v.category)]),
      ]),
      tx.execute<{ id: string; name: string }[]>(`select id, name from ${S}."brand" where lower(name) in (?)`, [
        lower(['', ...valid.map((v) => v.brand)]),
      ]),
      loadProductMasters(tx, [...valid.map((v) => v.sku), ...valid.flatMap((v) => v.substitutes ?? [])]),
    ]);
    const categoryId = new Map(categories.map((c) => [c.slug.toLowerCase(), c.id]));
    const categorySlug = new Map(categories.map((c) => [c.slug.toLowerCase(), c.slug]));
    const brandName = new Map(brands.map((b) => [b.name.toLowerCase(), b.name]));
    const batchSkus = new Set(valid.map((v) => v.sku.toLowerCase()));
    const planned: (PlannedProduct | null)[] = [];
    const results: MasterDataRowResult[] = checked.map((c, i) => {
      planned.push(null);
      if (!c.ok) return failedRow(c.problems);
      const value = c.value;
      if (duplicates.has(i))
        return failedRow([{ code: 'DUPLICATE_KEY', message: `SKU ${value.sku} appears in more than one row.`, field: 'sku' }]);
      if (!categoryId.has(value.category))
        return failedRow([{ code: 'UNKNOWN_CATEGORY', message: `No category has the slug "${value.category}".`, field: 'category' }]);
      const unknown = (value.substitutes ?? []).filter((s) => !stored.has(s.toLowerCase()) && !batchSkus.has(s.toLowerCase()));
      if (unknown.length)
        return failedRow([{ code: 'UNKNOWN_SUBSTITUTE', message: `No product has the SKU ${unknown.join(', ')}.`, field: 'substitutes' }]);
      const existing = stored.get(value.sku.toLowerCase()) ?? null;
      const before = existing?.data ?? null;
      // Stored spellings: the catalog's SKU, category slug and brand name when they match without case.
      const after: ProductMasterData = {
        ...value,
        sku: existing?.sku ?? value.sku,
        category: categorySlug.get(value.category)!,
        brand: brandName.get(value.brand.toLowerCase()) ?? value.brand,
        specs: value.specs ?? before?.specs ?? [],
        images: value.images ?? before?.images ?? [],
        substitutes: (value.substitutes ?? before?.substitutes ?? []).map((s) => stored.get(s.toLowerCase())?.sku ?? s),
      };
      const changed = before ? changedProductFields(before, after) : (Object.keys(after) as (keyof ProductMasterData)[]);
      planned[i] = { id: existing?.id ?? randomUUID(), created: !existing, before, after, changed };
      productIds[i] = planned[i]!.id;
      return { status: !existing ? 'CREATED' : changed.length ? 'UPDATED' : 'UNCHANGED' };
    });
    return {
      results,
      write: async (writer) => {
        const changes = planned.filter((p): p is PlannedProduct => p !== null && p.changed.length > 0);
        await writeProducts(writer, changes, categoryId);
        await audit(
          writer,
          options.actor,
          changes.map((p): AuditedChange => ({
            subject: 'PRODUCT',
            subjectId: p.id,
            externalKey: p.after.sku,
            before: p.before,
            after: p.after,
          })),
        );
      },
    };
  });
  if (!result.applied) return { ...result, productIds: productIds.map(() => null) };
  return { ...result, productIds };
}

/** Writes planned products: brands first (new ones created), then rows, specs, images and substitutes of the changed ones. */
async function writeProducts(tx: EntityManager, changes: readonly PlannedProduct[], categoryId: ReadonlyMap<string, string>) {
  if (!changes.length) return;
  const newBrands = [...new Set(changes.map((c) => c.after.brand))];
  await tx.execute(
    `insert into ${S}."brand" (id, name) select gen_random_uuid(), n from unnest(?::text[]) as n
      where not exists (select 1 from ${S}."brand" b where lower(b.name) = lower(n)) on conflict (name) do nothing`,
    [`{${newBrands.map((b) => `"${b.replace(/["\\]/g, '\\$&')}"`).join(',')}}`],
  );
  const brands = await tx.execute<{ id: string; name: string }[]>(`select id, name from ${S}."brand" where lower(name) in (?)`, [
    lower(newBrands),
  ]);
  const brandId = new Map(brands.map((b) => [b.name.toLowerCase(), b.id]));
  const rows = changes.map((c) => ({
    id: c.id,
    sku: c.after.sku,
    name: c.after.name,
    description: c.after.description,
    brand_id: brandId.get(c.after.brand.toLowerCase())!,
    category_id: categoryId.get(c.after.category.toLowerCase())!,
    unit: c.after.unit,
    pack_size: c.after.packSize,
    restriction: c.after.handlingClass,
    hazardous: c.after.hazardous,
    active: c.after.active,
  }));
  const recordset = `jsonb_to_recordset(?::jsonb) as r(id uuid, sku text, name text, description text, brand_id uuid, category_id uuid,
      unit text, pack_size int, restriction text, hazardous boolean, active boolean)`;
  const created = rows.filter((_, i) => changes[i]!.created);
  const updated = rows.filter((_, i) => !changes[i]!.created);
  if (created.length)
    await tx.execute(
      `insert into ${S}."product" (id, sku, name, description, brand_id, category_id, unit, pack_size, restriction, hazardous, active)
       select r.id, r.sku, r.name, r.description, r.brand_id, r.category_id, r.unit, r.pack_size, r.restriction, r.hazardous, r.active
         from ${recordset}`,
      [JSON.stringify(created)],
      'run',
    );
  if (updated.length)
    await tx.execute(
      `update ${S}."product" p set name = r.name, description = r.description, brand_id = r.brand_id, category_id = r.category_id,
              unit = r.unit, pack_size = r.pack_size, restriction = r.restriction, hazardous = r.hazardous, active = r.active
         from ${recordset} where p.id = r.id`,
      [JSON.stringify(updated)],
      'run',
    );
  const ids = (which: (c: PlannedProduct) => boolean) =>
    `{${changes
      .filter(which)
      .map((c) => c.id)
      .join(',')}}`;
  const specsChanged = (c: PlannedProduct) => c.created || c.changed.includes('specs');
  const imagesChanged = (c: PlannedProduct) => c.created || c.changed.includes('images') || c.changed.includes('name');
  const substitutesChanged = (c: PlannedProduct) => c.created || c.changed.includes('substitutes');
  await tx.execute(`delete from ${S}."product_spec" where product_id = any(?::uuid[])`, [ids(specsChanged)], 'run');
  const specs = changes.filter(specsChanged).flatMap((c) =>
    c.after.specs!.map((s, position) => ({
      product_id: c.id,
      name: s.name,
      type: s.type,
      value: s.value,
      number_value: s.type === 'NUMBER' ? Number(s.value) : null,
      unit: s.unit,
      position,
    })),
  );
  if (specs.length)
    await tx.execute(
      `insert into ${S}."product_spec" (product_id, name, type, value, number_value, unit, position)
       select * from jsonb_to_recordset(?::jsonb) as r(product_id uuid, name text, type text, value text, number_value double precision, unit text, position int)`,
      [JSON.stringify(specs)],
      'run',
    );
  await tx.execute(`delete from ${S}."product_link" where kind = 'IMAGE' and product_id = any(?::uuid[])`, [ids(imagesChanged)], 'run');
  const images = changes.filter(imagesChanged).flatMap((c) =>
    c.after.images!.map((url, position) => ({
      id: randomUUID(),
      product_id: c.id,
      url,
      title: position === 0 ? c.after.name : `${c.after.name}, ${position + 1}`,
      position,
    })),
  );
  if (images.length)
    await tx.execute(
      `insert into ${S}."product_link" (id, product_id, kind, url, title, position)
       select r.id, r.product_id, 'IMAGE', r.url, r.title, r.position
         from jsonb_to_recordset(?::jsonb) as r(id uuid, product_id uuid, url text, title text, position int)`,
      [JSON.stringify(images)],
      'run',
    );
  await tx.execute(`delete from ${S}."product_substitute" where product_id = any(?::uuid[])`, [ids(substitutesChanged)], 'run');
  const substitutes = changes
    .filter(substitutesChanged)
    .flatMap((c) => c.after.substitutes!.map((sku, position) => ({ product_id: c.id, sku: sku.toLowerCase(), position })));
  if (substitutes.length)
    await tx.execute(
      `insert into ${S}."product_substitute" (product_id, substitute_id, position)
       select r.product_id, p.id, r.position from jsonb_to_recordset(?::jsonb) as r(product_id uuid, sku text, position int)
         join ${S}."product" p on lower(p.sku) = r.sku`,
      [JSON.stringify(substitutes)],
      'run',
    );
}

/** Takes a product out of the catalog by SKU (active false), audited; UNCHANGED when it already was; null for an unknown SKU. */
export async function deactivateProduct(
  ctx: ProductsContext,
  sku: string,
  options: Pick<BatchOptions, 'actor'>,
): Promise<{ status: 'UPDATED' | 'UNCHANGED'; productId: string } | null> {
  return ctx.em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, ['products.master-data.PRODUCT']);
    const existing = (await loadProductMasters(tx as EntityManager, [sku.trim()])).get(sku.trim().toLowerCase());
    if (!existing) return null;
    if (!existing.data.active) return { status: 'UNCHANGED' as const, productId: existing.id };
    await tx.execute(`update ${S}."product" set active = false where id = ?`, [existing.id], 'run');
    await audit(tx as EntityManager, options.actor, [
      {
        subject: 'PRODUCT',
        subjectId: existing.id,
        externalKey: existing.sku,
        before: existing.data,
        after: { ...existing.data, active: false },
      },
    ]);
    return { status: 'UPDATED' as const, productId: existing.id };
  });
}
