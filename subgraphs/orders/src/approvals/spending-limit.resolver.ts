import { userErrorsOf } from '@dealergraph/runtime';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { listSpendingLimits, setSpendingLimit } from './spending-limit.service.js';
import { SpendingLimitInput, SpendingLimitPayload, SpendingLimitType } from './spending-limit.type.js';

/** The dealer's own decision process: its users' spending limits. */
@Resolver()
export class SpendingLimitResolver {
  @Authorized()
  @Mutation(() => SpendingLimitPayload, {
    description:
      "DEALER_ADMIN (their own dealer's users) or ADMIN: an ORDER_ENTRY user's spending limits. An order above one waits for the dealer's own DEALER_ADMIN before the distributor's approvals.",
  })
  async setSpendingLimit(
    @Arg('input', () => SpendingLimitInput, { description: 'The user and their limits.' }) input: SpendingLimitInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<SpendingLimitPayload> {
    const result = await setSpendingLimit(ctx, input);
    return { spendingLimit: result.ok ? result.value : null, userErrors: userErrorsOf(result) };
  }

  @Authorized()
  @Query(() => [SpendingLimitType], {
    description: "DEALER_ADMIN: their dealer's users' spending limits; ADMIN: the named dealer's.",
  })
  async spendingLimits(
    @Arg('dealerId', () => ID, { nullable: true, description: 'ADMIN: the dealer (a DEALER_ADMIN always reads their own).' })
    dealerId: string | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<SpendingLimitType[]> {
    return listSpendingLimits(ctx, dealerId);
  }
}
