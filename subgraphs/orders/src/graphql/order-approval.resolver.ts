import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { approvalStateOf, currentStepOf } from '../domain/approval-state.js';
import { toApprovalStepType } from './mappers.js';
import { OrderType } from './order.type.js';
import { ApprovalStateEnum } from './order-approval.type.js';
import { OrderApprovalStepType } from './order-workflow.type.js';

/** The approval side of an order as its dealer sees it: the state and the step it waits on. */
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
}
