import { pageWindow, toPage } from '@dealergraph/runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { toOrderPayload, toOrderType } from '../orders/order.mapper.js';
import { OrderConnection, OrderType } from '../orders/order.type.js';
import { OrderPayload } from '../orders/order-lifecycle.type.js';
import { approvalQueue, approveOrder, rejectOrder } from './approval-decision.service.js';
import { approvalStateOf, currentStepOf } from './domain/approval-state.js';
import { toApprovalStepType } from './order-approval.mapper.js';
import { ApprovalQueueArgs, ApprovalStateEnum, OrderApprovalStepType } from './order-approval.type.js';
import { RejectionAlternativeInput, RejectionCodeEnum } from './order-rejection.type.js';

/** The approval side of an order: approving and rejecting it, the approver's queue, and the chain, state and step the dealer sees. */
@Resolver(() => OrderType)
export class OrderApprovalResolver {
  @FieldResolver(() => ApprovalStateEnum, {
    description: 'Where the order stands with its approvals: NOT_REQUIRED, PENDING, APPROVED, REJECTED or WITHDRAWN.',
  })
  async approvalState(@Root() order: OrderType, @Ctx() ctx: OrdersContext): Promise<ApprovalStateEnum> {
    const steps = await ctx.loaders.approvalStepsByOrderId.load(order.id);
    return approvalStateOf({ status: order.status, steps }) as ApprovalStateEnum;
  }

  @FieldResolver(() => OrderApprovalStepType, {
    nullable: true,
    description: 'The step the order waits on now (its level, role and deadline); null unless the order is pending approval.',
  })
  async currentApprovalStep(@Root() order: OrderType, @Ctx() ctx: OrdersContext): Promise<OrderApprovalStepType | null> {
    const step = currentStepOf({ status: order.status, steps: await ctx.loaders.approvalStepsByOrderId.load(order.id) });
    return step ? toApprovalStepType(step) : null;
  }
  @Authorized()
  @Mutation(() => OrderPayload, {
    description:
      "Approves the waiting steps of a pending order at the caller's level or below; the last one holds credit and makes the order APPROVED.",
  })
  async approveOrder(
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('comment', () => String, { nullable: true, description: 'A note for the status history.' }) comment: string | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderPayload> {
    return toOrderPayload(await approveOrder(ctx, orderId, comment ?? null));
  }

  @Authorized()
  @Mutation(() => OrderPayload, {
    description:
      'Rejects a pending order (an approver at the waiting level or above) with a reason code, text and suggested alternatives, shown on Order.rejection; its stock and credit are released.',
  })
  async rejectOrder(
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('reason', { description: 'Why, for the dealer (mandatory).' }) reason: string,
    @Arg('reasonCode', () => RejectionCodeEnum, { nullable: true, description: 'The reason code; OTHER when omitted.' })
    reasonCode: RejectionCodeEnum | null,
    @Arg('alternatives', () => [RejectionAlternativeInput], {
      nullable: true,
      description: 'What the dealer could do instead (each kind once, at most five).',
    })
    alternatives: RejectionAlternativeInput[] | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<OrderPayload> {
    return toOrderPayload(await rejectOrder(ctx, orderId, { reason, code: reasonCode, alternatives }));
  }

  @Authorized()
  @Query(() => OrderConnection, {
    description:
      "Staff: pending orders whose next approval step is at the caller's level or below, oldest first unless `sort` says otherwise; filtered by dealer, number, level and region.",
  })
  async approvalQueue(@Args() args: ApprovalQueueArgs, @Ctx() ctx: OrdersContext) {
    const window = pageWindow(args);
    const [rows, total] = await approvalQueue(ctx, window, {
      dealerId: args.dealerId ?? null,
      number: args.number?.trim() || null,
      level: args.level ?? null,
      region: args.region?.trim() || null,
      sort: args.sort ?? 'OLDEST_FIRST',
    });
    return toPage(rows.map(toOrderType), total, window);
  }

  @FieldResolver(() => [OrderApprovalStepType], { description: 'The approval chain, in order; empty for an order approved automatically.' })
  async approvalSteps(@Root() order: OrderType, @Ctx() ctx: OrdersContext): Promise<OrderApprovalStepType[]> {
    const steps = await ctx.loaders.approvalStepsByOrderId.load(order.id);
    return steps.map(toApprovalStepType);
  }
}
