import { CURRENCY } from './catalog.js';
import { TIER_CREDIT_LIMITS } from './credit.js';
import type { DealerSet } from './dealers.js';
import { buildHistory, needsApproval } from './order-history.js';
import { fillLines, ProductPicker } from './order-lines.js';
import { chance, float, int, pickWeighted, type SeededFaker, uuid } from './random.js';
import { addDays, DAY_MS } from './time.js';
import type { DealerTier, DemoDealer, DemoOrder, DemoProduct, OrderStatus } from './types.js';

const WINDOWS = 12;
const WINDOW_DAYS = 365 / WINDOWS;

/** Typical order value by tier in cents; the spread around it is log-normal. */
const MEDIAN_ORDER: Readonly<Record<DealerTier, number>> = { PLATINUM: 450_000, GOLD: 280_000, SILVER: 160_000, BRONZE: 80_000 };
const ORDERS_PER_WINDOW: Readonly<Record<DealerTier, readonly [number, number]>> = {
  PLATINUM: [2, 4],
  GOLD: [2, 4],
  SILVER: [1, 4],
  BRONZE: [1, 4],
};

interface PlannedOrder {
  /** Whole days before the anchor; the order is placed during that day's business hours (UTC). */
  dayIndex: number;
  status: OrderStatus;
  target: number;
  /** Retry the lines until the total lands near the target: the demo dealers' balances depend on it. */
  exact?: boolean;
}

type Weights = Partial<Record<OrderStatus, number>>;
const STATUS_BY_AGE: readonly { minDays: number; weights: Weights }[] = [
  { minDays: 22, weights: { DELIVERED: 96.5, CANCELLED: 2, REJECTED: 1.5 } },
  { minDays: 15, weights: { DELIVERED: 72, SHIPPED: 23, CANCELLED: 3, REJECTED: 2 } },
  { minDays: 8, weights: { DELIVERED: 35, SHIPPED: 40, PROCESSING: 17, APPROVED: 3, PENDING_APPROVAL: 2, CANCELLED: 2, REJECTED: 1 } },
  { minDays: 3, weights: { SHIPPED: 35, PROCESSING: 30, APPROVED: 15, PENDING_APPROVAL: 12, DELIVERED: 5, CANCELLED: 2, REJECTED: 1 } },
  { minDays: 0, weights: { APPROVED: 40, PENDING_APPROVAL: 30, PROCESSING: 25, SHIPPED: 5 } },
];

function statusByAge(faker: SeededFaker, dayIndex: number): OrderStatus {
  const bucket = STATUS_BY_AGE.find((b) => dayIndex >= b.minDays)!;
  return pickWeighted(faker, bucket.weights as Record<OrderStatus, number>);
}

/** Standard normal draw (Box-Muller) from the seeded stream. */
function normal(faker: SeededFaker): number {
  const u1 = 1 - float(faker);
  const u2 = float(faker);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * A target order value. Capped at a quarter of the tier's credit limit so that a normal month of
 * orders never eats a dealer's credit line; orders waiting for approval are deliberately large,
 * because only large orders wait under the demo rules.
 */
function drawTarget(faker: SeededFaker, tier: DealerTier, status: OrderStatus): number {
  const limit = TIER_CREDIT_LIMITS[tier];
  if (status === 'PENDING_APPROVAL') return int(faker, 1_050_000, Math.max(1_200_000, Math.round(limit * 0.4)));
  const project = chance(faker, 0.03) ? int(faker, 3, 6) : 1;
  const value = MEDIAN_ORDER[tier] * Math.exp(0.6 * normal(faker)) * project;
  return Math.round(Math.min(limit / 4, Math.max(4_000, value)));
}

function regularPlan(faker: SeededFaker, dealer: DemoDealer, perWindow: readonly [number, number], fromWindow = 0): PlannedOrder[] {
  const plan: PlannedOrder[] = [];
  for (let w = fromWindow; w < WINDOWS; w++) {
    const first = Math.floor(w * WINDOW_DAYS) + 1;
    const last = Math.floor((w + 1) * WINDOW_DAYS);
    const count = int(faker, perWindow[0], perWindow[1]);
    for (let i = 0; i < count; i++) {
      const dayIndex = int(faker, first, last);
      const status = statusByAge(faker, dayIndex);
      plan.push({ dayIndex, status, target: drawTarget(faker, dealer.tier, status) });
    }
  }
  return plan;
}

/**
 * Demo Bronze's last weeks are written out, not drawn: its open balance has to land at 30-60 % of
 * its limit with nothing seriously overdue, whatever the seed.
 */
const DEMO_BRONZE_RECENT: readonly PlannedOrder[] = [
  { dayIndex: 38, status: 'DELIVERED', target: 240_000, exact: true },
  { dayIndex: 27, status: 'DELIVERED', target: 380_000, exact: true },
  { dayIndex: 16, status: 'DELIVERED', target: 360_000, exact: true },
  { dayIndex: 6, status: 'SHIPPED', target: 340_000, exact: true },
  { dayIndex: 2, status: 'PROCESSING', target: 150_000, exact: true },
];

function planFor(faker: SeededFaker, dealer: DemoDealer, dealerSet: DealerSet): PlannedOrder[] {
  if (dealer.id === dealerSet.demoBronze.id) return [...regularPlan(faker, dealer, [2, 2], 2), ...DEMO_BRONZE_RECENT];
  if (dealer.id === dealerSet.demoPlatinum.id) return regularPlan(faker, dealer, [4, 4]);
  return regularPlan(faker, dealer, ORDERS_PER_WINDOW[dealer.tier]);
}

function linesNearTarget(faker: SeededFaker, picker: ProductPicker, tier: DealerTier, planned: PlannedOrder) {
  let lines = fillLines(faker, picker, tier, planned.target);
  for (let attempt = 0; planned.exact && attempt < 10; attempt++) {
    const total = lines.reduce((sum, line) => sum + line.lineTotal, 0);
    if (Math.abs(total - planned.target) <= planned.target * 0.1) break;
    lines = fillLines(faker, picker, tier, planned.target);
  }
  return lines;
}

/**
 * Twelve months of orders for every dealer (1-4 a month, none before the dealer existed), with
 * their lines and status histories, numbered `SO-<year>-<seq>` in the order they were placed.
 * Each dealer's lines come from `productsOf(dealer)`, its assortment: a past order names only
 * products the dealer can see.
 */
export function generateOrders(
  faker: SeededFaker,
  anchor: Date,
  dealerSet: DealerSet,
  productsOf: (dealer: DemoDealer) => DemoProduct[],
): DemoOrder[] {
  const pickers = new Map<DemoProduct[], ProductPicker>();
  const orders: DemoOrder[] = [];
  for (const dealer of dealerSet.dealers) {
    const products = productsOf(dealer);
    let picker = pickers.get(products);
    if (!picker) pickers.set(products, (picker = new ProductPicker(products)));
    const placedBy = dealerSet.adminByDealer.get(dealer.id)!;
    const plan = planFor(faker, dealer, dealerSet).sort((a, b) => b.dayIndex - a.dayIndex);
    let reviewPending = !dealer.firstOrdersReviewed;
    for (const planned of plan) {
      // Business hours in the US, 12:00-23:00 UTC, on the planned day.
      const placedAt = new Date(anchor.getTime() - planned.dayIndex * DAY_MS + int(faker, 12 * 3600, 23 * 3600 - 1) * 1000);
      if (placedAt.getTime() < addDays(dealer.createdAt, 1).getTime()) continue;
      const id = uuid(faker);
      const lines = linesNearTarget(faker, picker, dealer.tier, planned);
      const total = lines.reduce((sum, line) => sum + line.lineTotal, 0);
      const needsReview = reviewPending;
      reviewPending = false;
      // A small order cannot be waiting for approval: no rule would have stopped it.
      const status = planned.status === 'PENDING_APPROVAL' && !needsApproval(total, needsReview) ? 'APPROVED' : planned.status;
      const history = buildHistory(faker, { placedAt, anchor, status, total, placedBy, needsReview, staff: dealerSet.staff });
      orders.push({
        id,
        number: '',
        dealerId: dealer.id,
        placedByUserId: placedBy.id,
        status,
        currency: CURRENCY,
        total,
        poNumber: chance(faker, 0.6) ? `PO-${int(faker, 10_000, 99_999)}` : null,
        placedAt,
        updatedAt: history[history.length - 1].at,
        lines,
        history,
      });
    }
  }
  // Stable sort: orders placed in the same second keep the dealer order, so numbering is deterministic.
  orders.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
  orders.forEach((order, i) => {
    order.number = `SO-${order.placedAt.getUTCFullYear()}-${String(i + 1).padStart(6, '0')}`;
  });
  return orders;
}
