import { startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_LIMITS, PRODUCTION_LIMITS, type QueryLimits } from '../src/query-limits.js';

/**
 * `{ categories { parent { … { id } } } }` with `depth` levels of fields, root field and leaf
 * included: the depth the limit counts. `parent` (one object, not a list) keeps the cost low, so
 * the depth limit answers and not the cost limit.
 */
function nested(depth: number): string {
  return `{ categories { ${'parent { '.repeat(depth - 2)}id${' }'.repeat(depth - 2)} } }`;
}
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { email }`).join(' ')} }`;
/** `{ me { email } }` padded with `__typename` selections to exactly `tokens` lexical tokens. */
function tokens(n: number): string {
  // `{ me { email } }` is 6 tokens; each further `__typename` adds one.
  return `{ me { email ${'__typename '.repeat(n - 6)}} }`;
}

/** The same boundary checks in demo and production mode, each at the limit and one past it. */
function limitSuite(name: string, limits: QueryLimits, production: boolean) {
  describe(`query limits at the gateway (${name})`, () => {
    let stack: TestStack;
    beforeAll(async () => {
      // Raw operations are what these limits are about; production's persisted-documents rule has its own tests.
      stack = await startTestStack({ production, gatewaySecurity: { persistedDocumentsRequired: false } });
    });
    afterAll(async () => {
      await stack?.stop();
    });

    it('answers an operation exactly at the depth limit and refuses one level more', async () => {
      const client = await stack.loginAs('platinum@demo.dealer');
      const atLimit = await client.request(nested(limits.depth));
      expect(atLimit.errors).toBeUndefined();
      const tooDeep = await client.request(nested(limits.depth + 1));
      expect(tooDeep.data ?? null).toBeNull();
      expect(tooDeep.errors?.[0].message).toMatch(production ? /validation error/i : /depth/i);
    });

    it('answers exactly the alias limit and refuses one more', async () => {
      const client = await stack.loginAs('platinum@demo.dealer');
      expect((await client.request(aliases(limits.aliases))).errors).toBeUndefined();
      const tooMany = await client.request(aliases(limits.aliases + 1));
      expect(tooMany.data ?? null).toBeNull();
      expect(tooMany.errors?.[0].message).toMatch(production ? /validation error/i : /alias/i);
    });

    it('parses exactly the token limit and refuses one token more while parsing', async () => {
      const client = await stack.loginAs('platinum@demo.dealer');
      // Thousands of repeated selections are refused later by validation ("Validation aborted"):
      // what matters here is that the token count let the document through to it.
      const atLimit = await client.request(tokens(limits.tokens));
      expect(atLimit.errors?.[0].message ?? '').not.toMatch(/token|syntax/i);
      const tooLong = await client.request(tokens(limits.tokens + 1));
      expect(tooLong.data ?? null).toBeNull();
      expect(tooLong.errors?.[0].message).toMatch(production ? /syntax error/i : /token limit/i);
    });

    it(production ? 'does not say the limit in the error' : 'says the limit in the error', async () => {
      const client = await stack.loginAs('platinum@demo.dealer');
      const message = (await client.request(nested(limits.depth + 1))).errors?.[0].message ?? '';
      expect(message.includes(String(limits.depth))).toBe(!production);
    });
  });
}

limitSuite('demo', DEMO_LIMITS, false);
limitSuite('production', PRODUCTION_LIMITS, true);
