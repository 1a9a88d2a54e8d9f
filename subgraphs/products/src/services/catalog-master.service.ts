import { randomUUID } from 'node:crypto';

import type { MasterDataBatchResult, MasterDataRowResult } from '@dealergraph/runtime';

import type { ProductsContext } from '../context.js';
import { type CategoryData, checkCategory, checkCategoryTree, checkWarehouse, type WarehouseData } from '../domain/catalog-master-data.js';
import { duplicateKeys } from '../domain/product-master-data.js';
import { SCHEMA } from '../schema-name.js';
import { applyBatch, audit, type AuditedChange, type BatchOptions, failedRow } from './master-data-batch.js';

const S = `"${SCHEMA}"`;

interface StoredCategory {
  id: string;
  slug: string;
  name: string;
  parent: string | null;
}

/**
 * Creates or updates categories by slug (upsertCategory, CATEGORIES imports), idempotently: a row
 * equal to the stored category is UNCHANGED and writes no audit. Checks each row
 * (domain/catalog-master-data.ts), the same slug twice (DUPLICATE_KEY), and the tree the batch would
 * leave (UNKNOWN_PARENT, CATEGORY_CYCLE); parents may come later in the same batch. One transaction,
 * audited (subject CATEGORY). Answers the categories' ids in row order (null for a failed row).
 */
export async function upsertCategories(
  ctx: ProductsContext,
  inputs: readonly Record<string, unknown>[],
  options: BatchOptions,
): Promise<MasterDataBatchResult & { ids: (string | null)[] }> {
  const ids: (string | null)[] = inputs.map(() => null);
  const result = await applyBatch(ctx, 'CATEGORY', options, async (tx) => {
    const checked = inputs.map((input) => checkCategory(input));
    const twice = duplicateKeys(checked.map((c) => (c.ok ? c.value.slug : null)));
    const stored = await tx.execute<StoredCategory[]>(
      `select c.id, c.slug, c.name, p.slug as parent from ${S}."category" c left join ${S}."category" p on p.id = c.parent_id for update of c`,
    );
    const bySlug = new Map(stored.map((c) => [c.slug.toLowerCase(), c]));
    const rows = checked.map((c, i) => (c.ok && !twice.has(i) ? c.value : null));
    const tree = checkCategoryTree({
      stored: new Map(stored.map((c) => [c.slug.toLowerCase(), c.parent?.toLowerCase() ?? null])),
      rows,
    });
    const planned: { id: string; created: boolean; after: { slug: string; name: string; parent: string | null }; change: AuditedChange }[] =
      [];
    const results = checked.map((c, i): MasterDataRowResult => {
      if (!c.ok) return failedRow(c.problems);
      const value: CategoryData = c.value;
      if (twice.has(i))
        return failedRow([{ code: 'DUPLICATE_KEY', message: `Category ${value.slug} appears in more than one row.`, field: 'slug' }]);
      if (tree[i] === 'UNKNOWN_PARENT')
        return failedRow([{ code: 'UNKNOWN_PARENT', message: `No category has the slug "${value.parent}".`, field: 'parent' }]);
      if (tree[i] === 'CATEGORY_CYCLE')
        return failedRow([
          {
            code: 'CATEGORY_CYCLE',
            message: `Category ${value.slug} would end up below itself (through ${value.parent}).`,
            field: 'parent',
          },
        ]);
      const existing = bySlug.get(value.slug) ?? null;
      const before = existing ? { slug: existing.slug, name: existing.name, parent: existing.parent } : null;
      const parent = value.parent === undefined ? (existing?.parent ?? null) : value.parent;
      // The stored spelling of a parent that exists; a new parent is written as the batch spells it.
      const after = { slug: existing?.slug ?? value.slug, name: value.name, parent: parent ? (bySlug.get(parent)?.slug ?? parent) : null };
      const id = existing?.id ?? randomUUID();
      ids[i] = id;
      if (before && JSON.stringify(before) === JSON.stringify(after)) return { status: 'UNCHANGED' };
      planned.push({
        id,
        created: !existing,
        after,
        change: { subject: 'CATEGORY', subjectId: id, externalKey: after.slug, before, after },
      });
      return { status: existing ? 'UPDATED' : 'CREATED' };
    });
    return {
      results,
      write: async (writer) => {
        if (!planned.length) return;
        const rows = planned.map((p) => ({ id: p.id, slug: p.after.slug, name: p.after.name, parent: p.after.parent }));
        const recordset = `jsonb_to_recordset(?::jsonb) as r(id uuid, slug text, name text, parent text)`;
        // New ones first without a parent (a parent may be new too), then every planned row's name and parent.
        await writer.execute(
          `insert into ${S}."category" (id, slug, name, parent_id) select r.id, r.slug, r.name, null from ${recordset}
            where not exists (select 1 from ${S}."category" c where c.id = r.id)`,
          [JSON.stringify(rows)],
          'run',
        );
        await writer.execute(
          `update ${S}."category" c set name = r.name, parent_id = p.id
             from ${recordset} left join ${S}."category" p on lower(p.slug) = lower(r.parent)
            where c.id = r.id`,
          [JSON.stringify(rows)],
          'run',
        );
        await audit(
          writer,
          options.actor,
          planned.map((p) => p.change),
        );
      },
    };
  });
  return { ...result, ids: result.applied ? ids : ids.map(() => null) };
}

/**
 * Creates or updates warehouses by code (upsertWarehouse, WAREHOUSES imports): name and city. A row
 * equal to the stored warehouse is UNCHANGED. One transaction, audited (subject WAREHOUSE). Answers
 * the warehouses' ids in row order (null for a failed row, or when nothing was written).
 */
export async function upsertWarehouses(
  ctx: ProductsContext,
  inputs: readonly Record<string, unknown>[],
  options: BatchOptions,
): Promise<MasterDataBatchResult & { ids: (string | null)[] }> {
  const ids: (string | null)[] = inputs.map(() => null);
  const result = await applyBatch(ctx, 'WAREHOUSE', options, async (tx) => {
    const checked = inputs.map((input) => checkWarehouse(input));
    const twice = duplicateKeys(checked.map((c) => (c.ok ? c.value.code : null)));
    const stored = await tx.execute<(WarehouseData & { id: string })[]>(`select id, code, name, city from ${S}."warehouse" for update`);
    const byCode = new Map(stored.map((w) => [w.code.toUpperCase(), w]));
    const planned: { id: string; after: WarehouseData; change: AuditedChange }[] = [];
    const results = checked.map((c, i): MasterDataRowResult => {
      if (!c.ok) return failedRow(c.problems);
      if (twice.has(i))
        return failedRow([{ code: 'DUPLICATE_KEY', message: `Warehouse ${c.value.code} appears in more than one row.`, field: 'code' }]);
      const existing = byCode.get(c.value.code) ?? null;
      const before = existing ? { code: existing.code, name: existing.name, city: existing.city } : null;
      const after = { ...c.value, code: existing?.code ?? c.value.code };
      const id = existing?.id ?? randomUUID();
      ids[i] = id;
      if (before && JSON.stringify(before) === JSON.stringify(after)) return { status: 'UNCHANGED' };
      planned.push({ id, after, change: { subject: 'WAREHOUSE', subjectId: id, externalKey: after.code, before, after } });
      return { status: existing ? 'UPDATED' : 'CREATED' };
    });
    return {
      results,
      write: async (writer) => {
        if (!planned.length) return;
        await writer.execute(
          `insert into ${S}."warehouse" (id, code, name, city)
           select r.id, r.code, r.name, r.city from jsonb_to_recordset(?::jsonb) as r(id uuid, code text, name text, city text)
           on conflict (id) do update set name = excluded.name, city = excluded.city`,
          [JSON.stringify(planned.map((p) => ({ id: p.id, ...p.after })))],
          'run',
        );
        await audit(
          writer,
          options.actor,
          planned.map((p) => p.change),
        );
      },
    };
  });
  return { ...result, ids: result.applied ? ids : ids.map(() => null) };
}
