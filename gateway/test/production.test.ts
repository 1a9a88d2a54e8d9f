import { startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('NODE_ENV=production hardening at the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // Documents as text: the hardening below is what production adds beside persisted documents.
    stack = await startTestStack({ production: true, gatewaySecurity: { persistedDocumentsRequired: false } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('serves no GraphiQL', async () => {
    const response = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/graphiql/i);
  });

  it('refuses introspection to anonymous callers by the introspection rule, and allows it to signed-in ones', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    for (const query of [introspection, '{ __type(name: "Product") { name } }']) {
      const anonymous = await stack.client().request(query);
      expect(anonymous.data ?? null).toBeNull();
      // The introspection rule's own answer, not the anonymous gate's "Sign in first".
      expect(anonymous.errors?.[0].message).toMatch(/introspection has been disabled/i);
    }
    const dealer = await stack.loginAs('bronze@demo.dealer');
    expect((await dealer.data(introspection)).__schema.queryType.name).toBe('Query');
  });

  it('suggests no field names', async () => {
    const result = await stack.client().request('{ produts(first: 1) { totalCount } }');
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.errors)).not.toMatch(/did you mean|products/i);
  });

  it('still signs in and answers the signed-in dealer', async () => {
    const dealer = await stack.loginAs('bronze@demo.dealer');
    expect((await dealer.data('{ me { dealer { name } } }')).me.dealer.name).toBe('Demo Bronze Dealer');
  });
});
