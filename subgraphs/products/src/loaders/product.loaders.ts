import { groupedLoader, keyedLoader, type EntityManager } from '@dealergraph/runtime';
import type DataLoader from 'dataloader';
import { Brand } from '../entities/brand.entity.js';
import { Category } from '../entities/category.entity.js';
import { InTransit } from '../entities/in-transit.entity.js';
import { Product } from '../entities/product.entity.js';
import { StockLevel } from '../entities/stock-level.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';

/**
 * Every lookup a page of products needs, one SQL statement per batch: a page of 100 products costs
 * as many statements as a page of 5. Built per request, so nothing is cached between callers.
 */
export interface ProductLoaders {
  /** Any product by id, discontinued ones included (old orders still point at them). */
  productById: DataLoader<string, Product | null>;
  /** Active products by exact sku. */
  productBySku: DataLoader<string, Product | null>;
  categoryById: DataLoader<string, Category | null>;
  /** A category's direct children, by name. */
  categoriesByParent: DataLoader<string, Category[]>;
  brandById: DataLoader<string, Brand | null>;
  warehouseById: DataLoader<string, Warehouse | null>;
  /** A product's stock rows, by warehouse code. */
  stockByProduct: DataLoader<string, StockLevel[]>;
  /** A product's inbound shipments, soonest first (unknown ETAs last), then by warehouse code. */
  inTransitByProduct: DataLoader<string, InTransit[]>;
}

export function createProductLoaders(em: EntityManager): ProductLoaders {
  return {
    productById: keyedLoader((ids) => em.find(Product, { id: { $in: ids } }), (p) => p.id),
    productBySku: keyedLoader((skus) => em.find(Product, { sku: { $in: skus }, active: true }), (p) => p.sku),
    categoryById: keyedLoader((ids) => em.find(Category, { id: { $in: ids } }), (c) => c.id),
    categoriesByParent: groupedLoader(
      (ids) => em.find(Category, { parent: { $in: ids } }, { orderBy: { name: 'asc', id: 'asc' } }),
      (c) => c.parent!.id,
    ),
    brandById: keyedLoader((ids) => em.find(Brand, { id: { $in: ids } }), (b) => b.id),
    warehouseById: keyedLoader((ids) => em.find(Warehouse, { id: { $in: ids } }), (w) => w.id),
    stockByProduct: groupedLoader(
      (ids) => em.find(StockLevel, { product: { $in: ids } }, { orderBy: { warehouse: { code: 'asc' } } }),
      (s) => s.product.id,
    ),
    inTransitByProduct: groupedLoader(
      (ids) =>
        em.find(InTransit, { product: { $in: ids } }, { orderBy: { eta: 'asc nulls last', warehouse: { code: 'asc' }, id: 'asc' } }),
      (t) => t.product.id,
    ),
  };
}
