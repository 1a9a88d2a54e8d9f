import { randomUUID } from 'node:crypto';

import type { DemoCategory, DemoData } from '@dealergraph/demo-data';
import { type EntityManager, insertInChunks, type Progress } from '@dealergraph/runtime';

import { Brand } from '../entities/brand.entity.js';
import { Category } from '../entities/category.entity.js';
import { InTransit } from '../entities/in-transit.entity.js';
import { Product } from '../entities/product.entity.js';
import { ProductLink } from '../entities/product-link.entity.js';
import { ProductSpec } from '../entities/product-spec.entity.js';
import { StockLevel } from '../entities/stock-level.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';
import { seedAssortment } from './assortment.seed.js';

/** The categories ordered so that every parent comes before its children, whatever the input order. */
export function parentsFirst(categories: readonly DemoCategory[]): DemoCategory[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const depth = new Map<string, number>();
  const depthOf = (c: DemoCategory, seen = new Set<string>()): number => {
    const known = depth.get(c.id);
    if (known !== undefined) return known;
    if (seen.has(c.id)) throw new Error(`category ${c.slug} is its own ancestor`);
    seen.add(c.id);
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (c.parentId && !parent) throw new Error(`category ${c.slug} has an unknown parent ${c.parentId}`);
    const d = parent ? depthOf(parent, seen) + 1 : 0;
    depth.set(c.id, d);
    return d;
  };
  return categories
    .map((c, index) => ({ c, index, d: depthOf(c) }))
    .sort((a, b) => a.d - b.d || a.index - b.index)
    .map(({ c }) => c);
}

/**
 * Writes the demo catalog, warehouses, stock and in-transit shipments in one transaction, unless
 * products exist already.
 */
export async function seedProducts(em: EntityManager, demoData: () => DemoData, progress: Progress): Promise<boolean> {
  return em.transactional(async (tx) => {
    if ((await tx.count(Product, {})) > 0) return false;
    const data = demoData();
    const details = new Map(data.productDetails.map((d) => [d.productId, d]));
    await insertInChunks(
      tx,
      Category,
      parentsFirst(data.categories).map((c) => ({ id: c.id, name: c.name, slug: c.slug, parent: c.parentId })),
    );
    await insertInChunks(
      tx,
      Brand,
      data.brands.map((b) => ({ id: b.id, name: b.name })),
    );
    await insertInChunks(
      tx,
      Product,
      data.products.map((p) => ({
        id: p.id,
        sku: p.sku,
        name: p.name,
        description: p.description,
        brand: p.brandId,
        category: p.categoryId,
        unit: p.unit,
        packSize: details.get(p.id)?.packSize ?? 1,
        active: true,
        hazardous: p.hazardous ?? false,
        createdAt: p.createdAt,
      })),
    );
    await insertInChunks(
      tx,
      ProductSpec,
      data.productDetails.flatMap((d) =>
        d.specs.map((spec, position) => ({
          product: d.productId,
          ...spec,
          numberValue: spec.type === 'NUMBER' ? Number(spec.value) : null,
          position,
        })),
      ),
    );
    await insertInChunks(
      tx,
      ProductLink,
      data.productDetails.flatMap((d) => d.links.map((link, position) => ({ id: randomUUID(), product: d.productId, ...link, position }))),
    );
    await insertInChunks(
      tx,
      Warehouse,
      data.warehouses.map((w) => ({ id: w.id, code: w.code, name: w.name, city: w.city })),
    );
    await insertInChunks(
      tx,
      StockLevel,
      data.stock.map((s) => ({
        product: s.productId,
        warehouse: s.warehouseId,
        onHand: s.onHand,
        reserved: s.reserved,
        lowThreshold: s.lowThreshold,
      })),
    );
    await insertInChunks(
      tx,
      InTransit,
      data.inTransit.map((t) => ({ id: t.id, product: t.productId, warehouse: t.warehouseId, quantity: t.quantity, eta: t.eta })),
    );
    const assortment = await seedAssortment(tx, data);
    progress(
      `products: ${data.categories.length} categories, ${data.brands.length} brands, ${data.products.length} products, ` +
        `${data.productDetails.reduce((n, d) => n + d.specs.length, 0)} specifications, ${data.productDetails.reduce((n, d) => n + d.links.length, 0)} links, ` +
        `${data.warehouses.length} warehouses, ${data.stock.length} stock levels, ${data.inTransit.length} in transit; ${assortment}`,
    );
    return true;
  });
}
