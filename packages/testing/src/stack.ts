import { type RunningStack, type StackOptions, startStack } from '@dealergraph/launcher';

import { createTestDatabase, type TestDatabase } from './database.js';
import { GraphQLClient } from './graphql-client.js';
import { SecretLedger } from './secret-scan.js';

/**
 * argon2id at its least cost in tests: the demo users' hashes (seeded into the template) and every
 * password a test sets verify in about a millisecond. Production keeps argon2's default cost.
 */
export const TEST_PASSWORD_HASH_COST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export interface TestStack extends RunningStack {
  database: TestDatabase;
  /** A client of the gateway, anonymous until `login`. */
  client(): GraphQLClient;
  /** A client signed in as a demo user (password demo-pass-2026). */
  loginAs(email: string): Promise<GraphQLClient>;
  /** Every secret the run's clients sent or received (and any a test remembers): what no log may hold. */
  secrets: SecretLedger;
}

/** The real graph on free ports over a copy of the seeded database: five subgraphs and the gateway. */
export async function startTestStack(
  options: {
    production?: boolean;
    gatewaySecurity?: StackOptions['gatewaySecurity'];
    mfaPolicy?: StackOptions['mfaPolicy'];
    orders?: StackOptions['orders'];
    integration?: StackOptions['integration'];
    tokenLifetimes?: StackOptions['tokenLifetimes'];
    database?: TestDatabase;
    /** Shared state in this Redis (REDIS_URL), under keys starting with `keyPrefix` (one per test, so parallel runs do not meet). */
    redis?: { url: string; keyPrefix: string };
  } = {},
): Promise<TestStack> {
  // A given database is shared with the caller (a second stack on it, like a restarted service): stop leaves it.
  const database = options.database ?? (await createTestDatabase({ seeded: true }));
  const ports = { dealers: 0, products: 0, prices: 0, credit: 0, orders: 0, integration: 0 };
  const stack = await startStack({
    databaseUrl: database.url,
    gatewayPort: 0,
    gatewayHost: '127.0.0.1',
    ports,
    seed: false,
    production: options.production,
    gatewaySecurity: options.gatewaySecurity,
    mfaPolicy: options.mfaPolicy,
    orders: options.orders,
    integration: options.integration,
    tokenLifetimes: options.tokenLifetimes,
    logLevel: 'error',
    poolSize: 4,
    faultInjection: true,
    passwordHashCost: TEST_PASSWORD_HASH_COST,
    ...(options.redis ? { redisUrl: options.redis.url, redisKeyPrefix: options.redis.keyPrefix } : {}),
  });
  const secrets = new SecretLedger();
  const client = () => new GraphQLClient(stack.gatewayUrl, (query, variables, data) => secrets.observe(query, variables, data));
  return {
    ...stack,
    database,
    secrets,
    client,
    loginAs: async (email) => {
      const signedIn = client();
      await signedIn.login(email, 'demo-pass-2026');
      return signedIn;
    },
    stop: async () => {
      await stack.stop();
      if (!options.database) await database.drop();
    },
  };
}
