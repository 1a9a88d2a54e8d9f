import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { OrderType } from '../orders/order.type.js';
import { approvalStats, estimatedDecisionAt } from './approval-stats.service.js';
import { ApprovalStatsType } from './approval-stats.type.js';

const DAY_MS = 24 * 3600 * 1000;

@Resolver(() => OrderType)
export class ApprovalStatsResolver {
  @Authorized()
  @Query(() => ApprovalStatsType, {
    description: 'Staff: the over-approval view over orders placed in [from, to) (default: the last 30 days), to tune the approval rules.',
  })
  approvalStats(
    @Arg('from', () => Date, { nullable: true, description: 'Start (inclusive); default 30 days before `to`.' }) from: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'End (exclusive); default now.' }) to: Date | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<ApprovalStatsType> {
    const end = to ?? new Date();
    return approvalStats(ctx, { from: from ?? new Date(end.getTime() - 30 * DAY_MS), to: end });
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'For a pending order: when its current approval step is likely decided (placement plus the median time to decision at that level over the last 30 days); null otherwise or without history.',
  })
  estimatedDecisionAt(@Root() order: OrderType, @Ctx() ctx: OrdersContext): Promise<Date | null> {
    return estimatedDecisionAt(ctx, order);
  }
}
