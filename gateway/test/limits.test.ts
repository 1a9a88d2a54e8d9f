import { startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LIMITS } from '../src/query-limits.js';

/** `{ categories { children { children ... { id } } } }`, `levels` deep below the root field. */
function nested(levels: number): string {
  return `{ categories { ${'children { '.repeat(levels - 1)}id${' }'.repeat(levels - 1)} } }`;
}

describe('query limits at the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers an operation at the depth limit and refuses one past it, before any subgraph runs it', async () => {
    const client = await stack.loginAs('platinum@demo.dealer');
    const atLimit = await client.request(nested(DEMO_LIMITS.depth - 1));
    expect(atLimit.errors).toBeUndefined();
    const tooDeep = await client.request(nested(DEMO_LIMITS.depth + 1));
    expect(tooDeep.data ?? null).toBeNull();
    expect(tooDeep.errors?.[0].message).toMatch(/depth/i);
  });

  it('refuses more aliases than allowed', async () => {
    const client = await stack.loginAs('platinum@demo.dealer');
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { email }`).join(' ')} }`;
    expect((await client.request(aliases(DEMO_LIMITS.aliases))).errors).toBeUndefined();
    const tooMany = await client.request(aliases(DEMO_LIMITS.aliases + 1));
    expect(tooMany.errors?.[0].message).toMatch(/alias/i);
  });
});
