import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';

import type { PricesContext } from '../context.js';
import * as prices from '../services/price.service.js';
import { toDealerPriceListType, toPriceType, withQuantityErrors } from './mappers.js';
import { DealerPriceListType, PriceType, ProductStub } from './price.type.js';

@Resolver(() => ProductStub)
export class ProductPriceResolver {
  @FieldResolver(() => PriceType, {
    nullable: true,
    description:
      "The price for the signed-in dealer. Staff pass dealerId to see that dealer's price; staff without dealerId, a dealer user asking for another dealer, anonymous callers, dealers without a price list and products without a list price get null.",
  })
  async price(
    @Root() product: ProductStub,
    @Arg('dealerId', () => ID, {
      nullable: true,
      description: "Staff only: the dealer whose price to show. A dealer user may pass only its own dealer's id.",
    })
    dealerId: string | null | undefined,
    @Arg('quantity', () => Int, {
      nullable: true,
      defaultValue: 1,
      description:
        'Units on the line, a whole number >= 1 (otherwise an INVALID_QUANTITY error); selects the volume break. Omitted or null: 1.',
    })
    quantity: number | null | undefined,
    @Ctx() ctx: PricesContext,
    @Arg('at', () => Date, {
      nullable: true,
      description:
        'The instant to price at: the list price, promotions and special prices valid then apply (a dated list price from its valid_from on). Omitted or null: now.',
    })
    at?: Date | null,
  ): Promise<PriceType | null> {
    const price = await withQuantityErrors(() =>
      prices.productPrice(ctx, { productId: product.id, quantity: quantity ?? 1, dealerId, at: at ?? null }),
    );
    return price ? toPriceType(price) : null;
  }
}

@Resolver()
export class PriceListResolver {
  @Authorized()
  @Query(() => DealerPriceListType, {
    nullable: true,
    description: "The signed-in dealer's price list (tier discount and volume breaks); null for staff.",
  })
  async myPriceList(@Ctx() ctx: PricesContext): Promise<DealerPriceListType | null> {
    const list = await prices.myPriceList(ctx);
    return list ? toDealerPriceListType(list) : null;
  }
}
