import type { DealerTier, DemoData, DemoDealer, DemoProduct } from './types.js';

/**
 * The demo's dealer-specific assortments, derived from the generated data (no randomness, so the same
 * data always gives the same assortment):
 * - every 50th product (by sku) is restricted: CONTRACT_ONLY (granted to PLATINUM and GOLD), IMPORTED
 *   (granted to the first region, Northeast) or QUOTA (granted to dealers D0003-D0007) in turn;
 * - dealers D0003-D0012 may buy from two root categories only;
 * - the two named demo dealers (D0001, D0002) are granted every restricted product and have
 *   no category limit: they keep the full catalog.
 */

export type ProductRestriction = 'CONTRACT_ONLY' | 'IMPORTED' | 'QUOTA';
export type GrantScope = 'DEALER' | 'TIER' | 'REGION';

export interface DemoAssortment {
  restrictions: { productId: string; restriction: ProductRestriction }[];
  grants: { productId: string; scope: GrantScope; value: string }[];
  categoryLimits: { dealerId: string; categoryId: string }[];
  segments: { dealerId: string; tier: DealerTier; region: string }[];
}

export const RESTRICTED_EVERY = 50;
/** Dealers (by position) limited to two root categories: D0003 to D0012. */
export const CATEGORY_LIMITED_DEALERS = { from: 2, to: 12 } as const;
/** Dealers (by position) granted the QUOTA products: D0003 to D0007. */
export const QUOTA_DEALERS = { from: 2, to: 7 } as const;
export const IMPORT_REGION = 'Northeast';

const KINDS: readonly ProductRestriction[] = ['CONTRACT_ONLY', 'IMPORTED', 'QUOTA'];

export function demoAssortment(data: Pick<DemoData, 'dealers' | 'products' | 'categories'>): DemoAssortment {
  const products = [...data.products].sort((a, b) => (a.sku < b.sku ? -1 : 1));
  const restrictions: DemoAssortment['restrictions'] = [];
  const grants: DemoAssortment['grants'] = [];
  const demoDealers = data.dealers.slice(0, 2);
  const quotaDealers = data.dealers.slice(QUOTA_DEALERS.from, QUOTA_DEALERS.to);
  products.forEach((product, i) => {
    if (i % RESTRICTED_EVERY !== RESTRICTED_EVERY - 1) return;
    const restriction = KINDS[Math.floor(i / RESTRICTED_EVERY) % KINDS.length];
    restrictions.push({ productId: product.id, restriction });
    if (restriction === 'CONTRACT_ONLY') {
      grants.push({ productId: product.id, scope: 'TIER', value: 'PLATINUM' }, { productId: product.id, scope: 'TIER', value: 'GOLD' });
    } else if (restriction === 'IMPORTED') {
      grants.push({ productId: product.id, scope: 'REGION', value: IMPORT_REGION });
    } else {
      for (const d of quotaDealers) grants.push({ productId: product.id, scope: 'DEALER', value: d.id });
    }
    for (const d of demoDealers) grants.push({ productId: product.id, scope: 'DEALER', value: d.id });
  });
  const roots = data.categories.filter((c) => c.parentId === null).sort((a, b) => (a.name < b.name ? -1 : 1));
  const categoryLimits = data.dealers
    .slice(CATEGORY_LIMITED_DEALERS.from, CATEGORY_LIMITED_DEALERS.to)
    .flatMap((d, i) => [roots[i % roots.length], roots[(i + 3) % roots.length]].map((c) => ({ dealerId: d.id, categoryId: c.id })));
  const segments = data.dealers.map((d) => ({ dealerId: d.id, tier: d.tier, region: d.region }));
  return { restrictions, grants, categoryLimits, segments };
}

/**
 * The products each dealer may buy under an assortment: the products subgraph's rule (unrestricted or
 * granted to the dealer, its tier or its region; within its category limits and everything below
 * them) over the demo data. Dealers sharing a segment and limits share one list.
 */
export function assortmentProducts(
  assortment: DemoAssortment,
  data: Pick<DemoData, 'products' | 'categories'>,
): (dealer: Pick<DemoDealer, 'id' | 'tier' | 'region'>) => DemoProduct[] {
  const restricted = new Set(assortment.restrictions.map((r) => r.productId));
  const grants = new Set(assortment.grants.map((g) => `${g.productId}|${g.scope}|${g.value}`));
  const dealersWithGrants = new Set(assortment.grants.filter((g) => g.scope === 'DEALER').map((g) => g.value));
  const limits = new Map<string, Set<string>>();
  for (const l of assortment.categoryLimits) limits.set(l.dealerId, (limits.get(l.dealerId) ?? new Set()).add(l.categoryId));
  const parentOf = new Map(data.categories.map((c) => [c.id, c.parentId]));
  const within = (categoryId: string, allowed: Set<string>): boolean => {
    for (let c: string | null | undefined = categoryId; c; c = parentOf.get(c)) if (allowed.has(c)) return true;
    return false;
  };
  const cache = new Map<string, DemoProduct[]>();
  return (dealer) => {
    const allowed = limits.get(dealer.id);
    const key = [dealer.tier, dealer.region, dealersWithGrants.has(dealer.id) ? dealer.id : '', [...(allowed ?? [])].sort().join(',')].join(
      '|',
    );
    let list = cache.get(key);
    if (!list) {
      list = data.products.filter(
        (p) =>
          (!restricted.has(p.id) ||
            grants.has(`${p.id}|DEALER|${dealer.id}`) ||
            grants.has(`${p.id}|TIER|${dealer.tier}`) ||
            grants.has(`${p.id}|REGION|${dealer.region}`)) &&
          (!allowed || within(p.categoryId, allowed)),
      );
      cache.set(key, list);
    }
    return list;
  };
}
