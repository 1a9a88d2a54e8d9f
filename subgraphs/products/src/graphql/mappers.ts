import type { StockSummary } from '../domain/stock.js';
import type { Brand } from '../entities/brand.entity.js';
import type { Category } from '../entities/category.entity.js';
import type { InTransit } from '../entities/in-transit.entity.js';
import type { Warehouse } from '../entities/warehouse.entity.js';
import type { BrandRow, ProductRow } from '../loaders/product.queries.js';
import type { BrandType, CategoryType, WarehouseType } from './catalog.type.js';
import type { StockStatusEnum } from './enums.js';
import type { ProductType } from './product.type.js';
import type { InTransitStockType, StockType } from './stock.type.js';

/** Brand, category and stock are resolved by field resolvers, through the loaders. */
export function toProductType(product: ProductRow): ProductType {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    unit: product.unit,
    packSize: product.packSize,
    brandId: product.brandId,
    categoryId: product.categoryId,
  };
}

export function toCategoryType(category: Category): CategoryType {
  return { id: category.id, name: category.name, slug: category.slug, parentId: category.parent?.id ?? null };
}

export function toBrandType(brand: Brand | BrandRow): BrandType {
  return { id: brand.id, name: brand.name };
}

export function toWarehouseType(warehouse: Warehouse): WarehouseType {
  return { id: warehouse.id, code: warehouse.code, name: warehouse.name, city: warehouse.city };
}

export function toStockType(productId: string, summary: StockSummary & { preferredWarehouseId: string | null }): StockType {
  return {
    productId,
    status: summary.status as StockStatusEnum,
    available: summary.available,
    warehouses: summary.warehouses.map((w) => ({
      warehouseId: w.warehouseId,
      available: w.available,
      status: w.status as StockStatusEnum,
      preferred: w.warehouseId === summary.preferredWarehouseId,
    })),
  };
}

export function toInTransitStockType(shipment: InTransit): InTransitStockType {
  return { warehouseId: shipment.warehouse.id, quantity: shipment.quantity, eta: shipment.eta };
}
