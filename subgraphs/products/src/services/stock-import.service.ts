import { ok, refused, type Result, userError } from '@dealergraph/runtime';

import type { ProductsContext } from '../context.js';
import { checkStockImport, type StockImportRow } from '../domain/stock-import.js';
import { SCHEMA } from '../schema-name.js';
import { notifyStockChanged } from './stock-events.service.js';

/** Rows per import call; a bigger file goes in several calls. */
export const MAX_IMPORT_ROWS = 5_000;

const S = `"${SCHEMA}"`;

/**
 * Sets the units on hand (and, when given, the low-stock threshold) per product and warehouse from
 * the ERP's counts: all rows or none (domain/stock-import.ts), in one transaction. The stock rows are
 * locked in (product, warehouse) order like every reservation, so an import and an order never
 * deadlock and a reservation never reads half an import. Rows whose values do not change are left
 * alone, so a retried import changes nothing; the products whose stock did change notify their
 * stockChanged watchers on commit. Answers how many stock rows changed, or every bad row's userError
 * (field `['input', 'levels', index, field]`).
 */
export async function importStockLevels(ctx: ProductsContext, rows: readonly StockImportRow[]): Promise<Result<number>> {
  if (rows.length > MAX_IMPORT_ROWS)
    return refused(userError('TOO_MANY_ROWS', `At most ${MAX_IMPORT_ROWS} rows per import.`, ['input', 'levels']));
  if (rows.length === 0) return ok(0);
  const skus = [...new Set(rows.map((r) => r.sku.trim()))];
  const [products, warehouses] = await Promise.all([
    ctx.em.execute<{ id: string; sku: string }[]>(`select id, sku from ${S}."product" where sku in (?)`, [skus]),
    ctx.em.execute<{ id: string; code: string }[]>(`select id, code from ${S}."warehouse"`),
  ]);
  const checked = checkStockImport({
    rows,
    productIdBySku: new Map(products.map((p) => [p.sku, p.id])),
    warehouseIdByCode: new Map(warehouses.map((w) => [w.code.toUpperCase(), w.id])),
  });
  if (!checked.ok) return refused(...checked.errors.map((e) => userError(e.code, e.message, ['input', 'levels', String(e.row), e.field])));
  return ctx.em.transactional(async (tx) => {
    const productIds = [...new Set(checked.rows.map((r) => r.productId))].sort();
    const current = await tx.execute<{ product_id: string; warehouse_id: string; on_hand: number; low_threshold: number }[]>(
      `select product_id, warehouse_id, on_hand, low_threshold from ${S}."stock_level" where product_id in (?) order by product_id, warehouse_id for update`,
      [productIds],
    );
    const now = new Map(current.map((c) => [`${c.product_id}:${c.warehouse_id}`, c]));
    const changes = checked.rows
      .map((r) => {
        const before = now.get(`${r.productId}:${r.warehouseId}`);
        return { ...r, lowThreshold: r.lowThreshold ?? before?.low_threshold ?? 0, before };
      })
      .filter((r) => !r.before || r.before.on_hand !== r.onHand || r.before.low_threshold !== r.lowThreshold)
      .sort((a, b) => (a.productId + a.warehouseId < b.productId + b.warehouseId ? -1 : 1));
    if (changes.length === 0) return ok(0);
    await tx.execute(
      `insert into ${S}."stock_level" (product_id, warehouse_id, on_hand, reserved, low_threshold)
       values ${changes.map(() => '(?, ?, ?, 0, ?)').join(', ')}
       on conflict (product_id, warehouse_id) do update set on_hand = excluded.on_hand, low_threshold = excluded.low_threshold`,
      changes.flatMap((c) => [c.productId, c.warehouseId, c.onHand, c.lowThreshold]),
      'run',
    );
    await notifyStockChanged(
      tx,
      changes.map((c) => c.productId),
      'IMPORTED',
    );
    return ok(changes.length);
  });
}
