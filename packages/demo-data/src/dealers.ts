import { chance, int, pick, type SeededFaker, uuid } from './random.js';
import { addDays } from './time.js';
import type { DealerTier, DemoDealer, DemoUser, Role } from './types.js';

/** Every demo user's password; the seeders hash it. */
export const DEMO_PASSWORD = 'demo-pass-2026';

export const DEALER_COUNT = 340;
export const TIER_COUNTS: Readonly<Record<DealerTier, number>> = { PLATINUM: 30, GOLD: 70, SILVER: 110, BRONZE: 130 };
export const DEMO_PLATINUM_NAME = 'Demo Platinum Dealer';
export const DEMO_BRONZE_NAME = 'Demo Bronze Dealer';

/** A dealer created this recently still has its first orders reviewed by a person. */
const NEW_DEALER_DAYS = 90;

const REGIONS: Readonly<Record<string, readonly string[]>> = {
  Northeast: ['Pittsburgh', 'Buffalo', 'Hartford', 'Albany', 'Worcester', 'Allentown', 'Providence', 'Syracuse'],
  Southeast: ['Atlanta', 'Charlotte', 'Birmingham', 'Greenville', 'Jacksonville', 'Knoxville', 'Mobile', 'Raleigh'],
  Midwest: ['Cleveland', 'Detroit', 'Milwaukee', 'Indianapolis', 'Toledo', 'Peoria', 'Grand Rapids', 'Cedar Rapids'],
  Southwest: ['Houston', 'Phoenix', 'Tulsa', 'San Antonio', 'Albuquerque', 'El Paso', 'Oklahoma City', 'Baton Rouge'],
  West: ['Portland', 'Sacramento', 'Spokane', 'Salt Lake City', 'Fresno', 'Boise', 'Reno', 'Tacoma'],
};
const REGION_NAMES = Object.keys(REGIONS);

const NAME_SUFFIXES = [
  'Industrial Supply',
  'Bearing & Drive',
  'Fluid Power',
  'Maintenance Supply',
  'Industrial Parts',
  'Equipment Co.',
  'Power Transmission',
  'MRO Supply',
  'Machinery Parts',
  'Technical Supply',
  'Mill Supply',
];

/** The region the demo SALES_REP and REGIONAL_MANAGER look after: Demo Platinum's, not Demo Bronze's. */
export const DEMO_STAFF_REGION = 'Northeast';

const STAFF: readonly { email: string; role: Role }[] = [
  { email: 'rep@demo.staff', role: 'SALES_REP' },
  { email: 'manager@demo.staff', role: 'REGIONAL_MANAGER' },
  { email: 'director@demo.staff', role: 'SALES_DIRECTOR' },
  { email: 'finance@demo.staff', role: 'FINANCE' },
  { email: 'gm@demo.staff', role: 'GENERAL_MANAGER' },
  { email: 'admin@demo.staff', role: 'ADMIN' },
];

export interface DealerSet {
  dealers: DemoDealer[];
  users: DemoUser[];
  /** The DEALER_ADMIN of each dealer: who places its historic orders. */
  adminByDealer: Map<string, DemoUser>;
  /** Staff by role, for approvals and rejections in the order history. */
  staff: Map<Role, DemoUser>;
  demoPlatinum: DemoDealer;
  demoBronze: DemoDealer;
}

/** The tiers of dealers 3..340 in a shuffled order; the two demo dealers take one slot each. */
function shuffledTiers(faker: SeededFaker): DealerTier[] {
  const tiers: DealerTier[] = [];
  for (const [tier, count] of Object.entries(TIER_COUNTS) as [DealerTier, number][]) {
    const remaining = tier === 'PLATINUM' || tier === 'BRONZE' ? count - 1 : count;
    for (let i = 0; i < remaining; i++) tiers.push(tier);
  }
  return faker.helpers.shuffle(tiers);
}

function uniqueName(faker: SeededFaker, taken: Set<string>, city: string): string {
  for (;;) {
    const stem = chance(faker, 0.3) ? city : faker.person.lastName();
    const name = `${stem} ${pick(faker, NAME_SUFFIXES)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/**
 * {@link DEALER_COUNT} dealers (the two demo dealers first) and their users: the demo users of the
 * contract, the staff, and one DEALER_ADMIN per other dealer (`admin@d0003.dealer`).
 */
export function generateDealers(faker: SeededFaker, anchor: Date): DealerSet {
  const tiers: DealerTier[] = ['PLATINUM', 'BRONZE', ...shuffledTiers(faker)];
  const names = new Set<string>([DEMO_PLATINUM_NAME, DEMO_BRONZE_NAME]);
  const dealers: DemoDealer[] = tiers.map((tier, i) => {
    const code = `D${String(i + 1).padStart(4, '0')}`;
    const region = REGION_NAMES[i < 2 ? i : int(faker, 0, REGION_NAMES.length - 1)];
    const city = pick(faker, REGIONS[region]);
    const isDemo = i < 2;
    // A handful of dealers joined recently; the rest have years of history behind the 12 months we keep.
    const ageDays = isDemo
      ? 1_150 + i * 30
      : chance(faker, 0.04)
        ? int(faker, 20, NEW_DEALER_DAYS - 5)
        : chance(faker, 0.08)
          ? int(faker, 120, 360)
          : int(faker, 400, 3_600);
    return {
      id: uuid(faker),
      code,
      name: i === 0 ? DEMO_PLATINUM_NAME : i === 1 ? DEMO_BRONZE_NAME : uniqueName(faker, names, city),
      tier,
      region,
      email: `office@${code.toLowerCase()}.dealer`,
      phone: faker.phone.number({ style: 'national' }),
      city,
      createdAt: addDays(anchor, -ageDays),
      firstOrdersReviewed: ageDays > NEW_DEALER_DAYS,
      salesRepUserId: null as string | null,
    };
  });
  const [demoPlatinum, demoBronze] = dealers;

  const users: DemoUser[] = [];
  const addUser = (email: string, role: Role, dealerId: string | null): DemoUser => {
    const region = role === 'SALES_REP' || role === 'REGIONAL_MANAGER' ? DEMO_STAFF_REGION : null;
    const user = { id: uuid(faker), email, fullName: faker.person.fullName(), role, dealerId, region, password: DEMO_PASSWORD };
    users.push(user);
    return user;
  };
  const adminByDealer = new Map<string, DemoUser>();
  adminByDealer.set(demoPlatinum.id, addUser('platinum@demo.dealer', 'DEALER_ADMIN', demoPlatinum.id));
  addUser('orders@demo.dealer', 'ORDER_ENTRY', demoPlatinum.id);
  addUser('viewer@demo.dealer', 'VIEW_ONLY', demoPlatinum.id);
  adminByDealer.set(demoBronze.id, addUser('bronze@demo.dealer', 'DEALER_ADMIN', demoBronze.id));
  const staff = new Map<Role, DemoUser>(STAFF.map(({ email, role }) => [role, addUser(email, role, null)]));
  // The demo rep looks after every dealer of their region; the others have no rep yet (their managers decide).
  for (const dealer of dealers) if (dealer.region === DEMO_STAFF_REGION) dealer.salesRepUserId = staff.get('SALES_REP')!.id;
  for (const dealer of dealers.slice(2)) {
    adminByDealer.set(dealer.id, addUser(`admin@${dealer.code.toLowerCase()}.dealer`, 'DEALER_ADMIN', dealer.id));
  }
  return { dealers, users, adminByDealer, staff, demoPlatinum, demoBronze };
}
