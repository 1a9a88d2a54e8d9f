import { startTestStack, type TestStack } from '@dealergraph/testing';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The GraphQL-over-HTTP spec's own audit suite, run against the real gateway. */
describe('GraphQL over HTTP compliance of the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('passes every audit with no failed requirement', async () => {
    const audits = serverAudits({ url: () => stack.gatewayUrl, fetchFn: fetch });
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === 'error') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(audits.length).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });
});
