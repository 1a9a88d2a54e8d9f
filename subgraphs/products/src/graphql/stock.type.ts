import { Field, Int, ObjectType } from 'type-graphql';

import { StockStatusEnum } from './enums.js';

@ObjectType('WarehouseStock', { description: "A product's stock in one warehouse." })
export class WarehouseStockType {
  @Field(() => Int, { description: 'On hand minus reserved in this warehouse; never below 0.' })
  available!: number;

  @Field(() => StockStatusEnum, { description: "Status of this warehouse's quantity against its own low-stock threshold." })
  status!: StockStatusEnum;

  @Field(() => Boolean, { description: "Whether this is the signed-in dealer's preferred (closest) warehouse; it is then listed first." })
  preferred!: boolean;

  /** Resolved by the warehouse field resolver. */
  warehouseId!: string;
}

@ObjectType('InTransitStock', { description: 'An inbound shipment of the product, not yet received.' })
export class InTransitStockType {
  @Field(() => Int, { description: 'Units on the way.' })
  quantity!: number;

  @Field(() => Date, { nullable: true, description: 'Expected arrival; null when the supplier has not confirmed one.' })
  eta!: Date | null;

  /** Resolved by the warehouse field resolver. */
  warehouseId!: string;
}

@ObjectType('Stock', {
  description:
    "Stock of a product. available sums on hand minus reserved over all warehouses; the status compares it with the sum of the warehouses' low-stock thresholds: OUT at 0, LOW up to the threshold, IN_STOCK above.",
})
export class StockType {
  @Field(() => StockStatusEnum, { description: 'Overall traffic light: IN_STOCK (green), LOW (yellow), OUT (red).' })
  status!: StockStatusEnum;

  @Field(() => Int, { description: 'Units available over all warehouses (on hand minus reserved); never below 0.' })
  available!: number;

  @Field(() => [WarehouseStockType], {
    description: "Stock per warehouse: the signed-in dealer's preferred (closest) warehouse first, then by warehouse code.",
  })
  warehouses!: WarehouseStockType[];

  /** Resolved by the inTransit field resolver. */
  productId!: string;
}
