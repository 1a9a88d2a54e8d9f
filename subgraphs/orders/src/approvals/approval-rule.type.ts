import { ConnectionType, Money, UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The GraphQL face of the rule kinds in domain/approval-routing.ts (same names). */
export enum ApprovalRuleKindEnum {
  ORDER_TOTAL_ABOVE = 'ORDER_TOTAL_ABOVE',
  CREDIT_EXCEEDANCE = 'CREDIT_EXCEEDANCE',
  BELOW_MINIMUM_ORDER = 'BELOW_MINIMUM_ORDER',
  SPECIAL_PRICE = 'SPECIAL_PRICE',
  SPECIAL_PRODUCT = 'SPECIAL_PRODUCT',
  NEW_DEALER_FIRST_ORDERS = 'NEW_DEALER_FIRST_ORDERS',
  NON_CAMPAIGN_DISCOUNT = 'NON_CAMPAIGN_DISCOUNT',
}

registerEnumType(ApprovalRuleKindEnum, {
  name: 'ApprovalRuleKind',
  description: 'What an approval rule looks at.',
  valuesConfig: {
    ORDER_TOTAL_ABOVE: { description: 'The order total is above `threshold` (high value).' },
    CREDIT_EXCEEDANCE: {
      description:
        "Credit asks for an approval (the dealer's exceedance policy ROUTE_TO_APPROVAL, or a restricted account); level 4 or above.",
    },
    BELOW_MINIMUM_ORDER: { description: "The total is below the dealer's minimum order amount and its policy says APPROVAL." },
    SPECIAL_PRICE: { description: 'A line is priced from a special price (a dealer agreement).' },
    SPECIAL_PRODUCT: {
      description:
        "A line's product has one of the rule's `handling` classes: its `restriction` (CONTRACT_ONLY, IMPORTED, QUOTA), or HAZARDOUS for a product marked hazardous (upsertProduct's `hazardous`).",
    },
    NEW_DEALER_FIRST_ORDERS: {
      description: "One of a new dealer's first `count` orders (dealers whose first orders were reviewed already are exempt).",
    },
    NON_CAMPAIGN_DISCOUNT: {
      description:
        'A line discounted by something other than the tier, volume breaks or a promotion campaign (today: a special price) by more than `discountPercent` off list.',
    },
  },
});

/** The GraphQL face of the areas in domain/approval-areas.ts (same names). */
export enum ApprovalAreaEnum {
  SALES = 'SALES',
  FINANCE = 'FINANCE',
  DEALER = 'DEALER',
}

registerEnumType(ApprovalAreaEnum, {
  name: 'ApprovalArea',
  description:
    'Whose ladder decides an approval step: an approver decides steps of their own area at their level or below; escalation stays in the area (docs/APPROVALS.md).',
  valuesConfig: {
    SALES: { description: 'Sales exceptions: SALES_REP (1), REGIONAL_MANAGER (2), SALES_DIRECTOR (3), then the GENERAL_MANAGER (5).' },
    FINANCE: { description: 'Credit and payment matters: FINANCE (4), then the GENERAL_MANAGER (5).' },
    DEALER: {
      description:
        "The dealer's own decision (a user's spending limit): a DEALER_ADMIN of the order's dealer, before the distributor's steps. Not for rules.",
    },
  },
});

@ObjectType('ApprovalRuleSettings', { description: "An approval rule's settings, as stored now or as the audit trail recorded them." })
export class ApprovalRuleSettingsType {
  @Field(() => ApprovalRuleKindEnum, { description: 'What the rule looks at.' })
  kind!: ApprovalRuleKindEnum;

  @Field({
    description: 'Rules of one group are alternatives: of those that fire, the highest level wins; groups chain, lowest level first.',
  })
  group!: string;

  @Field(() => Int, { description: "The approval level its step needs (1 SALES_REP ... 5 GENERAL_MANAGER), on its area's ladder." })
  level!: number;

  @Field(() => ApprovalAreaEnum, { description: 'Whose ladder decides its step: SALES or FINANCE.' })
  area!: ApprovalAreaEnum;

  @Field({ description: 'The role of that level in that area.' })
  role!: string;

  @Field({ description: 'False: the rule never fires.' })
  enabled!: boolean;

  @Field(() => Int, { nullable: true, description: "Hours its step may wait before it escalates; null: the level's default." })
  deadlineHours!: number | null;

  @Field(() => Money, { nullable: true, description: 'ORDER_TOTAL_ABOVE: fires above this total.' })
  threshold!: Money | null;

  @Field(() => String, { nullable: true, description: 'NON_CAMPAIGN_DISCOUNT: fires above this discount off list, e.g. "45.00".' })
  discountPercent!: string | null;

  @Field(() => Int, { nullable: true, description: "NEW_DEALER_FIRST_ORDERS: how many of a new dealer's first orders are reviewed." })
  count!: number | null;

  @Field(() => [String], { nullable: true, description: 'SPECIAL_PRODUCT: the product handling classes that fire.' })
  handling!: string[] | null;
}

@ObjectType('ApprovalRule', {
  description: 'One rule that can send an order to an approver. ADMIN reads and changes them; every change is audited.',
})
export class ApprovalRuleType extends ApprovalRuleSettingsType {
  @Field(() => ID, { description: 'Id of the rule.' })
  id!: string;

  @Field({ description: 'Stable name, shown on the approval steps it asks for (e.g. AMOUNT_OVER_10000).' })
  name!: string;

  @Field({ description: 'When it last changed.' })
  updatedAt!: Date;
}

@ObjectType('ApprovalRuleChange', { description: 'One change of an approval rule: who, when, before, after and why.' })
export class ApprovalRuleChangeType {
  @Field(() => ID, { description: 'Id of the change.' })
  id!: string;

  @Field({ description: 'The rule changed.' })
  ruleName!: string;

  @Field({ description: 'CREATED or UPDATED.' })
  action!: string;

  @Field(() => ID, { description: 'The ADMIN user who made it.' })
  changedByUserId!: string;

  @Field({ description: "That user's email at the time." })
  changedByEmail!: string;

  @Field({ description: 'When.' })
  at!: Date;

  @Field(() => ApprovalRuleSettingsType, { nullable: true, description: 'The rule before; null for a created rule.' })
  before!: ApprovalRuleSettingsType | null;

  @Field(() => ApprovalRuleSettingsType, { description: 'The rule after.' })
  after!: ApprovalRuleSettingsType;

  @Field({ description: 'Why, as the ADMIN said.' })
  reason!: string;
}

@ObjectType('ApprovalRuleChangeConnection', { description: "A page of the approval rules' audit trail, newest first." })
export class ApprovalRuleChangeConnection extends ConnectionType(ApprovalRuleChangeType, 'approvalRuleChanges') {}

@ObjectType('ApprovalRulePayload', { description: 'The rule as saved.' })
export class ApprovalRulePayload {
  @Field(() => ApprovalRuleType, { nullable: true, description: 'The rule now; null when nothing changed.' })
  rule!: ApprovalRuleType | null;

  @Field(() => [UserError], {
    description:
      'Why nothing changed: FORBIDDEN, NOT_FOUND, NOTHING_TO_CHANGE, REASON_REQUIRED, INVALID_LEVEL, INVALID_DEADLINE, INVALID_THRESHOLD, INVALID_AMOUNT, INVALID_COUNT, INVALID_HANDLING, INVALID_PARAMETER, INVALID_CHANGE, INVALID_NAME, INVALID_GROUP, DUPLICATE_NAME.',
  })
  userErrors!: UserError[];
}

/** The parameters of a rule's kind and the reason of the change, alike in a new rule and a change. */
@InputType()
class ApprovalRuleParametersInput {
  @Field(() => String, { nullable: true, description: 'ORDER_TOTAL_ABOVE: the amount, e.g. "20000.00".' })
  threshold?: string | null;

  @Field(() => String, { nullable: true, description: 'NON_CAMPAIGN_DISCOUNT: the percentage off list, e.g. "40.00".' })
  discountPercent?: string | null;

  @Field(() => Int, { nullable: true, description: 'NEW_DEALER_FIRST_ORDERS: how many first orders, 1-100.' })
  count?: number | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "SPECIAL_PRODUCT: the handling classes that send an order to approval: a product's `restriction` (CONTRACT_ONLY, IMPORTED, QUOTA) or HAZARDOUS (marked hazardous).",
  })
  handling?: string[] | null;

  @Field({ description: 'Why (3-500 characters); kept in the audit trail.' })
  reason!: string;
}

@InputType('UpdateApprovalRuleInput', {
  description: 'What to change in one rule; absent fields stay as they are. A reason is required (audit trail).',
})
export class UpdateApprovalRuleInput extends ApprovalRuleParametersInput {
  @Field({ description: 'The rule, by name.' })
  name!: string;

  @Field(() => Boolean, { nullable: true, description: 'Turn the rule on or off.' })
  enabled?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'The level its step needs, 1-5.' })
  level?: number | null;

  @Field(() => ApprovalAreaEnum, {
    nullable: true,
    description: "SALES or FINANCE: whose ladder decides its steps (the level must be on that area's ladder).",
  })
  area?: ApprovalAreaEnum | null;

  @Field(() => Int, { nullable: true, description: 'Hours its step may wait, 1-720.' })
  deadlineHours?: number | null;

  @Field(() => Boolean, { nullable: true, description: "True: back to the level's default deadline." })
  clearDeadline?: boolean | null;
}

@InputType('CreateApprovalRuleInput', {
  description: 'A new rule; its kind says which parameter it needs. A reason is required (audit trail).',
})
export class CreateApprovalRuleInput extends ApprovalRuleParametersInput {
  @Field({ description: 'Unique name: A-Z, 0-9 and _, e.g. AMOUNT_OVER_20000.' })
  name!: string;

  @Field(() => ApprovalRuleKindEnum, { description: 'What it looks at.' })
  kind!: ApprovalRuleKindEnum;

  @Field({ description: 'Its group (rules of one group are alternatives), e.g. AMOUNT.' })
  group!: string;

  @Field(() => Int, { description: 'The level its step needs, 1-5.' })
  level!: number;

  @Field(() => ApprovalAreaEnum, {
    nullable: true,
    description: 'SALES or FINANCE: whose ladder decides its steps; absent: FINANCE for CREDIT_EXCEEDANCE, SALES for the rest.',
  })
  area?: ApprovalAreaEnum | null;

  @Field(() => Boolean, { nullable: true, description: 'Default true.' })
  enabled?: boolean | null;

  @Field(() => Int, { nullable: true, description: "Hours its step may wait, 1-720; absent: the level's default." })
  deadlineHours?: number | null;
}
