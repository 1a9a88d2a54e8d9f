import { type EntityManager, groupedLoader, keyedLoader } from '@dealergraph/runtime';
import type DataLoader from 'dataloader';

import { Category } from '../entities/category.entity.js';
import { InTransit } from '../entities/in-transit.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';
import {
  type BrandRow,
  brandsByIds,
  type LinkRow,
  linksByProducts,
  type ProductRow,
  productsByIds,
  productsBySkus,
  type ProductStockRow,
  type SpecRow,
  specsByProducts,
  stockByProducts,
} from './product.queries.js';

/**
 * Every lookup a page of products needs, one SQL statement per batch: a page of 100 products costs
 * as many statements as a page of 5. Built per request, so nothing is cached between callers. The
 * lookups of a catalog page (products, brands, stock) read plain rows (product.queries.ts).
 */
export interface ProductLoaders {
  /** Any product by id, discontinued ones included (old orders still point at them). */
  productById: DataLoader<string, ProductRow | null>;
  /** Active products by exact sku. */
  productBySku: DataLoader<string, ProductRow | null>;
  categoryById: DataLoader<string, Category | null>;
  /** A category's direct children, by name. */
  categoriesByParent: DataLoader<string, Category[]>;
  brandById: DataLoader<string, BrandRow | null>;
  warehouseById: DataLoader<string, Warehouse | null>;
  /** A product's stock rows: the caller's dealer's preferred warehouse first, then by warehouse code. */
  stockByProduct: DataLoader<string, ProductStockRow[]>;
  /** A product's technical specifications, in display order. */
  specsByProduct: DataLoader<string, SpecRow[]>;
  /** A product's picture and document links. */
  linksByProduct: DataLoader<string, LinkRow[]>;
  /** A product's inbound shipments, soonest first (unknown ETAs last), then by warehouse code. */
  inTransitByProduct: DataLoader<string, InTransit[]>;
}

/** `dealerId`: the caller's dealer (null for staff), whose preferred warehouse the stock lists first. */
export function createProductLoaders(em: EntityManager, dealerId: string | null = null): ProductLoaders {
  return {
    productById: keyedLoader(
      (ids) => productsByIds(em, ids),
      (p) => p.id,
    ),
    productBySku: keyedLoader(
      (skus) => productsBySkus(em, skus),
      (p) => p.sku,
    ),
    categoryById: keyedLoader(
      (ids) => em.find(Category, { id: { $in: ids } }),
      (c) => c.id,
    ),
    categoriesByParent: groupedLoader(
      (ids) => em.find(Category, { parent: { $in: ids } }, { orderBy: { name: 'asc', id: 'asc' } }),
      (c) => c.parent!.id,
    ),
    brandById: keyedLoader(
      (ids) => brandsByIds(em, ids),
      (b) => b.id,
    ),
    warehouseById: keyedLoader(
      (ids) => em.find(Warehouse, { id: { $in: ids } }),
      (w) => w.id,
    ),
    stockByProduct: groupedLoader(
      (ids) => stockByProducts(em, ids, dealerId),
      (s) => s.productId,
    ),
    specsByProduct: groupedLoader(
      (ids) => specsByProducts(em, ids),
      (s) => s.productId,
    ),
    linksByProduct: groupedLoader(
      (ids) => linksByProducts(em, ids),
      (l) => l.productId,
    ),
    inTransitByProduct: groupedLoader(
      (ids) => em.find(InTransit, { product: { $in: ids } }, { orderBy: { eta: 'asc nulls last', warehouse: { code: 'asc' }, id: 'asc' } }),
      (t) => t.product.id,
    ),
  };
}
