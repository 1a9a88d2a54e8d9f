import { describe, expect, it } from 'vitest';

import {
  checkUpgradeRequest,
  decideTierTransition,
  DEFAULT_TIER_CRITERIA,
  evaluateTier,
  isReviewDue,
  type TierFacts,
} from './tier-evaluation.js';

const facts = (change: Partial<TierFacts> = {}): TierFacts => ({
  currentTier: 'SILVER',
  revenue: 5_000_000,
  oldestOverdueDays: 0,
  dealerType: 'WHOLESALER',
  region: 'North',
  contractType: 'STANDARD',
  criteria: DEFAULT_TIER_CRITERIA,
  ...change,
});

describe('evaluateTier', () => {
  it('qualifies by trailing revenue against the targets, at the target and not one cent below', () => {
    expect(evaluateTier(facts({ revenue: 8_000_000 })).tier).toBe('GOLD');
    expect(evaluateTier(facts({ revenue: 7_999_999 })).tier).toBe('SILVER');
    expect(evaluateTier(facts({ revenue: 14_000_000 })).direction).toBe('UP');
    expect(evaluateTier(facts({ revenue: 0 }))).toMatchObject({ tier: 'BRONZE', direction: 'DOWN' });
    expect(evaluateTier(facts())).toMatchObject({ tier: 'SILVER', direction: 'SAME' });
  });

  it('scales the targets by dealer type and region', () => {
    // A distributor needs 1.5 times the revenue: 8,000,000 is SILVER for it, GOLD for a wholesaler.
    expect(evaluateTier(facts({ revenue: 8_000_000, dealerType: 'DISTRIBUTOR' })).tier).toBe('SILVER');
    expect(evaluateTier(facts({ revenue: 6_000_000, dealerType: 'RETAILER' })).tier).toBe('GOLD');
    const criteria = { ...DEFAULT_TIER_CRITERIA, regionFactors: { East: 0.5 } };
    expect(evaluateTier(facts({ revenue: 4_000_000, region: 'East', criteria })).tier).toBe('GOLD');
    expect(evaluateTier(facts({ revenue: 4_000_000, region: 'West', criteria })).tier).toBe('SILVER');
    expect(evaluateTier(facts({ dealerType: null })).targets.GOLD).toBe(8_000_000);
  });

  it('holds an upgrade while an invoice is more than 15 days late, and steps down after 30', () => {
    expect(evaluateTier(facts({ revenue: 9_000_000, oldestOverdueDays: 15 })).tier).toBe('GOLD');
    expect(evaluateTier(facts({ revenue: 9_000_000, oldestOverdueDays: 16 }))).toMatchObject({ tier: 'SILVER', direction: 'SAME' });
    expect(evaluateTier(facts({ revenue: 9_000_000, oldestOverdueDays: 30 })).tier).toBe('SILVER');
    expect(evaluateTier(facts({ revenue: 9_000_000, oldestOverdueDays: 31 }))).toMatchObject({ tier: 'SILVER', direction: 'SAME' });
    expect(evaluateTier(facts({ revenue: 5_000_000, oldestOverdueDays: 31 }))).toMatchObject({ tier: 'BRONZE', direction: 'DOWN' });
    expect(evaluateTier(facts({ revenue: 0, oldestOverdueDays: 90 })).tier).toBe('BRONZE');
  });

  it('never moves a tier that the contract fixes, whatever the revenue', () => {
    const e = evaluateTier(facts({ revenue: 50_000_000, contractType: 'tender' }));
    expect(e).toMatchObject({ tier: 'SILVER', direction: 'FIXED' });
    expect(e.next?.blockers[0]).toMatch(/contract/);
  });

  it('says what it takes to reach the next tier', () => {
    expect(evaluateTier(facts({ revenue: 5_000_000 })).next).toEqual({
      tier: 'GOLD',
      revenueTarget: 8_000_000,
      revenueNeeded: 3_000_000,
      blockers: [],
    });
    expect(evaluateTier(facts({ revenue: 5_000_000, oldestOverdueDays: 20 })).next?.blockers).toHaveLength(1);
    expect(evaluateTier(facts({ currentTier: 'PLATINUM', revenue: 20_000_000 })).next).toBeNull();
  });
});

describe('decideTierTransition', () => {
  const now = new Date('2027-01-01T00:00:00Z');
  const later = new Date('2027-03-02T00:00:00Z');
  it('upgrades at once, at any run, and cancels a pending downgrade', () => {
    expect(
      decideTierTransition({ evaluation: { tier: 'GOLD', direction: 'UP' }, pending: null, review: false, graceDays: 60, now }),
    ).toEqual({
      action: 'UPGRADE',
      to: 'GOLD',
    });
    const pending = { to: 'BRONZE' as const, dueAt: later };
    expect(decideTierTransition({ evaluation: { tier: 'SILVER', direction: 'SAME' }, pending, review: false, graceDays: 60, now })).toEqual(
      {
        action: 'CANCEL_GRACE',
      },
    );
  });

  it('decides a downgrade only at a review, after a grace period', () => {
    const down = { tier: 'BRONZE' as const, direction: 'DOWN' as const };
    expect(decideTierTransition({ evaluation: down, pending: null, review: false, graceDays: 60, now })).toEqual({ action: 'NONE' });
    expect(decideTierTransition({ evaluation: down, pending: null, review: true, graceDays: 60, now })).toEqual({
      action: 'START_GRACE',
      to: 'BRONZE',
      dueAt: later,
    });
    const pending = { to: 'BRONZE' as const, dueAt: later };
    expect(decideTierTransition({ evaluation: down, pending, review: false, graceDays: 60, now })).toEqual({ action: 'WAIT' });
    expect(decideTierTransition({ evaluation: down, pending, review: false, graceDays: 60, now: later })).toEqual({
      action: 'DOWNGRADE',
      to: 'BRONZE',
    });
    expect(decideTierTransition({ evaluation: down, pending: null, review: true, graceDays: 0, now })).toEqual({
      action: 'DOWNGRADE',
      to: 'BRONZE',
    });
  });
});

describe('isReviewDue', () => {
  const now = new Date('2027-01-31T00:00:00Z');
  it('is due a whole period after the last review, never without one or when off', () => {
    expect(isReviewDue({ lastReviewAt: new Date('2027-01-01T00:00:00Z'), periodDays: 30, now })).toBe(true);
    expect(isReviewDue({ lastReviewAt: new Date('2027-01-01T00:00:01Z'), periodDays: 30, now })).toBe(false);
    expect(isReviewDue({ lastReviewAt: null, periodDays: 30, now })).toBe(false);
    expect(isReviewDue({ lastReviewAt: new Date('2020-01-01T00:00:00Z'), periodDays: null, now })).toBe(false);
  });
});

describe('checkUpgradeRequest', () => {
  it('asks for a higher tier and a reason', () => {
    expect(checkUpgradeRequest({ currentTier: 'SILVER', requestedTier: 'GOLD', reason: 'New branch' })).toBeNull();
    expect(checkUpgradeRequest({ currentTier: 'SILVER', requestedTier: 'SILVER', reason: 'x' })?.code).toBe('NOT_AN_UPGRADE');
    expect(checkUpgradeRequest({ currentTier: 'GOLD', requestedTier: 'BRONZE', reason: 'x' })?.code).toBe('NOT_AN_UPGRADE');
    expect(checkUpgradeRequest({ currentTier: 'SILVER', requestedTier: 'GOLD', reason: '  ' })?.code).toBe('REQUIRED');
    expect(checkUpgradeRequest({ currentTier: 'SILVER', requestedTier: 'GOLD', reason: 'x'.repeat(1001) })?.code).toBe('TOO_LONG');
  });
});
