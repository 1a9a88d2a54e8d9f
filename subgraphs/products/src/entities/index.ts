import { Brand } from './brand.entity.js';
import { Category } from './category.entity.js';
import { InTransit } from './in-transit.entity.js';
import { OrderReservation } from './order-reservation.entity.js';
import { Product } from './product.entity.js';
import { StockLevel } from './stock-level.entity.js';
import { StockReservation } from './stock-reservation.entity.js';
import { Warehouse } from './warehouse.entity.js';

export { Brand, Category, InTransit, OrderReservation, Product, StockLevel, StockReservation, Warehouse };
export const entities = [Category, Brand, Product, Warehouse, StockLevel, InTransit, OrderReservation, StockReservation];
