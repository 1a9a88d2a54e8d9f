/**
 * Tier management (seed "Price Tier System" and "Tier Transition Rules"): which tier a dealer's
 * results qualify it for, and what the periodic evaluation does about it. Pure: the facts come in
 * (trailing 12-month revenue and payment behaviour from credit, the master data from dealers).
 */

export const TIERS_LOW_TO_HIGH = ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'] as const;
export type Tier = (typeof TIERS_LOW_TO_HIGH)[number];

const rank = (tier: Tier): number => TIERS_LOW_TO_HIGH.indexOf(tier);
const tierAt = (index: number): Tier => TIERS_LOW_TO_HIGH[Math.max(0, Math.min(TIERS_LOW_TO_HIGH.length - 1, index))]!;

/** True when `a` is a higher tier than `b`. */
export function isAbove(a: Tier, b: Tier): boolean {
  return rank(a) > rank(b);
}

/** The criteria the evaluation applies; data, so a distributor can set its own. */
export interface TierCriteria {
  /** Trailing 12-month revenue (cents) a WHOLESALER in a region without a factor needs for each tier. */
  revenueTargets: Readonly<Record<Tier, number>>;
  /** Multiplies the targets by dealer type: a distributor must buy more than a retailer for the same tier. */
  typeFactors: Readonly<Record<string, number>>;
  /** Multiplies the targets by region (geographic differentiation); regions not listed use 1. */
  regionFactors: Readonly<Record<string, number>>;
  /** Contract types whose tier is negotiated (tenders, special agreements): the evaluation never moves it. */
  fixedContractTypes: readonly string[];
  /** Payment performance: an invoice more than this many days past due holds the dealer at its tier (no upgrade). */
  holdUpgradeAfterDays: number;
  /** More than this many days past due: one tier below what the revenue alone would give. */
  stepDownAfterDays: number;
}

/**
 * The demo distributor's criteria. Targets sit between the demo tiers' typical yearly purchases
 * (PLATINUM about 160,000.00, GOLD 100,000.00, SILVER 50,000.00, BRONZE 25,000.00).
 */
export const DEFAULT_TIER_CRITERIA: TierCriteria = {
  revenueTargets: { BRONZE: 0, SILVER: 4_000_000, GOLD: 8_000_000, PLATINUM: 14_000_000 },
  typeFactors: { DISTRIBUTOR: 1.5, WHOLESALER: 1, RETAILER: 0.75 },
  regionFactors: {},
  fixedContractTypes: ['TENDER', 'SPECIAL'],
  holdUpgradeAfterDays: 15,
  stepDownAfterDays: 30,
};

export interface TierFacts {
  currentTier: Tier;
  /** Invoiced in the trailing 12 months, cents. */
  revenue: number;
  /** Days the oldest unpaid invoice is past due; 0 when none is. */
  oldestOverdueDays: number;
  dealerType: string | null;
  region: string;
  contractType: string | null;
  criteria: TierCriteria;
}

export interface TierEvaluation {
  /** The tier the facts qualify the dealer for (the current one when the contract fixes it). */
  tier: Tier;
  direction: 'UP' | 'DOWN' | 'SAME' | 'FIXED';
  /** Why, in words, for the tier history. */
  reason: string;
  /** The revenue target (cents) of each tier for this dealer, after its type and region factors. */
  targets: Readonly<Record<Tier, number>>;
  /** What it takes to reach the tier above the current one; null at the top. */
  next: { tier: Tier; revenueTarget: number; revenueNeeded: number; blockers: string[] } | null;
}

const money = (cents: number): string => (cents / 100).toFixed(2);

/** The tier a dealer's facts qualify it for, and what it takes to reach the next one. */
export function evaluateTier(facts: TierFacts): TierEvaluation {
  const { criteria, currentTier } = facts;
  const factor = (criteria.typeFactors[facts.dealerType ?? ''] ?? 1) * (criteria.regionFactors[facts.region] ?? 1);
  const targets = Object.fromEntries(TIERS_LOW_TO_HIGH.map((t) => [t, Math.round(criteria.revenueTargets[t] * factor)])) as Record<
    Tier,
    number
  >;
  const byRevenue = [...TIERS_LOW_TO_HIGH].reverse().find((t) => facts.revenue >= targets[t]) ?? 'BRONZE';
  const fixed = facts.contractType !== null && criteria.fixedContractTypes.includes(facts.contractType.toUpperCase());
  const late = facts.oldestOverdueDays;
  const blockers: string[] = [];
  if (fixed) blockers.push(`The ${facts.contractType} contract fixes the tier; only a manual change moves it.`);
  if (late > criteria.holdUpgradeAfterDays)
    blockers.push(
      `An invoice is ${late} days past due; pay it to be upgraded (more than ${criteria.holdUpgradeAfterDays} days holds the tier).`,
    );
  const above = rank(currentTier) < TIERS_LOW_TO_HIGH.length - 1 ? tierAt(rank(currentTier) + 1) : null;
  const next = above
    ? { tier: above, revenueTarget: targets[above], revenueNeeded: Math.max(0, targets[above] - facts.revenue), blockers }
    : null;
  const revenueText = `trailing 12-month revenue ${money(facts.revenue)}`;
  if (fixed) return { tier: currentTier, direction: 'FIXED', reason: blockers[0]!, targets, next };

  let tier: Tier = byRevenue;
  let reason = `${revenueText} qualifies for ${byRevenue} (target ${money(targets[byRevenue])})`;
  if (late > criteria.stepDownAfterDays) {
    tier = tierAt(rank(byRevenue) - 1);
    reason += `; an invoice ${late} days past due (more than ${criteria.stepDownAfterDays}) takes it one tier lower`;
  } else if (late > criteria.holdUpgradeAfterDays && isAbove(byRevenue, currentTier)) {
    tier = currentTier;
    reason += `; held at ${currentTier}: an invoice is ${late} days past due (more than ${criteria.holdUpgradeAfterDays})`;
  }
  const direction = isAbove(tier, currentTier) ? 'UP' : isAbove(currentTier, tier) ? 'DOWN' : 'SAME';
  return { tier, direction, reason, targets, next };
}

/** A downgrade waiting for its grace period to end. */
export interface PendingDowngrade {
  to: Tier;
  dueAt: Date;
}

export type TierTransition =
  | { action: 'NONE' }
  | { action: 'UPGRADE'; to: Tier }
  | { action: 'START_GRACE'; to: Tier; dueAt: Date }
  | { action: 'WAIT' }
  | { action: 'DOWNGRADE'; to: Tier }
  | { action: 'CANCEL_GRACE' };

const DAY_MS = 86_400_000;

/**
 * What the evaluation does with a dealer: an upgrade applies at once (automatic upgrade on target
 * revenue, checked on every run); a downgrade is only decided at a periodic review, and then waits
 * a grace period (the dealer is told and may recover); when the grace ends and the dealer still
 * qualifies lower, it moves. A dealer that recovers during the grace keeps its tier.
 */
export function decideTierTransition(input: {
  evaluation: Pick<TierEvaluation, 'tier' | 'direction'>;
  pending: PendingDowngrade | null;
  /** True at the periodic review (monthly or yearly), false at the frequent upgrade check. */
  review: boolean;
  graceDays: number;
  now: Date;
}): TierTransition {
  const { evaluation, pending, now } = input;
  if (evaluation.direction === 'UP') return { action: 'UPGRADE', to: evaluation.tier };
  if (evaluation.direction !== 'DOWN') return pending ? { action: 'CANCEL_GRACE' } : { action: 'NONE' };
  if (pending) return now.getTime() >= pending.dueAt.getTime() ? { action: 'DOWNGRADE', to: evaluation.tier } : { action: 'WAIT' };
  if (!input.review) return { action: 'NONE' };
  if (input.graceDays <= 0) return { action: 'DOWNGRADE', to: evaluation.tier };
  return { action: 'START_GRACE', to: evaluation.tier, dueAt: new Date(now.getTime() + input.graceDays * DAY_MS) };
}

/** Whether a periodic review is due: none recorded yet counts as "just reviewed" (a fresh install waits a period). */
export function isReviewDue(input: { lastReviewAt: Date | null; periodDays: number | null; now: Date }): boolean {
  if (input.periodDays === null || input.lastReviewAt === null) return false;
  return input.now.getTime() - input.lastReviewAt.getTime() >= input.periodDays * DAY_MS;
}

export type UpgradeRequestProblem = { code: 'NOT_AN_UPGRADE' | 'REQUIRED' | 'TOO_LONG'; message: string; field: string };

/** A manual upgrade request's input: above the current tier, with a reason. */
export function checkUpgradeRequest(input: { currentTier: Tier; requestedTier: Tier; reason: string }): UpgradeRequestProblem | null {
  if (!isAbove(input.requestedTier, input.currentTier))
    return {
      code: 'NOT_AN_UPGRADE',
      message: `The dealer is ${input.currentTier}; ask for a higher tier.`,
      field: 'tier',
    };
  const reason = input.reason.trim();
  if (!reason) return { code: 'REQUIRED', message: 'Say why the dealer should be upgraded.', field: 'reason' };
  if (reason.length > 1000) return { code: 'TOO_LONG', message: 'Keep the reason under 1,000 characters.', field: 'reason' };
  return null;
}
