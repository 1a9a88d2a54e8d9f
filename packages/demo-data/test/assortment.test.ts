import { describe, expect, it } from 'vitest';

import { demoAssortment, generateDemoData } from '../src/index.js';

describe('demoAssortment', () => {
  const data = generateDemoData({ anchor: new Date('2026-11-01T00:00:00Z') });
  const a = demoAssortment(data);

  it('restricts every 50th product, of all three kinds, and grants each of them to the two demo dealers', () => {
    expect(a.restrictions.length).toBe(Math.floor(data.products.length / 50));
    expect(new Set(a.restrictions.map((r) => r.restriction))).toEqual(new Set(['CONTRACT_ONLY', 'IMPORTED', 'QUOTA']));
    for (const demo of data.dealers.slice(0, 2)) {
      const granted = new Set(a.grants.filter((g) => g.scope === 'DEALER' && g.value === demo.id).map((g) => g.productId));
      expect(a.restrictions.every((r) => granted.has(r.productId))).toBe(true);
      expect(a.categoryLimits.some((l) => l.dealerId === demo.id)).toBe(false);
    }
  });

  it('limits D0003-D0012 to two root categories each, and is deterministic', () => {
    const limited = new Set(a.categoryLimits.map((l) => l.dealerId));
    expect([...limited].map((id) => data.dealers.find((d) => d.id === id)!.code).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `D${String(i + 3).padStart(4, '0')}`),
    );
    expect(a.categoryLimits.length).toBe(20);
    expect(demoAssortment(data)).toEqual(a);
  });

  it('gives every dealer an order history of products in its own assortment only', () => {
    const parentOf = new Map(data.categories.map((c) => [c.id, c.parentId]));
    const rootOf = (categoryId: string): string => {
      let c = categoryId;
      while (parentOf.get(c)) c = parentOf.get(c)!;
      return c;
    };
    const product = new Map(data.products.map((p) => [p.id, p]));
    const dealer = new Map(data.dealers.map((d) => [d.id, d]));
    const restriction = new Map(a.restrictions.map((r) => [r.productId, r.restriction]));
    const limitsOf = (dealerId: string) => a.categoryLimits.filter((l) => l.dealerId === dealerId).map((l) => l.categoryId);
    let limitedLines = 0;
    let restrictedLines = 0;
    for (const order of data.orders) {
      const d = dealer.get(order.dealerId)!;
      const limits = limitsOf(d.id);
      for (const line of order.lines) {
        const p = product.get(line.productId)!;
        if (limits.length) {
          limitedLines += 1;
          expect(limits).toContain(rootOf(p.categoryId));
        }
        const kind = restriction.get(p.id);
        if (kind) {
          restrictedLines += 1;
          const granted = a.grants.some(
            (g) =>
              g.productId === p.id &&
              ((g.scope === 'DEALER' && g.value === d.id) ||
                (g.scope === 'TIER' && g.value === d.tier) ||
                (g.scope === 'REGION' && g.value === d.region)),
          );
          expect(granted, `${order.number} ${p.sku} ${kind} for ${d.code}`).toBe(true);
        }
      }
    }
    expect(limitedLines).toBeGreaterThan(100);
    expect(restrictedLines).toBeGreaterThan(10);
    // Deterministic as before: the same anchor gives the same history.
    expect(generateDemoData({ anchor: new Date('2026-11-01T00:00:00Z') }).orders).toEqual(data.orders);
  });
});
