import { randomUUID } from 'node:crypto';
import { createConnection } from 'node:net';

import { subgraphDefinitions } from '@dealergraph/launcher';
import { deriveInternalKey, generateSigningKeys, newEnvelope, type RunningService, runSubgraph, signRequest } from '@dealergraph/runtime';
import { startTestStack, type TestStack } from '@dealergraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningGateway, startGateway } from '../src/index.js';

/**
 * Two gateways and two instances of a subgraph on one Redis, as `npm run start:cluster` runs them:
 * a caller gets one sign-in budget and one cost budget between the gateways, and a signed body that
 * one instance accepted is refused by the other. Needs the machine's Redis (REDIS_URL, default
 * loopback); the suite skips on a laptop without one, and fails under CI instead of passing silently.
 * Every stack keys under a prefix of its own, so parallel runs do not share budgets.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisUp = await new Promise<boolean>((resolve) => {
  const url = new URL(REDIS_URL);
  const probe = createConnection({ host: url.hostname, port: Number(url.port || 6379) });
  probe.once('connect', () => (probe.end(), resolve(true)));
  probe.once('error', () => resolve(false));
});
if (!redisUp && process.env.CI) throw new Error(`CI runs Redis, but ${REDIS_URL} does not answer: start it or set REDIS_URL`);

const SECURITY = { signInBurst: 5, signInPerMinute: 1, costBurst: 1_000, costPerSecond: 1 };

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: string; retryAfterSeconds?: number } }[];
  extensions?: { cost?: { requested: number } };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json().catch(() => ({}))) as object) };
}

const rateLimited = (answers: Answer[]) => answers.filter((a) => a.errors?.[0]?.extensions?.code === 'RATE_LIMITED').length;

describe.skipIf(!redisUp)('two gateways and two subgraph instances sharing one Redis', () => {
  let stack: TestStack;
  let second: RunningGateway;
  let secondPrices: RunningService;
  const keyPrefix = `dealergraph-test:${randomUUID()}:`;

  beforeAll(async () => {
    stack = await startTestStack({ gatewaySecurity: SECURITY, redis: { url: REDIS_URL, keyPrefix } });
    second = await startGateway({
      host: '127.0.0.1',
      port: 0,
      jwtPublicKey: stack.jwtPublicKey,
      hmacSecret: stack.hmacSecret,
      production: false,
      security: SECURITY,
      subgraphUrls: Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url])) as never,
      webAppDir: null,
      redisUrl: REDIS_URL,
      redisKeyPrefix: keyPrefix,
    });
    const definitions = await subgraphDefinitions((await generateSigningKeys()).privateKey, { hmacSecret: stack.hmacSecret });
    secondPrices = await runSubgraph(
      definitions.prices,
      {
        host: '127.0.0.1',
        port: 0,
        databaseUrl: stack.database.url,
        hmacSecret: stack.hmacSecret,
        production: false,
        poolSize: 2,
        logLevel: 'error',
        internalKey: deriveInternalKey(stack.hmacSecret),
        serviceUrls: Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, `http://127.0.0.1:${s.port}`])) as never,
        faultInjection: false,
        redisUrl: REDIS_URL,
        redisKeyPrefix: keyPrefix,
      },
      { orm: stack.orms.prices },
    );
  });
  afterAll(async () => {
    await secondPrices?.stop();
    await second?.stop();
    await stack?.stop();
  });

  it('grants one sign-in budget per address between the two gateways', async () => {
    // An address of its own (behind the trusted loopback proxy), so no other sign-in of this file spends it.
    const headers = { 'x-forwarded-for': '203.0.113.19' };
    const login = {
      query: 'mutation { login(email: "nobody@shared-limits.test", password: "wrong") { accessToken userErrors { code } } }',
    };
    const gateways = [stack.gatewayUrl, second.url];
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => post(gateways[i % 2], login, headers)));
    // Each gateway on its own would refuse 1 of its 6 (burst 5): together they refuse 7 of 12.
    expect(rateLimited(answers)).toBe(12 - SECURITY.signInBurst);
    expect(answers.filter((a) => (a.data?.login as { userErrors?: unknown[] } | undefined)?.userErrors).length).toBe(SECURITY.signInBurst);
    const refused = answers.find((a) => a.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(refused?.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("charges a signed-in user's cost budget once, whichever gateway answers", async () => {
    const user = await stack.loginAs('platinum@demo.dealer');
    const headers = { authorization: `Bearer ${user.accessToken}` };
    const query = { query: '{ products(first: 50) { nodes { sku } } }' };
    const first = await post(second.url, query, headers);
    const cost = first.extensions?.cost?.requested ?? 0;
    expect(cost).toBeGreaterThan(0);
    const fit = Math.floor(SECURITY.costBurst / cost);
    const gateways = [stack.gatewayUrl, second.url];
    const rest = await Promise.all(Array.from({ length: fit + 3 }, (_, i) => post(gateways[i % 2], query, headers)));
    expect(rateLimited([first, ...rest])).toBe(4);
    expect([first, ...rest].filter((a) => a.data?.products).length).toBe(fit);
  });

  it("asks the dealers subgraph once for a session's access, whichever gateway the requests reach", async () => {
    const sessionChecks = async () => {
      const text = await stack.subgraphs.dealers.metrics.registry.getSingleMetricAsString('dealergraph_graphql_operations_total');
      return Number(/operation="SessionAccess"[^}]*} (\d+)/.exec(text)?.[1] ?? 0);
    };
    const user = await stack.loginAs('orders@demo.dealer');
    const headers = { authorization: `Bearer ${user.accessToken}` };
    const before = await sessionChecks();
    const answers = [await post(stack.gatewayUrl, { query: '{ me { email } }' }, headers)];
    answers.push(
      ...(await Promise.all([stack.gatewayUrl, second.url, second.url].map((url) => post(url, { query: '{ me { email } }' }, headers)))),
    );
    expect(answers.map((a) => (a.data?.me as { email?: string } | undefined)?.email)).toEqual(Array(4).fill('orders@demo.dealer'));
    expect((await sessionChecks()) - before).toBe(1);
  });

  it('refuses a signed body replayed against a second instance of the subgraph', async () => {
    const query = '{ __typename }';
    const body = { query, extensions: signRequest({ query }, stack.hmacSecret, newEnvelope({ ip: '127.0.0.1', userAgent: 'test' })) };
    const accepted = await post(stack.subgraphs.prices.url, body);
    expect(accepted.status).toBe(200);
    expect(accepted.data).toEqual({ __typename: 'Query' });
    const replayed = await post(secondPrices.url, body);
    expect(replayed.status).toBe(401);
    expect(replayed.errors?.[0]?.extensions?.code).toBe('UNSIGNED_REQUEST');
    // The second instance answers fresh bodies: it refused the replay, not everything.
    const fresh = { query, extensions: signRequest({ query }, stack.hmacSecret, newEnvelope({ ip: '127.0.0.1', userAgent: 'test' })) };
    expect((await post(secondPrices.url, fresh)).data).toEqual({ __typename: 'Query' });
  });
});
