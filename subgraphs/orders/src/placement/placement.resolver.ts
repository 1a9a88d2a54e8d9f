import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { OrderType } from '../orders/order.type.js';
import { setMinimumOrder } from './dealer-order-policy.service.js';
import { placeOrder } from './place-order.service.js';
import { toMinimumOrderPayload, toPlaceOrderPayload } from './placement.mapper.js';
import { MinimumOrderInput, MinimumOrderPayload, PlaceOrderInput, PlaceOrderPayload } from './placement.type.js';

/** Placing an order, and the dealer's minimum order amount placement checks. */
@Resolver(() => OrderType)
export class PlacementResolver {
  @Authorized()
  @Mutation(() => PlaceOrderPayload, {
    description:
      "Places an order for the caller's dealer from the given lines or, lines omitted, from the caller's cart: priced exactly as quoted now, stock reserved, routed to approval when a rule says so, credit held when approved. The same idempotencyKey returns the same order.",
  })
  async placeOrder(
    @Arg('input', () => PlaceOrderInput, { description: 'The order.' }) input: PlaceOrderInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<PlaceOrderPayload> {
    return toPlaceOrderPayload(await placeOrder(ctx, input));
  }

  @Authorized()
  @Mutation(() => MinimumOrderPayload, {
    description: "ADMIN or GENERAL_MANAGER: a dealer's minimum order amount and what happens below it.",
  })
  async setMinimumOrderAmount(
    @Arg('input', () => MinimumOrderInput, { description: 'The setting.' }) input: MinimumOrderInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<MinimumOrderPayload> {
    return toMinimumOrderPayload(await setMinimumOrder(ctx, input));
  }
}
