import { PageArgs, pageWindow, requireClaims, toMoney, toPage } from '@dealergraph/runtime';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { CreditContext } from '../context.js';
import { listPriceMismatches, type PriceMismatchView, resolvePriceMismatch } from '../services/price-consistency.service.js';
import { PriceMismatchConnection, PriceMismatchType, ResolvePriceMismatchPayload } from './price-mismatch.type.js';

const toType = (m: PriceMismatchView): PriceMismatchType => ({
  id: m.id,
  invoiceId: m.invoiceId,
  invoiceNumber: m.invoiceNumber,
  orderId: m.orderId,
  dealerId: m.dealerId,
  sku: m.sku,
  kind: m.kind,
  orderedUnitPrice: m.orderedUnitPrice === null ? null : toMoney(m.orderedUnitPrice, m.currency),
  invoicedUnitPrice: toMoney(m.invoicedUnitPrice, m.currency),
  invoicedQuantity: m.invoicedQuantity,
  detectedAt: m.detectedAt,
  resolvedAt: m.resolvedAt,
  resolvedBy: m.resolvedBy,
  resolutionNote: m.resolutionNote,
});

@Resolver()
export class PriceMismatchResolver {
  @Authorized()
  @Query(() => PriceMismatchConnection, {
    description: 'Finance and administrators: invoice lines billed at another price than ordered, open ones first, newest first.',
  })
  async priceMismatches(
    @Args() args: PageArgs,
    @Arg('openOnly', () => Boolean, { defaultValue: true, description: 'Only those not resolved yet.' }) openOnly: boolean,
    @Ctx() ctx: CreditContext,
  ) {
    const window = pageWindow(args);
    const { nodes, totalCount } = await listPriceMismatches(ctx.em, { ...window, openOnly });
    return toPage(
      nodes.map((m) => toType(m)),
      totalCount,
      window,
    );
  }

  @Authorized()
  @Mutation(() => ResolvePriceMismatchPayload, { description: 'Finance: closes a price mismatch with how it was settled (audited).' })
  async resolvePriceMismatch(
    @Arg('id', () => ID, { description: 'The mismatch.' }) id: string,
    @Arg('note', { description: 'How it was settled (1-500 characters), e.g. "credit note CN-1001".' }) note: string,
    @Ctx() ctx: CreditContext,
  ): Promise<ResolvePriceMismatchPayload> {
    const { mismatch, userErrors } = await resolvePriceMismatch(ctx.em, requireClaims(ctx.claims), { id, note });
    return { mismatch: mismatch ? toType(mismatch) : null, userErrors };
  }
}
