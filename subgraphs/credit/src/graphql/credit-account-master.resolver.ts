import { requireClaims } from '@dealergraph/runtime';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import type { CreditContext } from '../context.js';
import { positionOf } from '../services/credit.service.js';
import { upsertCreditAccounts } from '../services/credit-account-master.service.js';
import { type CreditUpsertStatusEnum, UpsertCreditAccountInput, UpsertCreditAccountPayload } from './credit-account-master.type.js';
import { toCreditAccountType } from './mappers.js';

// Who may: the authorization matrix's row (ADMIN, or an API client with ERP_IMPORT).
@Resolver()
export class CreditAccountMasterResolver {
  @Authorized()
  @Mutation(() => UpsertCreditAccountPayload, {
    description:
      "ADMIN or an ERP_IMPORT client: opens or updates a dealer's credit account (limit, terms, exceedance policy) by dealer code; idempotent; audited.",
  })
  async upsertCreditAccount(
    @Arg('input', () => UpsertCreditAccountInput, { description: 'The account.' }) input: UpsertCreditAccountInput,
    @Ctx() ctx: CreditContext,
  ): Promise<UpsertCreditAccountPayload> {
    const claims = requireClaims(ctx.claims);
    const code = input.dealerCode.trim();
    const found = code && ctx.services ? (await ctx.services.dealers.call('resolveDealerCodes', { codes: [code] })).dealers[0] : undefined;
    if (!found)
      return {
        account: null,
        status: null,
        userErrors: [{ code: 'UNKNOWN_DEALER', message: `No dealer has the code ${code.slice(0, 40)}.`, field: ['input', 'dealerCode'] }],
      };
    const result = await upsertCreditAccounts(ctx, [{ dealerId: found.id, dealerCode: code, values: { ...input } }], {
      actor: { id: claims.sub, name: claims.email ?? null },
      dryRun: false,
      allOrNothing: true,
      reason: input.reason?.trim() || "The ERP's master data",
    });
    const row = result.rows[0]!;
    if (row.status === 'FAILED')
      return {
        account: null,
        status: null,
        userErrors: [{ code: row.code, message: row.message, field: ['input', row.field ?? 'dealerCode'] }],
      };
    const position = await positionOf(ctx, found.id);
    return { account: position ? toCreditAccountType(position) : null, status: row.status as CreditUpsertStatusEnum, userErrors: [] };
  }
}
