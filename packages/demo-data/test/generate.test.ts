import { createHash } from 'node:crypto';

import { discount } from '@dealergraph/runtime';
import { beforeAll, describe, expect, it } from 'vitest';

import { assortmentProducts } from '../src/assortment.js';
import {
  type DealerTier,
  DEMO_PASSWORD,
  demoAssortment,
  type DemoData,
  type DemoOrder,
  generateDemoData,
  type OrderStatus,
} from '../src/index.js';

const ANCHOR = new Date('2026-03-15T00:00:00Z');
const DAY = 86_400_000;

const TIER_BP: Record<DealerTier, number> = { PLATINUM: 2000, GOLD: 1500, SILVER: 1000, BRONZE: 500 };
const TIER_LIMIT: Record<DealerTier, number> = { PLATINUM: 25_000_000, GOLD: 12_000_000, SILVER: 6_000_000, BRONZE: 2_500_000 };

/** Written independently of the runtime's money.ts on purpose: remainder-based half-up rounding. */
function afterDiscount(cents: number, bp: number): number {
  const scaled = cents * (10_000 - bp);
  const whole = Math.floor(scaled / 10_000);
  return scaled % 10_000 >= 5_000 ? whole + 1 : whole;
}

function volumeBp(quantity: number): number {
  if (quantity >= 100) return 1500;
  if (quantity >= 50) return 1000;
  if (quantity >= 10) return 500;
  return 0;
}

/**
 * Runs `check` on every item and collects the first few problems it reports: one assertion per
 * test instead of hundreds of thousands keeps the suite fast and its failures readable.
 */
function problems<T>(items: readonly T[], check: (item: T, index: number) => string | false | null | undefined): string[] {
  const found: string[] = [];
  items.forEach((item, index) => {
    const problem = check(item, index);
    if (problem && found.length < 10) found.push(problem);
  });
  return found;
}

const fingerprints = new WeakMap<DemoData, string>();
/** A hash of the whole serialized data set (dates as ISO strings); memoized, serializing is slow. */
function fingerprint(data: DemoData): string {
  if (!fingerprints.has(data)) fingerprints.set(data, createHash('sha256').update(JSON.stringify(data)).digest('hex'));
  return fingerprints.get(data)!;
}

function sumBy<T>(items: T[], key: (item: T) => string, value: (item: T) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + value(item));
  return out;
}

interface CreditView {
  openBalance: number;
  holds: number;
  maxDaysOverdue: number;
}

function creditView(data: DemoData): Map<string, CreditView> {
  const views = new Map<string, CreditView>(data.dealers.map((d) => [d.id, { openBalance: 0, holds: 0, maxDaysOverdue: 0 }]));
  for (const invoice of data.invoices) {
    const open = invoice.amount - invoice.paidAmount;
    if (open === 0) continue;
    const view = views.get(invoice.dealerId)!;
    view.openBalance += open;
    const overdueDays = (data.anchor.getTime() - invoice.dueAt.getTime()) / DAY;
    view.maxDaysOverdue = Math.max(view.maxDaysOverdue, overdueDays);
  }
  for (const hold of data.creditHolds) views.get(hold.dealerId)!.holds += hold.amount;
  return views;
}

let data: DemoData;
const bySeed = new Map<number, DemoData>();
/** Generations are the slow part of this suite, so each seed is generated once. */
function forSeed(seed: number): DemoData {
  if (!bySeed.has(seed)) bySeed.set(seed, generateDemoData({ anchor: ANCHOR, seed }));
  return bySeed.get(seed)!;
}

beforeAll(() => {
  data = generateDemoData({ anchor: ANCHOR });
  bySeed.set(2026, data);
});

describe('determinism', () => {
  it('gives identical output for the same seed and anchor', () => {
    const again = generateDemoData({ anchor: ANCHOR, seed: 2026 });
    expect(again.dealers).toEqual(data.dealers);
    expect(again.products.slice(0, 200)).toEqual(data.products.slice(0, 200));
    expect(again.orders.slice(-50)).toEqual(data.orders.slice(-50));
    expect(fingerprint(again)).toBe(fingerprint(data));
  });

  it('differs for a different seed', () => {
    const other = forSeed(7);
    expect(other.dealers[0].id).not.toBe(data.dealers[0].id);
    expect(other.products.map((p) => p.sku)).not.toEqual(data.products.map((p) => p.sku));
    expect(fingerprint(other)).not.toBe(fingerprint(data));
  });

  it('normalizes the anchor to midnight UTC', () => {
    const afternoon = generateDemoData({ anchor: new Date('2026-03-15T17:45:00Z'), seed: 99 });
    expect(afternoon.anchor).toEqual(ANCHOR);
    bySeed.set(99, afternoon);
    expect(data.currency).toBe('USD');
  });

  it('defaults to today and keeps ids stable across anchors, only moving the dates', () => {
    const today = generateDemoData();
    const now = new Date();
    expect(today.anchor.getTime()).toBe(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    // Subgraphs seeded on different days must still agree on ids.
    const shift = today.anchor.getTime() - ANCHOR.getTime();
    expect(today.orders.map((o) => o.id)).toEqual(data.orders.map((o) => o.id));
    expect(today.invoices.map((i) => i.id)).toEqual(data.invoices.map((i) => i.id));
    expect(today.products.map((p) => p.id)).toEqual(data.products.map((p) => p.id));
    expect(today.orders[0].placedAt.getTime() - data.orders[0].placedAt.getTime()).toBe(shift);
  });
});

describe('dealers and users', () => {
  it('has 340 dealers in the demo tier spread, then the three policy demo dealers, with unique codes', () => {
    expect(data.dealers).toHaveLength(343);
    const tiers = sumBy(
      data.dealers,
      (d) => d.tier,
      () => 1,
    );
    expect(Object.fromEntries(tiers)).toEqual({ PLATINUM: 30, GOLD: 71, SILVER: 111, BRONZE: 131 });
    expect(new Set(data.dealers.map((d) => d.region)).size).toBe(5);
    expect(data.dealers.map((d) => d.code)).toEqual(data.dealers.map((_, i) => `D${String(i + 1).padStart(4, '0')}`));
    expect(new Set(data.dealers.map((d) => d.name)).size).toBe(343);
    expect(data.dealers.slice(340).map((d) => [d.code, d.name, d.tier])).toEqual([
      ['D0341', 'Demo Gold Dealer', 'GOLD'],
      ['D0342', 'Demo Silver Dealer', 'SILVER'],
      ['D0343', 'Demo Prepay Dealer', 'BRONZE'],
    ]);
  });

  it('gives the policy demo dealers an admin, 5,000-20,000 of credit, nothing owed and 1,000+ products', () => {
    const expected = [
      ['gold@demo.dealer', 'SOFT_WARNING'],
      ['silver@demo.dealer', 'PARTIAL_ORDER'],
      ['prepay@demo.dealer', 'PAYMENT_REQUIRED'],
    ] as const;
    const catalogData = { dealers: data.dealers, products: data.products, categories: data.categories };
    const productsOf = assortmentProducts(demoAssortment(catalogData), catalogData);
    for (const [i, [email, policy]] of expected.entries()) {
      const dealer = data.dealers[340 + i];
      expect(data.users.filter((u) => u.dealerId === dealer.id)).toEqual([expect.objectContaining({ email, role: 'DEALER_ADMIN' })]);
      const account = data.creditAccounts.find((a) => a.dealerId === dealer.id)!;
      expect(account.exceedancePolicy).toBe(policy);
      expect(account.limit).toBeGreaterThanOrEqual(500_000);
      expect(account.limit).toBeLessThanOrEqual(2_000_000);
      expect(data.invoices.filter((v) => v.dealerId === dealer.id)).toEqual([]);
      expect(data.creditHolds.filter((h) => h.dealerId === dealer.id)).toEqual([]);
      expect(productsOf(dealer).length).toBeGreaterThanOrEqual(1_000);
      expect(data.dealerPricing).toContainEqual({ dealerId: dealer.id, tier: dealer.tier });
    }
  });

  it('starts with the two demo dealers, whose first orders count as reviewed', () => {
    const [platinum, bronze] = data.dealers;
    expect(platinum).toMatchObject({ name: 'Demo Platinum Dealer', tier: 'PLATINUM', firstOrdersReviewed: true });
    expect(bronze).toMatchObject({ name: 'Demo Bronze Dealer', tier: 'BRONZE', firstOrdersReviewed: true });
    for (const dealer of data.dealers) {
      const olderThanThreeMonths = dealer.createdAt.getTime() < ANCHOR.getTime() - 90 * DAY;
      expect(dealer.firstOrdersReviewed).toBe(olderThanThreeMonths);
    }
    expect(data.dealers.some((d) => !d.firstOrdersReviewed)).toBe(true);
  });

  it('has the named demo users, all with the demo password', () => {
    const [platinum, bronze] = data.dealers;
    const byEmail = new Map(data.users.map((u) => [u.email, u]));
    const expected: [string, string, string | null][] = [
      ['platinum@demo.dealer', 'DEALER_ADMIN', platinum.id],
      ['orders@demo.dealer', 'ORDER_ENTRY', platinum.id],
      ['viewer@demo.dealer', 'VIEW_ONLY', platinum.id],
      ['bronze@demo.dealer', 'DEALER_ADMIN', bronze.id],
      ['rep@demo.staff', 'SALES_REP', null],
      ['manager@demo.staff', 'REGIONAL_MANAGER', null],
      ['director@demo.staff', 'SALES_DIRECTOR', null],
      ['finance@demo.staff', 'FINANCE', null],
      ['gm@demo.staff', 'GENERAL_MANAGER', null],
      ['admin@demo.staff', 'ADMIN', null],
    ];
    for (const [email, role, dealerId] of expected) {
      expect(byEmail.get(email), email).toMatchObject({ role, dealerId });
    }
    expect(DEMO_PASSWORD).toBe('demo-pass-2026');
    expect(data.users.every((u) => u.password === DEMO_PASSWORD)).toBe(true);
    expect(new Set(data.users.map((u) => u.email)).size).toBe(data.users.length);
    expect(new Set(data.users.map((u) => u.id)).size).toBe(data.users.length);
  });

  it('gives every other dealer one DEALER_ADMIN named after its code', () => {
    for (const dealer of data.dealers.slice(2, 340)) {
      const users = data.users.filter((u) => u.dealerId === dealer.id);
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ email: `admin@${dealer.code.toLowerCase()}.dealer`, role: 'DEALER_ADMIN' });
    }
    expect(data.users.find((u) => u.email === 'admin@d0003.dealer')?.dealerId).toBe(data.dealers[2].id);
    expect(data.users).toHaveLength(10 + 338 + 3);
  });
});

describe('catalog and stock', () => {
  it('has a category tree of ten top-level categories with 4-6 subcategories and unique slugs', () => {
    const tops = data.categories.filter((c) => c.parentId === null);
    expect(tops.map((c) => c.name)).toEqual([
      'Bearings',
      'Seals & Gaskets',
      'Power Transmission',
      'Hydraulics',
      'Pneumatics',
      'Fasteners',
      'Electrical Components',
      'Filtration',
      'Motors & Drives',
      'Hand Tools',
    ]);
    for (const top of tops) {
      const children = data.categories.filter((c) => c.parentId === top.id).length;
      expect(children).toBeGreaterThanOrEqual(4);
      expect(children).toBeLessThanOrEqual(6);
    }
    expect(new Set(data.categories.map((c) => c.slug)).size).toBe(data.categories.length);
    expect(data.categories.every((c) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.slug))).toBe(true);
    expect(data.brands.length).toBeGreaterThanOrEqual(20);
    expect(data.brands.length).toBeLessThanOrEqual(30);
  });

  it('has at least 5,200 products in leaf categories with unique SKUs and list prices of 2.00-2,500.00', () => {
    expect(data.products.length).toBeGreaterThanOrEqual(5_200);
    const leaves = new Set(data.categories.filter((c) => c.parentId !== null).map((c) => c.id));
    const skus = new Set(data.products.map((p) => p.sku));
    expect(
      problems(
        data.products,
        (p) =>
          (!leaves.has(p.categoryId) && `${p.sku}: not in a leaf category`) ||
          (!/^[A-Z]{3}-\d{6}$/.test(p.sku) && `${p.sku}: bad SKU`) ||
          (!['EA', 'BOX', 'M', 'SET'].includes(p.unit) && `${p.sku}: unit ${p.unit}`) ||
          ((!Number.isInteger(p.listPrice) || p.listPrice < 200 || p.listPrice > 250_000) && `${p.sku}: list price ${p.listPrice}`) ||
          (p.currency !== 'USD' && `${p.sku}: currency`) ||
          (p.name.length <= 5 && `${p.sku}: name "${p.name}"`),
      ),
    ).toEqual([]);
    expect(skus.size).toBe(data.products.length);
    const prices = data.products.map((p) => p.listPrice).sort((a, b) => a - b);
    // Skewed towards cheap parts: the median part costs well under a hundred dollars.
    expect(prices[Math.floor(prices.length / 2)]).toBeLessThan(10_000);
  });

  it('has three warehouses and a stock level for every product in each', () => {
    expect(data.warehouses.map((w) => w.code)).toEqual(['WH-NORTH', 'WH-CENTRAL', 'WH-SOUTH']);
    expect(data.stock).toHaveLength(data.products.length * 3);
    expect(new Set(data.stock.map((s) => `${s.productId}:${s.warehouseId}`)).size).toBe(data.stock.length);
    const totals = new Map<string, { onHand: number; available: number; threshold: number }>();
    expect(
      problems(
        data.stock,
        (l) => (l.reserved < 0 || l.reserved > l.onHand || l.lowThreshold < 5 || l.lowThreshold > 25) && JSON.stringify(l),
      ),
    ).toEqual([]);
    for (const level of data.stock) {
      const total = totals.get(level.productId) ?? { onHand: 0, available: 0, threshold: level.lowThreshold };
      total.onHand += level.onHand;
      total.available += level.onHand - level.reserved;
      totals.set(level.productId, total);
    }
    const all = [...totals.values()];
    const out = all.filter((t) => t.onHand === 0).length / all.length;
    const low = all.filter((t) => t.onHand > 0 && t.available <= t.threshold).length / all.length;
    expect(out).toBeGreaterThan(0.06);
    expect(out).toBeLessThan(0.1);
    expect(low).toBeGreaterThan(0.08);
    expect(low).toBeLessThan(0.12);
  });

  it('has about 300 in-transit rows arriving 3-40 days after the anchor', () => {
    expect(data.inTransit.length).toBeGreaterThanOrEqual(250);
    expect(data.inTransit.length).toBeLessThanOrEqual(350);
    for (const row of data.inTransit) {
      const days = (row.eta.getTime() - ANCHOR.getTime()) / DAY;
      expect(days).toBeGreaterThanOrEqual(3);
      expect(days).toBeLessThanOrEqual(40);
      expect(row.quantity).toBeGreaterThan(0);
    }
  });
});

describe('pricing', () => {
  const isActive = (from: Date, to: Date | null) => from.getTime() <= ANCHOR.getTime() && (to === null || to.getTime() > ANCHOR.getTime());

  it('has the demo tier rules and volume breaks', () => {
    expect(data.tierRules).toEqual([
      { tier: 'PLATINUM', discountBp: 2000 },
      { tier: 'GOLD', discountBp: 1500 },
      { tier: 'SILVER', discountBp: 1000 },
      { tier: 'BRONZE', discountBp: 500 },
    ]);
    expect(data.volumeBreaks).toEqual([
      { minQuantity: 1, maxQuantity: 9, discountBp: 0 },
      { minQuantity: 10, maxQuantity: 49, discountBp: 500 },
      { minQuantity: 50, maxQuantity: 99, discountBp: 1000 },
      { minQuantity: 100, maxQuantity: null, discountBp: 1500 },
    ]);
    expect(data.dealerPricing).toEqual(data.dealers.map((d) => ({ dealerId: d.id, tier: d.tier })));
  });

  it('has about 150 promotions of 5-20 %, about half running at the anchor, some on the first products', () => {
    expect(data.promotions.length).toBeGreaterThanOrEqual(140);
    expect(data.promotions.length).toBeLessThanOrEqual(160);
    for (const promo of data.promotions) {
      expect(promo.discountBp).toBeGreaterThanOrEqual(500);
      expect(promo.discountBp).toBeLessThanOrEqual(2000);
      expect(promo.validFrom.getTime()).toBeLessThan(promo.validTo.getTime());
    }
    const active = data.promotions.filter((p) => isActive(p.validFrom, p.validTo));
    expect(active.length / data.promotions.length).toBeGreaterThan(0.4);
    expect(active.length / data.promotions.length).toBeLessThan(0.65);
    expect(data.promotions.some((p) => p.validTo.getTime() < ANCHOR.getTime())).toBe(true);
    expect(data.promotions.some((p) => p.validFrom.getTime() > ANCHOR.getTime())).toBe(true);
    const activeProducts = new Set(active.map((p) => p.productId));
    expect(data.products.slice(0, 20).filter((p) => activeProducts.has(p.id)).length).toBeGreaterThanOrEqual(3);
  });

  it('has special prices for about 60 dealers at 70-85 % of list, some expired', () => {
    const [platinum, bronze] = data.dealers;
    const perDealer = sumBy(
      data.specialPrices,
      (s) => s.dealerId,
      () => 1,
    );
    expect(perDealer.size).toBeGreaterThanOrEqual(55);
    expect(perDealer.size).toBeLessThanOrEqual(65);
    for (const [dealerId, count] of perDealer) {
      if (dealerId === platinum.id) continue;
      expect(count).toBeGreaterThanOrEqual(5);
      expect(count).toBeLessThanOrEqual(15);
    }
    const listPrice = new Map(data.products.map((p) => [p.id, p.listPrice]));
    for (const special of data.specialPrices) {
      const list = listPrice.get(special.productId)!;
      expect(special.unitPrice).toBeGreaterThanOrEqual(Math.floor(list * 0.7));
      expect(special.unitPrice).toBeLessThanOrEqual(Math.ceil(list * 0.85));
      if (special.validTo) expect(special.validFrom.getTime()).toBeLessThan(special.validTo.getTime());
    }
    expect(data.specialPrices.some((s) => s.validTo !== null && s.validTo.getTime() < ANCHOR.getTime())).toBe(true);
    const platinumActive = data.specialPrices.filter((s) => s.dealerId === platinum.id && isActive(s.validFrom, s.validTo));
    expect(platinumActive.length).toBeGreaterThanOrEqual(5);
    expect(platinumActive.some((s) => s.productId === data.products[0].id)).toBe(true);
    expect(perDealer.has(bronze.id)).toBe(false);
  });

  it("has one credit account per dealer with the demo dealers' exact limits and policies", () => {
    const [platinum, bronze] = data.dealers;
    expect(data.creditAccounts.map((a) => a.dealerId)).toEqual(data.dealers.map((d) => d.id));
    const account = new Map(data.creditAccounts.map((a) => [a.dealerId, a]));
    expect(account.get(platinum.id)).toMatchObject({
      limit: 25_000_000,
      exceedancePolicy: 'ROUTE_TO_APPROVAL',
      paymentTermsDays: 30,
      currency: 'USD',
    });
    expect(account.get(bronze.id)).toMatchObject({
      limit: 2_500_000,
      exceedancePolicy: 'HARD_BLOCK',
      paymentTermsDays: 30,
      currency: 'USD',
    });
    expect(new Set(data.creditAccounts.map((a) => a.exceedancePolicy)).size).toBe(5);
    for (const a of data.creditAccounts) expect([30, 45, 60]).toContain(a.paymentTermsDays);
    const terms = sumBy(
      data.creditAccounts,
      (a) => String(a.paymentTermsDays),
      () => 1,
    );
    expect(terms.get('30')!).toBeGreaterThan(data.dealers.length / 2);
    // Most dealers keep their tier's limit or a plain variation of it.
    const atTier = data.dealers.filter((d) => account.get(d.id)!.limit === TIER_LIMIT[d.tier]).length;
    expect(atTier).toBeGreaterThan(data.dealers.length / 3);
  });
});

describe('orders', () => {
  const TERMINAL: OrderStatus[] = ['DELIVERED', 'CANCELLED', 'REJECTED'];

  it('has about 10,000 orders over 12 months, numbered uniquely in placing order', () => {
    expect(data.orders.length).toBeGreaterThan(9_000);
    expect(data.orders.length).toBeLessThan(11_500);
    expect(new Set(data.orders.map((o) => o.number)).size).toBe(data.orders.length);
    expect(new Set(data.orders.map((o) => o.id)).size).toBe(data.orders.length);
    expect(
      problems(data.orders, (order, i) => {
        if (!/^SO-\d{4}-\d{6}$/.test(order.number)) return `${order.number}: bad number`;
        if (order.placedAt.getTime() >= ANCHOR.getTime()) return `${order.number}: placed after the anchor`;
        if (order.placedAt.getTime() < ANCHOR.getTime() - 366 * DAY) return `${order.number}: older than a year`;
        const previous = data.orders[i - 1];
        if (previous && !(order.number > previous.number && order.placedAt.getTime() >= previous.placedAt.getTime())) {
          return `${order.number}: not after ${previous.number}`;
        }
        return null;
      }),
    ).toEqual([]);
    const [platinum, bronze] = data.dealers;
    const perDealer = sumBy(
      data.orders,
      (o) => o.dealerId,
      () => 1,
    );
    expect(perDealer.get(platinum.id)!).toBeGreaterThanOrEqual(40);
    expect(perDealer.get(bronze.id)!).toBeGreaterThanOrEqual(15);
  });

  it('prices every line by tier and volume break, and adds lines up to the total', () => {
    const tier = new Map(data.dealers.map((d) => [d.id, d.tier]));
    const product = new Map(data.products.map((p) => [p.id, p]));
    expect(
      problems(data.orders, (order) => {
        if (order.lines.length < 1 || order.lines.length > 8) return `${order.number}: ${order.lines.length} lines`;
        if (order.currency !== 'USD') return `${order.number}: currency`;
        const dealerTier = tier.get(order.dealerId)!;
        let total = 0;
        for (const line of order.lines) {
          const p = product.get(line.productId)!;
          if (line.sku !== p.sku || line.name !== p.name) return `${order.number}: line does not match its product`;
          if (!Number.isInteger(line.quantity) || line.quantity <= 0) return `${order.number}: quantity ${line.quantity}`;
          const expected = afterDiscount(afterDiscount(p.listPrice, TIER_BP[dealerTier]), volumeBp(line.quantity));
          if (line.unitPrice !== expected) return `${order.number} ${line.sku}: unit ${line.unitPrice}, expected ${expected}`;
          if (line.lineTotal !== line.unitPrice * line.quantity) return `${order.number} ${line.sku}: line total`;
          total += line.lineTotal;
        }
        if (order.total !== total) return `${order.number}: total ${order.total}, lines add up to ${total}`;
        if (new Set(order.lines.map((l) => l.productId)).size !== order.lines.length) return `${order.number}: duplicate product`;
        return null;
      }),
    ).toEqual([]);
  });

  it('keeps status histories ordered, starting at placedAt and ending in the order status', () => {
    const admin = new Map(data.users.filter((u) => u.role === 'DEALER_ADMIN').map((u) => [u.dealerId, u.id]));
    expect(
      problems(data.orders, (order) => {
        const { history } = order;
        const last = history[history.length - 1];
        const statuses = history.map((h) => h.status);
        if (!['PENDING_APPROVAL', 'APPROVED'].includes(history[0].status)) return `${order.number}: starts ${history[0].status}`;
        if (history[0].at.getTime() !== order.placedAt.getTime()) return `${order.number}: history does not start at placedAt`;
        if (last.status !== order.status) return `${order.number}: ends ${last.status}, status ${order.status}`;
        if (order.updatedAt.getTime() !== last.at.getTime()) return `${order.number}: updatedAt`;
        if (history.some((h, i) => i > 0 && h.at.getTime() <= history[i - 1].at.getTime())) return `${order.number}: out of order`;
        if (last.at.getTime() >= ANCHOR.getTime()) return `${order.number}: history runs past the anchor`;
        if (order.placedByUserId !== admin.get(order.dealerId)) return `${order.number}: not placed by the dealer's admin`;
        if (new Set(statuses).size !== statuses.length) return `${order.number}: repeated status`;
        if ((order.status === 'CANCELLED' || order.status === 'REJECTED') && !last.comment) return `${order.number}: no reason`;
        if (statuses.includes('SHIPPED') && !statuses.includes('PROCESSING')) return `${order.number}: shipped unprocessed`;
        if (statuses.includes('DELIVERED') && !statuses.includes('SHIPPED')) return `${order.number}: delivered unshipped`;
        return null;
      }),
    ).toEqual([]);
  });

  it('follows the approval rules: large orders wait for a manager, very large ones for a director', () => {
    const role = new Map(data.users.map((u) => [u.id, u.role]));
    expect(
      problems(data.orders, (order) => {
        if (order.total > 1_000_000 && order.history[0].status !== 'PENDING_APPROVAL') return `${order.number}: large but not held`;
        const approval = order.history.find((h) => h.status === 'APPROVED');
        if (!approval || order.history[0].status === 'APPROVED') return null;
        const approver = role.get(approval.byUserId!);
        if (order.total > 5_000_000 && approver !== 'SALES_DIRECTOR') return `${order.number}: approved by ${approver}`;
        if (order.total > 1_000_000 && order.total <= 5_000_000 && approver !== 'REGIONAL_MANAGER')
          return `${order.number}: approved by ${approver}`;
        return null;
      }),
    ).toEqual([]);
    const pending = data.orders.filter((o) => o.status === 'PENDING_APPROVAL');
    expect(pending.length).toBeGreaterThan(5);
  });

  it('sets statuses by age: old orders are finished, recent ones a mix', () => {
    const age = (o: DemoOrder) => (ANCHOR.getTime() - o.placedAt.getTime()) / DAY;
    const old = data.orders.filter((o) => age(o) > 22);
    expect(old.every((o) => TERMINAL.includes(o.status))).toBe(true);
    expect(old.filter((o) => o.status === 'DELIVERED').length / old.length).toBeGreaterThan(0.9);
    expect(old.some((o) => o.status === 'CANCELLED')).toBe(true);
    expect(old.some((o) => o.status === 'REJECTED')).toBe(true);
    const recent = new Set(data.orders.filter((o) => age(o) < 21).map((o) => o.status));
    for (const status of ['SHIPPED', 'PROCESSING', 'APPROVED', 'PENDING_APPROVAL'] as const) expect(recent.has(status)).toBe(true);
  });
});

describe('invoices, payments and credit', () => {
  it('invoices every shipped or delivered order once, for its total, at ship time', () => {
    const orders = new Map(data.orders.map((o) => [o.id, o]));
    const terms = new Map(data.creditAccounts.map((a) => [a.dealerId, a.paymentTermsDays]));
    const invoiced = new Set<string>();
    expect(
      problems(data.invoices, (invoice) => {
        const order = orders.get(invoice.orderId!)!;
        if (!['SHIPPED', 'DELIVERED'].includes(order.status)) return `${invoice.number}: order ${order.status}`;
        if (invoiced.has(order.id)) return `${invoice.number}: second invoice for ${order.number}`;
        invoiced.add(order.id);
        if (invoice.dealerId !== order.dealerId || invoice.amount !== order.total) return `${invoice.number}: does not match its order`;
        if (invoice.issuedAt.getTime() !== order.history.find((h) => h.status === 'SHIPPED')!.at.getTime())
          return `${invoice.number}: not issued at ship time`;
        if (invoice.dueAt.getTime() - invoice.issuedAt.getTime() !== terms.get(invoice.dealerId)! * DAY)
          return `${invoice.number}: due date`;
        if (invoice.paidAmount < 0 || invoice.paidAmount > invoice.amount) return `${invoice.number}: paid ${invoice.paidAmount}`;
        if (!/^INV-\d{4}-\d{6}$/.test(invoice.number)) return `${invoice.number}: bad number`;
        return null;
      }),
    ).toEqual([]);
    const shippedOrDelivered = data.orders.filter((o) => o.status === 'SHIPPED' || o.status === 'DELIVERED');
    expect(invoiced.size).toBe(shippedOrDelivered.length);
    expect(new Set(data.invoices.map((i) => i.number)).size).toBe(data.invoices.length);
  });

  it('records one full payment per paid invoice, between issue and anchor', () => {
    const invoices = new Map(data.invoices.map((i) => [i.id, i]));
    const paidFor = new Set<string>();
    expect(
      problems(data.payments, (payment) => {
        const invoice = invoices.get(payment.invoiceId!)!;
        if (paidFor.has(invoice.id)) return `${invoice.number}: paid twice`;
        paidFor.add(invoice.id);
        if (payment.dealerId !== invoice.dealerId || payment.amount !== invoice.amount || invoice.paidAmount !== invoice.amount) {
          return `${invoice.number}: payment does not settle it`;
        }
        if (payment.receivedAt.getTime() <= invoice.issuedAt.getTime() || payment.receivedAt.getTime() >= ANCHOR.getTime()) {
          return `${invoice.number}: paid at ${payment.receivedAt.toISOString()}`;
        }
        return payment.reference.length <= 4 && `${invoice.number}: reference`;
      }),
    ).toEqual([]);
    expect(problems(data.invoices, (i) => (i.paidAmount === i.amount) !== paidFor.has(i.id) && i.number)).toEqual([]);
    expect(paidFor.size / data.invoices.length).toBeGreaterThan(0.8);
  });

  it('holds credit for exactly the APPROVED and PROCESSING orders', () => {
    const held = data.orders.filter((o) => o.status === 'APPROVED' || o.status === 'PROCESSING');
    expect(data.creditHolds.map((h) => h.orderId).sort()).toEqual(held.map((o) => o.id).sort());
    const orders = new Map(data.orders.map((o) => [o.id, o]));
    for (const hold of data.creditHolds) {
      const order = orders.get(hold.orderId)!;
      expect(hold.amount).toBe(order.total);
      expect(hold.dealerId).toBe(order.dealerId);
    }
  });

  it('has about 25 dealers overdue by 15-60 days and keeps the others within their limits', () => {
    const views = creditView(data);
    const limit = new Map(data.creditAccounts.map((a) => [a.dealerId, a.limit]));
    const overdue = [...views].filter(([, v]) => v.maxDaysOverdue > 0);
    expect(overdue.length).toBeGreaterThanOrEqual(20);
    expect(overdue.length).toBeLessThanOrEqual(30);
    for (const [, view] of overdue) {
      expect(view.maxDaysOverdue).toBeGreaterThanOrEqual(15);
      expect(view.maxDaysOverdue).toBeLessThanOrEqual(60);
    }
    const overdueIds = new Set(overdue.map(([id]) => id));
    const overLimit = [...views].filter(([id, v]) => v.openBalance + v.holds >= limit.get(id)!);
    expect(overLimit.length).toBeGreaterThan(0);
    expect(overLimit.length).toBeLessThanOrEqual(8);
    for (const [id] of overLimit) expect(overdueIds.has(id)).toBe(true);
  });

  it.each([2026, 7, 99])("keeps the demo dealers' credit pictures with seed %i", (seed) => {
    const set = forSeed(seed);
    const [platinum, bronze] = set.dealers;
    const views = creditView(set);
    const p = views.get(platinum.id)!;
    expect(p.maxDaysOverdue).toBe(0);
    expect(p.openBalance + p.holds).toBeLessThan(25_000_000 * 0.5);
    const b = views.get(bronze.id)!;
    expect(b.maxDaysOverdue).toBeLessThanOrEqual(10);
    expect(b.openBalance).toBeGreaterThanOrEqual(2_500_000 * 0.3);
    expect(b.openBalance).toBeLessThanOrEqual(2_500_000 * 0.6);
    expect(b.openBalance + b.holds).toBeLessThan(2_500_000);
    expect(set.orders.filter((o) => o.dealerId === platinum.id).length).toBeGreaterThanOrEqual(40);
    expect(set.orders.filter((o) => o.dealerId === bronze.id).length).toBeGreaterThanOrEqual(15);
  });
});

describe('referential integrity', () => {
  it('points every foreign id at an existing row', () => {
    const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
    const dealers = ids(data.dealers);
    const products = ids(data.products);
    const categories = ids(data.categories);
    const brands = ids(data.brands);
    const warehouses = ids(data.warehouses);
    const users = ids(data.users);
    const orders = ids(data.orders);
    const invoices = ids(data.invoices);
    const dangling: string[] = [];
    const refer = (kind: string, set: Set<string>, id: string | null) => {
      if (id !== null && !set.has(id) && dangling.length < 10) dangling.push(`${kind} -> ${id}`);
    };
    for (const u of data.users) refer('user.dealerId', dealers, u.dealerId);
    for (const c of data.categories) refer('category.parentId', categories, c.parentId);
    for (const p of data.products) {
      refer('product.categoryId', categories, p.categoryId);
      refer('product.brandId', brands, p.brandId);
    }
    for (const row of [...data.stock, ...data.inTransit]) {
      refer('stock.productId', products, row.productId);
      refer('stock.warehouseId', warehouses, row.warehouseId);
    }
    for (const p of data.promotions) refer('promotion.productId', products, p.productId);
    for (const sp of data.specialPrices) {
      refer('specialPrice.dealerId', dealers, sp.dealerId);
      refer('specialPrice.productId', products, sp.productId);
    }
    for (const row of [...data.dealerPricing, ...data.creditAccounts]) refer('dealerId', dealers, row.dealerId);
    for (const o of data.orders) {
      refer('order.dealerId', dealers, o.dealerId);
      refer('order.placedByUserId', users, o.placedByUserId);
      for (const line of o.lines) refer('line.productId', products, line.productId);
      for (const h of o.history) refer('history.byUserId', users, h.byUserId);
    }
    for (const i of data.invoices) {
      refer('invoice.dealerId', dealers, i.dealerId);
      refer('invoice.orderId', orders, i.orderId);
    }
    for (const p of data.payments) {
      refer('payment.dealerId', dealers, p.dealerId);
      refer('payment.invoiceId', invoices, p.invoiceId);
    }
    for (const h of data.creditHolds) {
      refer('hold.dealerId', dealers, h.dealerId);
      refer('hold.orderId', orders, h.orderId);
    }
    expect(dangling).toEqual([]);
    // Payments and invoices point at rows of the same dealer, not just at existing ones.
    const invoiceDealer = new Map(data.invoices.map((i) => [i.id, i.dealerId]));
    expect(problems(data.payments, (p) => invoiceDealer.get(p.invoiceId!) !== p.dealerId && p.id)).toEqual([]);
  });

  it('uses globally unique UUIDs', () => {
    const all = [
      data.dealers,
      data.users,
      data.categories,
      data.brands,
      data.products,
      data.warehouses,
      data.inTransit,
      data.promotions,
      data.specialPrices,
      data.orders,
      data.orders.flatMap((o) => o.lines),
      data.invoices,
      data.payments,
      data.creditHolds,
    ].flatMap((rows) => rows.map((r) => r.id));
    expect(new Set(all).size).toBe(all.length);
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(problems(all, (id) => !v4.test(id) && id)).toEqual([]);
  });
});

describe('money', () => {
  it('rounds the discounted amount half up to the cent', () => {
    expect(discount(1005, 5000)).toBe(503); // 502.5
    expect(discount(1, 5000)).toBe(1); // 0.5
    expect(discount(999, 1500)).toBe(849); // 849.15
    expect(discount(1003, 500)).toBe(953); // 952.85
    expect(discount(250_000, 2000)).toBe(200_000);
    for (let cents = 1; cents < 5_000; cents += 7) {
      for (const bp of [0, 500, 1000, 1500, 2000, 2250]) expect(discount(cents, bp)).toBe(afterDiscount(cents, bp));
    }
  });
});
