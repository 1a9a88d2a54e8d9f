import { formatAmount } from '@dealergraph/runtime';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { DealersContext } from '../context.js';
import type { TierChange } from '../entities/tier-change.entity.js';
import type { TierUpgradeRequest } from '../entities/tier-upgrade-request.entity.js';
import * as tiers from '../services/tier.service.js';
import type { DealerTierEnum } from './enums.js';
import {
  DealerTierStatusType,
  DecideTierUpgradeInput,
  DecideTierUpgradePayload,
  RequestTierUpgradeInput,
  RequestTierUpgradePayload,
  type TierChangeKindEnum,
  TierChangeType,
  TierEvaluationRunType,
  type TierTrendEnum,
  TierUpgradeRequestStatusEnum,
  TierUpgradeRequestType,
} from './tier.type.js';

const toRequest = (r: TierUpgradeRequest): TierUpgradeRequestType => ({
  id: r.id,
  dealerId: r.dealerId,
  fromTier: r.fromTier as DealerTierEnum,
  requestedTier: r.requestedTier as DealerTierEnum,
  reason: r.reason,
  requestedBy: r.requestedByName,
  status: r.status as TierUpgradeRequestStatusEnum,
  decidedBy: r.decidedByName,
  decisionNote: r.decisionNote,
  createdAt: r.createdAt,
  decidedAt: r.decidedAt,
});

const toChange = (c: TierChange): TierChangeType => ({
  id: c.id,
  fromTier: c.fromTier as DealerTierEnum,
  toTier: c.toTier as DealerTierEnum,
  kind: c.kind as TierChangeKindEnum,
  reason: c.reason,
  decidedBy: c.actorName,
  at: c.at,
});

// Who may: the authorization matrix's rows; whose dealer: the services.
@Resolver()
export class TierResolver {
  @Authorized()
  @Query(() => DealerTierStatusType, {
    nullable: true,
    description:
      "A dealer's tier, what its results qualify it for, what it takes to reach the next tier, and its tier history. Dealer users: their own (dealerId may be left out); staff name the dealer. Null for a dealer you may not see.",
  })
  async dealerTierStatus(
    @Arg('dealerId', () => ID, { nullable: true, description: 'The dealer; a dealer user may leave it out.' }) dealerId: string | null,
    @Ctx() ctx: DealersContext,
  ): Promise<DealerTierStatusType | null> {
    const status = await tiers.dealerTierStatus(ctx, dealerId ?? null);
    if (!status) return null;
    const { dealer, evaluation } = status;
    return {
      dealerId: dealer.id,
      tier: dealer.tier as DealerTierEnum,
      qualifiedTier: evaluation.tier as DealerTierEnum,
      trend: evaluation.direction as TierTrendEnum,
      reason: evaluation.reason,
      trailingRevenue: formatAmount(status.revenue),
      oldestOverdueDays: status.oldestOverdueDays,
      next: evaluation.next
        ? {
            tier: evaluation.next.tier as DealerTierEnum,
            revenueTarget: formatAmount(evaluation.next.revenueTarget),
            revenueNeeded: formatAmount(evaluation.next.revenueNeeded),
            blockers: evaluation.next.blockers,
          }
        : null,
      downgradePendingTo: (dealer.tierDowngradeTo as DealerTierEnum | null) ?? null,
      downgradeDueAt: dealer.tierDowngradeDueAt,
      pendingRequest: status.pendingRequest ? toRequest(status.pendingRequest) : null,
      history: status.history.map(toChange),
    };
  }

  @Authorized()
  @Query(() => [TierUpgradeRequestType], { description: 'Manual upgrade requests, newest first (the last 200); staff.' })
  async tierUpgradeRequests(
    @Arg('status', () => TierUpgradeRequestStatusEnum, { nullable: true, description: 'Only requests in this state.' })
    status: TierUpgradeRequestStatusEnum | null,
    @Ctx() ctx: DealersContext,
  ): Promise<TierUpgradeRequestType[]> {
    return (await tiers.listTierUpgradeRequests(ctx, status ?? null)).map(toRequest);
  }

  @Authorized()
  @Mutation(() => RequestTierUpgradePayload, {
    description: "A sales rep asks for a dealer's manual upgrade (one pending request per dealer); a sales manager decides it.",
  })
  async requestTierUpgrade(
    @Arg('input', () => RequestTierUpgradeInput, { description: 'The dealer, the tier and why.' }) input: RequestTierUpgradeInput,
    @Ctx() ctx: DealersContext,
  ): Promise<RequestTierUpgradePayload> {
    const result = await tiers.requestTierUpgrade(ctx, input);
    return result.ok ? { request: toRequest(result.value), userErrors: [] } : { request: null, userErrors: result.errors };
  }

  @Authorized()
  @Mutation(() => DecideTierUpgradePayload, {
    description:
      "A sales manager (REGIONAL_MANAGER for the dealer's region, SALES_DIRECTOR, GENERAL_MANAGER) approves or rejects an upgrade request; approval moves the tier and the dealer's prices at once.",
  })
  async decideTierUpgrade(
    @Arg('input', () => DecideTierUpgradeInput, { description: 'The request and the decision.' }) input: DecideTierUpgradeInput,
    @Ctx() ctx: DealersContext,
  ): Promise<DecideTierUpgradePayload> {
    const result = await tiers.decideTierUpgrade(ctx, { requestId: input.requestId, approve: input.approve, note: input.note ?? null });
    return result.ok
      ? { request: toRequest(result.value.request), userErrors: result.value.warnings }
      : { request: null, userErrors: result.errors };
  }

  @Authorized()
  @Mutation(() => TierEvaluationRunType, {
    description:
      'ADMIN: runs the tier evaluation now (the hourly job does it by itself): automatic upgrades, ended graces and, with review, the periodic review that decides downgrades.',
  })
  async runTierEvaluation(
    @Arg('review', { defaultValue: false, description: 'Also run the periodic review (downgrades start their grace period).' })
    review: boolean,
    @Arg('dealerIds', () => [ID], {
      nullable: true,
      description: 'Only these dealers (the periodic review is then not recorded); all when left out.',
    })
    dealerIds: string[] | null,
    @Ctx() ctx: DealersContext,
  ): Promise<TierEvaluationRunType> {
    return tiers.runTierEvaluation(ctx, { review, settings: ctx.tierSettings, dealerIds: dealerIds ?? null });
  }
}
