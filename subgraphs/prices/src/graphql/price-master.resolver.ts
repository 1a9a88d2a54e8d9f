import { type MasterDataRowResult, requireClaims, serviceUnavailable } from '@dealergraph/runtime';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import type { PricesContext } from '../context.js';
import { upsertPromotions, upsertSpecialPriceAgreements } from '../services/price-agreement.service.js';
import { replaceVolumeBreaks, upsertTierRules } from '../services/price-master.service.js';
import {
  PriceAgreementPayload,
  type PriceUpsertStatusEnum,
  ReplaceVolumeBreaksPayload,
  UpsertPromotionInput,
  UpsertSpecialPriceAgreementInput,
  UpsertTierRuleInput,
  VolumeBreakInput,
} from './price-master.type.js';

const optionsOf = (ctx: PricesContext) => {
  const claims = requireClaims(ctx.claims);
  return { actor: { id: claims.sub, name: claims.email ?? null }, dryRun: false, allOrNothing: true };
};

/** The payload of a one-row upsert: its status, or its refusal at the field under `input`. */
function payloadOf(row: MasterDataRowResult): PriceAgreementPayload {
  if (row.status !== 'FAILED') return { status: row.status as PriceUpsertStatusEnum, userErrors: [] };
  return { status: null, userErrors: [{ code: row.code, message: row.message, field: ['input', row.field ?? 'input'] }] };
}

/** The product id of a SKU and the dealer id of a code, asked of their owners (products, dealers); absent when unknown. */
async function resolve(ctx: PricesContext, refs: { sku: string; dealerCode?: string }) {
  if (!ctx.services) throw serviceUnavailable('Products and dealers cannot be asked from here; nothing was changed.');
  const sku = refs.sku.trim();
  const code = refs.dealerCode?.trim();
  const [products, dealers] = await Promise.all([
    sku ? ctx.services.products.call('resolveSkus', { skus: [sku] }) : { products: [] },
    code ? ctx.services.dealers.call('resolveDealerCodes', { codes: [code] }) : { dealers: [] },
  ]);
  return { productId: products.products[0]?.id, dealerId: dealers.dealers[0]?.id };
}

// Who may: the authorization matrix's rows (ADMIN, or an API client with ERP_IMPORT).
@Resolver()
export class PriceMasterResolver {
  @Authorized()
  @Mutation(() => PriceAgreementPayload, {
    description:
      'ADMIN or an ERP_IMPORT client: creates or updates a promotion on a product by campaign code and SKU (idempotent); audited.',
  })
  async upsertPromotion(
    @Arg('input', () => UpsertPromotionInput, { description: 'The promotion.' }) input: UpsertPromotionInput,
    @Ctx() ctx: PricesContext,
  ): Promise<PriceAgreementPayload> {
    const { productId } = await resolve(ctx, { sku: input.sku });
    const result = await upsertPromotions(ctx, [{ ...input, productId }], optionsOf(ctx));
    return payloadOf(result.rows[0]!);
  }

  @Authorized()
  @Mutation(() => PriceAgreementPayload, {
    description:
      "ADMIN or an ERP_IMPORT client: creates or updates a dealer's special price agreement on a product by the ERP's reference (idempotent); audited.",
  })
  async upsertSpecialPriceAgreement(
    @Arg('input', () => UpsertSpecialPriceAgreementInput, { description: 'The agreement.' }) input: UpsertSpecialPriceAgreementInput,
    @Ctx() ctx: PricesContext,
  ): Promise<PriceAgreementPayload> {
    const { productId, dealerId } = await resolve(ctx, { sku: input.sku, dealerCode: input.dealerCode });
    const result = await upsertSpecialPriceAgreements(ctx, [{ ...input, productId, dealerId }], optionsOf(ctx));
    return payloadOf(result.rows[0]!);
  }

  @Authorized()
  @Mutation(() => PriceAgreementPayload, {
    description:
      "ADMIN or an ERP_IMPORT client: sets a tier's discount off the list price (idempotent); every dealer of the tier is priced with it from its next request; audited.",
  })
  async upsertTierRule(
    @Arg('input', () => UpsertTierRuleInput, { description: 'The tier and its discount.' }) input: UpsertTierRuleInput,
    @Ctx() ctx: PricesContext,
  ): Promise<PriceAgreementPayload> {
    const result = await upsertTierRules(ctx, [{ ...input }], optionsOf(ctx));
    return payloadOf(result.rows[0]!);
  }

  @Authorized()
  @Mutation(() => ReplaceVolumeBreaksPayload, {
    description:
      'ADMIN or an ERP_IMPORT client: replaces the default volume breaks with these (the whole table; breaks not given are removed) when every break is valid and no ranges overlap; audited.',
  })
  async replaceVolumeBreaks(
    @Arg('breaks', () => [VolumeBreakInput], { description: 'The whole table, at most 50 breaks.' }) breaks: VolumeBreakInput[],
    @Ctx() ctx: PricesContext,
  ): Promise<ReplaceVolumeBreaksPayload> {
    if (breaks.length === 0 || breaks.length > 50)
      return {
        statuses: [],
        userErrors: [{ code: 'INVALID_INPUT', message: 'Give the whole table: 1 to 50 volume breaks.', field: ['breaks'] }],
      };
    const result = await replaceVolumeBreaks(
      ctx,
      breaks.map((b) => ({ minQuantity: b.minQuantity, maxQuantity: b.maxQuantity ?? null, discountPercent: b.discountPercent })),
      optionsOf(ctx),
    );
    const userErrors = result.rows.flatMap((row, i) =>
      row.status === 'FAILED' ? [{ code: row.code, message: row.message, field: ['breaks', String(i), row.field ?? 'minQuantity'] }] : [],
    );
    if (userErrors.length) return { statuses: [], userErrors };
    return { statuses: result.rows.map((r) => r.status as PriceUpsertStatusEnum), userErrors: [] };
  }
}
