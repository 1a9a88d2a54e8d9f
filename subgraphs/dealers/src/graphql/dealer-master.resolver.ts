import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import type { DealersContext } from '../context.js';
import { upsertDealer } from '../services/dealer-master.service.js';
import { DealerType } from './dealer.type.js';
import { UpsertDealerInput, UpsertDealerPayload, type UpsertStatusEnum } from './dealer-master.type.js';
import { toDealerType } from './mappers.js';

@Resolver(() => DealerType)
export class DealerMasterResolver {
  @Authorized()
  @Mutation(() => UpsertDealerPayload, {
    description: 'ADMIN or an ERP_IMPORT client: creates or updates a dealer by its code (idempotent); the change is audited.',
  })
  async upsertDealer(
    @Arg('input', () => UpsertDealerInput, { description: "The dealer's master data." }) input: UpsertDealerInput,
    @Ctx() ctx: DealersContext,
  ): Promise<UpsertDealerPayload> {
    const result = await upsertDealer(ctx, input);
    if (!result.ok) return { dealer: null, status: null, userErrors: result.errors };
    const { dealer, status, warnings } = result.value;
    return { dealer: toDealerType(dealer), status: status as UpsertStatusEnum, userErrors: warnings };
  }
}
