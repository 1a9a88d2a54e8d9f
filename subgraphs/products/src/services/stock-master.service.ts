import { randomUUID } from 'node:crypto';

import type { MasterDataBatchResult, MasterDataRowResult } from '@dealergraph/runtime';
import type { EntityManager } from '@mikro-orm/postgresql';

import type { ProductsContext } from '../context.js';
import { duplicateKeys } from '../domain/product-master-data.js';
import { checkInTransit, checkStockLevel, type InTransitData } from '../domain/stock-master-data.js';
import { SCHEMA } from '../schema-name.js';
import { applyBatch, audit, type AuditedChange, type BatchOptions, failedRow } from './master-data-batch.js';
import { notifyStockChanged } from './stock-events.service.js';

const S = `"${SCHEMA}"`;

/** Product ids by lower-case SKU and warehouse ids by upper-case code, for the rows' references. */
async function references(tx: EntityManager, skus: readonly string[]) {
  const [products, warehouses] = await Promise.all([
    tx.execute<{ id: string; sku: string }[]>(`select id, sku from ${S}."product" where lower(sku) in (?)`, [
      ['', ...new Set(skus.map((s) => s.toLowerCase()))],
    ]),
    tx.execute<{ id: string; code: string }[]>(`select id, code from ${S}."warehouse"`),
  ]);
  return {
    product: new Map(products.map((p) => [p.sku.toLowerCase(), p])),
    warehouse: new Map(warehouses.map((w) => [w.code.toUpperCase(), w.id])),
  };
}

const unknownReference = (sku: string, warehouse: string, refs: Awaited<ReturnType<typeof references>>): MasterDataRowResult | null => {
  if (!refs.product.has(sku.toLowerCase()))
    return failedRow([{ code: 'UNKNOWN_SKU', message: `No product has the SKU ${sku}.`, field: 'sku' }]);
  if (!refs.warehouse.has(warehouse))
    return failedRow([{ code: 'UNKNOWN_WAREHOUSE', message: `No warehouse has the code ${warehouse}.`, field: 'warehouse' }]);
  return null;
};

/**
 * Stock counts from the ERP (STOCK imports): units on hand, and the low threshold when given, per SKU
 * and warehouse. The count replaces what was on hand; a row equal to the stored one is UNCHANGED.
 * Stock rows are locked in (product, warehouse) order like every reservation; products whose stock
 * changed notify their stockChanged watchers on commit. Audited per stock row (subject: the product).
 */
export async function setStockLevels(
  ctx: ProductsContext,
  inputs: readonly Record<string, unknown>[],
  options: BatchOptions,
): Promise<MasterDataBatchResult> {
  return applyBatch(ctx, 'STOCK_LEVEL', options, async (tx) => {
    const checked = inputs.map((input) => checkStockLevel(input));
    const keyOf = (i: number) => {
      const c = checked[i]!;
      return c.ok ? `${c.value.sku.toLowerCase()}@${c.value.warehouse}` : null;
    };
    const duplicates = duplicateKeys(inputs.map((_, i) => keyOf(i)));
    const refs = await references(
      tx,
      checked.flatMap((c) => (c.ok ? [c.value.sku] : [])),
    );
    const productIds = [...new Set([...refs.product.values()].map((p) => p.id))].sort();
    const current = productIds.length
      ? await tx.execute<{ product_id: string; warehouse_id: string; on_hand: number; low_threshold: number }[]>(
          `select product_id, warehouse_id, on_hand, low_threshold from ${S}."stock_level" where product_id in (?)
            order by product_id, warehouse_id for update`,
          [productIds],
        )
      : [];
    const now = new Map(current.map((c) => [`${c.product_id}:${c.warehouse_id}`, c]));
    const changes: { productId: string; warehouseId: string; onHand: number; lowThreshold: number; change: AuditedChange }[] = [];
    const results = checked.map((c, i): MasterDataRowResult => {
      if (!c.ok) return failedRow(c.problems);
      const { sku, warehouse, onHand } = c.value;
      if (duplicates.has(i))
        return failedRow([{ code: 'DUPLICATE_KEY', message: `${sku} in ${warehouse} appears in more than one row.`, field: 'sku' }]);
      const unknown = unknownReference(sku, warehouse, refs);
      if (unknown) return unknown;
      const product = refs.product.get(sku.toLowerCase())!;
      const warehouseId = refs.warehouse.get(warehouse)!;
      const before = now.get(`${product.id}:${warehouseId}`);
      const lowThreshold = c.value.lowThreshold ?? before?.low_threshold ?? 0;
      if (before && before.on_hand === onHand && before.low_threshold === lowThreshold) return { status: 'UNCHANGED' };
      const key = `${product.sku}@${warehouse}`;
      changes.push({
        productId: product.id,
        warehouseId,
        onHand,
        lowThreshold,
        change: {
          subject: 'STOCK_LEVEL',
          subjectId: product.id,
          externalKey: key,
          before: before ? { onHand: before.on_hand, lowThreshold: before.low_threshold } : null,
          after: { onHand, lowThreshold },
        },
      });
      return { status: before ? 'UPDATED' : 'CREATED' };
    });
    return {
      results,
      write: async (writer) => {
        if (!changes.length) return;
        changes.sort((a, b) => (a.productId + a.warehouseId < b.productId + b.warehouseId ? -1 : 1));
        await writer.execute(
          `insert into ${S}."stock_level" (product_id, warehouse_id, on_hand, reserved, low_threshold)
           select r.product_id, r.warehouse_id, r.on_hand, 0, r.low_threshold
             from jsonb_to_recordset(?::jsonb) as r(product_id uuid, warehouse_id uuid, on_hand int, low_threshold int)
           on conflict (product_id, warehouse_id) do update set on_hand = excluded.on_hand, low_threshold = excluded.low_threshold`,
          [
            JSON.stringify(
              changes.map((c) => ({
                product_id: c.productId,
                warehouse_id: c.warehouseId,
                on_hand: c.onHand,
                low_threshold: c.lowThreshold,
              })),
            ),
          ],
          'run',
        );
        await notifyStockChanged(
          writer,
          changes.map((c) => c.productId),
          'IMPORTED',
        );
        await audit(
          writer,
          options.actor,
          changes.map((c) => c.change),
        );
      },
    };
  });
}

/**
 * Inbound shipments by the ERP's reference (upsertInTransit, IN_TRANSIT imports): created, updated
 * (product, warehouse, quantity, ETA), or removed with quantity 0 (arrived or cancelled; UNCHANGED
 * when there was none). Audited.
 */
export async function upsertInTransit(
  ctx: ProductsContext,
  inputs: readonly Record<string, unknown>[],
  options: BatchOptions,
): Promise<MasterDataBatchResult> {
  return applyBatch(ctx, 'IN_TRANSIT', options, async (tx) => {
    const checked = inputs.map((input) => checkInTransit(input));
    const duplicates = duplicateKeys(checked.map((c) => (c.ok ? c.value.reference : null)));
    const valid = checked.flatMap((c) => (c.ok ? [c.value] : []));
    const refs = await references(
      tx,
      valid.map((v) => v.sku),
    );
    const stored = valid.length
      ? await tx.execute<{ id: string; reference: string; sku: string; warehouse: string; quantity: number; eta: Date | string | null }[]>(
          `select t.id, t.reference, p.sku, w.code as warehouse, t.quantity, t.eta
             from ${S}."in_transit" t join ${S}."product" p on p.id = t.product_id join ${S}."warehouse" w on w.id = t.warehouse_id
            where t.reference in (?) for update of t`,
          [valid.map((v) => v.reference)],
        )
      : [];
    const byReference = new Map(stored.map((s) => [s.reference, s]));
    const writes: { id: string; kind: 'INSERT' | 'UPDATE' | 'DELETE'; data: InTransitData; change: AuditedChange }[] = [];
    const results = checked.map((c, i): MasterDataRowResult => {
      if (!c.ok) return failedRow(c.problems);
      const data = c.value;
      if (duplicates.has(i))
        return failedRow([
          { code: 'DUPLICATE_KEY', message: `Shipment ${data.reference} appears in more than one row.`, field: 'reference' },
        ]);
      const unknown = unknownReference(data.sku, data.warehouse, refs);
      if (unknown) return unknown;
      const existing = byReference.get(data.reference);
      const before = existing
        ? {
            reference: existing.reference,
            sku: existing.sku,
            warehouse: existing.warehouse,
            quantity: existing.quantity,
            eta: existing.eta ? new Date(existing.eta).toISOString() : null,
          }
        : null;
      const after = { ...data, sku: refs.product.get(data.sku.toLowerCase())!.sku };
      if (!existing && data.quantity === 0) return { status: 'UNCHANGED' };
      if (before && JSON.stringify(before) === JSON.stringify(after)) return { status: 'UNCHANGED' };
      const kind = !existing ? 'INSERT' : data.quantity === 0 ? 'DELETE' : 'UPDATE';
      writes.push({
        id: existing?.id ?? randomUUID(),
        kind,
        data: after,
        change: {
          subject: 'IN_TRANSIT',
          subjectId: existing?.id ?? '',
          externalKey: data.reference,
          before,
          after: kind === 'DELETE' ? { ...after, removed: true } : after,
        },
      });
      return { status: existing ? 'UPDATED' : 'CREATED' };
    });
    return {
      results,
      write: async (writer) => {
        for (const w of writes) {
          w.change.subjectId = w.id;
          const productId = refs.product.get(w.data.sku.toLowerCase())!.id;
          const warehouseId = refs.warehouse.get(w.data.warehouse)!;
          if (w.kind === 'DELETE') await writer.execute(`delete from ${S}."in_transit" where id = ?`, [w.id], 'run');
          else if (w.kind === 'INSERT')
            await writer.execute(
              `insert into ${S}."in_transit" (id, reference, product_id, warehouse_id, quantity, eta) values (?, ?, ?, ?, ?, ?)`,
              [w.id, w.data.reference, productId, warehouseId, w.data.quantity, w.data.eta],
              'run',
            );
          else
            await writer.execute(
              `update ${S}."in_transit" set product_id = ?, warehouse_id = ?, quantity = ?, eta = ? where id = ?`,
              [productId, warehouseId, w.data.quantity, w.data.eta, w.id],
              'run',
            );
        }
        await audit(
          writer,
          options.actor,
          writes.map((w) => w.change),
        );
      },
    };
  });
}
