import { requireClaims } from '@dealergraph/runtime';
import { Arg, Authorized, Resolver, Root, Subscription } from 'type-graphql';

import type { ProductsContext } from '../context.js';
import { type StockChangeEvent, watchStock } from '../services/stock-watch.service.js';
import { toProductType } from './mappers.js';
import { StockChangeReasonEnum, StockChangeType } from './stock-change.type.js';

@Resolver(() => StockChangeType)
export class StockChangeResolver {
  @Authorized()
  @Subscription(() => StockChangeType, {
    subscribe: ({ args, context }: { args: { skus: string[] }; context: ProductsContext }) => {
      requireClaims(context.claims);
      if (!context.stockEvents) throw new Error('stock events are not running on this instance');
      return watchStock(context, args.skus, context.stockEvents);
    },
    description:
      "The availability of the watched products each time a reservation, a release or a stock import changes it, after the change committed. A dealer user hears only products in its dealer's assortment (other skus are ignored, like unknown ones); staff hear any product.",
  })
  stockChanged(
    @Root() event: StockChangeEvent,
    @Arg('skus', () => [String], { description: 'The products to watch, by sku; 1 to 100.' }) _skus: string[],
  ): StockChangeType {
    return { sku: event.sku, reason: event.reason as StockChangeReasonEnum, at: event.at, product: toProductType(event.product) };
  }
}
