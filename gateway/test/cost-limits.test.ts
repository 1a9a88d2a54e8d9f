import { startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { COST_LIMITS } from '../src/config.js';

const PAGE = 'products(first: 100) { nodes { sku stock { status } price { unitPrice { amount } } } }';
const ALIASED_PAGES = `{ ${Array.from({ length: 14 }, (_, i) => `p${i}: ${PAGE}`).join(' ')} }`;

describe('cost limits at the gateway (demo mode)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses 14 aliased priced pages of 100 before running them, and says the cost', async () => {
    const dealer = await stack.loginAs('platinum@demo.dealer');
    const result = await dealer.request(ALIASED_PAGES);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    const cost = result.errors?.[0].extensions?.cost as { requested: number; maximum: number };
    expect(cost.maximum).toBe(COST_LIMITS.demo.maxCost);
    expect(cost.requested).toBeGreaterThan(cost.maximum);
  });

  it('answers one priced page and returns its cost in extensions', async () => {
    const dealer = await stack.loginAs('platinum@demo.dealer');
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${dealer.accessToken}` },
      body: JSON.stringify({ query: `{ ${PAGE} }` }),
    });
    const body = (await response.json()) as {
      data?: { products: { nodes: unknown[] } };
      extensions?: { cost?: { requested: number; maximum: number } };
    };
    expect(body.data?.products.nodes).toHaveLength(100);
    expect(body.extensions?.cost?.requested).toBeGreaterThan(100);
    expect(body.extensions?.cost?.requested).toBeLessThanOrEqual(COST_LIMITS.demo.maxCost);
  });
});

describe('cost limits at the gateway (production mode, small budget)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      production: true,
      gatewaySecurity: { costBurst: 1_000, costPerSecond: 1, persistedDocumentsRequired: false },
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses the aliased pages under the production cap too', async () => {
    const dealer = await stack.loginAs('platinum@demo.dealer');
    const result = await dealer.request(ALIASED_PAGES);
    expect(result.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    expect((result.errors?.[0].extensions?.cost as { maximum: number }).maximum).toBe(COST_LIMITS.production.maxCost);
  });

  it("bounds each caller's spend per second, and one caller's spend does not touch another's", async () => {
    const dealer = await stack.loginAs('bronze@demo.dealer');
    expect((await dealer.request(`{ ${PAGE} }`)).errors).toBeUndefined();
    const second = await dealer.request(`{ ${PAGE} }`);
    expect(second.data ?? null).toBeNull();
    expect(second.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(second.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    const other = await stack.loginAs('orders@demo.dealer');
    expect((await other.request(`{ ${PAGE} }`)).errors).toBeUndefined();
  });
});
