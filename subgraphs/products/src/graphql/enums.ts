import { registerEnumType } from 'type-graphql';

export enum StockStatusEnum {
  IN_STOCK = 'IN_STOCK',
  LOW = 'LOW',
  OUT = 'OUT',
}
registerEnumType(StockStatusEnum, {
  name: 'StockStatus',
  description: 'Traffic-light stock status. LOW means available above zero and at or below the threshold.',
  valuesConfig: {
    IN_STOCK: { description: 'Green: more available than the low-stock threshold.' },
    LOW: { description: 'Yellow: some available, at or below the low-stock threshold.' },
    OUT: { description: 'Red: nothing available.' },
  },
});
