import { CURRENCY } from './catalog.js';
import { float, int, pickWeighted, type SeededFaker } from './random.js';
import type { DealerTier, DemoCreditAccount, DemoDealer, ExceedancePolicy } from './types.js';

/** Credit limits by tier in cents; the demo dealers get exactly these. */
export const TIER_CREDIT_LIMITS: Readonly<Record<DealerTier, number>> = {
  PLATINUM: 25_000_000,
  GOLD: 12_000_000,
  SILVER: 6_000_000,
  BRONZE: 2_500_000,
};

/** Orders above these totals (cents) wait for a REGIONAL_MANAGER, respectively a SALES_DIRECTOR. */
export const MANAGER_APPROVAL_ABOVE = 1_000_000;
export const DIRECTOR_APPROVAL_ABOVE = 5_000_000;

const POLICY_WEIGHTS: Readonly<Record<ExceedancePolicy, number>> = {
  SOFT_WARNING: 30,
  ROUTE_TO_APPROVAL: 25,
  HARD_BLOCK: 20,
  PAYMENT_REQUIRED: 15,
  PARTIAL_ORDER: 10,
};
const LIMIT_FACTORS = [0.8, 0.9, 1, 1, 1, 1, 1.2, 1.5];

/**
 * One credit account per dealer with its policy, payment terms and a first limit. The limits of
 * ordinary dealers are settled again once the history is known (see the ledger), so that exposure
 * stays below them.
 */
export function generateCreditAccounts(
  faker: SeededFaker,
  dealers: DemoDealer[],
  demoPlatinum: DemoDealer,
  demoBronze: DemoDealer,
): DemoCreditAccount[] {
  return dealers.map((dealer) => {
    const base = TIER_CREDIT_LIMITS[dealer.tier];
    if (dealer.id === demoPlatinum.id || dealer.id === demoBronze.id) {
      const exceedancePolicy: ExceedancePolicy = dealer.id === demoPlatinum.id ? 'ROUTE_TO_APPROVAL' : 'HARD_BLOCK';
      return { dealerId: dealer.id, limit: base, currency: CURRENCY, exceedancePolicy, paymentTermsDays: 30 };
    }
    const roll = float(faker);
    return {
      dealerId: dealer.id,
      limit: Math.round(base * LIMIT_FACTORS[int(faker, 0, LIMIT_FACTORS.length - 1)]),
      currency: CURRENCY,
      exceedancePolicy: pickWeighted(faker, POLICY_WEIGHTS),
      paymentTermsDays: roll < 0.8 ? 30 : roll < 0.92 ? 45 : 60,
    };
  });
}
