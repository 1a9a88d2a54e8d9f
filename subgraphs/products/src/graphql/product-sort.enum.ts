import { registerEnumType } from 'type-graphql';

export enum ProductSortEnum {
  RELEVANCE = 'RELEVANCE',
  SKU = 'SKU',
  NAME = 'NAME',
}
registerEnumType(ProductSortEnum, {
  name: 'ProductSort',
  description: 'Order of a product list.',
  valuesConfig: {
    RELEVANCE: { description: 'Best match first (exact SKU, SKU prefix, text rank); the same as SKU without a search term.' },
    SKU: { description: 'By SKU.' },
    NAME: { description: 'By name, then SKU.' },
  },
});
