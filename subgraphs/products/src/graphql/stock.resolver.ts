import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { ProductsContext } from '../context.js';
import * as catalog from '../services/catalog.service.js';
import * as stock from '../services/stock.service.js';
import { WarehouseType } from './catalog.type.js';
import { toInTransitStockType, toWarehouseType } from './mappers.js';
import { InTransitStockType, StockType, WarehouseStockType } from './stock.type.js';

async function warehouseOf(ctx: ProductsContext, id: string): Promise<WarehouseType> {
  const warehouse = await catalog.findWarehouse(ctx, id);
  if (!warehouse) throw new Error(`warehouse ${id} is missing`);
  return toWarehouseType(warehouse);
}

@Resolver(() => StockType)
export class StockResolver {
  @FieldResolver(() => [InTransitStockType], { description: 'Inbound shipments, soonest first (unknown arrival last).' })
  async inTransit(@Root() stockRoot: StockType, @Ctx() ctx: ProductsContext): Promise<InTransitStockType[]> {
    return (await stock.inTransitOf(ctx, stockRoot.productId)).map(toInTransitStockType);
  }
}

@Resolver(() => WarehouseStockType)
export class WarehouseStockResolver {
  @FieldResolver(() => WarehouseType, { description: 'The warehouse.' })
  warehouse(@Root() row: WarehouseStockType, @Ctx() ctx: ProductsContext): Promise<WarehouseType> {
    return warehouseOf(ctx, row.warehouseId);
  }
}

@Resolver(() => InTransitStockType)
export class InTransitStockResolver {
  @FieldResolver(() => WarehouseType, { description: 'The warehouse the shipment goes to.' })
  warehouse(@Root() row: InTransitStockType, @Ctx() ctx: ProductsContext): Promise<WarehouseType> {
    return warehouseOf(ctx, row.warehouseId);
  }
}
