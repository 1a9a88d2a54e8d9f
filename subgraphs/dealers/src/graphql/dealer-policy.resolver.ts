import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import type { DealersContext } from '../context.js';
import * as policies from '../services/dealer-policy.service.js';
import { DealerType } from './dealer.type.js';
import { DealerSecurityPolicyType, UpdateDealerSecurityPolicyInput, UpdateDealerSecurityPolicyPayload } from './dealer-policy.type.js';

@Resolver(() => DealerType)
export class DealerPolicyResolver {
  @FieldResolver(() => DealerSecurityPolicyType, {
    nullable: true,
    description: "The dealer's security settings, for its DEALER_ADMIN and ADMINs; null for others.",
  })
  async securityPolicy(@Root() dealer: DealerType, @Ctx() ctx: DealersContext): Promise<DealerSecurityPolicyType | null> {
    return policies.findDealerSecurityPolicy(ctx, dealer.id);
  }

  @Authorized()
  @Mutation(() => UpdateDealerSecurityPolicyPayload, {
    description:
      "Sets a dealer's two-factor requirement and address allow-list (its DEALER_ADMIN, or an ADMIN). Takes effect within seconds.",
  })
  async updateDealerSecurityPolicy(
    @Arg('input', () => UpdateDealerSecurityPolicyInput, { description: 'What to change.' }) input: UpdateDealerSecurityPolicyInput,
    @Ctx() ctx: DealersContext,
  ): Promise<UpdateDealerSecurityPolicyPayload> {
    const result = await policies.updateDealerSecurityPolicy(ctx, input);
    if (!result.ok) return { policy: null, userErrors: result.errors };
    return { policy: { mfaRequired: result.value.mfaRequired, ipAllowList: result.value.ipAllowList }, userErrors: [] };
  }
}
