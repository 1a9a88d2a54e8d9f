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
});
