import { badInput } from '@dealergraph/runtime';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { metricsPeriodProblem } from './domain/success-metrics.js';
import { successMetrics } from './success-metrics.service.js';
import { SuccessMetricsType } from './success-metrics.type.js';

@Resolver()
export class SuccessMetricsResolver {
  @Authorized()
  @Query(() => SuccessMetricsType, {
    description: "Staff: the portal's success metrics over the orders placed in [from, to).",
  })
  successMetrics(
    @Arg('from', () => Date, { description: 'Start (inclusive).' }) from: Date,
    @Arg('to', () => Date, { description: 'End (exclusive); after from.' }) to: Date,
    @Ctx() ctx: OrdersContext,
  ): Promise<SuccessMetricsType> {
    const problem = metricsPeriodProblem({ from, to });
    if (problem) throw badInput(problem, ['to']);
    return successMetrics(ctx, { from, to });
  }
}
