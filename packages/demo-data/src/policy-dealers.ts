import { CURRENCY } from './catalog.js';
import { DEMO_PASSWORD } from './dealers.js';
import { type SeededFaker, uuid } from './random.js';
import { addDays } from './time.js';
import type { DealerTier, DemoCreditAccount, DemoDealer, DemoUser, ExceedancePolicy } from './types.js';

/**
 * The three demo dealers of the commercial rules, one per credit exceedance policy that acts on the
 * order itself (CONTRACT.md, "Commercial rules"): SOFT_WARNING, PARTIAL_ORDER, PAYMENT_REQUIRED.
 *
 * They come after the 340 generated dealers (codes D0341-D0343) and draw from their own stream,
 * added after everything else is drawn, so every other dealer, order, invoice and figure stays as it
 * was. They have no order history: no invoice, nothing overdue, and their whole limit available
 * (between 5,000.00 and 20,000.00). They are in no category limit and no restricted grant, so their
 * assortment is every unrestricted product (and their tier's and region's grants).
 */
export const POLICY_DEMO_DEALERS: readonly {
  email: string;
  name: string;
  tier: DealerTier;
  policy: ExceedancePolicy;
  /** Cents. */
  limit: number;
}[] = [
  { email: 'gold@demo.dealer', name: 'Demo Gold Dealer', tier: 'GOLD', policy: 'SOFT_WARNING', limit: 1_500_000 },
  { email: 'silver@demo.dealer', name: 'Demo Silver Dealer', tier: 'SILVER', policy: 'PARTIAL_ORDER', limit: 1_000_000 },
  { email: 'prepay@demo.dealer', name: 'Demo Prepay Dealer', tier: 'BRONZE', policy: 'PAYMENT_REQUIRED', limit: 800_000 },
];

/** Their region: not the demo rep's, so FINANCE (who sees every dealer) decides their credit approvals. */
export const POLICY_DEMO_REGION = 'Midwest';

export interface PolicyDealerSet {
  dealers: DemoDealer[];
  users: DemoUser[];
  creditAccounts: DemoCreditAccount[];
}

/** The three dealers, their DEALER_ADMIN users and credit accounts; `firstCode` is the number of the first (341). */
export function generatePolicyDealers(faker: SeededFaker, anchor: Date, firstCode: number): PolicyDealerSet {
  const dealers: DemoDealer[] = [];
  const users: DemoUser[] = [];
  const creditAccounts: DemoCreditAccount[] = [];
  POLICY_DEMO_DEALERS.forEach((spec, i) => {
    const code = `D${String(firstCode + i).padStart(4, '0')}`;
    const dealer: DemoDealer = {
      id: uuid(faker),
      code,
      name: spec.name,
      tier: spec.tier,
      region: POLICY_DEMO_REGION,
      email: `office@${code.toLowerCase()}.dealer`,
      phone: faker.phone.number({ style: 'national' }),
      city: 'Cleveland',
      createdAt: addDays(anchor, -1_200 - i * 30),
      firstOrdersReviewed: true,
      salesRepUserId: null,
    };
    dealers.push(dealer);
    users.push({
      id: uuid(faker),
      email: spec.email,
      fullName: faker.person.fullName(),
      role: 'DEALER_ADMIN',
      dealerId: dealer.id,
      region: null,
      password: DEMO_PASSWORD,
    });
    creditAccounts.push({
      dealerId: dealer.id,
      limit: spec.limit,
      currency: CURRENCY,
      exceedancePolicy: spec.policy,
      paymentTermsDays: 30,
    });
  });
  return { dealers, users, creditAccounts };
}
