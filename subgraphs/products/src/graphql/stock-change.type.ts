import { Field, ObjectType, registerEnumType } from 'type-graphql';

import { ProductType } from './product.type.js';

export enum StockChangeReasonEnum {
  RESERVED = 'RESERVED',
  RELEASED = 'RELEASED',
  IMPORTED = 'IMPORTED',
}
registerEnumType(StockChangeReasonEnum, {
  name: 'StockChangeReason',
  description: 'What changed the availability.',
  valuesConfig: {
    RESERVED: { description: 'An order reserved units.' },
    RELEASED: { description: 'A rejected or cancelled order gave its units back.' },
    IMPORTED: { description: 'A stock import (ERP) set new quantities on hand.' },
  },
});

@ObjectType('StockChange', { description: "A watched product's availability changed (after the change committed)." })
export class StockChangeType {
  @Field(() => String, { description: 'The product, by sku.' })
  sku!: string;

  @Field(() => StockChangeReasonEnum, { description: 'What changed it.' })
  reason!: StockChangeReasonEnum;

  @Field(() => Date, { description: 'When the change was made.' })
  at!: Date;

  @Field(() => ProductType, {
    description: 'The product as it is now: select stock { available status warehouses { ... } } for the new availability.',
  })
  product!: ProductType;
}
