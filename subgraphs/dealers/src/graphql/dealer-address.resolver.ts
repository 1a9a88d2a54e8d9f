import { requireClaims, type UserError } from '@dealergraph/runtime';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import type { DealersContext } from '../context.js';
import type { DealerAddressRow, DealerContactRow } from '../loaders/dealer.queries.js';
import { upsertDealerAddresses, upsertDealerContacts } from '../services/dealer-address.service.js';
import { resolveDealerCodes } from '../services/dealer-master.service.js';
import { DealerType } from './dealer.type.js';
import {
  DealerAddressType,
  DealerContactType,
  UpsertDealerAddressInput,
  UpsertDealerAddressPayload,
  UpsertDealerContactInput,
  UpsertDealerContactPayload,
} from './dealer-address.type.js';
import type { UpsertStatusEnum } from './dealer-master.type.js';

const optionsOf = (ctx: DealersContext) => {
  const claims = requireClaims(ctx.claims);
  return { actor: { id: claims.sub, name: claims.email ?? null }, dryRun: false, allOrNothing: true };
};

const errorsOf = (row: { status: string; code?: string; message?: string; field?: string | null }): UserError[] =>
  row.status === 'FAILED' ? [{ code: row.code!, message: row.message!, field: ['input', row.field ?? 'dealerCode'] }] : [];

/** The dealer's id by code, as the batch expects it (absent: UNKNOWN_DEALER). */
async function withDealer(ctx: DealersContext, input: { dealerCode: string }): Promise<Record<string, unknown>> {
  const [found] = input.dealerCode.trim() ? await resolveDealerCodes(ctx, [input.dealerCode]) : [];
  return { ...input, dealerId: found?.id };
}

const toAddress = (row: DealerAddressRow): DealerAddressType => ({ ...row });
const toContact = (row: DealerContactRow): DealerContactType => ({ ...row });

// Who may write: the authorization matrix's rows (ADMIN, or an API client with ERP_IMPORT). Who may
// read: whoever sees the dealer (its own users, staff).
@Resolver(() => DealerType)
export class DealerAddressResolver {
  @FieldResolver(() => [DealerAddressType], {
    description: 'Billing and ship-to addresses from the ERP, defaults first, active ones only.',
  })
  async addresses(@Root() dealer: DealerType, @Ctx() ctx: DealersContext): Promise<DealerAddressType[]> {
    return (await ctx.loaders.addressesByDealer.load(dealer.id)).map(toAddress);
  }

  @FieldResolver(() => [DealerContactType], { description: 'The people at the dealer, from the ERP, active ones only, by name.' })
  async contacts(@Root() dealer: DealerType, @Ctx() ctx: DealersContext): Promise<DealerContactType[]> {
    return (await ctx.loaders.contactsByDealer.load(dealer.id)).map(toContact);
  }

  @Authorized()
  @Mutation(() => UpsertDealerAddressPayload, {
    description: "ADMIN or an ERP_IMPORT client: creates or updates a dealer's address by dealer and address code (idempotent); audited.",
  })
  async upsertDealerAddress(
    @Arg('input', () => UpsertDealerAddressInput, { description: 'The address.' }) input: UpsertDealerAddressInput,
    @Ctx() ctx: DealersContext,
  ): Promise<UpsertDealerAddressPayload> {
    const result = await upsertDealerAddresses(ctx, [await withDealer(ctx, input)], optionsOf(ctx));
    const row = result.rows[0]!;
    if (row.status === 'FAILED') return { address: null, status: null, userErrors: errorsOf(row) };
    const stored = await ctx.loaders.addressById.load(result.ids[0]!);
    return { address: stored ? toAddress(stored) : null, status: row.status as UpsertStatusEnum, userErrors: [] };
  }

  @Authorized()
  @Mutation(() => UpsertDealerContactPayload, {
    description: "ADMIN or an ERP_IMPORT client: creates or updates a dealer's contact by dealer and email (idempotent); audited.",
  })
  async upsertDealerContact(
    @Arg('input', () => UpsertDealerContactInput, { description: 'The contact.' }) input: UpsertDealerContactInput,
    @Ctx() ctx: DealersContext,
  ): Promise<UpsertDealerContactPayload> {
    const result = await upsertDealerContacts(ctx, [await withDealer(ctx, input)], optionsOf(ctx));
    const row = result.rows[0]!;
    if (row.status === 'FAILED') return { contact: null, status: null, userErrors: errorsOf(row) };
    const stored = await ctx.loaders.contactById.load(result.ids[0]!);
    return { contact: stored ? toContact(stored) : null, status: row.status as UpsertStatusEnum, userErrors: [] };
  }
}
