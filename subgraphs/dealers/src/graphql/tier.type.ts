import { UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

import { DealerTierEnum } from './enums.js';

export enum TierChangeKindEnum {
  AUTOMATIC_UPGRADE = 'AUTOMATIC_UPGRADE',
  MANUAL_UPGRADE = 'MANUAL_UPGRADE',
  DOWNGRADE = 'DOWNGRADE',
  MASTER_DATA = 'MASTER_DATA',
}
registerEnumType(TierChangeKindEnum, {
  name: 'TierChangeKind',
  description: 'How a tier changed.',
  valuesConfig: {
    AUTOMATIC_UPGRADE: { description: 'The tier job: the trailing 12-month revenue reached the target of a higher tier.' },
    MANUAL_UPGRADE: { description: "A sales rep's request, approved by a sales manager." },
    DOWNGRADE: { description: 'The periodic review decided it, and the grace period ended with the dealer still qualifying lower.' },
    MASTER_DATA: { description: "The ERP's master data (upsertDealer or a DEALERS import) set another tier." },
  },
});

export enum TierUpgradeRequestStatusEnum {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(TierUpgradeRequestStatusEnum, {
  name: 'TierUpgradeRequestStatus',
  description: 'Where a manual upgrade request stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for a sales manager.' },
    APPROVED: { description: 'Approved: the dealer moved to the requested tier.' },
    REJECTED: { description: 'Rejected: the tier stayed.' },
  },
});

export enum TierTrendEnum {
  UP = 'UP',
  DOWN = 'DOWN',
  SAME = 'SAME',
  FIXED = 'FIXED',
}
registerEnumType(TierTrendEnum, {
  name: 'TierTrend',
  description: "Where the dealer's results point compared with its tier.",
  valuesConfig: {
    UP: { description: 'They qualify for a higher tier: the next hourly check upgrades it.' },
    DOWN: { description: 'They qualify for a lower tier: the next review starts a grace period.' },
    SAME: { description: 'They match the tier.' },
    FIXED: { description: 'The contract type fixes the tier; the evaluation does not move it.' },
  },
});

@ObjectType('TierChange', { description: "One change of a dealer's tier, with why and by whom." })
export class TierChangeType {
  @Field(() => ID, { description: 'The change.' })
  id!: string;

  @Field(() => DealerTierEnum, { description: 'The tier before.' })
  fromTier!: DealerTierEnum;

  @Field(() => DealerTierEnum, { description: 'The tier after.' })
  toTier!: DealerTierEnum;

  @Field(() => TierChangeKindEnum, { description: 'How it changed.' })
  kind!: TierChangeKindEnum;

  @Field({ description: 'Why: the figures of the evaluation, or the request and its approval.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Who decided it (email); null for the tier job.' })
  decidedBy!: string | null;

  @Field(() => Date, { description: 'When it took effect.' })
  at!: Date;
}

@ObjectType('NextTier', { description: 'What it takes to reach the tier above the current one.' })
export class NextTierType {
  @Field(() => DealerTierEnum, { description: 'The tier above.' })
  tier!: DealerTierEnum;

  @Field({ description: "Its trailing 12-month revenue target for this dealer (after its type's and region's factors), a decimal string." })
  revenueTarget!: string;

  @Field({ description: 'How much more revenue it needs, a decimal string; "0.00" when reached.' })
  revenueNeeded!: string;

  @Field(() => [String], {
    description: 'What else stands in the way (an invoice past due, a contract that fixes the tier); empty when nothing.',
  })
  blockers!: string[];
}

@ObjectType('TierUpgradeRequest', { description: "A sales rep's request to upgrade a dealer, decided by a sales manager." })
export class TierUpgradeRequestType {
  @Field(() => ID, { description: 'The request.' })
  id!: string;

  @Field(() => ID, { description: 'The dealer.' })
  dealerId!: string;

  @Field(() => DealerTierEnum, { description: 'The tier when it was asked.' })
  fromTier!: DealerTierEnum;

  @Field(() => DealerTierEnum, { description: 'The tier asked for.' })
  requestedTier!: DealerTierEnum;

  @Field({ description: "The rep's reason." })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Who asked (email).' })
  requestedBy!: string | null;

  @Field(() => TierUpgradeRequestStatusEnum, { description: 'Where it stands.' })
  status!: TierUpgradeRequestStatusEnum;

  @Field(() => String, { nullable: true, description: 'Who decided (email); null while pending.' })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true, description: "The manager's note." })
  decisionNote!: string | null;

  @Field(() => Date, { description: 'When it was asked.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was decided; null while pending.' })
  decidedAt!: Date | null;
}

@ObjectType('DealerTierStatus', {
  description: "A dealer's tier, what its results qualify it for, what the next tier takes, and its history.",
})
export class DealerTierStatusType {
  @Field(() => ID, { description: 'The dealer.' })
  dealerId!: string;

  @Field(() => DealerTierEnum, { description: 'The tier now (it selects the price list).' })
  tier!: DealerTierEnum;

  @Field(() => DealerTierEnum, {
    description: 'The tier its trailing 12-month revenue, payment performance, type, region and contract qualify it for.',
  })
  qualifiedTier!: DealerTierEnum;

  @Field(() => TierTrendEnum, { description: 'Where the results point compared with the tier.' })
  trend!: TierTrendEnum;

  @Field({ description: 'The evaluation in words.' })
  reason!: string;

  @Field({ description: 'Invoiced in the trailing 12 months, a decimal string.' })
  trailingRevenue!: string;

  @Field(() => Int, { description: 'Days the oldest unpaid invoice is past due; 0 when none is.' })
  oldestOverdueDays!: number;

  @Field(() => NextTierType, { nullable: true, description: 'What it takes to reach the tier above; null at PLATINUM.' })
  next!: NextTierType | null;

  @Field(() => DealerTierEnum, {
    nullable: true,
    description: 'A downgrade the review decided, waiting for its grace period to end; null when none.',
  })
  downgradePendingTo!: DealerTierEnum | null;

  @Field(() => Date, { nullable: true, description: 'When that grace period ends.' })
  downgradeDueAt!: Date | null;

  @Field(() => TierUpgradeRequestType, { nullable: true, description: 'A manual upgrade request waiting for a decision; null when none.' })
  pendingRequest!: TierUpgradeRequestType | null;

  @Field(() => [TierChangeType], { description: 'Its tier changes, newest first (the last 100).' })
  history!: TierChangeType[];
}

@InputType({ description: 'A manual upgrade request.' })
export class RequestTierUpgradeInput {
  @Field(() => ID, { description: 'The dealer (in your scope: your own dealers or region for a SALES_REP).' })
  dealerId!: string;

  @Field(() => DealerTierEnum, { description: 'The tier to move it to; above its current one.' })
  tier!: DealerTierEnum;

  @Field({ description: 'Why (up to 1,000 characters).' })
  reason!: string;
}

@ObjectType({ description: 'The result of asking for a manual upgrade.' })
export class RequestTierUpgradePayload {
  @Field(() => TierUpgradeRequestType, { nullable: true, description: 'The request, PENDING; null when refused.' })
  request!: TierUpgradeRequestType | null;

  @Field(() => [UserError], {
    description: 'FORBIDDEN, NOT_FOUND, NOT_AN_UPGRADE, REQUIRED, TOO_LONG or REQUEST_PENDING (one at a time per dealer).',
  })
  userErrors!: UserError[];
}

@InputType({ description: "A sales manager's decision on an upgrade request." })
export class DecideTierUpgradeInput {
  @Field(() => ID, { description: 'The request.' })
  requestId!: string;

  @Field({ description: 'True to approve (the tier moves at once), false to reject.' })
  approve!: boolean;

  @Field(() => String, { nullable: true, description: 'A note for the history (up to 1,000 characters).' })
  note?: string | null;
}

@ObjectType({ description: 'The result of deciding an upgrade request.' })
export class DecideTierUpgradePayload {
  @Field(() => TierUpgradeRequestType, { nullable: true, description: 'The request as decided; null when refused.' })
  request!: TierUpgradeRequestType | null;

  @Field(() => [UserError], {
    description:
      'FORBIDDEN, NOT_FOUND, ALREADY_DECIDED, SELF_DECISION, NOT_AN_UPGRADE, TOO_LONG; SEGMENT_NOT_PUBLISHED (approved, prices follow within the hour).',
  })
  userErrors!: UserError[];
}

@ObjectType('TierEvaluationRun', { description: 'What one run of the tier evaluation did.' })
export class TierEvaluationRunType {
  @Field({ description: 'False when another run was in progress (this one did nothing).' })
  ran!: boolean;

  @Field(() => Int, { description: 'Active dealers evaluated.' })
  evaluated!: number;

  @Field(() => Int, { description: 'Dealers upgraded at once.' })
  upgraded!: number;

  @Field(() => Int, { description: 'Downgrades decided, now in their grace period.' })
  gracesStarted!: number;

  @Field(() => Int, { description: 'Pending downgrades dropped: the dealer recovered.' })
  gracesCancelled!: number;

  @Field(() => Int, { description: 'Dealers moved down at the end of their grace.' })
  downgraded!: number;

  @Field(() => Int, { description: 'Dealers whose new tier prices and products were told.' })
  published!: number;
}
