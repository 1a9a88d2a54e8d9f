import { PageArgs } from '@dealergraph/runtime';
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { ApprovalAreaEnum } from './approval-rule.type.js';

/** The GraphQL face of domain/approval-state.ts (same names). */
export enum ApprovalStateEnum {
  NOT_REQUIRED = 'NOT_REQUIRED',
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApprovalStateEnum, {
  name: 'ApprovalState',
  description: 'Where an order stands with its approvals.',
  valuesConfig: {
    NOT_REQUIRED: { description: 'No approval rule applied: the order was approved automatically.' },
    PENDING: { description: 'Waits for an approver: see currentApprovalStep and estimatedDecisionAt.' },
    APPROVED: { description: 'Every step of its chain was approved.' },
    REJECTED: { description: 'An approver rejected it: see Order.rejection.' },
    WITHDRAWN: { description: 'Cancelled while it still waited for an approval.' },
  },
});

@ObjectType('OrderApprovalStep', { description: "One step of an order's approval chain." })
export class OrderApprovalStepType {
  @Field(() => Int, { description: '1-based place in the chain; steps are decided in this order.' })
  position!: number;

  @Field(() => Int, {
    description:
      "Approval level that may decide it, or a higher one of its area (1 SALES_REP ... 5 GENERAL_MANAGER; 0 for the dealer's own step).",
  })
  level!: number;

  @Field(() => ApprovalAreaEnum, { description: "Whose ladder decides it: SALES, FINANCE, or DEALER (the dealer's own DEALER_ADMIN)." })
  area!: ApprovalAreaEnum;

  @Field({ description: 'The role of that level, e.g. REGIONAL_MANAGER.' })
  role!: string;

  @Field({ description: 'The approval rule that asked for it, e.g. AMOUNT_OVER_10000 (see approvalRules).' })
  rule!: string;

  @Field({ description: 'Why the step is needed, for people.' })
  reason!: string;

  @Field({ description: 'PENDING, APPROVED or REJECTED.' })
  status!: string;

  @Field(() => ID, { nullable: true, description: 'The user who decided it.' })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was decided.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The approver's comment or reason." })
  comment!: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'While the step waits: when it must be decided before it escalates to the next level (a reminder goes out before); null for steps not waiting.',
  })
  dueAt!: Date | null;

  @Field(() => Int, { description: 'How many times the step moved up a level because nobody decided it in time.' })
  escalations!: number;
}

/** The order of the approval inbox. */
export enum ApprovalQueueSortEnum {
  OLDEST_FIRST = 'OLDEST_FIRST',
  NEWEST_FIRST = 'NEWEST_FIRST',
  LARGEST_FIRST = 'LARGEST_FIRST',
}
registerEnumType(ApprovalQueueSortEnum, {
  name: 'ApprovalQueueSort',
  description: 'The order of the approval inbox.',
  valuesConfig: {
    OLDEST_FIRST: { description: 'Longest waiting first (the default).' },
    NEWEST_FIRST: { description: 'Placed most recently first: the order just placed is on page 1.' },
    LARGEST_FIRST: { description: 'Highest total first.' },
  },
});

@ArgsType()
export class ApprovalQueueArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only this dealer's orders." })
  dealerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only orders whose number contains this text, e.g. "000123" (case-insensitive).' })
  number?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only orders whose next step needs this approval level (1-5).' })
  level?: number | null;

  @Field(() => String, { nullable: true, description: 'Only orders of dealers in this region (case-insensitive).' })
  region?: string | null;

  @Field(() => ApprovalQueueSortEnum, { nullable: true, description: 'The order of the page: OLDEST_FIRST when left out.' })
  sort?: ApprovalQueueSortEnum | null;
}
