import { AssortmentGrant } from './assortment-grant.entity.js';
import { Brand } from './brand.entity.js';
import { Category } from './category.entity.js';
import { DealerCategoryLimit } from './dealer-category-limit.entity.js';
import { DealerSegment } from './dealer-segment.entity.js';
import { InTransit } from './in-transit.entity.js';
import { MasterDataChange } from './master-data-change.entity.js';
import { OrderReservation } from './order-reservation.entity.js';
import { Product } from './product.entity.js';
import { ProductLink } from './product-link.entity.js';
import { ProductSpec } from './product-spec.entity.js';
import { ProductSubstitute } from './product-substitute.entity.js';
import { StockLevel } from './stock-level.entity.js';
import { StockReservation } from './stock-reservation.entity.js';
import { Warehouse } from './warehouse.entity.js';

export {
  AssortmentGrant,
  Brand,
  Category,
  DealerCategoryLimit,
  DealerSegment,
  InTransit,
  MasterDataChange,
  OrderReservation,
  Product,
  ProductLink,
  ProductSpec,
  ProductSubstitute,
  StockLevel,
  StockReservation,
  Warehouse,
};
export const entities = [
  Category,
  Brand,
  Product,
  Warehouse,
  StockLevel,
  InTransit,
  AssortmentGrant,
  DealerCategoryLimit,
  DealerSegment,
  OrderReservation,
  StockReservation,
  ProductSpec,
  ProductLink,
  ProductSubstitute,
  MasterDataChange,
];
