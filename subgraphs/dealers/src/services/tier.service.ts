import { randomUUID } from 'node:crypto';

import {
  allows,
  type EntityManager,
  type InternalTierFacts,
  isUuid,
  ok,
  refused,
  requireClaims,
  type Result,
  startPeriodic,
  type UserError,
  userError,
} from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import type { DealersContext } from '../context.js';
import {
  checkUpgradeRequest,
  decideTierTransition,
  DEFAULT_TIER_CRITERIA,
  evaluateTier,
  isReviewDue,
  type Tier,
  type TierCriteria,
  type TierEvaluation,
} from '../domain/tier-evaluation.js';
import { Dealer } from '../entities/dealer.entity.js';
import { TierChange } from '../entities/tier-change.entity.js';
import { TierReview } from '../entities/tier-review.entity.js';
import { TierUpgradeRequest } from '../entities/tier-upgrade-request.entity.js';
import { User } from '../entities/user.entity.js';
import { publishDealerSegment, segmentOf } from './dealer-master.service.js';

const DAY_MS = 86_400_000;

/** How tiers are evaluated (config.ts reads them); tests pass their own. */
export interface TierSettings {
  /** Days between periodic reviews (downgrades are decided there); null: no reviews. */
  reviewPeriodDays: number | null;
  /** Days a decided downgrade waits before it applies. */
  graceDays: number;
  /** How often the job checks for automatic upgrades, due reviews and ended graces; 0: never (tests run it by hand). */
  checkIntervalMs: number;
  criteria: TierCriteria;
}

export const DEFAULT_TIER_SETTINGS: TierSettings = {
  reviewPeriodDays: 365,
  graceDays: 60,
  checkIntervalMs: 3_600_000,
  criteria: DEFAULT_TIER_CRITERIA,
};

/** The trailing 12-month ledger facts of these dealers (all: null), asked of credit, the ledger's owner. */
async function ledgerFacts(ctx: DealersContext, dealerIds: string[] | null, now: Date): Promise<Map<string, InternalTierFacts>> {
  const credit = ctx.services?.credit;
  if (!credit) throw new Error('dealers: no internal client for credit');
  const since = new Date(now.getTime() - 365 * DAY_MS).toISOString();
  const { dealers } = await credit.call('tierFacts', { dealerIds, since });
  return new Map(dealers.map((f) => [f.dealerId, f]));
}

function evaluate(dealer: Dealer, facts: InternalTierFacts | undefined, criteria: TierCriteria): TierEvaluation {
  return evaluateTier({
    currentTier: dealer.tier,
    revenue: facts?.revenue ?? 0,
    oldestOverdueDays: facts?.oldestOverdueDays ?? 0,
    dealerType: dealer.dealerType,
    region: dealer.region,
    contractType: dealer.contractType,
    criteria,
  });
}

function recordChange(
  em: EntityManager,
  dealer: Dealer,
  to: Tier,
  change: { kind: string; reason: string; actor: { id: string; name: string | null } | null; at: Date },
): void {
  em.persist(
    em.create(TierChange, {
      id: randomUUID(),
      dealerId: dealer.id,
      fromTier: dealer.tier,
      toTier: to,
      kind: change.kind,
      reason: change.reason,
      actorId: change.actor?.id ?? null,
      actorName: change.actor?.name ?? null,
      at: change.at,
    }),
  );
  dealer.tier = to;
  dealer.tierDowngradeTo = null;
  dealer.tierDowngradeDueAt = null;
  dealer.updatedAt = change.at;
}

/** Writes a tier change of the ERP's master data into the history (upsertDealer, imports), in the caller's transaction. */
export function recordMasterDataTierChange(em: EntityManager, dealer: Dealer, to: Tier, actor: { id: string; name: string | null }): void {
  if (dealer.tier === to) return;
  recordChange(em, dealer, to, { kind: 'MASTER_DATA', reason: 'Changed in the ERP master data.', actor, at: new Date() });
}

/**
 * Sends the tier of every dealer with an unpublished tier change to prices and products, and marks
 * those changes published. A failed call leaves them for the next run; returns how many dealers went.
 */
export async function publishTierChanges(ctx: DealersContext, dealerId?: string): Promise<number> {
  const pending = await ctx.em.getConnection().execute<{ dealer_id: string; upto: Date }[]>(
    `select dealer_id, max(at) as upto from "dealers"."tier_change"
      where not published ${dealerId ? 'and dealer_id = ?' : ''} group by dealer_id limit 500`,
    dealerId ? [dealerId] : [],
  );
  let sent = 0;
  for (const row of pending) {
    const dealer = await ctx.em.findOne(Dealer, { id: row.dealer_id }, { refresh: true });
    if (!dealer) continue;
    try {
      await publishDealerSegment(ctx, segmentOf(dealer));
    } catch (error) {
      ctx.logger?.error('tier change not published', { dealerId: dealer.id, error: String(error) });
      continue;
    }
    await ctx.em.nativeUpdate(TierChange, { dealerId: row.dealer_id, at: { $lte: row.upto }, published: false }, { published: true });
    sent += 1;
  }
  return sent;
}

export interface TierRunCounts {
  evaluated: number;
  upgraded: number;
  gracesStarted: number;
  gracesCancelled: number;
  downgraded: number;
  published: number;
  /** False when another instance was running the evaluation (this one did nothing). */
  ran: boolean;
}

/**
 * One evaluation of every active dealer: automatic upgrades at once; at a review, downgrades start
 * their grace period; ended graces apply. One transaction under an advisory lock (two instances
 * never evaluate at once), each change with its history row; then the new tiers go to prices and
 * products, so they price from the next request.
 */
export async function runTierEvaluation(
  ctx: DealersContext,
  input: { review: boolean; settings: TierSettings; now?: Date; dealerIds?: readonly string[] | null },
): Promise<TierRunCounts> {
  const now = input.now ?? new Date();
  // Named dealers only (malformed ids match none); a review of some dealers is not the periodic review.
  const only = input.dealerIds ? input.dealerIds.filter((id) => isUuid(id)) : null;
  const facts = only && only.length === 0 ? new Map<string, InternalTierFacts>() : await ledgerFacts(ctx, only, now);
  const counts = await ctx.em.transactional(async (em) => {
    const [lock] = await em.execute<{ locked: boolean }[]>(
      `select pg_try_advisory_xact_lock(hashtext('dealers.tier-evaluation')) as locked`,
    );
    if (!lock?.locked) return null;
    const dealers = await em.find(Dealer, only ? { active: true, id: { $in: only } } : { active: true }, {
      lockMode: LockMode.PESSIMISTIC_WRITE,
      refresh: true,
      orderBy: { id: 'asc' },
    });
    const c = { evaluated: dealers.length, upgraded: 0, gracesStarted: 0, gracesCancelled: 0, downgraded: 0 };
    for (const dealer of dealers) {
      const evaluation = evaluate(dealer, facts.get(dealer.id), input.settings.criteria);
      const pending =
        dealer.tierDowngradeTo && dealer.tierDowngradeDueAt ? { to: dealer.tierDowngradeTo, dueAt: dealer.tierDowngradeDueAt } : null;
      const step = decideTierTransition({ evaluation, pending, review: input.review, graceDays: input.settings.graceDays, now });
      if (step.action === 'UPGRADE') {
        recordChange(em, dealer, step.to, { kind: 'AUTOMATIC_UPGRADE', reason: evaluation.reason, actor: null, at: now });
        c.upgraded += 1;
      } else if (step.action === 'DOWNGRADE') {
        recordChange(em, dealer, step.to, { kind: 'DOWNGRADE', reason: evaluation.reason, actor: null, at: now });
        c.downgraded += 1;
      } else if (step.action === 'START_GRACE') {
        dealer.tierDowngradeTo = step.to;
        dealer.tierDowngradeDueAt = step.dueAt;
        c.gracesStarted += 1;
      } else if (step.action === 'CANCEL_GRACE') {
        dealer.tierDowngradeTo = null;
        dealer.tierDowngradeDueAt = null;
        c.gracesCancelled += 1;
      }
    }
    if (input.review && !only)
      em.persist(
        em.create(TierReview, {
          id: randomUUID(),
          at: now,
          kind: 'REVIEW',
          evaluated: c.evaluated,
          upgraded: c.upgraded,
          gracesStarted: c.gracesStarted,
          downgraded: c.downgraded,
        }),
      );
    return c;
  });
  if (!counts) return { evaluated: 0, upgraded: 0, gracesStarted: 0, gracesCancelled: 0, downgraded: 0, published: 0, ran: false };
  return { ...counts, published: await publishTierChanges(ctx), ran: true };
}

/** One tick of the job: a review when one is due (a fresh install records a baseline instead), else the upgrade check. */
export async function tierEvaluationTick(ctx: DealersContext, settings: TierSettings, now = new Date()): Promise<TierRunCounts> {
  const last = await ctx.em.findOne(TierReview, {}, { orderBy: { at: 'desc' } });
  if (!last)
    await ctx.em.insert(TierReview, {
      id: randomUUID(),
      at: now,
      kind: 'BASELINE',
      evaluated: 0,
      upgraded: 0,
      gracesStarted: 0,
      downgraded: 0,
    });
  const review = isReviewDue({ lastReviewAt: last?.at ?? null, periodDays: settings.reviewPeriodDays, now });
  return runTierEvaluation(ctx, { review, settings, now });
}

/**
 * The tier job: every `checkIntervalMs` (an hour by default) it upgrades the dealers that reached a
 * target, applies ended graces, and runs the periodic review when one is due. Not at start (a
 * restart does not evaluate), one run at a time; a failed run is reported and the next tick retries.
 */
export function startTierEvaluation(
  newContext: () => DealersContext,
  settings: TierSettings,
  onError: (error: unknown) => void,
): () => Promise<void> {
  if (settings.checkIntervalMs <= 0) return async () => {};
  return startPeriodic(() => tierEvaluationTick(newContext(), settings), settings.checkIntervalMs, onError, { now: false });
}

/** Who may act on a dealer's tier: SALES_REP for their own dealers or region, REGIONAL_MANAGER for their region, above them any. */
async function inStaffScope(ctx: DealersContext, dealer: Dealer, userId: string, role: string): Promise<boolean> {
  if (role !== 'SALES_REP' && role !== 'REGIONAL_MANAGER') return true;
  if (role === 'SALES_REP' && dealer.salesRepUserId === userId) return true;
  const user = await ctx.em.findOne(User, { id: userId, dealer: null });
  return !!user?.region && user.region === dealer.region;
}

/** A sales rep (or a manager above) asks for a dealer's manual upgrade; a sales manager decides it. One pending request per dealer. */
export async function requestTierUpgrade(
  ctx: DealersContext,
  input: { dealerId: string; tier: Tier; reason: string },
): Promise<Result<TierUpgradeRequest>> {
  const claims = requireClaims(ctx.claims);
  if (!allows(claims, 'Mutation.requestTierUpgrade'))
    return refused(userError('FORBIDDEN', 'Only sales staff may ask for a tier upgrade.'));
  const dealer = isUuid(input.dealerId) ? await ctx.em.findOne(Dealer, { id: input.dealerId }) : null;
  if (!dealer || !(await inStaffScope(ctx, dealer, claims.sub, claims.role)))
    return refused(userError('NOT_FOUND', 'No dealer with this id in your scope.', ['input', 'dealerId']));
  const problem = checkUpgradeRequest({ currentTier: dealer.tier, requestedTier: input.tier, reason: input.reason });
  if (problem) return refused(userError(problem.code, problem.message, ['input', problem.field]));
  const id = randomUUID();
  // The partial unique index keeps one PENDING request per dealer, also under a burst.
  const rows = await ctx.em.getConnection().execute<{ id: string }[]>(
    `insert into "dealers"."tier_upgrade_request" (id, dealer_id, from_tier, requested_tier, reason, requested_by, requested_by_name)
     values (?, ?, ?, ?, ?, ?, ?) on conflict (dealer_id) where status = 'PENDING' do nothing returning id`,
    [id, dealer.id, dealer.tier, input.tier, input.reason.trim(), claims.sub, claims.email ?? null],
  );
  if (rows.length === 0)
    return refused(
      userError('REQUEST_PENDING', 'This dealer already has an upgrade request waiting for a decision.', ['input', 'dealerId']),
    );
  return ok(await ctx.em.findOneOrFail(TierUpgradeRequest, { id }, { refresh: true }));
}

export interface DecidedUpgrade {
  request: TierUpgradeRequest;
  warnings: UserError[];
}

/**
 * A sales manager (REGIONAL_MANAGER for the dealer's region, SALES_DIRECTOR, GENERAL_MANAGER)
 * approves or rejects a pending upgrade request; never their own. Approval moves the tier at once
 * (history, prices from the next request). The request row is locked, so of two parallel decisions
 * one wins and the other hears ALREADY_DECIDED.
 */
export async function decideTierUpgrade(
  ctx: DealersContext,
  input: { requestId: string; approve: boolean; note: string | null },
): Promise<Result<DecidedUpgrade>> {
  const claims = requireClaims(ctx.claims);
  if (!allows(claims, 'Mutation.decideTierUpgrade'))
    return refused(userError('FORBIDDEN', 'Only a sales manager (REGIONAL_MANAGER or above) decides tier upgrades.'));
  const note = input.note?.trim() || null;
  if (note && note.length > 1000) return refused(userError('TOO_LONG', 'Keep the note under 1,000 characters.', ['input', 'note']));
  const actor = { id: claims.sub, name: claims.email ?? null };
  if (!isUuid(input.requestId))
    return refused(userError('NOT_FOUND', 'No upgrade request with this id in your scope.', ['input', 'requestId']));
  const outcome = await ctx.em.transactional(async (em): Promise<Result<{ request: TierUpgradeRequest; changed: Dealer | null }>> => {
    const request = await em.findOne(TierUpgradeRequest, { id: input.requestId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const dealer = request
      ? await em.findOne(Dealer, { id: request.dealerId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
      : null;
    if (!request || !dealer || !(await inStaffScope(ctx, dealer, claims.sub, claims.role)))
      return refused(userError('NOT_FOUND', 'No upgrade request with this id in your scope.', ['input', 'requestId']));
    if (request.status !== 'PENDING')
      return refused(userError('ALREADY_DECIDED', `This request was already ${request.status.toLowerCase()}.`, ['input', 'requestId']));
    if (request.requestedBy === claims.sub)
      return refused(userError('SELF_DECISION', 'Someone other than the requester decides a tier upgrade.', ['input', 'requestId']));
    const requested = request.requestedTier as Tier;
    if (input.approve && checkUpgradeRequest({ currentTier: dealer.tier, requestedTier: requested, reason: request.reason }))
      return refused(
        userError('NOT_AN_UPGRADE', `The dealer is already ${dealer.tier}; reject the request instead.`, ['input', 'requestId']),
      );
    Object.assign(request, {
      status: input.approve ? 'APPROVED' : 'REJECTED',
      decidedBy: actor.id,
      decidedByName: actor.name,
      decisionNote: note,
      decidedAt: new Date(),
    });
    if (!input.approve) return ok({ request, changed: null });
    const reason = `Manual upgrade asked by ${request.requestedByName ?? 'a sales rep'}: ${request.reason}${note ? ` (approved: ${note})` : ''}`;
    recordChange(em, dealer, requested, { kind: 'MANUAL_UPGRADE', reason, actor, at: new Date() });
    return ok({ request, changed: dealer });
  });
  if (!outcome.ok) return outcome;
  if (!outcome.value.changed) return ok({ request: outcome.value.request, warnings: [] });
  const published = await publishTierChanges(ctx, outcome.value.changed.id);
  const warnings =
    published > 0
      ? []
      : [userError('SEGMENT_NOT_PUBLISHED', 'Approved; prices will follow within the hour (the tier job sends it again).')];
  return ok({ request: outcome.value.request, warnings });
}

/** Upgrade requests for staff, newest first; a status narrows them. */
export async function listTierUpgradeRequests(ctx: DealersContext, status: string | null): Promise<TierUpgradeRequest[]> {
  return ctx.em.find(TierUpgradeRequest, status ? { status } : {}, { orderBy: { createdAt: 'desc' }, limit: 200 });
}

export interface TierStatus {
  dealer: Dealer;
  evaluation: TierEvaluation;
  revenue: number;
  oldestOverdueDays: number;
  history: TierChange[];
  pendingRequest: TierUpgradeRequest | null;
}

/**
 * A dealer's tier, what its results qualify it for, what it takes to reach the next tier and its
 * history. A dealer user sees its own only (another dealer's: null, like one that does not exist);
 * staff name the dealer.
 */
export async function dealerTierStatus(ctx: DealersContext, dealerId: string | null): Promise<TierStatus | null> {
  const claims = requireClaims(ctx.claims);
  const id = claims.dealerId ? (dealerId === null || dealerId === claims.dealerId ? claims.dealerId : null) : dealerId;
  if (!id || !isUuid(id)) return null;
  const dealer = await ctx.em.findOne(Dealer, { id });
  if (!dealer) return null;
  const facts = (await ledgerFacts(ctx, [dealer.id], new Date())).get(dealer.id);
  const [history, pendingRequest] = await Promise.all([
    ctx.em.find(TierChange, { dealerId: dealer.id }, { orderBy: { at: 'desc' }, limit: 100 }),
    ctx.em.findOne(TierUpgradeRequest, { dealerId: dealer.id, status: 'PENDING' }),
  ]);
  return {
    dealer,
    evaluation: evaluate(dealer, facts, ctx.tierSettings.criteria),
    revenue: facts?.revenue ?? 0,
    oldestOverdueDays: facts?.oldestOverdueDays ?? 0,
    history,
    pendingRequest,
  };
}
