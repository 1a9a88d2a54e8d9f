import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('ApprovalRuleStats', { description: 'How often one approval rule fired at one level, and how fast its steps were decided.' })
export class ApprovalRuleStatsType {
  @Field({ description: 'The rule, e.g. AMOUNT_OVER_10000 or CREDIT_APPROVAL.' })
  rule!: string;

  @Field(() => Int, { description: 'The approval level (1-5) of its steps.' })
  level!: number;

  @Field(() => Int, { description: 'Orders of the period that got a step of this rule at this level.' })
  orders!: number;

  @Field(() => Float, { description: 'Those orders as a share of all orders of the period (0-1).' })
  share!: number;

  @Field(() => Int, { description: 'Steps of the rule decided so far.' })
  decided!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Median seconds from placing the order to deciding the step; null before any decision.',
  })
  medianSecondsToDecision!: number | null;
}

@ObjectType('ApprovalStats', {
  description: 'Over-approval view for staff: how many orders needed approval, by rule and level, and how fast they were decided.',
})
export class ApprovalStatsType {
  @Field(() => Date, { description: 'Start of the period (inclusive).' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period (exclusive).' })
  to!: Date;

  @Field(() => Int, { description: 'Orders placed in the period.' })
  totalOrders!: number;

  @Field(() => Int, { description: 'Of those, the orders that needed any approval.' })
  ordersNeedingApproval!: number;

  @Field(() => Float, { description: 'ordersNeedingApproval / totalOrders (0-1); high values say the rules stop too many routine orders.' })
  approvalShare!: number;

  @Field(() => [ApprovalRuleStatsType], { description: 'One entry per rule and level, lowest level first.' })
  byRule!: ApprovalRuleStatsType[];
}
