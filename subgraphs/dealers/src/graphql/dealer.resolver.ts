import { PageArgs, pageWindow, toPage } from '@dealergraph/runtime';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';

import type { DealersContext } from '../context.js';
import * as dealers from '../services/dealer.service.js';
import { DealerConnection, DealerType } from './dealer.type.js';
import { DealerTierEnum } from './enums.js';
import { toDealerType, toUserType } from './mappers.js';
import { UserType } from './user.type.js';

@InputType({ description: 'Narrows a dealer list.' })
class DealerFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the name or code.' })
  search?: string | null;

  @Field(() => DealerTierEnum, { nullable: true, description: 'Only this tier.' })
  tier?: DealerTierEnum | null;

  @Field(() => String, { nullable: true, description: 'Only this region.' })
  region?: string | null;
}

@ArgsType()
class DealersArgs extends PageArgs {
  @Field(() => DealerFilterInput, { nullable: true, description: 'Narrows the list.' })
  filter?: DealerFilterInput | null;
}

@Resolver(() => DealerType)
export class DealerResolver {
  @Authorized()
  @Query(() => UserType, {
    nullable: true,
    description: 'The signed-in user; null if the account was disabled since the token was issued.',
  })
  async me(@Ctx() ctx: DealersContext) {
    const user = await dealers.currentUser(ctx);
    return user ? toUserType(user) : null;
  }

  @Authorized()
  @Query(() => DealerType, { nullable: true, description: 'A dealer by id. Dealer users see their own dealer only; others read as null.' })
  async dealer(@Arg('id', () => ID, { description: 'The dealer id.' }) id: string, @Ctx() ctx: DealersContext) {
    const dealer = await dealers.findDealer(ctx, id);
    return dealer ? toDealerType(dealer) : null;
  }

  @Authorized()
  @Query(() => DealerConnection, { description: "The distributor's dealers, for staff." })
  async dealers(@Args() args: DealersArgs, @Ctx() ctx: DealersContext) {
    const window = pageWindow(args);
    const [rows, total] = await dealers.listDealers(ctx, args.filter ?? {}, window);
    return toPage(rows.map(toDealerType), total, window);
  }
}

@Resolver(() => UserType)
export class UserResolver {
  @FieldResolver(() => DealerType, { nullable: true, description: 'The dealer the user acts for; null for staff.' })
  async dealer(@Root() user: { dealerId: string | null }, @Ctx() ctx: DealersContext) {
    if (!user.dealerId) return null;
    const dealer = await dealers.findDealer(ctx, user.dealerId);
    return dealer ? toDealerType(dealer) : null;
  }
}
