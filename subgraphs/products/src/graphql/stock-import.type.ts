import { UserError } from '@dealergraph/runtime';
import { Field, InputType, Int, ObjectType } from 'type-graphql';

@InputType('StockLevelInput', { description: 'One count from the ERP: units on hand of one product in one warehouse.' })
export class StockLevelInput {
  @Field(() => String, { description: 'The product, by sku.' })
  sku!: string;

  @Field(() => String, { description: 'The warehouse, by code (any case), e.g. "WH-NORTH".' })
  warehouseCode!: string;

  @Field(() => Int, { description: 'Units physically on hand, 0 or more; replaces the current figure (reservations stay).' })
  onHand!: number;

  @Field(() => Int, { nullable: true, description: 'New low-stock threshold for this warehouse; omitted keeps the current one.' })
  lowThreshold?: number | null;
}

@InputType('ImportStockLevelsInput', { description: 'A stock import: counts per product and warehouse, at most 5,000 rows.' })
export class ImportStockLevelsInput {
  @Field(() => [StockLevelInput], { description: 'The counts; each (sku, warehouse) once.' })
  levels!: StockLevelInput[];
}

@ObjectType('ImportStockLevelsPayload', { description: 'The result of a stock import.' })
export class ImportStockLevelsPayload {
  @Field(() => Int, { description: 'Stock rows whose figures changed (0 when the same import is sent again).' })
  changed!: number;

  @Field(() => [UserError], { description: 'Why nothing was imported (one entry per bad row and field); empty on success.' })
  userErrors!: UserError[];
}
