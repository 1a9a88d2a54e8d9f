import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { toOrderType } from '../orders/order.mapper.js';
import { type BulkDecision, decideOrders, MAX_BULK_ORDERS } from './bulk-decision.service.js';
import { BulkDecisionPayload } from './bulk-decision.type.js';
import { RejectionAlternativeInput, RejectionCodeEnum } from './order-rejection.type.js';

async function run(ctx: OrdersContext, orderIds: string[], decision: BulkDecision): Promise<BulkDecisionPayload> {
  const outcome = await decideOrders(ctx, orderIds, decision);
  if (!Array.isArray(outcome)) return { results: [], userErrors: [{ ...outcome, field: ['orderIds'] }] };
  return {
    results: outcome.map((r) => ({ orderId: r.orderId, order: r.order ? toOrderType(r.order) : null, userErrors: r.userErrors })),
    userErrors: [],
  };
}

@Resolver()
export class BulkDecisionResolver {
  @Authorized()
  @Mutation(() => BulkDecisionPayload, {
    description: `Approves up to ${MAX_BULK_ORDERS} orders in one call, each exactly as approveOrder would (credit re-checked and held at that moment); one result per order. A refusal for one order does not stop the others.`,
  })
  approveOrders(
    @Arg('orderIds', () => [ID], { description: 'The orders to approve.' }) orderIds: string[],
    @Arg('comment', () => String, { nullable: true, description: 'A note for each status history.' }) comment: string | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<BulkDecisionPayload> {
    return run(ctx, orderIds, { kind: 'approve', comment: comment ?? null });
  }

  @Authorized()
  @Mutation(() => BulkDecisionPayload, {
    description: `Rejects up to ${MAX_BULK_ORDERS} orders in one call with one reason (code, text, alternatives), each exactly as rejectOrder would; one result per order.`,
  })
  rejectOrders(
    @Arg('orderIds', () => [ID], { description: 'The orders to reject.' }) orderIds: string[],
    @Arg('reason', { description: 'Why, for the dealers (mandatory).' }) reason: string,
    @Arg('reasonCode', () => RejectionCodeEnum, { nullable: true, description: 'The reason code; OTHER when omitted.' })
    reasonCode: RejectionCodeEnum | null,
    @Arg('alternatives', () => [RejectionAlternativeInput], {
      nullable: true,
      description: 'What the dealers could do instead, the same for each order.',
    })
    alternatives: RejectionAlternativeInput[] | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<BulkDecisionPayload> {
    return run(ctx, orderIds, { kind: 'reject', reason, code: reasonCode, alternatives });
  }
}
