import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { toOrderType } from '../orders/order.mapper.js';
import { OrderType } from '../orders/order.type.js';
import { setMinimumOrder } from './dealer-order-policy.service.js';
import { placeOrder } from './place-order.service.js';
import { type BelowMinimumEnum, MinimumOrderInput, MinimumOrderPayload, PlaceOrderInput, PlaceOrderPayload } from './placement.type.js';

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
    const result = await placeOrder(ctx, input);
    if (result.failure) throw new GraphQLError(result.failure, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
    return { order: result.order ? toOrderType(result.order) : null, warning: result.warning, userErrors: result.userErrors };
  }

  @Authorized()
  @Mutation(() => MinimumOrderPayload, {
    description: "ADMIN or GENERAL_MANAGER: a dealer's minimum order amount and what happens below it.",
  })
  async setMinimumOrderAmount(
    @Arg('input', () => MinimumOrderInput, { description: 'The setting.' }) input: MinimumOrderInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<MinimumOrderPayload> {
    const { policy, userErrors } = await setMinimumOrder(ctx, input);
    return { policy: policy ? { ...policy, belowMinimum: policy.belowMinimum as BelowMinimumEnum } : null, userErrors };
  }
}
